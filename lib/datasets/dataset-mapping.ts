// How Triangulate's vocabulary maps to and from the UCDP GED and ACLED codebooks. Pure, shared
// by the exports (ged.csv, acled.csv) and the imports (--format ucdp / acled), so a file
// written by one is read back by the other with the same meaning.
import countries from "i18n-iso-countries";
import english from "i18n-iso-countries/langs/en.json";
import type { Category, DatePrecision, Grading } from "@/lib/domain/vocabularies";

countries.registerLocale(english);

// ─── dates ───────────────────────────────────────────────────────────────────────────────

/** UCDP GED date_prec: 1 exact day, 2 within 2–6 days, 3 week, 4 month (8–30 days), 5 year. */
const GED_DATE_PREC: Record<DatePrecision, number> = { day: 1, range: 2, week: 3, month: 4, year: 5 };

export function gedDatePrec(precision: DatePrecision): number {
  return GED_DATE_PREC[precision];
}

export function datePrecisionFromGed(code: number): DatePrecision | null {
  return (Object.keys(GED_DATE_PREC) as DatePrecision[]).find((p) => GED_DATE_PREC[p] === code) ?? null;
}

/** ACLED time_precision: 1 the day is known, 2 the week (or a few days), 3 only the month or more. */
export function acledTimePrecision(precision: DatePrecision): number {
  return precision === "day" ? 1 : precision === "range" || precision === "week" ? 2 : 3;
}

export function datePrecisionFromAcled(code: number): DatePrecision | null {
  return code === 1 ? "day" : code === 2 ? "week" : code === 3 ? "month" : null;
}

// ─── places ──────────────────────────────────────────────────────────────────────────────

/**
 * ACLED geo_precision: 1 the named town, 2 near it / a part of a region, 3 a larger region
 * (its capital stands for it). UCDP where_prec (our location precision): 1 exact, 2 within
 * 25 km, 3 second-order division, 4 first-order division, 5 linear feature or wider area,
 * 6 country, 7 international waters.
 */
export function acledGeoPrecision(wherePrec: number): number {
  return wherePrec <= 1 ? 1 : wherePrec <= 3 ? 2 : 3;
}

export function wherePrecFromAcled(code: number): number | null {
  return code === 1 ? 1 : code === 2 ? 2 : code === 3 ? 4 : null;
}

// Names the two datasets use that the ISO list spells differently (compared normalised).
const COUNTRY_ALIASES: Record<string, string> = {
  syria: "SYR",
  laos: "LAO",
  "lao pdr": "LAO",
  moldova: "MDA",
  "dr congo": "COD",
  drc: "COD",
  "democratic republic of congo": "COD",
  "democratic republic of the congo": "COD",
  "congo kinshasa": "COD",
  "republic of congo": "COG",
  "republic of the congo": "COG",
  "congo brazzaville": "COG",
  "cote d ivoire": "CIV",
  "ivory coast": "CIV",
  "bosnia herzegovina": "BIH",
  burma: "MMR",
  "east timor": "TLS",
  micronesia: "FSM",
  swaziland: "SWZ",
  "kingdom of eswatini": "SWZ",
  macedonia: "MKD",
  "macedonia fyr": "MKD",
  "cape verde": "CPV",
  "cabo verde": "CPV",
  vietnam: "VNM",
  czechia: "CZE",
  turkiye: "TUR",
  brunei: "BRN",
  kosovo: "XKK",
  gambia: "GMB",
  "the gambia": "GMB",
  bahamas: "BHS",
  "united states of america": "USA",
  vatican: "VAT",
  palestine: "PSE",
  russia: "RUS",
  iran: "IRN",
  "north korea": "PRK",
  "south korea": "KOR",
};

function normalised(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]+/g, " ")
    .trim();
}

/**
 * ISO3 for a country name as ACLED or UCDP write it. UCDP adds historical names in brackets
 * ("Russia (Soviet Union)", "DR Congo (Zaire)"): the current name before the bracket counts.
 */
