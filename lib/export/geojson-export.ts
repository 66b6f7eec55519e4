// incidents.geojson: a FeatureCollection (RFC 7946), one Point per incident with its stored
// headline and figures, written feature by feature so it streams like the CSVs.
import "server-only";
import type { Tx } from "@/lib/db";
import { figureSelect, sortFigures, toFigureDto } from "@/lib/incidents/figure-dto";
import type { IncidentFilter } from "@/lib/validation/incident-filter";
import { isoDay } from "@/lib/validation/calendar-day";
import { incidentBatches } from "./incident-batches";

export const GEOJSON_OPEN = '{"type":"FeatureCollection","features":[\n';
export const GEOJSON_CLOSE = "\n]}\n";

/** Yields the features of each batch as JSON texts (one per feature). */
export async function* geojsonFeatures(tx: Tx, filter: IncidentFilter): AsyncGenerator<string[]> {
  for await (const incidents of incidentBatches(tx, filter)) {
    const figures = await tx.reconciliation.findMany({
      where: { incidentId: { in: incidents.map((i) => i.id) } },
      select: { incidentId: true, ...figureSelect },
    });
    const byIncident = new Map<string, typeof figures>();
    for (const f of figures) byIncident.set(f.incidentId, [...(byIncident.get(f.incidentId) ?? []), f]);
    yield incidents.map((i) =>
      JSON.stringify({
        type: "Feature",
        id: i.code,
        geometry: { type: "Point", coordinates: [i.longitude, i.latitude] },
        properties: {
          code: i.code,
          title: i.title,
          dateStart: isoDay(i.dateStart),
          dateEnd: isoDay(i.dateEnd),
          datePrecision: i.datePrecision,
          countryIso3: i.countryIso3,
          admin1: i.admin1,
          admin2: i.admin2,
          placeName: i.placeName,
          locationPrecision: i.locationPrecision,
          eventType: i.eventType,
          subEventType: i.subEventType,
          grading: i.grading,
          flags: i.flags,
          externalIds: { acled: i.acledEventId, ucdp: i.ucdpId },
          headline:
            i.headlineBest === null || i.headlineLow === null
              ? null
              : { low: i.headlineLow, best: i.headlineBest, high: i.headlineHigh, contested: i.headlineContested },
          figures: sortFigures((byIncident.get(i.id) ?? []).map(toFigureDto)),
          updatedAt: i.updatedAt.toISOString(),
        },
      }),
    );
  }
}
