// Small reads for the analyst pages: the choices offered by the filter form, and where an
// incident is (for a selection restored from a shared URL).
import "server-only";
import { db } from "@/lib/db";
import type { SourceKind } from "@/lib/domain/vocabularies";

export type FilterFacets = {
  countries: string[];
  admin1: string[];
  eventTypes: string[];
  actors: string[];
  sources: { slug: string; name: string; kind: SourceKind }[];
};

/** How many suggestions a free-text field offers; the field accepts any text. */
const SUGGESTIONS = 300;
/** Choices change only when incidents or sources are added; a minute-old list is fine for a form. */
const FACETS_TTL_MS = 60_000;

let cached: { at: number; facets: Promise<FilterFacets> } | null = null;

export function filterFacets(): Promise<FilterFacets> {
  if (!cached || Date.now() - cached.at > FACETS_TTL_MS) {
    const facets = readFacets();
    cached = { at: Date.now(), facets };
    // A failed read must not be served for a minute.
    facets.catch(() => {
      if (cached?.facets === facets) cached = null;
    });
  }
  return cached.facets;
}

// SQL DISTINCT, not Prisma's `distinct` (which fetches every row and de-duplicates in memory:
// seconds with a million incidents).
async function readFacets(): Promise<FilterFacets> {
  const [countries, admin1, eventTypes, actors, sources] = await Promise.all([
    db.$queryRaw<{ v: string }[]>`SELECT DISTINCT "countryIso3" AS v FROM "Incident" WHERE "mergedIntoId" IS NULL ORDER BY 1`,
    db.$queryRaw<
      { v: string }[]
    >`SELECT DISTINCT "admin1" AS v FROM "Incident" WHERE "mergedIntoId" IS NULL AND "admin1" IS NOT NULL ORDER BY 1 LIMIT ${SUGGESTIONS}`,
    db.$queryRaw<{ v: string }[]>`SELECT DISTINCT "eventType" AS v FROM "Incident" WHERE "mergedIntoId" IS NULL ORDER BY 1`,
    db.$queryRaw<{ v: string }[]>`SELECT DISTINCT "name" AS v FROM "IncidentActor" ORDER BY 1 LIMIT ${SUGGESTIONS}`,
    // Only sources that have made a claim: the others cannot narrow anything down.
    db.source.findMany({ where: { claims: { some: {} } }, select: { slug: true, name: true, kind: true }, orderBy: { name: "asc" } }),
  ]);
  return {
    countries: countries.map((r) => r.v),
    admin1: admin1.map((r) => r.v),
    eventTypes: eventTypes.map((r) => r.v),
    actors: actors.map((r) => r.v),
    sources,
  };
}

export async function incidentPin(code: string): Promise<{ code: string; title: string; lat: number; lon: number } | null> {
  const row = await db.incident.findFirst({
    where: { code, mergedIntoId: null },
    select: { code: true, title: true, latitude: true, longitude: true },
  });
  return row ? { code: row.code, title: row.title, lat: row.latitude, lon: row.longitude } : null;
}
