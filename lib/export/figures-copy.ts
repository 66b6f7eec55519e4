// figures.csv of the stored figures, written by PostgreSQL itself: one COPY (SELECT …) TO STDOUT
// (FORMAT csv) whose cells are already what the JavaScript formatter (./csv-cell.ts, csv-stringify
// with the options of ./export-registry.ts) would write, byte for byte:
//  - text cells neutralised as neutraliseText does (a leading apostrophe before = + - @ tab CR,
//    one more before apostrophes that precede one of those), empty text written unquoted as NULL
//    is (COPY would quote an empty string);
//  - coordinates as JavaScript's String(n) writes them: PostgreSQL's shortest round-trip digits are
//    JavaScript's, but it switches to exponent notation earlier (1e-05 for 0.00001) and writes -0;
//  - country_iso3 as stored: a check constraint keeps it to three capital letters (nothing to
//    neutralise, and no char(3) padding);
//  - country as countryName() writes it: the names are inlined as a VALUES list (a code the
//    standard does not know is written as it is); no name starts with a formula character
//    (checked when the list is built), so they need no neutralising;
//  - dates as YYYY-MM-DD, updated_at as toISOString() (milliseconds, Z), lists joined with ";";
//  - rows ordered by incident code (the database's collation, as the keyset batches were), then
//    metric and category in enum order; incidents without figures write no row.
// Quoting is the same in both (a field holding , " CR or LF is quoted, quotes doubled); COPY's LF
// record ends become CRLF in ./crlf-records.ts. tests/db/export-figures-copy.test.ts checks the
// bytes against the JavaScript formatter.
import { incidentFilterSql } from "@/lib/incidents/incident-filter-sql";
import type { IncidentFilter } from "@/lib/validation/incident-filter";
import { pendingFiguresSql, type CopyPlan } from "./copy-export";
import { countryNames } from "@/lib/datasets/dataset-mapping";
import { neutraliseText } from "./csv-cell";
import { inlineSql, sqlLiteral } from "./sql-literal";

// Code points of the characters neutraliseText guards against: tab, CR, +, -, =, @ (and the apostrophe).
const FORMULA_CODES = "9, 13, 43, 45, 61, 64";
const APOSTROPHE = 39;

/**
 * A text expression as neutraliseText writes it, NULL for NULL or "". `ascii()` reads only the first
 * character, so the regular expression runs only for the rare text that starts with an apostrophe.
 */
export function textCellSql(expr: string): string {
  return `CASE WHEN ascii(${expr}) IN (${FORMULA_CODES}) OR (ascii(${expr}) = ${APOSTROPHE} AND ${expr} ~ E'^''+[-=+@\\t\\r]')
    THEN '''' || ${expr} ELSE NULLIF(${expr}, '') END`;
}

/**
 * A float8 expression as JavaScript's String(n) writes it (NULL for NaN and ±Infinity, as
 * formatCell writes ""). PostgreSQL prints its shortest round-trip digits plainly for decimal
 * exponents -4 … 14, exactly as JavaScript does; outside that range (and for -0) the text is
 * rebuilt from the digits and exponent by JavaScript's rules (plain for -7 < exponent < 21).
 * Exact below 2^53 in magnitude (coordinates are kept within ±180): above it, when the shortest
 * decimal lies exactly on the edge of a double's rounding interval, PostgreSQL writes one more
 * digit than JavaScript (5.5344584584236144e+16 where JavaScript writes 55344584584236140).
 */
export function jsNumberSql(expr: string): string {
  return `CASE WHEN ${expr} = 0 THEN '0'
    WHEN abs(${expr}) >= '1e-4'::float8 AND abs(${expr}) < '1e15'::float8 THEN ${expr}::text
    ELSE (SELECT CASE
      WHEN t IN ('NaN', 'Infinity', '-Infinity') THEN NULL
      WHEN m IS NULL THEN t
      WHEN e >= 21 OR e <= -7 THEN m[1] || m[2] || coalesce('.' || m[3], '') || 'e' || CASE WHEN e < 0 THEN '-' ELSE '+' END || abs(e)::text
      WHEN e < 0 THEN m[1] || '0.' || repeat('0', -e - 1) || d
      WHEN length(d) <= e + 1 THEN m[1] || d || repeat('0', e + 1 - length(d))
      ELSE m[1] || left(d, e + 1) || '.' || substr(d, e + 2) END
    FROM (SELECT t, m, m[4]::int AS e, m[2] || coalesce(m[3], '') AS d
          FROM (SELECT t, regexp_match(t, '^(-?)(\\d)(?:\\.(\\d+))?e([-+]\\d+)$') AS m FROM (SELECT (${expr})::text AS t) s0) s1) s2)
  END`;
}

