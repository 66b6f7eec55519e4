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
