// A realistic synthetic dataset for benchmarks: incidents clustered around real conflict regions
// over fifteen years, one to six claims each from a pool of a few hundred sources of every kind,
// with the disagreement real monitoring sees (open-ended claims, revised figures, breakdowns).
// Deterministic: the same index and seed always give the same incident.
import type { EngineClaim } from "@/lib/domain/reconcile";
import {
  CATEGORIES,
  SOURCE_KINDS,
  type Category,
  type Grading,
  type Metric,
  type Qualifier,
  type SourceKind,
} from "@/lib/domain/vocabularies";

/** Conflict regions: centre, spread (degrees), weight, country and its first-level divisions. */
export const REGIONS = [
  {
    name: "Central Sahel",
    lat: 14.5,
    lon: -1.5,
    spread: 2.5,
    weight: 9,
    iso3: "BFA",
    admin1: ["Sahel", "Nord", "Centre-Nord", "Est", "Boucle du Mouhoun"],
  },
  {
    name: "Northern Mali",
    lat: 16.0,
    lon: -0.5,
    spread: 2.5,
    weight: 8,
    iso3: "MLI",
    admin1: ["Gao", "Mopti", "Ménaka", "Tombouctou", "Ségou"],
  },
  { name: "Western Niger", lat: 14.6, lon: 1.8, spread: 1.8, weight: 4, iso3: "NER", admin1: ["Tillabéri", "Tahoua", "Dosso"] },
  { name: "Lake Chad", lat: 12.5, lon: 13.8, spread: 1.6, weight: 6, iso3: "NGA", admin1: ["Borno", "Yobe", "Adamawa"] },
  {
    name: "North-west Nigeria",
    lat: 12.2,
    lon: 6.5,
    spread: 1.5,
    weight: 6,
    iso3: "NGA",
    admin1: ["Zamfara", "Katsina", "Sokoto", "Kaduna"],
  },
  { name: "Eastern DRC", lat: -0.5, lon: 29.2, spread: 1.8, weight: 9, iso3: "COD", admin1: ["Nord-Kivu", "Sud-Kivu", "Ituri"] },
  {
    name: "Sudan",
    lat: 13.5,
    lon: 28.0,
    spread: 3.5,
    weight: 7,
    iso3: "SDN",
    admin1: ["North Darfur", "West Darfur", "Khartoum", "Al Jazirah", "South Kordofan"],
  },
  {
    name: "Somalia",
    lat: 3.5,
    lon: 45.0,
    spread: 2.5,
    weight: 5,
    iso3: "SOM",
    admin1: ["Banadir", "Lower Shabelle", "Middle Shabelle", "Bay", "Hiraan"],
  },
  { name: "Ethiopia", lat: 11.5, lon: 38.5, spread: 2.5, weight: 5, iso3: "ETH", admin1: ["Amhara", "Oromia", "Tigray"] },
  { name: "South Sudan", lat: 7.5, lon: 31.0, spread: 2.5, weight: 3, iso3: "SSD", admin1: ["Jonglei", "Unity", "Upper Nile", "Warrap"] },
  {
    name: "Syria",
    lat: 35.5,
    lon: 37.5,
    spread: 1.5,
    weight: 10,
    iso3: "SYR",
    admin1: ["Aleppo", "Idlib", "Deir ez-Zor", "Homs", "Rural Damascus"],
  },
  {
    name: "Iraq",
    lat: 34.5,
    lon: 43.5,
    spread: 2.0,
    weight: 5,
    iso3: "IRQ",
    admin1: ["Ninewa", "Anbar", "Salah al-Din", "Diyala", "Baghdad"],
  },
  {
    name: "Yemen",
    lat: 15.0,
    lon: 45.0,
    spread: 2.0,
    weight: 7,
    iso3: "YEM",
    admin1: ["Taizz", "Marib", "Al Hudaydah", "Sanaa", "Al Dhale'e"],
  },
  {
    name: "Afghanistan",
    lat: 34.0,
    lon: 67.5,
    spread: 3.0,
    weight: 7,
    iso3: "AFG",
    admin1: ["Helmand", "Kandahar", "Nangarhar", "Kunduz", "Ghazni"],
  },
  { name: "Pakistan north-west", lat: 33.5, lon: 71.0, spread: 1.5, weight: 3, iso3: "PAK", admin1: ["Khyber Pakhtunkhwa", "Balochistan"] },
  {
    name: "Myanmar",
    lat: 21.0,
    lon: 96.0,
    spread: 3.0,
    weight: 6,
    iso3: "MMR",
    admin1: ["Sagaing", "Magway", "Rakhine", "Kachin", "Shan"],
  },
  {
    name: "Eastern Ukraine",
    lat: 48.3,
    lon: 37.8,
    spread: 1.5,
    weight: 10,
    iso3: "UKR",
    admin1: ["Donetsk", "Luhansk", "Kharkiv", "Zaporizhzhia", "Kherson"],
  },
  { name: "Gaza and West Bank", lat: 31.7, lon: 34.8, spread: 0.4, weight: 5, iso3: "PSE", admin1: ["Gaza Strip", "West Bank"] },
  {
    name: "Colombia",
    lat: 5.0,
    lon: -75.0,
    spread: 2.5,
    weight: 3,
    iso3: "COL",
    admin1: ["Antioquia", "Cauca", "Nariño", "Norte de Santander"],
  },
  {
    name: "Mexico",
    lat: 20.5,
    lon: -101.5,
    spread: 3.5,
    weight: 4,
    iso3: "MEX",
    admin1: ["Guanajuato", "Michoacán", "Guerrero", "Jalisco", "Chihuahua"],
  },
  { name: "Mozambique north", lat: -12.0, lon: 40.0, spread: 1.2, weight: 2, iso3: "MOZ", admin1: ["Cabo Delgado", "Niassa"] },
  {
    name: "Cameroon Anglophone",
    lat: 6.0,
    lon: 10.2,
    spread: 1.0,
    weight: 2,
    iso3: "CMR",
    admin1: ["Nord-Ouest", "Sud-Ouest", "Extrême-Nord"],
  },
  {
    name: "Central African Republic",
    lat: 6.5,
    lon: 20.5,
    spread: 2.0,
    weight: 2,
    iso3: "CAF",
    admin1: ["Ouham", "Haute-Kotto", "Vakaga"],
  },
  { name: "Libya", lat: 31.5, lon: 15.5, spread: 3.0, weight: 2, iso3: "LBY", admin1: ["Tripoli", "Misrata", "Benghazi", "Sirte"] },
  {
    name: "Philippines Mindanao",
    lat: 7.5,
    lon: 124.5,
    spread: 1.2,
    weight: 2,
    iso3: "PHL",
    admin1: ["Maguindanao", "Lanao del Sur", "Sulu"],
  },
] as const;