const ISO_MILLIS = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/** The timestamp(3) as Date.toISOString() writes it (Prisma reads timestamp without time zone as UTC). */
export function isoTimestampSql(expr: string): string {
  return `to_char(${expr}, ${ISO_MILLIS})`;
}

/** Every known ISO3 code with its English name, as a VALUES table ("iso3", "name"). */
function countryNamesSql(): string {
  const rows = countryNames().map(([iso3, name]) => {
    if (neutraliseText(name) !== name) throw new Error(`country name ${name} would need neutralising in figures.csv`);
    return `(${sqlLiteral(iso3)}, ${sqlLiteral(name)})`;
  });
  return `SELECT * FROM (VALUES ${rows.join(", ")}) AS c("iso3", "name")`;
}

/** Settings of the export's transaction. */
export const COPY_SETTINGS = [
  // What the cell expressions rely on, whatever the server's or the role's defaults.
  "SET LOCAL DateStyle = 'ISO, YMD'",
  "SET LOCAL extra_float_digits = 1",
  "SET LOCAL TimeZone = 'UTC'",
  // Measured (50,000 and 300,000 synthetic incidents, 2 cores): parallel workers each rebuild the
  // claimants' hash and the export ran slower than serially; and with the default random_page_cost
  // a selective filter read the whole Claim and Reconciliation tables instead of their indexes (5x slower).
  "SET LOCAL max_parallel_workers_per_gather = 0",
  "SET LOCAL random_page_cost = 1.1",
];

/** The stored figures of the filtered incidents as one COPY, with the fingerprint query of the same filter (the header is the registry's). */
export function storedFiguresCopyPlan(filter: IncidentFilter): Omit<CopyPlan, "header"> {
  const where = inlineSql(incidentFilterSql(filter));
  // The claimants of every figure, aggregated once (a hash join) rather than by one subquery per
  // row, which cost twice as long; only the claims of the filtered incidents are read.
  const claimants = `
    SELECT c."incidentId", c."metric", c."category",
           string_agg(DISTINCT s."slug" COLLATE "C", ';' ORDER BY s."slug" COLLATE "C") AS "slugs"
    FROM "Claim" c JOIN "Source" s ON s."id" = c."claimantId"
    WHERE c."retractedAt" IS NULL AND EXISTS (SELECT 1 FROM "Incident" i WHERE i."id" = c."incidentId" AND ${where})
    GROUP BY 1, 2, 3`;
  const select = `
    SELECT ${textCellSql(`i."code"`)}, ${textCellSql(`i."title"`)}, i."dateStart", i."dateEnd", i."datePrecision",
           i."countryIso3", coalesce(cn."name", i."countryIso3"), ${textCellSql(`i."admin1"`)}, ${textCellSql(`i."admin2"`)},
           ${textCellSql(`i."placeName"`)}, ${jsNumberSql(`i."latitude"`)}, ${jsNumberSql(`i."longitude"`)}, i."locationPrecision",
           ${textCellSql(`i."eventType"`)}, ${textCellSql(`i."subEventType"`)}, r."metric", r."category", r."low", r."best", r."high",
           r."method", NULLIF(array_to_string(r."flags", ';'), ''), r."claimCount", r."sourceCount", r."independentSourceCount",
           ${textCellSql(`cl."slugs"`)}, i."grading", ${isoTimestampSql(`r."computedAt"`)}
    FROM "Incident" i
    JOIN "Reconciliation" r ON r."incidentId" = i."id"
    LEFT JOIN (${countryNamesSql()}) cn ON cn."iso3" = i."countryIso3"
    LEFT JOIN (${claimants}) cl ON cl."incidentId" = i."id" AND cl."metric" = r."metric" AND cl."category" = r."category"
    WHERE ${where}
    ORDER BY i."code", r."metric", r."category"`;
  return {
    settings: COPY_SETTINGS,
    versionSql: `SELECT count(*)::int AS "incidents", ${isoTimestampSql(`max(i."updatedAt")`)} AS "lastUpdated",
                        (${pendingFiguresSql(where)}) AS "figuresPending"
                   FROM "Incident" i WHERE ${where}`,
    copySql: `COPY (${select}) TO STDOUT WITH (FORMAT csv)`,
  };
}
