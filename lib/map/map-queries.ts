// What the map needs for one viewport. Sparse views get the incidents themselves; dense views get
// one row per grid cell, aggregated by PostgreSQL from the pre-grouped summary or from the
// incidents (map-cells.ts), so a world view of a million incidents is a few hundred rows (see
// map-grid.ts for the bound). Nothing here ships every incident.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { incidentFilterSql } from "@/lib/incidents/incident-filter-sql";
import type { IncidentFilter } from "@/lib/validation/incident-filter";
import { incidentCells, summaryCanAnswer, summaryCells } from "./map-cells";
import { POINT_LIMIT, gridCellDegrees, gridLevel, type Bounds } from "./map-grid";
import { isoDay } from "@/lib/validation/calendar-day";

export type MapPoint = {
  code: string;
  title: string;
  lat: number;
  lon: number;
  /** First day of the incident, YYYY-MM-DD. */
  date: string;
  /** Headline killed (all categories); null when no killed figure is reported. */
  low: number | null;
  best: number | null;
  high: number | null;
  contested: boolean;
};

export type MapCluster = {
  lat: number;
  lon: number;
  count: number;
  /** Sum of the incidents' headline best killed. */
  killedBest: number;
  /** How many of them are contested. */
  contested: number;
  /** Extent of the incidents in the cell, [west, south, east, north]: where a click zooms to. */
  bounds: [number, number, number, number];
};

export type MapData = {
  mode: "points" | "clusters";
  /** Incidents matching the filter inside the box. */
  total: number;
  /** Grid cell size in degrees when clustered. */
  cellDegrees: number | null;
  points: MapPoint[];
  clusters: MapCluster[];
};

type PointRow = {
  code: string;
  title: string;
  latitude: number;
  longitude: number;
  dateStart: Date;
  headlineLow: number | null;
  headlineBest: number | null;
  headlineHigh: number | null;
  headlineContested: boolean;
};

const pointColumns = Prisma.sql`i."code", i."title", i."latitude", i."longitude", i."dateStart",
  i."headlineLow", i."headlineBest", i."headlineHigh", i."headlineContested"`;

function toPoint(row: PointRow): MapPoint {
  return {
    code: row.code,
    title: row.title,
    lat: row.latitude,
    lon: row.longitude,
    date: isoDay(row.dateStart),
    low: row.headlineLow,
    best: row.headlineBest,
    high: row.headlineHigh,
    contested: row.headlineContested,
  };
}

/** Largest first: markers drawn later sit on top, so small ones stay clickable over big ones. */
function byBestDescending(a: MapPoint, b: MapPoint) {
  return (b.best ?? -1) - (a.best ?? -1) || a.code.localeCompare(b.code);
}

export type MapDataOptions = {
  /** Where clusters come from: the summary table when it can answer (default), or always the incidents (tests compare the two). */
  source?: "auto" | "summary" | "incidents";
  /** Up to this many incidents in view come as points (default POINT_LIMIT; tests set 0 to compare clusters on small data). */
  pointLimit?: number;
};

export async function mapData(filter: IncidentFilter, bounds: Bounds, zoom: number, options: MapDataOptions = {}): Promise<MapData> {
  // The viewport is the box; a `bbox` in the filter (the "limit to map area" switch) is the same box.
  const where = incidentFilterSql({ ...filter, bbox: bounds });

  // Cheap probe: a LIMIT without ORDER BY stops as soon as it has POINT_LIMIT + 1 rows.
  const pointLimit = options.pointLimit ?? POINT_LIMIT;
  const probe = await db.$queryRaw<PointRow[]>`SELECT ${pointColumns} FROM "Incident" i WHERE ${where} LIMIT ${pointLimit + 1}`;
  if (probe.length <= pointLimit) {
    return { mode: "points", total: probe.length, cellDegrees: null, points: probe.map(toPoint).sort(byBestDescending), clusters: [] };
  }

  const cell = gridCellDegrees(bounds, zoom);
  const level = gridLevel(cell);
  const useSummary = options.source === "summary" || (options.source !== "incidents" && summaryCanAnswer(filter, bounds, level));
  if (useSummary && !summaryCanAnswer(filter, bounds, level)) throw new Error("the map summary cannot answer this view");
  const cells = useSummary ? await summaryCells(filter, bounds, level!, cell) : await incidentCells(filter, bounds, level, cell);

  // A cell holding a single incident is drawn as that incident, with its own marker and popup.
  // Its centroid is the incident's position, which finds it through the map index.
  const singleCells = cells.filter((c) => c.n === 1);
  const singles = singleCells.length ? await incidentsAt(filter, singleCells) : [];
  return {
    mode: "clusters",
    total: cells.reduce((sum, c) => sum + c.n, 0),
    cellDegrees: cell,
    points: singles.sort(byBestDescending),
    clusters: cells
      .filter((c) => c.n > 1)
      .map((c) => ({
        lat: round(c.lat),
        lon: round(c.lon),
        count: c.n,
        killedBest: Math.round(c.killed),
        contested: c.contested,
        bounds: c.extent!.map(round) as [number, number, number, number],
      }))
      .sort((a, b) => b.count - a.count),
  };
}

/** The incidents at these positions (one per single-incident cell) that match the filter. */
async function incidentsAt(filter: IncidentFilter, cells: { lat: number; lon: number; gx: number; gy: number }[]): Promise<MapPoint[]> {
  // Sums kept by the summary may carry rounding noise in the last digits: match within ~1 cm.
  const near = cells.map(
    (c) =>
      Prisma.sql`(i."latitude" BETWEEN ${c.lat - 1e-7} AND ${c.lat + 1e-7} AND i."longitude" BETWEEN ${c.lon - 1e-7} AND ${c.lon + 1e-7})`,
  );
  const rows = await db.$queryRaw<PointRow[]>`
    SELECT ${pointColumns} FROM "Incident" i WHERE ${incidentFilterSql({ ...filter, bbox: undefined })} AND (${Prisma.join(near, " OR ")}) ORDER BY i."code"`;
  // Two incidents at one spot would share a cell (n > 1), so each position yields one incident.
  const seen = new Set<string>();
  return rows.map(toPoint).filter((p) => {
    const key = `${p.lat},${p.lon}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Five decimals is about a metre: enough for a marker, and keeps the payload small. */
function round(n: number): number {
  return Math.round(n * 1e5) / 1e5;
}
