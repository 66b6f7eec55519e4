// Incidents and reconciled killed per week or month, aggregated by PostgreSQL: the answer has one
// row per bucket however many incidents match. With no filter but dates, the sums come from the
// IncidentTimelineDay summary (~30,000 rows for fifteen years, kept by triggers) instead of the
// incidents; with event types or flags besides, from its facet twin IncidentTimelineFacetDay.
// tests/db/map-summary.test.ts proves the summaries and the incidents give the same buckets.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { dateRangeConditions, incidentFilterSql } from "@/lib/incidents/incident-filter-sql";
import { summaryFacetOf } from "@/lib/incidents/summary-facet";
import type { IncidentFilter } from "@/lib/validation/incident-filter";
import { chooseInterval, fillBuckets, type TimelineBucket, type TimelineInterval } from "./timeline-buckets";
import { isoDay } from "@/lib/validation/calendar-day";

export type TimelineData = { interval: TimelineInterval; total: number; buckets: TimelineBucket[] };

const SUMMARY_FILTER_KEYS = new Set<string>(["from", "to", "eventType", "flag"]);

/**
 * The facet rows that answer a filter: event types or one flag as in the map's facet summary, and
 * several flags from the rows per set of flags (each incident has one set, so the sets sharing a
 * flag with the filter count every matching incident once). Null: no facet; undefined: none can.
 */
function timelineFacetOf(filter: IncidentFilter): { facet: "event_type" | "flag" | "flag_set"; values: string[] } | null | undefined {
  if ((filter.flag?.length ?? 0) > 1 && !filter.eventType?.length) return { facet: "flag_set", values: filter.flag! };
  return summaryFacetOf(filter);
}

/**
 * Filters the timeline summaries answer exactly: they are grouped by first and last day, so date
 * ranges apply to them as to the incidents; the facet summary adds event types or flags.
 * Anything else reads the incidents.
 */
export function timelineSummaryCanAnswer(filter: IncidentFilter): boolean {
  return (
    timelineFacetOf(filter) !== undefined &&
    Object.entries(filter).every(([key, value]) => value === undefined || SUMMARY_FILTER_KEYS.has(key))
  );
}

/** The summary rows for this filter, as the relation `i` with the columns of IncidentTimelineDay. */
function summaryRows(filter: IncidentFilter): Prisma.Sql {
  const facet = timelineFacetOf(filter);
  if (!facet) return Prisma.sql`"IncidentTimelineDay" i`;
  const values =
    facet.facet === "flag_set"
      ? Prisma.sql`string_to_array("value", ',') && ARRAY[${Prisma.join(facet.values)}]::text[]`
      : Prisma.sql`"value" IN (${Prisma.join(facet.values)})`;
  return Prisma.sql`(SELECT * FROM "IncidentTimelineFacetDay" WHERE "facet" = ${facet.facet} AND ${values}) i`;
}

export type TimelineOptions = { source?: "auto" | "summary" | "incidents" };

export async function timelineData(
  filter: IncidentFilter,
  requested: TimelineInterval | "auto",
  options: TimelineOptions = {},
): Promise<TimelineData> {
  const summary = options.source === "summary" || (options.source !== "incidents" && timelineSummaryCanAnswer(filter));
  if (summary && !timelineSummaryCanAnswer(filter)) throw new Error("the timeline summary cannot answer this filter");
  // Both sources expose the same columns: the summary's are sums over the incidents of a row.
  const rowsOf = summary
    ? summaryRows(filter)
    : Prisma.sql`(SELECT "dateStart", "dateEnd", 1 AS "incidents", coalesce("headlineLow", 0) AS "low", coalesce("headlineBest", 0) AS "best",
                         coalesce("headlineHigh", "headlineBest", 0) AS "high", ("headlineBest" IS NOT NULL AND "headlineHigh" IS NULL)::int AS "openHigh",
                         "headlineContested"::int AS "contested" FROM "Incident" i WHERE ${incidentFilterSql(filter)}) i`;
  const dates = dateRangeConditions(filter);
  const where = summary && dates.length ? Prisma.join(dates, " AND ") : Prisma.sql`TRUE`;
  let interval: TimelineInterval;
  if (requested === "auto") {
    const [span] = await db.$queryRaw<{ first: Date | null; last: Date | null }[]>`
      SELECT min(i."dateStart") AS first, max(i."dateStart") AS last FROM ${rowsOf} WHERE ${where}`;
    interval = chooseInterval(span?.first ? isoDay(span.first) : null, span?.last ? isoDay(span.last) : null);
  } else {
    interval = requested;
  }
  // The unit is spliced in from a closed list: date_trunc needs it as a literal to use it in GROUP BY.
  const unit = Prisma.raw(`'${interval === "week" ? "week" : "month"}'`);
  const rows = await db.$queryRaw<
    { start: Date; incidents: number; low: number; best: number; high: number; openHigh: number; contested: number }[]
  >`
    SELECT date_trunc(${unit}, i."dateStart"::timestamp)::date AS start,
           sum(i."incidents")::int AS incidents,
           sum(i."low")::float8 AS low,
           sum(i."best")::float8 AS best,
           sum(i."high")::float8 AS high,
           sum(i."openHigh")::int AS "openHigh",
           sum(i."contested")::int AS contested
    FROM ${rowsOf}
    WHERE ${where}
    GROUP BY 1
    ORDER BY 1`;
  const buckets = fillBuckets(
    rows.map((r) => ({ ...r, start: isoDay(r.start), low: Math.round(r.low), best: Math.round(r.best), high: Math.round(r.high) })),
    interval,
  );
  return { interval, total: rows.reduce((sum, r) => sum + r.incidents, 0), buckets };
}
