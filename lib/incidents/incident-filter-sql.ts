// The incident filter as a SQL condition, for the aggregate reads (map grid, timeline) that
// Prisma's query builder cannot express (GROUP BY an expression). It must select exactly the
// incidents that `incidentWhere` selects: tests/db/incident-filter.test.ts checks the two agree.
import { Prisma } from "@/lib/generated/prisma/client";
import type { IncidentFilter } from "@/lib/validation/incident-filter";

/** Escapes LIKE wildcards so "50%" or "al_shabaab" match literally, as Prisma's `contains` does. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The date range on `i."dateStart"` / `i."dateEnd"`: an incident is in range when it overlaps
 * it. Shared with the timeline summary, whose rows carry the same two dates.
 */
export function dateRangeConditions(filter: Pick<IncidentFilter, "from" | "to">, alias = "i"): Prisma.Sql[] {
  const a = Prisma.raw(alias);
  const and: Prisma.Sql[] = [];
  if (filter.from) and.push(Prisma.sql`${a}."dateEnd" >= ${filter.from}::date`);
  if (filter.to) and.push(Prisma.sql`${a}."dateStart" <= ${filter.to}::date`);
  return and;
}

/** The filter keys whose columns the track record's rows copy from their incident, under the same names. */
const COPIED_FILTER_KEYS: ReadonlySet<string> = new Set(["country", "from", "to", "eventType"]);

/**
 * The filter as a condition on a table that carries copies of the incident's "countryIso3",
 * "eventType", "dateStart" and "dateEnd" (the track record's "SourceComparison" and
 * "SourceIncident"), aliased `alias`; null when the filter needs more of the incident than that.
 * It selects what incidentFilterSql selects, read from the copies (tests/db/track-record.test.ts).
 */
export function copiedColumnsFilterSql(filter: IncidentFilter, alias: string): Prisma.Sql | null {
  if (Object.entries(filter).some(([key, value]) => value !== undefined && !COPIED_FILTER_KEYS.has(key))) return null;
  const a = Prisma.raw(alias);
  const and = dateRangeConditions(filter, alias);
  if (filter.country) and.push(Prisma.sql`${a}."countryIso3" IN (${Prisma.join(filter.country)})`);
  if (filter.eventType) and.push(Prisma.sql`${a}."eventType" IN (${Prisma.join(filter.eventType)})`);
  return and.length ? Prisma.join(and, " AND ") : Prisma.sql`TRUE`;
}

export type IncidentFilterSqlOptions = {
  /**
   * The relation `i` holds unmerged incidents only (a subquery that already tested it), so the
   * test is left out: on a subquery's output PostgreSQL cannot see it is always true, and guesses
   * it keeps 0.5 % of the rows, which makes it plan for a handful of rows.
   */
  unmergedOnly?: boolean;
};

/** A condition on the table aliased `i` ("Incident" i). Values are always bound parameters. */
export function incidentFilterSql(filter: IncidentFilter, options: IncidentFilterSqlOptions = {}): Prisma.Sql {
  // A merged incident lives on in the one it was merged into; counting both would count it twice.
  const and: Prisma.Sql[] = options.unmergedOnly ? [] : [Prisma.sql`i."mergedIntoId" IS NULL`];
  if (filter.bbox) {
    const { minLon, minLat, maxLon, maxLat } = filter.bbox;
    and.push(Prisma.sql`i."latitude" BETWEEN ${minLat} AND ${maxLat}`);
    and.push(
      minLon <= maxLon
        ? Prisma.sql`i."longitude" BETWEEN ${minLon} AND ${maxLon}`
        : Prisma.sql`(i."longitude" >= ${minLon} OR i."longitude" <= ${maxLon})`,
    );
  }
  and.push(...dateRangeConditions(filter));
  if (filter.country) and.push(Prisma.sql`i."countryIso3" IN (${Prisma.join(filter.country)})`);
  if (filter.admin1) and.push(Prisma.sql`lower(i."admin1") IN (${Prisma.join(filter.admin1.map((a) => a.toLowerCase()))})`);
  if (filter.eventType) and.push(Prisma.sql`i."eventType" IN (${Prisma.join(filter.eventType)})`);
  if (filter.actor) {
    and.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "IncidentActor" a WHERE a."incidentId" = i."id" AND a."name" ILIKE ${`%${likeLiteral(filter.actor)}%`})`,
    );
  }
  if (filter.claimant) {
    and.push(Prisma.sql`EXISTS (SELECT 1 FROM "Claim" c JOIN "Source" s ON s."id" = c."claimantId"
      WHERE c."incidentId" = i."id" AND c."retractedAt" IS NULL AND s."slug" IN (${Prisma.join(filter.claimant)}))`);
  }
  if (filter.claimantKind) {
    and.push(Prisma.sql`EXISTS (SELECT 1 FROM "Claim" c JOIN "Source" s ON s."id" = c."claimantId"
      WHERE c."incidentId" = i."id" AND c."retractedAt" IS NULL AND s."kind"::text IN (${Prisma.join(filter.claimantKind)}))`);
  }
  // Compared as the enum, not as text: PostgreSQL then knows how many incidents have each grading
  // (as text it guessed 0.5 %, and sorted 400,000 rows to build a timeline instead of hashing them).
  if (filter.grading) and.push(Prisma.sql`i."grading" = ANY(ARRAY[${Prisma.join(filter.grading)}]::"Grading"[])`);
  // Compared as enum[] so the GIN index on "flags" can serve it.
  if (filter.flag) and.push(Prisma.sql`i."flags" && ARRAY[${Prisma.join(filter.flag)}]::"Flag"[]`);
  if (filter.minKilled !== undefined) and.push(Prisma.sql`i."headlineBest" >= ${filter.minKilled}`);
  return and.length ? Prisma.join(and, " AND ") : Prisma.sql`TRUE`;
}
