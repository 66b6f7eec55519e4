// Aggregate reads (map grid, timeline) over a million incidents cost a few hundred milliseconds
// and are asked again and again with the same parameters (every visitor starts at the world view).
// They are cached in memory for as long as the data does not change: the version is the newest
// Incident.updatedAt, which every write bumps (claims and decisions refresh their incident's
// stored figures, which updates the row). Reading the version is one index lookup. (A slow
// transaction that commits an older timestamp after a newer one could leave an entry stale until
// the next write; reads that must be exact — the list, the incident, exports — are not cached.)
import "server-only";
import { db } from "@/lib/db";

const MAX_ENTRIES = 500;

type Entry = { version: string; value: unknown };
const entries = new Map<string, Entry>();
async function dataVersion(): Promise<string> {
  const rows = await db.$queryRaw<{ v: Date | null }[]>`SELECT max("updatedAt") AS v FROM "Incident"`;
  return rows[0]?.v?.toISOString() ?? "empty";
}

export async function cachedByDataVersion<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const current = await dataVersion();
  const hit = entries.get(key);
  if (hit && hit.version === current) {
    // Refresh its place in the insertion order: the map works as a small LRU.
    entries.delete(key);
    entries.set(key, hit);
    return hit.value as T;
  }
  const value = await compute();
  entries.set(key, { version: current, value });
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return value;
}

/** For tests: forget everything. */
export function clearDataVersionCache() {
  entries.clear();
}
