// Grid cells of one clustered map view, from one of two sources that give the same numbers:
//  - the IncidentMapCell summary (kept by triggers on "Incident"; see its migrations), which
//    answers views at levels ≤ 7 whose filter is only dates and countries (level 8 when there
//    are no dates), reading a few thousand pre-grouped rows where the incidents would be a million;
//    and its facet twin IncidentMapFacetCell, which also answers event types or one flag at
//    levels ≤ 7;
//  - the incidents themselves, for any other filter and for fine levels (few incidents in view).
// Both cluster whole cells of the global grid: a cell cut by the edge of the view counts all its
// incidents, so clusters do not change as the map pans. tests/db/map-summary.test.ts proves the
// two sources agree.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { incidentFilterSql } from "@/lib/incidents/incident-filter-sql";
import { summaryFacetOf } from "@/lib/incidents/summary-facet";
import type { IncidentFilter } from "@/lib/validation/incident-filter";
import { MAX_MERCATOR_LAT, facetSummaryLevelFor, latitudeOfMercatorY, mercatorY, summaryLevelFor, type Bounds } from "./map-grid";

/** Where triangulate_cell_y clamps latitude (see its migration). */
const SQL_GRID_LAT_LIMIT = 85.05;

export type CellRow = {
  gx: number;
  gy: number;
  n: number;
  killed: number;
  contested: number;
  lat: number;
  lon: number;
  /** Extent of the incidents ([west, south, east, north]); null when the source only knows the cell. */
  extent: [number, number, number, number] | null;
};

/** Filter keys the summaries can answer (event types and flags through summaryFacetOf): everything else needs the incidents. */
const SUMMARY_FILTER_KEYS = new Set<string>(["from", "to", "country", "bbox", "eventType", "flag"]);

const dated = (filter: IncidentFilter) => filter.from !== undefined || filter.to !== undefined;

/** The stored level that answers a view at `level` for this filter, or null when none does. */
function storedLevelFor(filter: IncidentFilter, level: number): number | null {
  const facet = summaryFacetOf(filter);
  if (facet === undefined) return null;
  return facet ? facetSummaryLevelFor(level) : summaryLevelFor(level, dated(filter));
}

export function summaryCanAnswer(filter: IncidentFilter, bounds: Bounds, level: number | null): level is number {
  if (level === null || storedLevelFor(filter, level) === null) return false;
  // A box across the antimeridian would need two cell ranges; such views are rare and small.
  if (bounds.minLon > bounds.maxLon) return false;
  return Object.entries(filter).every(([key, value]) => value === undefined || SUMMARY_FILTER_KEYS.has(key));
}

/** The cell index ranges (at `level`) of the cells the box touches, computed by the same SQL functions as the summary. */
function cellRange(bounds: Bounds, level: number) {
  return {
    x0: Prisma.sql`triangulate_cell_x(${bounds.minLon}::float8, ${level}::int)`,
    x1: Prisma.sql`triangulate_cell_x(${bounds.maxLon}::float8, ${level}::int)`,
    y0: Prisma.sql`triangulate_cell_y(${bounds.minLat}::float8, ${level}::int)`,
    y1: Prisma.sql`triangulate_cell_y(${bounds.maxLat}::float8, ${level}::int)`,
  };
}

/** First day of the month of an ISO day, and of the month after. */
function monthOf(day: string): { start: string; next: string } {
  const [year, month] = day.split("-").map(Number) as [number, number];
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
  return { start: `${day.slice(0, 7)}-01`, next };
}

type AggregateRow = { gx: number; gy: number; n: number; killed: number; contested: number; lat: number; lon: number };

