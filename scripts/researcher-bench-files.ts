// Writes the synthetic files used to measure imports and exports (README "Exports and imports",
// measured figures): an ACLED file of N events and a claims file of M claims about them.
//   npx tsx scripts/researcher-bench-files.ts OUT_DIR [EVENTS=50000] [CLAIMS=100000]
// Deterministic. The claims name incidents by the codes the ACLED import gives the events in a
// database that has no other incident in 2020–2024 (codes are numbered per country and year in
// file order), so import the ACLED file first, into a fresh database.
import fs from "node:fs";
import path from "node:path";
import { stringify } from "csv-stringify/sync";
import { CLAIMS_COLUMNS } from "@/lib/export/columns";
import { numericFromIso3 } from "@/lib/datasets/dataset-mapping";

const [outDir, eventsArg, claimsArg] = process.argv.slice(2);
if (!outDir) {
  console.error("Usage: npx tsx scripts/researcher-bench-files.ts OUT_DIR [EVENTS] [CLAIMS]");
  process.exit(2);
}
const EVENTS = Number(eventsArg ?? 50_000);
const CLAIMS = Number(claimsArg ?? 100_000);

// mulberry32: a small seeded generator, so every run writes the same files.
let seed = 20250207;
function random(): number {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const COUNTRIES = [
  { iso3: "MLI", name: "Mali", lat: 16, lon: -1 },
  { iso3: "BFA", name: "Burkina Faso", lat: 12.5, lon: -1.5 },
  { iso3: "NER", name: "Niger", lat: 15, lon: 5 },
  { iso3: "NGA", name: "Nigeria", lat: 11, lon: 9 },
  { iso3: "TCD", name: "Chad", lat: 14, lon: 18 },
  { iso3: "SDN", name: "Sudan", lat: 14, lon: 28 },
] as const;
const TYPES = [
  ["Battles", "Armed clash"],
  ["Violence against civilians", "Attack"],
  ["Explosions/Remote violence", "Remote explosive/landmine/IED"],
  ["Violence against civilians", "Abduction/forced disappearance"],
] as const;
const ACTORS = [
  "JNIM: Group for Support of Islam and Muslims",
  "Islamic State Sahel Province",
  "Military Forces",
  "Unidentified Armed Group",
  "Communal Militia",
  "Civilians",
];

fs.mkdirSync(outDir, { recursive: true });
const rowsPerChunk = 10_000;

// ── ACLED ──
const acledHeader = [
  "event_id_cnty",
  "event_date",
  "year",
  "time_precision",
  "event_type",
  "sub_event_type",
  "actor1",
  "actor2",
  "iso",
  "country",
  "admin1",
  "admin2",
  "location",
  "latitude",
  "longitude",
  "geo_precision",
  "source",
  "notes",
  "fatalities",
  "timestamp",
];
const codes: string[] = [];
const counters = new Map<string, number>();
const acledFile = path.join(outDir, `acled-${EVENTS}.csv`);
fs.writeFileSync(acledFile, stringify([acledHeader]));
let buffer: string[][] = [];
for (let i = 0; i < EVENTS; i++) {
  const country = pick(COUNTRIES);
  const year = 2020 + Math.floor(random() * 5);
  const date = `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}`;
  const [type, sub] = pick(TYPES);
  const prefix = `${country.iso3}-${year}-`;
  const n = (counters.get(prefix) ?? 0) + 1;
  counters.set(prefix, n);
  codes.push(`${prefix}${String(n).padStart(4, "0")}`);
  buffer.push([
    `BENCH${i}`,
    date,
    String(year),
    String(1 + Math.floor(random() * 3)),
    type,
    sub,
    pick(ACTORS),
    "Civilians",
    String(numericFromIso3(country.iso3)),
    country.name,
    `Region ${Math.floor(random() * 8)}`,
    `District ${Math.floor(random() * 40)}`,
    `Village ${i}`,
    (country.lat + (random() - 0.5) * 4).toFixed(4),
    (country.lon + (random() - 0.5) * 4).toFixed(4),
    String(1 + Math.floor(random() * 3)),
    pick(["AFP", "Reuters; Local media", "RFI", "Studio Tamani"]),
    `Bench event ${i}: ${sub.toLowerCase()} reported near village ${i}, with "quoted" words, commas, and accents: é.`,
    String(Math.floor(random() ** 2 * 60)),
    String(1700000000 + i),
  ]);
  if (buffer.length === rowsPerChunk) {
    fs.appendFileSync(acledFile, stringify(buffer));
    buffer = [];
  }
}
fs.appendFileSync(acledFile, stringify(buffer));

// ── claims ──
const KINDS = [
  "ngo",
  "un",
  "wire_agency",
  "international_media",
  "national_media",
  "local_media",
  "government",
  "party_to_conflict",
  "witness",
  "social_media",
] as const;
const CATEGORIES = ["civilians", "unspecified", "security_forces", "attackers"] as const;
const claimsFile = path.join(outDir, `claims-${CLAIMS}.csv`);
fs.writeFileSync(claimsFile, stringify([[...CLAIMS_COLUMNS]], { record_delimiter: "\r\n" }));
buffer = [];
for (let i = 0; i < CLAIMS; i++) {
  const code = codes[i % codes.length]!;
  // Each incident hears from different sources (the second claim about an incident is by another claimant).
  const source = (i + Math.floor(i / codes.length) * 13) % 40;
  const value = Math.floor(random() * 80);
  const open = random() < 0.2;
  const category = pick(CATEGORIES);
  const cells: Record<string, string> = {
    incident_code: code,
    metric: random() < 0.85 ? "killed" : "injured",
    category,
    value_min: String(value),
    value_max: open ? "" : String(value),
    qualifier: open ? "at_least" : "exact",
    statement: `Bench claim ${i}: ${open ? "at least " : ""}${value} ${category.replace("_", " ")} were reported, per source ${source}.\nSecond line, "quoted".`,
    claimant: `bench-source-${source}`,
    claimant_kind: KINDS[source % KINDS.length]!,
    document_title: `Bench report ${i % 500}`,
    document_url: `https://example.org/bench/${i % 500}`,
    stated_on: `2024-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`,
  };
  buffer.push(CLAIMS_COLUMNS.map((c) => cells[c] ?? ""));
  if (buffer.length === rowsPerChunk) {
    fs.appendFileSync(claimsFile, stringify(buffer, { record_delimiter: "\r\n", quoted_match: /[\r\n]/ }));
    buffer = [];
  }
}
fs.appendFileSync(claimsFile, stringify(buffer, { record_delimiter: "\r\n", quoted_match: /[\r\n]/ }));
console.log(`Wrote ${acledFile} (${EVENTS} events) and ${claimsFile} (${CLAIMS} claims).`);
