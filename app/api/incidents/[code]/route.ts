import { withRole } from "@/lib/auth/role-guards";
import { db } from "@/lib/db";
import { readJson } from "@/lib/http/read-json";
import { updateIncident } from "@/lib/incidents/incident-commands";
import { errorResponse } from "@/lib/errors";
import { getIncidentByCode, incidentDetailDto } from "@/lib/incidents/incident-queries";
import { CodeParamsSchema, routeParams } from "@/lib/validation/route-params";

export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  try {
    const { code } = await routeParams(params, CodeParamsSchema);
    const incident = await getIncidentByCode(code);
    if (incident.mergedIntoId) {
      // A merged incident's code keeps working: it points at the incident that absorbed it.
      const target = await db.incident.findUniqueOrThrow({ where: { id: incident.mergedIntoId }, select: { code: true } });
      return Response.redirect(new URL(`/api/incidents/${target.code}`, request.url), 308);
    }
    return Response.json(incidentDetailDto(incident));
  } catch (error) {
    return errorResponse(error);
  }
}

export const PATCH = withRole("editor", async (user, request, { params }: { params: Promise<{ code: string }> }) => {
  const incident = await updateIncident(db, (await routeParams(params, CodeParamsSchema)).code, await readJson(request), user.id);
  return Response.json({ code: incident.code, version: incident.version, merge: incident.merge });
});
