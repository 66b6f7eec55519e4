// Exports walk the filtered incidents in batches ordered by code (keyset pagination on the
// unique code index): memory stays flat whatever the size of the result, and the order is the
// same in every database, so two exports of the same data are byte-identical.
import "server-only";
import type { Tx } from "@/lib/db";
import type { IncidentFilter } from "@/lib/validation/incident-filter";
import { incidentWhere } from "@/lib/incidents/incident-queries";
import { incidentFilterSql } from "@/lib/incidents/incident-filter-sql";
import { pendingFiguresSql, type DataVersion } from "./copy-export";
import { inlineSql } from "./sql-literal";

export const EXPORT_BATCH_SIZE = 2000;

export const exportIncidentSelect = {
  id: true,
  code: true,
  title: true,
  summary: true,
  dateStart: true,
  dateEnd: true,
  datePrecision: true,
  countryIso3: true,
  admin1: true,
  admin2: true,
  placeName: true,
  latitude: true,
  longitude: true,
  locationPrecision: true,
  eventType: true,
  subEventType: true,
  grading: true,
  acledEventId: true,
  ucdpId: true,
  headlineLow: true,
  headlineBest: true,
  headlineHigh: true,
  headlineContested: true,
  flags: true,
  updatedAt: true,
} as const;

async function fetchBatch(tx: Tx, filter: IncidentFilter, after: string | null, size: number) {
  const where = incidentWhere(filter);
  return tx.incident.findMany({
    where: after === null ? where : { AND: [where, { code: { gt: after } }] },
    orderBy: { code: "asc" },
    take: size,
    select: exportIncidentSelect,
  });
}

export type ExportIncident = Awaited<ReturnType<typeof fetchBatch>>[number];

export async function* incidentBatches(tx: Tx, filter: IncidentFilter, size = EXPORT_BATCH_SIZE): AsyncGenerator<ExportIncident[]> {
  let after: string | null = null;
  for (;;) {
    const batch = await fetchBatch(tx, filter, after, size);
    if (batch.length === 0) return;
    yield batch;
    if (batch.length < size) return;
    after = batch[batch.length - 1]!.code;
  }
}

/** A fingerprint that costs one query, for response headers: how many incidents and when the latest changed. */
export async function dataVersion(tx: Tx, filter: IncidentFilter): Promise<DataVersion> {
  const agg = await tx.incident.aggregate({ where: incidentWhere(filter), _count: { _all: true }, _max: { updatedAt: true } });
  const pending = await tx.$queryRawUnsafe<{ n: number }[]>(`SELECT (${pendingFiguresSql(inlineSql(incidentFilterSql(filter)))}) AS n`);
  return { incidents: agg._count._all, lastUpdated: agg._max.updatedAt?.toISOString() ?? null, figuresPending: pending[0]?.n ?? 0 };
}