const EVENT_TYPES: [string, string][] = [
  ["Battles", "Armed clash"],
  ["Violence against civilians", "Attack"],
  ["Explosions/Remote violence", "Air/drone strike"],
  ["Explosions/Remote violence", "Shelling/artillery/missile attack"],
  ["Explosions/Remote violence", "Remote explosive/landmine/IED"],
  ["Violence against civilians", "Abduction/forced disappearance"],
  ["Riots", "Mob violence"],
];
const GRADINGS: Grading[] = ["confirmed", "fair", "fair", "fair", "weak", "contested", "discounted"];
export const YEARS_FROM = 2011;
export const YEARS = 15;
const DAY = 86_400_000;
const START = Date.UTC(YEARS_FROM, 0, 1);

/** mulberry32: small, fast, good enough for test data. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const gaussian = (random: () => number) => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());

/** Deterministic UUID-shaped ids: the kind letter keeps tables apart, the number is the row. */
export function syntheticId(kind: "a" | "b" | "c" | "d", n: number): string {
  const hex = n.toString(16).padStart(12, "0");
  return `${kind}0000000-0000-4000-8000-${hex}`;
}

export type SyntheticSource = { id: string; slug: string; name: string; kind: SourceKind; isParty: boolean; countryIso3: string | null };

export function syntheticSources(count = 300): SyntheticSource[] {
  const random = rng(7);
  const kinds = SOURCE_KINDS;
  return Array.from({ length: count }, (_, i) => {
    const kind = kinds[i % kinds.length]!;
    const region = pick(random, REGIONS);
    return {
      id: syntheticId("a", i + 1),
      slug: `bench-source-${i + 1}`,
      name: `Bench ${kind.replace(/_/g, " ")} ${i + 1}`,
      kind,
      isParty: kind === "party_to_conflict" || kind === "government",
      countryIso3:
        kind === "government" || kind === "national_media" || kind === "local_media" || kind === "party_to_conflict" ? region.iso3 : null,
    };
  });
}

export type SyntheticIncident = {
  id: string;
  code: string;
  title: string;
  dateStart: string;
  dateEnd: string;
  placeName: string;
  admin1: string;
  countryIso3: string;
  latitude: number;
  longitude: number;
  locationPrecision: number;
  eventType: string;
  subEventType: string;
  grading: Grading;
  claims: EngineClaim[];
  statements: Map<string, string>;
};

const totalWeight = REGIONS.reduce((sum, r) => sum + r.weight, 0);
const METRIC_WEIGHTS: [Metric, number][] = [
  ["killed", 0.72],
  ["injured", 0.18],
  ["killed_or_injured", 0.04],
  ["missing", 0.03],
  ["abducted", 0.03],
];

function weighted<T>(random: () => number, entries: [T, number][]): T {
  let r = random();
  for (const [value, weight] of entries) {
    if ((r -= weight) <= 0) return value;
  }
  return entries[entries.length - 1]![0];
}

