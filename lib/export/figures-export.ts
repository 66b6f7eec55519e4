// figures.csv: one row per incident × metric × category. Without a method the stored figures
// are written as they are (editor decisions included), by PostgreSQL (./figures-copy.ts); with
// one, best is recomputed from the claims by the pure engine under that method (here), and editor
// decisions are left out (a decision is a choice of best, which the researcher has asked to make
// differently).
import "server-only";
import type { Tx } from "@/lib/db";
import { reconcileIncident, type ComputedMethod, type Figure } from "@/lib/domain/reconcile";
import { loadEngineClaims } from "@/lib/figures/engine-input";
import { sortFigures } from "@/lib/incidents/figure-dto";
import { Prisma } from "@/lib/generated/prisma/client";
import type { IncidentFilter } from "@/lib/validation/incident-filter";
import { listCell, type Cell } from "./csv-cell";
import { isoDay } from "@/lib/validation/calendar-day";
import { countryName } from "@/lib/datasets/dataset-mapping";
import { incidentBatches, type ExportIncident } from "./incident-batches";

type FigureRow = Pick<
  Figure,
  "metric" | "category" | "low" | "best" | "high" | "method" | "flags" | "claimCount" | "sourceCount" | "independentSourceCount"
> & {
  updatedAt: Date;
};

const groupKey = (incidentId: string, metric: string, category: string) => `${incidentId}:${metric}:${category}`;

/** Slugs of the sources with a standing (non-retracted) claim in each figure: the `sources` count, named. */
export async function claimantsByGroup(tx: Tx, incidentIds: string[]): Promise<Map<string, string[]>> {
  if (incidentIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ incidentId: string; metric: string; category: string; slugs: string[] }[]>(Prisma.sql`
    SELECT c."incidentId"::text AS "incidentId", c."metric"::text AS "metric", c."category"::text AS "category",
           array_agg(DISTINCT s."slug" COLLATE "C" ORDER BY s."slug" COLLATE "C") AS "slugs"
    FROM "Claim" c JOIN "Source" s ON s."id" = c."claimantId"
    WHERE c."incidentId" = ANY(${incidentIds}::uuid[]) AND c."retractedAt" IS NULL
    GROUP BY 1, 2, 3`);
  return new Map(rows.map((r) => [groupKey(r.incidentId, r.metric, r.category), r.slugs]));
}

async function recomputedFigures(tx: Tx, incidents: ExportIncident[], method: ComputedMethod): Promise<Map<string, FigureRow[]>> {
  const ids = incidents.map((i) => i.id);
  const claims = await loadEngineClaims(tx, ids);
  const stored = await tx.reconciliation.findMany({
    where: { incidentId: { in: ids } },
    select: { incidentId: true, metric: true, category: true, computedAt: true },
  });
  // A recomputed figure changes when its stored counterpart does (both follow the same claims).
  const storedAt = new Map(stored.map((s) => [groupKey(s.incidentId, s.metric, s.category), s.computedAt]));
  const byIncident = new Map<string, FigureRow[]>();
  for (const incident of incidents) {
    const figures = reconcileIncident(claims.get(incident.id) ?? [], { method });
    byIncident.set(
      incident.id,
      figures.map((f) => ({ ...f, updatedAt: storedAt.get(groupKey(incident.id, f.metric, f.category)) ?? incident.updatedAt })),
    );
  }
  return byIncident;
}

/** The figures recomputed under `method`, batch by batch. (The stored figures are written by COPY: ./figures-copy.ts.) */
export async function* figuresRows(tx: Tx, filter: IncidentFilter, method: ComputedMethod): AsyncGenerator<Cell[][]> {
  for await (const incidents of incidentBatches(tx, filter)) {
    const ids = incidents.map((i) => i.id);
    // One connection serves the snapshot: its queries run one after another.
    const figures = await recomputedFigures(tx, incidents, method);
    const claimants = await claimantsByGroup(tx, ids);
    const rows: Cell[][] = [];
    for (const incident of incidents) {
      for (const f of sortFigures(figures.get(incident.id) ?? [])) {
        rows.push([
          incident.code,
          incident.title,
          isoDay(incident.dateStart),
          isoDay(incident.dateEnd),
          incident.datePrecision,
          incident.countryIso3,
          countryName(incident.countryIso3),
          incident.admin1,
          incident.admin2,
          incident.placeName,
          incident.latitude,
          incident.longitude,
          incident.locationPrecision,
          incident.eventType,
          incident.subEventType,
          f.metric,
          f.category,
          f.low,
          f.best,
          f.high,
          f.method,
          listCell(f.flags),
          f.claimCount,
          f.sourceCount,
          f.independentSourceCount,
          listCell(claimants.get(groupKey(incident.id, f.metric, f.category)) ?? []),
          incident.grading,
          f.updatedAt.toISOString(),
        ]);
      }
    }
    yield rows;
  }
}
