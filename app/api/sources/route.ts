import { withRole } from "@/lib/auth/role-guards";
import { db } from "@/lib/db";
import { errorResponse } from "@/lib/errors";
import { readJson } from "@/lib/http/read-json";
import { createSource } from "@/lib/sources/source-commands";

/** Every source, for pickers and scripts. Public like all reads. */
export async function GET() {
  try {
    const sources = await db.source.findMany({
      orderBy: { name: "asc" },
      select: { id: true, slug: true, name: true, kind: true, countryIso3: true, isParty: true, url: true },
    });
    return Response.json({ items: sources });
  } catch (error) {
    return errorResponse(error);
  }
}

export const POST = withRole("editor", async (user, request) => {
  const source = await createSource(db, await readJson(request), user.id);
  return Response.json({ source }, { status: 201 });
});
