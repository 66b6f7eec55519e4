import { withRole } from "@/lib/auth/role-guards";
import { db } from "@/lib/db";
import { readJson } from "@/lib/http/read-json";
import { createDocument } from "@/lib/sources/source-commands";

export const POST = withRole("editor", async (user, request) => {
  const document = await createDocument(db, await readJson(request), user.id);
  return Response.json({ document }, { status: 201 });
});
