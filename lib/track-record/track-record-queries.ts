// Reads of the stored track record, for the source pages, the API and sources.csv. Nothing here
// runs the reconciliation engine: the leave-one-out figures are stored per incident
// ("SourceComparison", kept by track-record-worker.ts). Without a filter the stored statistics
// answer as they are; with one, the source's comparison rows of the matching incidents are read
// (one index range of the primary key, joined to their incidents) and summed up here.
import { pushTo } from "./push-to";
import "server-only";
import type { Db } from "@/lib/db";
import { CATEGORIES, METRICS, type Category, type Metric, type SourceKind } from "@/lib/domain/vocabularies";
import { Prisma } from "@/lib/generated/prisma/client";
import { incidentFilterSql } from "@/lib/incidents/incident-filter-sql";
import { isEmptyFilter } from "@/lib/validation/track-record-query";
import type { IncidentFilter } from "@/lib/validation/incident-filter";
import type { FigureBasis } from "./incident-comparisons";
import { statsOfStoredRow, type GroupStats } from "./stored-stats";
import { headToHead, statsByGroup, type HeadToHead, type StatRow } from "./track-record-stats";

export type { GroupStats } from "./stored-stats";

const groupOrder = (g: { metric: Metric; category: Category }) => METRICS.indexOf(g.metric) * 10 + CATEGORIES.indexOf(g.category);
const sortGroups = <T extends { metric: Metric; category: Category }>(groups: T[]) => groups.sort((a, b) => groupOrder(a) - groupOrder(b));

type GroupedStatRow = StatRow & { metric: Metric; category: Category };
const STAT_ROW = Prisma.sql`sc.metric::text AS metric, sc.category::text AS category, sc.value, sc.basis::text AS basis, sc."othersLow", sc."othersBest", sc."othersHigh", sc.revision::text AS revision, sc."delayDays"`;

/** A source's statistics per metric × category, over the incidents of `filter`. */
export async function sourceTrackRecord(db: Db, sourceId: string, filter: IncidentFilter): Promise<GroupStats[]> {
  if (isEmptyFilter(filter)) {
    const rows = await db.sourceTrackRecord.findMany({ where: { sourceId } });
    return sortGroups(rows.map(statsOfStoredRow));
  }
  const rows = await db.$queryRaw<GroupedStatRow[]>`
    SELECT ${STAT_ROW} FROM "SourceComparison" sc JOIN "Incident" i ON i.id = sc."incidentId"
     WHERE sc."sourceId" = ${sourceId}::uuid AND ${incidentFilterSql(filter)}`;
  return sortGroups(statsByGroup(rows));
}

/** Statistics per kind of source and metric × category, over the incidents of `filter`. */
export async function kindTrackRecords(db: Db, filter: IncidentFilter): Promise<(GroupStats & { kind: SourceKind })[]> {
  const byKind = (a: { kind: SourceKind }, b: { kind: SourceKind }) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0);
  if (isEmptyFilter(filter)) {
    const rows = await db.sourceKindTrackRecord.findMany();
    return sortGroups(rows.map((r) => ({ kind: r.kind, ...statsOfStoredRow(r) }))).sort(byKind);
  }
  const rows = await db.$queryRaw<(GroupedStatRow & { kind: SourceKind })[]>`
    SELECT s.kind::text AS kind, ${STAT_ROW} FROM "SourceComparison" sc JOIN "Source" s ON s.id = sc."sourceId" JOIN "Incident" i ON i.id = sc."incidentId"
     WHERE ${incidentFilterSql(filter)}`;
  const kinds = new Map<SourceKind, GroupedStatRow[]>();
  for (const row of rows) pushTo(kinds, row.kind, row);
  return [...kinds.entries()].flatMap(([kind, list]) => sortGroups(statsByGroup(list)).map((g) => ({ kind, ...g }))).sort(byKind);
}

export type ScatterPoint = {
  code: string;
  title: string;
  dateStart: string;
  value: number;
  basis: FigureBasis;
  othersLow: number;
  othersBest: number;
  othersHigh: number | null;
};

/** Points shown in the scatter at most (the most recent incidents). */
export const SCATTER_LIMIT = 100;