export async function summaryCells(filter: IncidentFilter, bounds: Bounds, level: number, cellDegrees: number): Promise<CellRow[]> {
  const facet = summaryFacetOf(filter);
  const stored = storedLevelFor(filter, level)!;
  const shift = stored - level;
  const { x0, x1, y0, y1 } = cellRange(bounds, level);
  const from = filter.from ? monthOf(filter.from) : null;
  const to = filter.to ? monthOf(filter.to) : null;

  // Rows whose months lie wholly inside the dates count whole. Incidents ending in the month of
  // `from` or starting in the month of `to` are read one by one (two months of incidents at most).
  const whole: Prisma.Sql[] = [
    Prisma.sql`m."level" = ${stored}::smallint`,
    Prisma.sql`m."cx" BETWEEN (${x0} << ${shift}::int) AND ((${x1} + 1) << ${shift}::int) - 1`,
    Prisma.sql`m."cy" BETWEEN (${y0} << ${shift}::int) AND ((${y1} + 1) << ${shift}::int) - 1`,
  ];
  if (filter.country) whole.push(Prisma.sql`m."countryIso3" IN (${Prisma.join(filter.country)})`);
  if (facet) whole.push(Prisma.sql`m."facet" = ${facet.facet}`, Prisma.sql`m."value" IN (${Prisma.join(facet.values)})`);
  if (from) whole.push(Prisma.sql`m."endMonth" > ${from.start}::date`);
  if (to) whole.push(Prisma.sql`m."startMonth" < ${to.start}::date`);
  const parts: Prisma.Sql[] = [
    Prisma.sql`SELECT m."cx" >> ${shift}::int AS gx, m."cy" >> ${shift}::int AS gy, m."incidents" AS n, m."killedBest" AS killed,
                      m."contested" AS contested, m."latitudeSum" AS lat, m."longitudeSum" AS lon
               FROM ${facet ? Prisma.sql`"IncidentMapFacetCell"` : Prisma.sql`"IncidentMapCell"`} m WHERE ${Prisma.join(whole, " AND ")}`,
  ];
  if (from || to) {
    const boundary: Prisma.Sql[] = [];
    if (from) boundary.push(Prisma.sql`(i."dateEnd" >= ${from.start}::date AND i."dateEnd" < ${from.next}::date)`);
    if (to) boundary.push(Prisma.sql`(i."dateStart" >= ${to.start}::date AND i."dateStart" < ${to.next}::date)`);
    parts.push(Prisma.sql`
      SELECT triangulate_cell_x(i."longitude", ${level}::int) AS gx, triangulate_cell_y(i."latitude", ${level}::int) AS gy, 1 AS n,
             coalesce(i."headlineBest", 0) AS killed, i."headlineContested"::int AS contested, i."latitude" AS lat, i."longitude" AS lon
      FROM "Incident" i
      WHERE ${incidentFilterSql({ from: filter.from, to: filter.to, country: filter.country, eventType: filter.eventType, flag: filter.flag })} AND (${Prisma.join(boundary, " OR ")})
        AND triangulate_cell_x(i."longitude", ${level}::int) BETWEEN ${x0} AND ${x1}
        AND triangulate_cell_y(i."latitude", ${level}::int) BETWEEN ${y0} AND ${y1}`);
  }
  const rows = await db.$queryRaw<AggregateRow[]>`
    SELECT gx, gy, sum(n)::int AS n, sum(killed)::float8 AS killed, sum(contested)::int AS contested,
           (sum(lat) / sum(n))::float8 AS lat, (sum(lon) / sum(n))::float8 AS lon
    FROM (${Prisma.join(parts, " UNION ALL ")}) u
    GROUP BY gx, gy
    HAVING sum(n) > 0`;
  return rows.map((r) => ({ ...r, extent: cellExtent(r.gx, r.gy, cellDegrees) }));
}

/** The cell's own rectangle, where a click on its cluster zooms to (the summary keeps no extent). */
function cellExtent(gx: number, gy: number, cell: number): [number, number, number, number] {
  const clampLat = (lat: number) => Math.max(-MAX_MERCATOR_LAT, Math.min(MAX_MERCATOR_LAT, lat));
  return [gx * cell, clampLat(latitudeOfMercatorY(gy * cell)), (gx + 1) * cell, clampLat(latitudeOfMercatorY((gy + 1) * cell))];
}

/** Filter keys whose columns the covering map index holds (see its migration). */
const MAP_INDEX_FILTER_KEYS = new Set<string>(["from", "to", "country", "eventType", "flag", "minKilled", "bbox"]);

/**
 * The incidents in the box, as the relation `i`, with their cell (`gx`, `gy`) computed once per
 * row. Every row has no "mergedIntoId" (the box's own condition). When the map index covers the
 * filter, the box is read first (an index-only scan) and the filter applied to what it returns:
 * left to itself, the planner underestimates how many incidents a dense box holds (latitude and
 * longitude are not independent) and starts from the flag or event-type index instead, fetching
 * every flagged incident of the world from the table to keep the few in view (a zoom-6 Sahel view
 * with one flag: 207 ms that way, 78–104 ms box first, at 1,000,000 incidents). OFFSET 0 keeps the
 * outer conditions out of the subquery. Other filters (actors, claimants…) have indexes of their own.
 */
