// What the map needs for one viewport. Sparse views get the incidents themselves; dense views get
// one row per grid cell, aggregated by PostgreSQL, so a world view of a million incidents is a
// few hundred rows (see map-grid.ts for the bound). Nothing here ships every incident.
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { incidentFilterSql } from "@/lib/incidents/incident-filter-sql";
import type { IncidentFilter } from "@/lib/validation/incident-filter";
import { POINT_LIMIT, gridCellDegrees, type Bounds } from "./map-grid";

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
    date: row.dateStart.toISOString().slice(0, 10),
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

export async function mapData(filter: IncidentFilter, bounds: Bounds, zoom: number): Promise<MapData> {
  // The viewport is the box; a `bbox` in the filter (the "limit to map area" switch) is the same box.
  const where = incidentFilterSql({ ...filter, bbox: bounds });

  // Cheap probe: a LIMIT without ORDER BY stops as soon as it has POINT_LIMIT + 1 rows.
  const probe = await db.$queryRaw<PointRow[]>`SELECT ${pointColumns} FROM "Incident" i WHERE ${where} LIMIT ${POINT_LIMIT + 1}`;
  if (probe.length <= POINT_LIMIT) {
    return { mode: "points", total: probe.length, cellDegrees: null, points: probe.map(toPoint).sort(byBestDescending), clusters: [] };
  }

  const cell = gridCellDegrees(bounds, zoom);
  const cells = await db.$queryRaw<
    { n: number; lat: number; lon: number; killed: number; contested: number; west: number; south: number; east: number; north: number; code: string }[]
  >`
    SELECT count(*)::int AS n,
           avg(i."latitude")::float8 AS lat,
           avg(i."longitude")::float8 AS lon,
           coalesce(sum(i."headlineBest"), 0)::float8 AS killed,
           (count(*) FILTER (WHERE i."headlineContested"))::int AS contested,
           min(i."longitude")::float8 AS west, min(i."latitude")::float8 AS south,
           max(i."longitude")::float8 AS east, max(i."latitude")::float8 AS north,
           min(i."code") AS code
    FROM "Incident" i
    WHERE ${where}
    GROUP BY floor(i."longitude" / ${cell}),
             floor(degrees(ln(tan(radians(45 + greatest(-85.05, least(85.05, i."latitude")) / 2)))) / ${cell})`;

  // A cell holding a single incident is drawn as that incident, with its own marker and popup.
  const singleCodes = cells.filter((c) => c.n === 1).map((c) => c.code);
  const singles = singleCodes.length
    ? (await db.$queryRaw<PointRow[]>`SELECT ${pointColumns} FROM "Incident" i WHERE i."code" IN (${Prisma.join(singleCodes)})`).map(toPoint)
    : [];
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
        bounds: [round(c.west), round(c.south), round(c.east), round(c.north)] as [number, number, number, number],
      }))
      .sort((a, b) => b.count - a.count),
  };
}

/** Five decimals is about a metre: enough for a marker, and keeps the payload small. */
function round(n: number): number {
  return Math.round(n * 1e5) / 1e5;
}
