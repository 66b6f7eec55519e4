import { withRole } from "@/lib/auth/role-guards";
import { db } from "@/lib/db";
import { readJson } from "@/lib/http/read-json";
import { mergeIncidents } from "@/lib/incidents/incident-commands";
import { CodeParamsSchema, routeParams } from "@/lib/validation/route-params";

type Context = { params: Promise<{ code: string }> };

export const POST = withRole("editor", async (user, request, { params }: Context) => {
  const result = await mergeIncidents(db, (await routeParams(params, CodeParamsSchema)).code, await readJson(request), user.id);
  return Response.json({ code: result.target.code, claimsMoved: result.claimsMoved });
});