export function iso3FromCountryName(name: string): string | null {
  const current = name.replace(/\s*\(.*\)\s*$/, "").trim();
  if (!current) return null;
  return countries.getAlpha3Code(current, "en") ?? COUNTRY_ALIASES[normalised(current)] ?? null;
}

export function iso3FromNumeric(code: string | number): string | null {
  return countries.numericToAlpha3(code) ?? null;
}

export function numericFromIso3(iso3: string): number | null {
  const numeric = countries.alpha3ToNumeric(iso3);
  return numeric ? Number(numeric) : null;
}

export function isKnownIso3(iso3: string): boolean {
  return countries.isValid(iso3) || iso3 === "XKK";
}

export function countryName(iso3: string): string {
  return countries.getName(iso3, "en") ?? (iso3 === "XKK" ? "Kosovo" : iso3);
}

/** [iso3, English name] of every code countryName knows, for exports written by SQL. */
export function countryNames(): [string, string][] {
  return [...Object.keys(countries.getAlpha3Codes()), "XKK"].map((iso3) => [iso3, countryName(iso3)]);
}

// ─── casualties ──────────────────────────────────────────────────────────────────────────

/**
 * Our categories in GED's death columns. GED's side A is usually the government and side B
 * the armed group; Triangulate records security forces and attackers instead, which is the
 * same split for the events it tracks (armed groups attacking under a state's protection).
 */
export const GED_DEATH_COLUMNS: Record<Exclude<Category, "unspecified">, "deaths_a" | "deaths_b" | "deaths_civilians"> = {
  security_forces: "deaths_a",
  attackers: "deaths_b",
  civilians: "deaths_civilians",
};

/** GED event_clarity: 1 a clearly reported event, 2 an aggregate or unclear report. */
export function gedEventClarity(grading: Grading): number {
  return grading === "confirmed" || grading === "fair" ? 1 : 2;
}

/** ACLED's disorder_type follows from its event type. */
export function acledDisorderType(eventType: string): string {
  if (["Battles", "Explosions/Remote violence", "Violence against civilians"].includes(eventType)) return "Political violence";
  if (["Protests", "Riots"].includes(eventType)) return "Demonstrations";
  if (eventType === "Strategic developments") return "Strategic developments";
  return "";
}

/** UCDP type_of_violence (1 state-based, 2 non-state, 3 one-sided) in ACLED's event types. */
export function eventTypeFromUcdp(typeOfViolence: number | null): string {
  return typeOfViolence === 3 ? "Violence against civilians" : "Battles";
}

// ─── GED's conflict typology ─────────────────────────────────────────────────────────────

export type GedActors = { perpetrators: string[]; targets: string[]; escorts: string[] };

/**
 * GED type_of_violence from what we record (GED's own coding needs its conflict list, which we
 * do not have): 3 one-sided for "Violence against civilians"; for battles and remote violence,
 * 1 state-based when a state's forces took part (an escort is recorded, or security forces were
 * killed), else 2 non-state. Empty (null) for event types GED does not count (protests, riots,
 * strategic developments).
 */
export function gedTypeOfViolence(eventType: string, actors: GedActors, securityForcesKilled: boolean): 1 | 2 | 3 | null {
  if (eventType === "Violence against civilians") return 3;
  if (eventType !== "Battles" && eventType !== "Explosions/Remote violence") return null;
  return actors.escorts.length > 0 || securityForcesKilled ? 1 : 2;
}

/**
 * GED's side_a and side_b from the recorded actor roles, in GED's convention: one-sided, the
 * perpetrator and "Civilians" (or the recorded target); state-based, the state's side (escorts
 * and targets) as side A and the attackers as side B; non-state, perpetrators against targets.
 * Names are as recorded (';'-separated when several), not UCDP's dyad names.
 */
export function gedSides(type: 1 | 2 | 3 | null, actors: GedActors): [string[], string[]] {
  if (type === 3) return [actors.perpetrators, actors.targets.length ? actors.targets : ["Civilians"]];
  if (type === 1) return [[...actors.escorts, ...actors.targets], actors.perpetrators];
  return [actors.perpetrators, actors.targets];
}
