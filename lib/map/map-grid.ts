// Server-side clustering grid for the map. Dense views are summarised by PostgreSQL as one row
// per grid cell (GROUP BY cell), so the payload depends on the size of the screen, not on how
// many incidents exist. Cells are squares of about CELL_PIXELS on screen in Web Mercator: x in
// degrees of longitude, y in "Mercator degrees" (the projected latitude scaled like longitude),
// aligned to a global grid so clusters stay put while the map pans.

/** Leaflet's tile size: the world is 256 · 2^zoom pixels wide. */
const TILE_PIXELS = 256;
/** About the size of a cluster marker: cells much smaller would overlap on screen. */
export const CELL_PIXELS = 64;
/** Hard ceiling on cells per answer, whatever zoom the client claims (bounds the payload). */
export const MAX_CELLS = 512;
/** Up to this many incidents in view, the map gets the incidents themselves. */
export const POINT_LIMIT = 300;
/** Web Mercator's latitude limit (where the projected map becomes square). */
export const MAX_MERCATOR_LAT = 85.05112878;

export type Bounds = { minLon: number; minLat: number; maxLon: number; maxLat: number };

/**
 * Projected latitude, in degrees comparable to longitude (equator 0, ±85.05° → ±180). The SQL
 * grid (triangulate_cell_y) clamps at 85.05 rather than Web Mercator's limit: pass it as `limit`
 * to match it.
 */
export function mercatorY(lat: number, limit = MAX_MERCATOR_LAT): number {
  const clamped = Math.max(-limit, Math.min(limit, lat));
  return (Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360)) * 180) / Math.PI;
}

/** Cell width in degrees of a CELL_PIXELS square at this zoom: 90° at zoom 0, halving per level. */
export function cellDegreesForZoom(zoom: number): number {
  return (360 * CELL_PIXELS) / (TILE_PIXELS * 2 ** zoom);
}

/** Width of the box in degrees of longitude; a box across the antimeridian has minLon > maxLon. */
export function lonSpan(bounds: Bounds): number {
  return bounds.minLon <= bounds.maxLon ? bounds.maxLon - bounds.minLon : 360 - bounds.minLon + bounds.maxLon;
}

/** How many grid cells a box touches with this cell size (an upper bound on the rows returned). */
export function cellsCovering(bounds: Bounds, cell: number): number {
  const columns = Math.floor(lonSpan(bounds) / cell) + 2;
  const rows = Math.floor((mercatorY(bounds.maxLat) - mercatorY(bounds.minLat)) / cell) + 2;
  return columns * rows;
}

/**
 * The cell size for a view: the zoom's natural size, doubled until the box needs at most
 * MAX_CELLS cells. Doubling keeps cells aligned to the same global grid at every zoom.
 */
export function gridCellDegrees(bounds: Bounds, zoom: number): number {
  let cell = cellDegreesForZoom(zoom);
  while (cellsCovering(bounds, cell) > MAX_CELLS && cell < 360) cell *= 2;
  return cell;
}

/** Web Mercator's inverse: the latitude of a projected y (degrees comparable to longitude). */
export function latitudeOfMercatorY(y: number): number {
  return (Math.atan(Math.sinh((y * Math.PI) / 180)) * 180) / Math.PI;
}

/**
 * The grid level of a cell size: cells at level k are 90/2^k degrees wide (level k is the
 * natural grid of zoom k). Null for a size that is not on the global grid.
 */
export function gridLevel(cellDegrees: number): number | null {
  const level = Math.log2(90 / cellDegrees);
  return Number.isInteger(level) ? level : null;
}

/**
 * Levels the IncidentMapCell summary stores (see its migrations): 3, 5 and 7 per month, and 8 for
 * all dates together only. A view at level k reads the nearest stored level at or below its cells
 * (finer), merging 2^d × 2^d stored cells per cell; finer views read incidents, few are in view.
 */
export const SUMMARY_LEVELS = [3, 5, 7, 8] as const;
/** The stored level that has no months: it answers views without dates only. */
export const UNDATED_SUMMARY_LEVEL = 8;

export function summaryLevelFor(level: number, dated = false): number | null {
  return SUMMARY_LEVELS.find((stored) => stored >= level && !(dated && stored === UNDATED_SUMMARY_LEVEL)) ?? null;
}

/**
 * Levels the IncidentMapFacetCell summary (per event type and per flag, by month) stores: world,
 * continent and region views. Finer views with those filters read the incidents.
 */
export const FACET_SUMMARY_LEVELS = [3, 5, 7] as const;

export function facetSummaryLevelFor(level: number): number | null {
  return FACET_SUMMARY_LEVELS.find((stored) => stored >= level) ?? null;
}
