// The page URL is the single source of truth for what an analyst is looking at: the filter
// (shared with the APIs and exports) plus view state (map position, selected incident, timeline
// interval, list order and page). These helpers are plain string work with no validation, so
// client components can use them without shipping the zod schemas; the server parses strictly.

/** Filter parameters, in the order they are written to URLs. */
export const FILTER_KEYS = [
  "from",
  "to",
  "country",
  "admin1",
  "eventType",
  "actor",
  "claimant",
  "claimantKind",
  "grading",
  "flag",
  "minKilled",
  "bbox",
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export const INCIDENT_SORTS = ["newest", "oldest", "most_killed", "fewest_killed"] as const;

/** Parameters of the home page that are not part of the filter. */
export const VIEW_KEYS = ["view", "selected", "interval", "sort", "cursor", "limit"] as const;

const filterKeySet = new Set<string>(FILTER_KEYS);

export function isFilterKey(key: string): key is FilterKey {
  return filterKeySet.has(key);
}

/**
 * Returns `search` with `updates` applied (null removes a parameter). Changing any filter
 * parameter drops the list cursor: a cursor belongs to the result set it was issued for.
 */
export function withParams(search: string, updates: Record<string, string | null | undefined>): string {
  const params = new URLSearchParams(search);
  let filterChanged = false;
  for (const [key, value] of Object.entries(updates)) {
    if (value === undefined) continue;
    const before = params.get(key);
    if (value === null || value === "") params.delete(key);
    else params.set(key, value);
    if (isFilterKey(key) && before !== params.get(key)) filterChanged = true;
  }
  if (filterChanged) params.delete("cursor");
  return params.toString();
}

/** Only the filter parameters of `search`, minus `without`, in canonical order. */
export function filterQuery(search: string, without: readonly FilterKey[] = []): string {
  const params = new URLSearchParams(search);
  const out = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    if (without.includes(key)) continue;
    const values = params
      .getAll(key)
      .map((v) => v.trim())
      .filter(Boolean);
    if (values.length) out.set(key, values.join(","));
  }
  return out.toString();
}

/**
 * The query a submitted filter form stands for: repeated fields (checkboxes) joined with commas,
 * empty fields dropped, and the view parameters of the current URL kept (but not the cursor).
 */
export function formQuery(entries: Iterable<[string, string]>, currentSearch: string): string {
  const collected = new Map<string, string[]>();
  for (const [key, value] of entries) {
    const trimmed = value.trim();
    if (!trimmed || !isFilterKey(key)) continue;
    collected.set(key, [...(collected.get(key) ?? []), trimmed]);
  }
  const current = new URLSearchParams(currentSearch);
  const out = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    // The map area is set by the map, not by the form: keep it.
    const values = key === "bbox" ? current.getAll("bbox") : collected.get(key);
    if (values?.length) out.set(key, values.join(","));
  }
  for (const key of VIEW_KEYS) {
    if (key === "cursor") continue;
    const value = current.get(key);
    if (value) out.set(key, value);
  }
  return out.toString();
}

export type MapView = { zoom: number; lat: number; lon: number };

/** `view=6/15.97/0.23` (zoom/lat/lon, as OpenStreetMap writes it) → a map view, or null. */
export function parseView(value: string | null | undefined): MapView | null {
  if (!value) return null;
  const parts = value.split("/").map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return null;
  const [zoom, lat, lon] = parts as [number, number, number];
  if (zoom < 0 || zoom > 19 || lat < -90 || lat > 90 || lon < -180 || lon > 180) return null;
  return { zoom: Math.round(zoom), lat, lon };
}

/** Enough decimals for the zoom: about a pixel's worth, so URLs stay short. */
export function formatView(view: MapView): string {
  const decimals = Math.max(1, Math.min(5, Math.ceil((view.zoom * Math.LN2) / Math.LN10)));
  const lon = ((((view.lon + 180) % 360) + 360) % 360) - 180;
  return `${view.zoom}/${view.lat.toFixed(decimals)}/${lon.toFixed(decimals)}`;
}

/** A viewport as the `bbox` filter, clamped to the world and rounded for a readable URL. */
export function formatBbox(west: number, south: number, east: number, north: number): string {
  const round = (n: number) => Math.round(n * 100) / 100;
  const clampLat = (n: number) => Math.max(-90, Math.min(90, n));
  if (east - west >= 360) return `-180,${round(clampLat(south))},180,${round(clampLat(north))}`;
  const wrap = (n: number) => ((((n + 180) % 360) + 360) % 360) - 180;
  let w = wrap(west);
  let e = wrap(east);
  // Leaflet reports 180 as -180 after wrapping; keep the east edge on the east.
  if (e === -180 && east > west) e = 180;
  if (w === 180) w = -180;
  return `${round(w)},${round(clampLat(south))},${round(e)},${round(clampLat(north))}`;
}
