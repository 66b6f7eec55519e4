// Likely duplicates of an incident being entered: within ±3 days and 50 km, or with a similar
// title (accent- and typo-tolerant through pg_trgm on an unaccented, lower-cased title).
import "server-only";
import { db } from "@/lib/db";
import { isoDay } from "@/lib/validation/calendar-day";

export type DuplicateCandidate = {
  code: string;
  title: string;
  dateStart: string;
  placeName: string;
  distanceKm: number | null;
  titleSimilarity: number;
  reason: string;
};

export async function findLikelyDuplicates(query: {
  title: string;
  dateStart?: string;
  latitude?: number;
  longitude?: number;
  excludeCode?: string;
}): Promise<DuplicateCandidate[]> {
  const hasPlace = query.dateStart !== undefined && query.latitude !== undefined && query.longitude !== undefined;
  const title = query.title.trim();
  if (!hasPlace && title.length < 3) return [];
  // Lower the trigram threshold for this query only: short typed titles ("Kobe convoy") match long ones partially.
  const [, rows] = await db.$transaction([
    db.$executeRaw`SELECT set_config('pg_trgm.word_similarity_threshold', '0.45', true)`,
    db.$queryRaw<{ code: string; title: string; dateStart: Date; placeName: string; km: number | null; sim: number; near: boolean }[]>`
    WITH candidates AS (
      SELECT "code", "title", "dateStart", "placeName",
        CASE WHEN ${hasPlace} THEN
          -- Haversine distance in km.
          2 * 6371 * asin(sqrt(power(sin(radians("latitude" - ${query.latitude ?? 0}::float8) / 2), 2)
            + cos(radians(${query.latitude ?? 0}::float8)) * cos(radians("latitude")) * power(sin(radians("longitude" - ${query.longitude ?? 0}::float8) / 2), 2)))
        END AS km,
        CASE WHEN ${title.length >= 3} THEN word_similarity(triangulate_fold(${title}), triangulate_fold("title")) ELSE 0 END AS sim,
        CASE WHEN ${hasPlace} THEN abs("dateStart" - ${query.dateStart ?? "1970-01-01"}::date) <= 3 ELSE false END AS near
      FROM "Incident"
      WHERE "mergedIntoId" IS NULL AND "code" <> ${query.excludeCode ?? ""}
        AND (
          (${hasPlace} AND "dateStart" BETWEEN ${query.dateStart ?? "1970-01-01"}::date - 3 AND ${query.dateStart ?? "1970-01-01"}::date + 3)
          OR (${title.length >= 3} AND triangulate_fold(${title}) <% triangulate_fold("title"))
        )
    )
    SELECT * FROM candidates
    WHERE (near AND km <= 50) OR sim >= 0.45
    ORDER BY (near AND km <= 50) DESC, sim DESC
    LIMIT 10`,
  ]);
  return rows.map((r) => ({
    code: r.code,
    title: r.title,
    dateStart: isoDay(r.dateStart),
    placeName: r.placeName,
    distanceKm: r.km === null ? null : Math.round(r.km * 10) / 10,
    titleSimilarity: Math.round(r.sim * 100) / 100,
    reason:
      r.near && r.km !== null && r.km <= 50 ? `within 3 days and ${Math.round(r.km)} km` : `similar title (${Math.round(r.sim * 100)}%)`,
  }));
}
