import { withRole } from "@/lib/auth/role-guards";
import { recordDecision } from "@/lib/claims/claim-commands";
import { db } from "@/lib/db";
import { readJson } from "@/lib/http/read-json";
import { CodeParamsSchema, routeParams } from "@/lib/validation/route-params";

type Context = { params: Promise<{ code: string }> };

export const POST = withRole("editor", async (user, request, { params }: Context) => {
  const body = await readJson<Record<string, unknown>>(request);
  const result = await recordDecision(
    db,
    { ...body, incidentCode: (await routeParams(params, CodeParamsSchema)).code } as Parameters<typeof recordDecision>[1],
    user.id,
  );
  return Response.json(result, { status: 201 });
});
