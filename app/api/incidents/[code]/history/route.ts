// GET /api/incidents/{code}/history: the incident's changes, newest first, as readable lines; an
// edit lists each field's value before → after (the same lines as the incident page), in English
// unless the request's locale (cookie, Accept-Language) asks for another; codes and field names stay.
import { z } from "zod";
import { errorResponse } from "@/lib/errors";
import { serverI18n } from "@/lib/i18n/server-i18n";
import { historyDto } from "@/lib/incidents/history-lines";
import { incidentHistory } from "@/lib/incidents/incident-history-queries";
import { getIncidentByCode } from "@/lib/incidents/incident-queries";
import { INCIDENT_CODE } from "@/lib/validation/incident";

const ParamsSchema = z.object({ code: z.string().regex(INCIDENT_CODE, "code must look like MLI-2025-0001") });
const QuerySchema = z.object({
  limit: z.coerce
    .number({ message: "limit must be a number" })
    .int("limit must be a whole number")
    .min(1, "limit must be 1 to 1000")
    .max(1000, "limit must be 1 to 1000")
    .default(200),
});

export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  try {
    const { code } = ParamsSchema.parse(await params);
    const { limit } = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const incident = await getIncidentByCode(code);
    const { entries, truncated } = await incidentHistory(incident.id, limit);
    return Response.json({
      code: incident.code,
      version: incident.version,
      truncated,
      items: historyDto(await serverI18n(), entries, incident.claims),
    });
  } catch (error) {
    return errorResponse(error);
  }
}
