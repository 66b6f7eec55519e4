// Small reads for the analyst pages: the choices offered by the filter form, and where an
// incident is (for a selection restored from a shared URL).
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

export async function filterFacets(): Promise<FilterFacets> {
  const live = { mergedIntoId: null };
  const [countries, admin1, eventTypes, actors, sources] = await Promise.all([
    db.incident.findMany({ where: live, distinct: ["countryIso3"], select: { countryIso3: true }, orderBy: { countryIso3: "asc" } }),
    db.incident.findMany({ where: { ...live, admin1: { not: null } }, distinct: ["admin1"], select: { admin1: true }, orderBy: { admin1: "asc" }, take: SUGGESTIONS }),
    db.incident.findMany({ where: live, distinct: ["eventType"], select: { eventType: true }, orderBy: { eventType: "asc" } }),
    db.incidentActor.findMany({ distinct: ["name"], select: { name: true }, orderBy: { name: "asc" }, take: SUGGESTIONS }),
    // Only sources that have made a claim: the others cannot narrow anything down.
    db.source.findMany({ where: { claims: { some: {} } }, select: { slug: true, name: true, kind: true }, orderBy: { name: "asc" } }),
  ]);
  return {
    countries: countries.map((r) => r.countryIso3),
    admin1: admin1.map((r) => r.admin1!).filter(Boolean),
    eventTypes: eventTypes.map((r) => r.eventType),
    actors: actors.map((r) => r.name),
    sources,
  };
}

export async function incidentPin(code: string): Promise<{ code: string; title: string; lat: number; lon: number } | null> {
  const row = await db.incident.findFirst({ where: { code, mergedIntoId: null }, select: { code: true, title: true, latitude: true, longitude: true } });
  return row ? { code: row.code, title: row.title, lat: row.latitude, lon: row.longitude } : null;
}
