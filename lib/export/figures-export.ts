// figures.csv: one row per incident × metric × category. Without a method the stored figures
// are written as they are (editor decisions included); with one, best is recomputed from the
// claims by the pure engine under that method, and editor decisions are left out (a decision
// is a choice of best, which the researcher has asked to make differently).
import type { Tx } from "@/lib/db";
import { reconcileIncident, type ComputedMethod, type Figure } from "@/lib/domain/reconcile";
import { loadEngineClaims } from "@/lib/figures/engine-input";
import { sortFigures } from "@/lib/incidents/figure-dto";
import { Prisma } from "@/lib/generated/prisma/client";
import type { IncidentFilter } from "@/lib/validation/incident-filter";
import { isoDay, listCell, type Cell } from "./csv-cell";
import { EXPORT_BATCH_SIZE, incidentBatches, type ExportIncident } from "./incident-batches";
import { incidentFilterSql } from "@/lib/incidents/incident-filter-sql";

type FigureRow = Pick<Figure, "metric" | "category" | "low" | "best" | "high" | "method" | "flags" | "claimCount" | "sourceCount" | "independentSourceCount"> & {
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
  const stored = await tx.reconciliation.findMany({ where: { incidentId: { in: ids } }, select: { incidentId: true, metric: true, category: true, computedAt: true } });
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

type StoredFigureJoinRow = {
  code: string;
  title: string;
  dateStart: Date;
  dateEnd: Date;
  datePrecision: string;
  countryIso3: string;
  admin1: string | null;
  admin2: string | null;
  placeName: string;
  latitude: number;
  longitude: number;
  locationPrecision: number;
  eventType: string;
  subEventType: string | null;
  grading: string;
  metric: string | null;
  category: string | null;
  low: number | null;
  best: number | null;
  high: number | null;
  method: string | null;
  flags: string[] | null;
  claimCount: number | null;
  sourceCount: number | null;
  independentSourceCount: number | null;
  claimants: string[] | null;
  computedAt: Date | null;
};

/**
 * The stored figures, one SQL query per batch of incidents (keyset on code) that joins the
 * incident, its figures and the claimants of each figure. Three ORM queries per batch and a join
 * in JavaScript cost four times as long at a million incidents (README "Scale").
 */
async function* storedFiguresRows(tx: Tx, filter: IncidentFilter): AsyncGenerator<Cell[][]> {
  const where = incidentFilterSql(filter);
  let after: string | null = null;
  for (;;) {
    const rows: StoredFigureJoinRow[] = await tx.$queryRaw<StoredFigureJoinRow[]>(Prisma.sql`
      WITH batch AS (
        SELECT * FROM "Incident" i
        WHERE ${where} AND (${after}::text IS NULL OR i."code" > ${after}::text)
        ORDER BY i."code" LIMIT ${EXPORT_BATCH_SIZE}
      )
      SELECT b."code", b."title", b."dateStart", b."dateEnd", b."datePrecision"::text AS "datePrecision", b."countryIso3", b."admin1", b."admin2",
             b."placeName", b."latitude", b."longitude", b."locationPrecision"::int AS "locationPrecision", b."eventType", b."subEventType",
             b."grading"::text AS "grading", r."metric"::text AS "metric", r."category"::text AS "category", r."low", r."best", r."high",
             r."method"::text AS "method", r."flags"::text[] AS "flags", r."claimCount", r."sourceCount", r."independentSourceCount",
             (SELECT array_agg(DISTINCT s."slug" COLLATE "C" ORDER BY s."slug" COLLATE "C")
                FROM "Claim" c JOIN "Source" s ON s."id" = c."claimantId"
               WHERE c."incidentId" = b."id" AND c."metric" = r."metric" AND c."category" = r."category" AND c."retractedAt" IS NULL) AS "claimants",
             r."computedAt"
      FROM batch b LEFT JOIN "Reconciliation" r ON r."incidentId" = b."id"
      ORDER BY b."code", r."metric", r."category"`);
    if (rows.length === 0) return;
    const out: Cell[][] = [];
    let incidents = 0;
    let previous: string | null = null;
    for (const row of rows) {
      if (row.code !== previous) incidents++;
      previous = row.code;
      // An incident without figures still moves the keyset on, but writes no row.
      if (row.metric === null) continue;
      out.push([
        row.code, row.title, isoDay(row.dateStart), isoDay(row.dateEnd), row.datePrecision, row.countryIso3, row.admin1, row.admin2,
        row.placeName, row.latitude, row.longitude, row.locationPrecision, row.eventType, row.subEventType, row.metric, row.category,
        row.low, row.best, row.high, row.method, listCell(row.flags ?? []), row.claimCount, row.sourceCount, row.independentSourceCount,
        listCell(row.claimants ?? []), row.grading, row.computedAt!.toISOString(),
      ]);
    }
    yield out;
    if (incidents < EXPORT_BATCH_SIZE) return;
    after = previous;
  }
}

export async function* figuresRows(tx: Tx, filter: IncidentFilter, method: ComputedMethod | null): AsyncGenerator<Cell[][]> {
  if (method === null) {
    yield* storedFiguresRows(tx, filter);
    return;
  }
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