/** The compared incidents of one metric × category, most recent first, for the scatter and its table. */
export async function scatterPoints(
  db: Db,
  sourceId: string,
  metric: Metric,
  category: Category,
  filter: IncidentFilter,
): Promise<ScatterPoint[]> {
  return db.$queryRaw<ScatterPoint[]>`
    SELECT i.code, i.title, i."dateStart"::text AS "dateStart", sc.value, sc.basis::text AS basis, sc."othersLow", sc."othersBest", sc."othersHigh"
      FROM "SourceComparison" sc JOIN "Incident" i ON i.id = sc."incidentId"
     WHERE sc."sourceId" = ${sourceId}::uuid AND sc.metric = ${metric}::"Metric" AND sc.category = ${category}::"Category" AND sc."othersBest" IS NOT NULL
       AND ${incidentFilterSql(filter)}
     ORDER BY i."dateStart" DESC, i.code LIMIT ${SCATTER_LIMIT}`;
}

/**
 * The source's standing claims per month of their incidents' start. Without a filter, as the
 * track-record worker stored them ("SourceClaimMonth"); with one, counted from the claims.
 */
export async function claimsPerMonth(db: Db, sourceId: string, filter: IncidentFilter): Promise<{ month: string; claims: number }[]> {
  if (isEmptyFilter(filter)) {
    return db.$queryRaw<{ month: string; claims: number }[]>`
      SELECT to_char(month, 'YYYY-MM') AS month, claims FROM "SourceClaimMonth" WHERE "sourceId" = ${sourceId}::uuid AND claims > 0 ORDER BY 1`;
  }
  return db.$queryRaw<{ month: string; claims: number }[]>`
    SELECT to_char(date_trunc('month', i."dateStart"), 'YYYY-MM') AS month, count(*)::int AS claims
      FROM "Claim" c JOIN "Incident" i ON i.id = c."incidentId"
     WHERE c."claimantId" = ${sourceId}::uuid AND c."retractedAt" IS NULL AND ${incidentFilterSql(filter)}
     GROUP BY 1 ORDER BY 1`;
}

/** Documents shown on a source page at most. */
export const DOCUMENT_LIMIT = 100;

export async function sourceDocuments(db: Db, sourceId: string) {
  const [documents, total] = await Promise.all([
    db.document.findMany({
      where: { sourceId },
      orderBy: [{ publishedOn: { sort: "desc", nulls: "last" } }, { title: "asc" }],
      take: DOCUMENT_LIMIT,
      select: {
        id: true,
        title: true,
        url: true,
        publishedOn: true,
        language: true,
        relays: { select: { source: { select: { name: true, slug: true } } } },
        _count: { select: { claims: true } },
      },
    }),
    db.document.count({ where: { sourceId } }),
  ]);
  return { documents, total };
}

/** Two sources on the incidents both gave an active figure for, per metric × category. */
export async function headToHeadOf(
  db: Db,
  aId: string,
  bId: string,
  filter: IncidentFilter,
): Promise<(HeadToHead & { metric: Metric; category: Category })[]> {
  const rows = await db.$queryRaw<
    { metric: Metric; category: Category; a: number; b: number; incidentCode: string; incidentTitle: string }[]
  >`
    SELECT a.metric::text AS metric, a.category::text AS category, a.value AS a, b.value AS b, i.code AS "incidentCode", i.title AS "incidentTitle"
      FROM "SourceComparison" a
      JOIN "SourceComparison" b ON b."sourceId" = ${bId}::uuid AND b.metric = a.metric AND b.category = a.category AND b."incidentId" = a."incidentId"
      JOIN "Incident" i ON i.id = a."incidentId"
     WHERE a."sourceId" = ${aId}::uuid AND ${incidentFilterSql(filter)}`;
  const groups = new Map<string, typeof rows>();
  for (const row of rows) pushTo(groups, `${row.metric}:${row.category}`, row);
  return sortGroups([...groups.values()].map((list) => ({ metric: list[0]!.metric, category: list[0]!.category, ...headToHead(list) })));
}

/** Whether claim changes wait for the worker (the statistics shown may then be a little behind). */
export async function trackRecordPending(db: Db): Promise<boolean> {
  const rows = await db.$queryRaw<{ pending: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM "TrackRecordRefreshRequest") OR EXISTS (SELECT 1 FROM "TrackRecordSourceRequest") AS pending`;
  return rows[0]?.pending ?? false;
}

export async function sourceBySlug(db: Db, slug: string) {
  return db.source.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, kind: true, isParty: true, countryIso3: true, url: true, notes: true },
  });
}

/** Every source, for the compare pickers. */
export async function sourceChoices(db: Db) {
  return db.source.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } });
}
