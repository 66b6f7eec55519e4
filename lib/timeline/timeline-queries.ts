// Incidents and reconciled killed per week or month, aggregated by PostgreSQL: the answer has one
// row per bucket however many incidents match.
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { incidentFilterSql } from "@/lib/incidents/incident-filter-sql";
import type { IncidentFilter } from "@/lib/validation/incident-filter";
import { chooseInterval, fillBuckets, type TimelineBucket, type TimelineInterval } from "./timeline-buckets";

export type TimelineData = { interval: TimelineInterval; total: number; buckets: TimelineBucket[] };

export async function timelineData(filter: IncidentFilter, requested: TimelineInterval | "auto"): Promise<TimelineData> {
  const where = incidentFilterSql(filter);
  let interval: TimelineInterval;
  if (requested === "auto") {
    const [span] = await db.$queryRaw<{ first: Date | null; last: Date | null }[]>`
      SELECT min(i."dateStart") AS first, max(i."dateStart") AS last FROM "Incident" i WHERE ${where}`;
    interval = chooseInterval(span?.first ? iso(span.first) : null, span?.last ? iso(span.last) : null);
  } else {
    interval = requested;
  }
  // The unit is spliced in from a closed list: date_trunc needs it as a literal to use it in GROUP BY.
  const unit = Prisma.raw(`'${interval === "week" ? "week" : "month"}'`);
  const rows = await db.$queryRaw<
    { start: Date; incidents: number; low: number; best: number; high: number; openHigh: number; contested: number }[]
  >`
    SELECT date_trunc(${unit}, i."dateStart")::date AS start,
           count(*)::int AS incidents,
           coalesce(sum(i."headlineLow"), 0)::float8 AS low,
           coalesce(sum(i."headlineBest"), 0)::float8 AS best,
           coalesce(sum(coalesce(i."headlineHigh", i."headlineBest")), 0)::float8 AS high,
           (count(*) FILTER (WHERE i."headlineBest" IS NOT NULL AND i."headlineHigh" IS NULL))::int AS "openHigh",
           (count(*) FILTER (WHERE i."headlineContested"))::int AS contested
    FROM "Incident" i
    WHERE ${where}
    GROUP BY 1
    ORDER BY 1`;
  const buckets = fillBuckets(
    rows.map((r) => ({ ...r, start: iso(r.start), low: Math.round(r.low), best: Math.round(r.best), high: Math.round(r.high) })),
    interval,
  );
  return { interval, total: rows.reduce((sum, r) => sum + r.incidents, 0), buckets };
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}
