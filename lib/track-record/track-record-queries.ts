// Reads of the stored track record, for the source pages, the API and sources.csv. Nothing here
// runs the reconciliation engine: the leave-one-out figures are stored per incident
// ("SourceComparison", kept by track-record-worker.ts). Without a filter the stored statistics
// answer as they are; with one, the source's comparison rows of the matching incidents are read
// (one index range of the primary key, joined to their incidents only for filter keys beyond
// country, dates and event type) and summed up here.
import { pushTo } from "./push-to";
import "server-only";
import type { Db } from "@/lib/db";
import { CATEGORIES, METRICS, type Category, type Metric, type SourceKind } from "@/lib/domain/vocabularies";
import { Prisma } from "@/lib/generated/prisma/client";
import { copiedColumnsFilterSql, incidentFilterSql } from "@/lib/incidents/incident-filter-sql";
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

type FilteredRow = GroupedStatRow & { incidentId: string; dateStart: string };

/**
 * A source's comparison rows over the incidents of a (non-empty) filter. Country, dates and event
 * type are read from the rows' own copies of their incident's columns: no join, one index range
 * (joining a source's ~10,000 rows to their incidents cost ~100-300 ms at 1M). Any other filter
 * key joins the incidents. The copies follow an incident's edits through the worker's queue, as
 * the statistics do (a merged incident's rows go with its next refresh).
 */
async function filteredComparisons(db: Db, sourceId: string, filter: IncidentFilter): Promise<FilteredRow[]> {
  const copied = copiedColumnsFilterSql(filter, "sc");
  const columns = Prisma.sql`${STAT_ROW}, sc."incidentId"::text AS "incidentId", sc."dateStart"::text AS "dateStart"`;
  return copied
    ? db.$queryRaw<FilteredRow[]>`SELECT ${columns} FROM "SourceComparison" sc WHERE sc."sourceId" = ${sourceId}::uuid AND ${copied}`
    : db.$queryRaw<FilteredRow[]>`
        SELECT ${columns} FROM "SourceComparison" sc JOIN "Incident" i ON i.id = sc."incidentId"
         WHERE sc."sourceId" = ${sourceId}::uuid AND ${incidentFilterSql(filter)}`;
}

/** A source's statistics per metric × category, over the incidents of `filter`. */
export async function sourceTrackRecord(db: Db, sourceId: string, filter: IncidentFilter): Promise<GroupStats[]> {
  if (isEmptyFilter(filter)) {
    const rows = await db.sourceTrackRecord.findMany({ where: { sourceId } });
    return sortGroups(rows.map(statsOfStoredRow));
  }
  return sortGroups(statsByGroup(await filteredComparisons(db, sourceId, filter)));
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

/** The statistics a source page shows, and the scatter of the chosen (or busiest) metric × category. */
export type SourcePageTrackRecord = { groups: GroupStats[]; chosen: GroupStats | null; points: ScatterPoint[] };

/** The group asked for, else the one with the most compared incidents. */
function chooseGroup(groups: GroupStats[], wanted: { metric?: Metric; category?: Category }): GroupStats | null {
  return (
    groups.find((g) => g.metric === wanted.metric && g.category === wanted.category) ??
    [...groups].sort((a, b) => b.stats.compared - a.stats.compared)[0] ??
    null
  );
}

const byDateDescThenCode = (a: { dateStart: string; code: string }, b: { dateStart: string; code: string }) =>
  a.dateStart < b.dateStart ? 1 : a.dateStart > b.dateStart ? -1 : a.code < b.code ? -1 : a.code > b.code ? 1 : 0;

/**
 * The scatter's points from compared rows holding the most recent SCATTER_LIMIT and every row of
 * the same day as the last of them: most recent first, then by code, which only the incidents
 * know (their codes and titles are read here, by primary key).
 */
async function scatterOf(db: Db, rows: readonly FilteredRow[]): Promise<ScatterPoint[]> {
  if (!rows.length) return [];
  const incidents = new Map(
    (
      await db.$queryRaw<{ id: string; code: string; title: string }[]>`
        SELECT id::text AS id, code, title FROM "Incident" WHERE id = ANY(${rows.map((r) => r.incidentId)}::uuid[])`
    ).map((r) => [r.id, r]),
  );
  return rows
    .flatMap((r) => {
      const incident = incidents.get(r.incidentId);
      if (!incident || r.othersLow === null || r.othersBest === null) return [];
      const { value, basis, othersLow, othersBest, othersHigh, dateStart } = r;
      return [{ code: incident.code, title: incident.title, dateStart, value, basis, othersLow, othersBest, othersHigh }];
    })
    .sort(byDateDescThenCode)
    .slice(0, SCATTER_LIMIT);
}

/**
 * A source page's statistics and scatter (the compared incidents of one metric × category, most
 * recent first). Unfiltered: the stored statistics, and the group's most recent rows by their own
 * copy of the incident's start. Filtered: both from one read of the source's rows in the filter (a
 * second read for the scatter read the same thousands of rows again).
 */
export async function sourcePageTrackRecord(
  db: Db,
  sourceId: string,
  filter: IncidentFilter,
  wanted: { metric?: Metric; category?: Category },
): Promise<SourcePageTrackRecord> {
  if (isEmptyFilter(filter)) {
    const groups = await sourceTrackRecord(db, sourceId, filter);
    const chosen = chooseGroup(groups, wanted);
    if (!chosen?.stats.compared) return { groups, chosen, points: [] };
    const recent = await db.$queryRaw<FilteredRow[]>`
      SELECT ${STAT_ROW}, sc."incidentId"::text AS "incidentId", sc."dateStart"::text AS "dateStart" FROM "SourceComparison" sc
       WHERE sc."sourceId" = ${sourceId}::uuid AND sc.metric = ${chosen.metric}::"Metric" AND sc.category = ${chosen.category}::"Category"
         AND sc."othersBest" IS NOT NULL
       ORDER BY sc."dateStart" DESC FETCH FIRST ${SCATTER_LIMIT} ROWS WITH TIES`;
    return { groups, chosen, points: await scatterOf(db, recent) };
  }
  const rows = await filteredComparisons(db, sourceId, filter);
  const groups = sortGroups(statsByGroup(rows));
  const chosen = chooseGroup(groups, wanted);
  if (!chosen?.stats.compared) return { groups, chosen, points: [] };
  const compared = rows
    .filter((r) => r.metric === chosen.metric && r.category === chosen.category && r.othersBest !== null)
    .sort((a, b) => (a.dateStart < b.dateStart ? 1 : a.dateStart > b.dateStart ? -1 : 0));
  const lastDay = compared[Math.min(SCATTER_LIMIT, compared.length) - 1]!.dateStart;
  return {
    groups,
    chosen,
    points: await scatterOf(
      db,
      compared.filter((r) => r.dateStart >= lastDay),
    ),
  };
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
  // Country, dates and event type: from the source's claims per incident ("SourceIncident"), which
  // copy those columns of their incident; anything else counts the claims joined to their incidents.
  const copied = copiedColumnsFilterSql(filter, "si");
  if (copied) {
    return db.$queryRaw<{ month: string; claims: number }[]>`
      SELECT to_char(date_trunc('month', si."dateStart"), 'YYYY-MM') AS month, sum(si.claims)::int AS claims
        FROM "SourceIncident" si WHERE si."sourceId" = ${sourceId}::uuid AND ${copied}
       GROUP BY 1 ORDER BY 1`;
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