/** Incident number `index` (0-based). `codeNumber` numbers it within its country and year. */
export function syntheticIncident(
  index: number,
  sources: SyntheticSource[],
  codeNumber: (iso3: string, year: number) => number,
  claimCounter: { next: number },
): SyntheticIncident {
  const random = rng(index * 2654435761 + 12345);
  let r = random() * totalWeight;
  const region = REGIONS.find((reg) => (r -= reg.weight) <= 0) ?? REGIONS[0];
  const latitude = Math.max(-89, Math.min(89, region.lat + gaussian(random) * region.spread * 0.5));
  const longitude = Math.max(-179, Math.min(179, region.lon + gaussian(random) * region.spread * 0.5));
  const start = START + Math.floor(random() * YEARS * 365) * DAY;
  const dateStart = new Date(start).toISOString().slice(0, 10);
  const multiDay = random() < 0.08;
  const dateEnd = new Date(start + (multiDay ? Math.ceil(random() * 5) * DAY : 0)).toISOString().slice(0, 10);
  const [eventType, subEventType] = pick(random, EVENT_TYPES);
  const admin1 = pick(random, region.admin1);
  const year = Number(dateStart.slice(0, 4));
  const code = `${region.iso3}-${year}-${String(codeNumber(region.iso3, year)).padStart(4, "0")}`;
  // Heavy-tailed toll: most incidents are small, a few are massacres.
  const toll = Math.max(0, Math.round(Math.exp(gaussian(random) * 1.2 + 1.2) - 1));
  const claimCount = 1 + Math.floor(6 * Math.pow(random(), 1.5));
  const claims: EngineClaim[] = [];
  const statements = new Map<string, string>();
  const category: Category = pick(random, CATEGORIES);
  const addClaim = (claim: Omit<EngineClaim, "id" | "createdAt" | "relaysSourceIds" | "assessment" | "retracted">, statement: string) => {
    const id = syntheticId("c", ++claimCounter.next);
    claims.push({
      ...claim,
      id,
      createdAt: new Date(start + claims.length * 3_600_000).toISOString(),
      relaysSourceIds: [],
      assessment: random() < 0.05 ? "not_credible" : "not_assessed",
      retracted: false,
    });
    statements.set(id, statement);
    return id;
  };
  for (let c = 0; c < claimCount; c++) {
    const source = pick(random, sources);
    const metric = c === 0 ? "killed" : weighted(random, METRIC_WEIGHTS);
    const base = metric === "killed" ? toll : Math.round(toll * (0.5 + random()));
    // Parties shade their figures down (their own side) or up (the enemy's).
    const shade = source.isParty ? 0.4 + random() * 0.6 : 0.8 + random() * 0.5;
    const value = Math.max(0, Math.round(base * shade + gaussian(random)));
    const q = random();
    const qualifier: Qualifier = q < 0.6 ? "exact" : q < 0.8 ? "at_least" : q < 0.9 ? "approximately" : "range";
    const valueMax =
      qualifier === "at_least" ? null : qualifier === "range" ? value + 1 + Math.floor(random() * Math.max(2, value * 0.3)) : value;
    const statedOn = new Date(start + Math.floor(random() * 30) * DAY).toISOString().slice(0, 10);
    const claimant = { id: source.id, name: source.name, kind: source.kind, isParty: source.isParty };
    const first = addClaim(
      { metric, category, subgroup: null, valueMin: value, valueMax, qualifier, statedOn, claimant, supersedesId: null },
      `${qualifier === "at_least" ? "At least " : qualifier === "approximately" ? "About " : ""}${value}${valueMax !== null && valueMax !== value ? ` to ${valueMax}` : ""} ${category.replace(/_/g, " ")} ${metric.replace(/_/g, " ")}.`,
    );
    // A revised figure from the same claimant a few days later, superseding the first.
    if (random() < 0.1) {
      const revised = value + 1 + Math.floor(random() * 5);
      addClaim(
        {
          metric,
          category,
          subgroup: null,
          valueMin: revised,
          valueMax: revised,
          qualifier: "exact",
          statedOn: new Date(Date.parse(statedOn) + 3 * DAY).toISOString().slice(0, 10),
          claimant,
          supersedesId: first,
        },
        `Revised: ${revised} ${category.replace(/_/g, " ")} ${metric.replace(/_/g, " ")}.`,
      );
    }
    // A nationality breakdown that usually, but not always, adds up.
    if (random() < 0.05 && value >= 2 && valueMax === value) {
      const local = Math.floor(value * random());
      const foreign = value - local + (random() < 0.2 ? 1 : 0);
      for (const [subgroup, n] of [
        ["local", local],
        ["foreign", foreign],
      ] as const) {
        addClaim(
          { metric, category, subgroup, valueMin: n, valueMax: n, qualifier: "exact", statedOn, claimant, supersedesId: null },
          `${n} ${subgroup} among them.`,
        );
      }
    }
  }
  return {
    id: syntheticId("b", index + 1),
    code,
    title: `${subEventType} in ${admin1} (${region.name})`,
    dateStart,
    dateEnd,
    placeName: `${admin1} area`,
    admin1,
    countryIso3: region.iso3,
    latitude: Math.round(latitude * 1e5) / 1e5,
    longitude: Math.round(longitude * 1e5) / 1e5,
    locationPrecision: 1 + Math.floor(random() * 4),
    eventType,
    subEventType,
    grading: pick(random, GRADINGS),
    claims,
    statements,
  };
}
