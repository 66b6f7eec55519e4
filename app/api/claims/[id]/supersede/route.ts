import { withRole } from "@/lib/auth/role-guards";
import { supersedeClaim } from "@/lib/claims/claim-commands";
import { db } from "@/lib/db";
import { readJson } from "@/lib/http/read-json";
import { IdParamsSchema, routeParams } from "@/lib/validation/route-params";

type Context = { params: Promise<{ id: string }> };

export const POST = withRole("editor", async (user, request, { params }: Context) => {
  const body = await readJson<Record<string, unknown>>(request);
  const result = await supersedeClaim(
    db,
    { ...body, claimId: (await routeParams(params, IdParamsSchema)).id } as Parameters<typeof supersedeClaim>[1],
    user.id,
  );
  return Response.json(result, { status: 201 });
});
