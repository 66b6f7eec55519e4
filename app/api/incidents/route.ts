import { withRole } from "@/lib/auth/role-guards";
import { db } from "@/lib/db";
import { readJson } from "@/lib/http/read-json";
import { createIncident } from "@/lib/incidents/incident-commands";
import { errorResponse } from "@/lib/errors";
import { listIncidents } from "@/lib/incidents/incident-queries";
import { parseIncidentListQuery } from "@/lib/validation/incident-filter";

export async function GET(request: Request) {
  try {
    const query = parseIncidentListQuery(new URL(request.url).searchParams);
    return Response.json(await listIncidents(query));
  } catch (error) {
    return errorResponse(error);
  }
}

export const POST = withRole("editor", async (user, request) => {
  const incident = await createIncident(db, await readJson(request), user.id);
  return Response.json({ code: incident.code, version: incident.version }, { status: 201 });
});
