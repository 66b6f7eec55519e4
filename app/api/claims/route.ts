import { withRole } from "@/lib/auth/role-guards";
import { addClaim, addClaims } from "@/lib/claims/claim-commands";
import { db } from "@/lib/db";
import { readJson } from "@/lib/http/read-json";

/** One claim, or `{ claims: [...] }` for several figures from one statement (saved all or nothing). */
export const POST = withRole("editor", async (user, request) => {
  const body = await readJson<Record<string, unknown>>(request);
  const result = Array.isArray(body?.claims)
    ? await addClaims(db, body.claims as Parameters<typeof addClaims>[1], user.id)
    : await addClaim(db, body as Parameters<typeof addClaim>[1], user.id);
  return Response.json(result, { status: 201 });
});