function inBox(filter: IncidentFilter, box: Bounds, cell: { gx: Prisma.Sql; gy: Prisma.Sql }): Prisma.Sql {
  const boxOnly = Prisma.sql`"Incident" i WHERE ${incidentFilterSql({ bbox: box })}`;
  if (!Object.entries(filter).every(([key, value]) => value === undefined || MAP_INDEX_FILTER_KEYS.has(key))) {
    return Prisma.sql`(SELECT i.*, ${cell.gx} AS gx, ${cell.gy} AS gy FROM ${boxOnly}) i`;
  }
  // Only indexed columns, so the scan stays index-only.
  return Prisma.sql`(SELECT i."latitude", i."longitude", i."headlineBest", i."headlineContested", i."dateStart", i."dateEnd", i."countryIso3", i."eventType", i."flags",
                            ${cell.gx} AS gx, ${cell.gy} AS gy
                     FROM ${boxOnly} OFFSET 0) i`;
}

/**
 * The same cells aggregated from the incidents. `level` null (a cell size off the global grid)
 * groups by the size given; otherwise whole cells at that level, like the summary.
 */
export async function incidentCells(filter: IncidentFilter, bounds: Bounds, level: number | null, cellDegrees: number): Promise<CellRow[]> {
  const gx =
    level === null
      ? Prisma.sql`floor(i."longitude" / ${cellDegrees}::float8)::int`
      : Prisma.sql`triangulate_cell_x(i."longitude", ${level}::int)`;
  const gy =
    level === null
      ? Prisma.sql`floor(degrees(ln(tan(radians(45 + greatest(-85.05, least(85.05, i."latitude")) / 2)))) / ${cellDegrees}::float8)::int`
      : Prisma.sql`triangulate_cell_y(i."latitude", ${level}::int)`;
  let cellsKept = Prisma.sql`TRUE`;
  let box: Bounds = bounds;
  if (level !== null && bounds.minLon <= bounds.maxLon) {
    // Whole cells: widen the box to the cells it touches, then keep exactly those cells. The
    // widening is one cell more than needed on every side: which cell a point on an edge falls
    // in is decided by the SQL functions (floating point: tan(45°) < 1 puts the equator in cell
    // -1), and the exact cell-range conditions below do the keeping.
    const { x0, x1, y0, y1 } = cellRange(bounds, level);
    const mercatorFloor = (lat: number) => Math.floor(mercatorY(lat, SQL_GRID_LAT_LIMIT) / cellDegrees) * cellDegrees;
    const widened = {
      minLon: Math.max(-180, (Math.floor(bounds.minLon / cellDegrees) - 1) * cellDegrees),
      maxLon: Math.min(180, (Math.floor(bounds.maxLon / cellDegrees) + 2) * cellDegrees),
      minLat: bounds.minLat <= -MAX_MERCATOR_LAT ? -90 : Math.max(-90, latitudeOfMercatorY(mercatorFloor(bounds.minLat) - cellDegrees)),
      maxLat: bounds.maxLat >= MAX_MERCATOR_LAT ? 90 : Math.min(90, latitudeOfMercatorY(mercatorFloor(bounds.maxLat) + 2 * cellDegrees)),
    };
    cellsKept = Prisma.sql`g.gx BETWEEN ${x0} AND ${x1} AND g.gy BETWEEN ${y0} AND ${y1}`;
    box = widened;
  }
  // The cells outside the range are dropped after grouping (OFFSET 0 keeps that condition out):
  // tested on every row instead, it made PostgreSQL expect a handful of rows and sort them all to
  // group them (a dated zoom-8 Sahel view, 101,000 incidents: 117 ms that way, 79 ms hashed).
  const rows = await db.$queryRaw<(AggregateRow & { west: number; south: number; east: number; north: number })[]>`
    SELECT * FROM (
      SELECT i.gx, i.gy, count(*)::int AS n,
             coalesce(sum(i."headlineBest"), 0)::float8 AS killed,
             (count(*) FILTER (WHERE i."headlineContested"))::int AS contested,
             avg(i."latitude")::float8 AS lat, avg(i."longitude")::float8 AS lon,
             min(i."longitude")::float8 AS west, min(i."latitude")::float8 AS south,
             max(i."longitude")::float8 AS east, max(i."latitude")::float8 AS north
      FROM ${inBox(filter, box, { gx, gy })}
      WHERE ${incidentFilterSql({ ...filter, bbox: undefined }, { unmergedOnly: true })}
      GROUP BY 1, 2
      OFFSET 0
    ) g
    WHERE ${cellsKept}`;
  return rows.map(({ west, south, east, north, ...r }) => ({ ...r, extent: [west, south, east, north] }));
}
