import { withRole } from "@/lib/auth/role-guards";
import { addClaim } from "@/lib/claims/claim-commands";
import { db } from "@/lib/db";
import { readJson } from "@/lib/http/read-json";

export const POST = withRole("editor", async (user, request) => {
  const result = await addClaim(db, await readJson(request), user.id);
  return Response.json(result, { status: 201 });
});
