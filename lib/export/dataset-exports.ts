// ged.csv and acled.csv: our incidents in the two datasets' own column layouts, so a researcher
// can append them to a GED or ACLED extract. The mapping (README "Exports and imports"):
//
// GED   deaths_a = killed · security_forces, deaths_b = killed · attackers, deaths_civilians =
//       killed · civilians (best figures); deaths_unknown = the part of the headline best that no
//       specific category accounts for (so the four columns add up to best, as in GED).
//       best / low / high = the headline figure (killed, all categories); high is empty when
//       open. id = the UCDP id when the incident came from GED, else our code.
// ACLED fatalities = the conservative figure (the headline low: the lowest credible total).
//       event_id_cnty = the ACLED id when the incident came from ACLED, else our code.
import "server-only";
import type { Tx } from "@/lib/db";
import type { IncidentFilter } from "@/lib/validation/incident-filter";
import {
  GED_DEATH_COLUMNS,
  acledDisorderType,
  acledGeoPrecision,
  acledTimePrecision,
  countryName,
  gedDatePrec,
  gedEventClarity,
  gedSides,
  gedTypeOfViolence,
  type GedActors,
  numericFromIso3,
} from "@/lib/datasets/dataset-mapping";
import { gwCountryId } from "@/lib/datasets/gleditsch-ward";
import { listCell, type Cell } from "./csv-cell";
import { isoDay } from "@/lib/validation/calendar-day";
import { incidentBatches, type ExportIncident } from "./incident-batches";

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const distinctSorted = (values: (string | null | undefined)[]) => [...new Set(values.filter((v): v is string => !!v))].sort(compare);

type SourcesSummary = { count: number; names: string[]; dates: string[]; titles: string[]; urls: string[] };

/** Who reported each incident: its standing claims' claimants and documents. */
async function sourcesByIncident(tx: Tx, incidentIds: string[]): Promise<Map<string, SourcesSummary>> {
  const claims = await tx.claim.findMany({
    where: { incidentId: { in: incidentIds }, retractedAt: null },
    select: {
      incidentId: true,
      statedOn: true,
      claimantId: true,
      claimant: { select: { name: true } },
      document: { select: { title: true, url: true } },
    },
  });
  const grouped = new Map<string, typeof claims>();
  for (const c of claims) grouped.set(c.incidentId, [...(grouped.get(c.incidentId) ?? []), c]);
  const out = new Map<string, SourcesSummary>();
  for (const [id, list] of grouped) {
    out.set(id, {
      count: new Set(list.map((c) => c.claimantId)).size,
      names: distinctSorted(list.map((c) => c.claimant.name)),
      dates: distinctSorted(list.map((c) => isoDay(c.statedOn))),
      titles: distinctSorted(list.map((c) => c.document?.title)),
      urls: distinctSorted(list.map((c) => c.document?.url)),
    });
  }
  return out;
}

async function killedBestByCategory(tx: Tx, incidentIds: string[]): Promise<Map<string, Map<string, number>>> {
  const rows = await tx.reconciliation.findMany({
    where: { incidentId: { in: incidentIds }, metric: "killed" },
    select: { incidentId: true, category: true, best: true },
  });
  const out = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const m = out.get(r.incidentId) ?? new Map<string, number>();
    m.set(r.category, r.best);
    out.set(r.incidentId, m);
  }
  return out;
}

const EMPTY_SOURCES: SourcesSummary = { count: 0, names: [], dates: [], titles: [], urls: [] };

function gedRow(incident: ExportIncident, killed: Map<string, number>, sources: SourcesSummary, actors: GedActors): Cell[] {
  const deaths = { deaths_a: 0, deaths_b: 0, deaths_civilians: 0 };
  for (const [category, column] of Object.entries(GED_DEATH_COLUMNS)) deaths[column] = killed.get(category) ?? 0;
  const specific = deaths.deaths_a + deaths.deaths_b + deaths.deaths_civilians;
  const best = incident.headlineBest;
  const type = gedTypeOfViolence(incident.eventType, actors, killed.has("security_forces"));
  const [sideA, sideB] = gedSides(type, actors);
  return [
    incident.ucdpId ?? incident.code,
    incident.dateStart.getUTCFullYear(),
    type,
    listCell(sideA),
    listCell(sideB),
    isoDay(incident.dateStart),
    isoDay(incident.dateEnd),
    gedDatePrec(incident.datePrecision),
    incident.locationPrecision,
    incident.latitude,
    incident.longitude,
    countryName(incident.countryIso3),
    gwCountryId(incident.countryIso3),
    incident.admin1,
    incident.admin2,
    incident.placeName,
    deaths.deaths_a,
    deaths.deaths_b,
    deaths.deaths_civilians,
    best === null ? 0 : Math.max(0, best - specific),
    best,
    incident.headlineLow,
    incident.headlineHigh,
    sources.count,
    listCell(sources.names),
    listCell(sources.dates),
    listCell(sources.titles),
    listCell(sources.urls),
    gedEventClarity(incident.grading),
  ];
}

export async function* gedRows(tx: Tx, filter: IncidentFilter): AsyncGenerator<Cell[][]> {
  for await (const incidents of incidentBatches(tx, filter)) {
    const ids = incidents.map((i) => i.id);
    const killed = await killedBestByCategory(tx, ids);
    const sources = await sourcesByIncident(tx, ids);
    const actors = await actorsByIncident(tx, ids);
    yield incidents.map((i) => gedRow(i, killed.get(i.id) ?? new Map(), sources.get(i.id) ?? EMPTY_SOURCES, actors.get(i.id) ?? NO_ACTORS));
  }
}

type Actors = GedActors;
const NO_ACTORS: Actors = { perpetrators: [], targets: [], escorts: [] };

async function actorsByIncident(tx: Tx, incidentIds: string[]): Promise<Map<string, Actors>> {
  const rows = await tx.incidentActor.findMany({
    where: { incidentId: { in: incidentIds }, role: { in: ["alleged_perpetrator", "target", "escort"] } },
    select: { incidentId: true, name: true, role: true },
  });
  const out = new Map<string, Actors>();
  for (const r of rows) {
    const a = out.get(r.incidentId) ?? { perpetrators: [], targets: [], escorts: [] };
    (r.role === "alleged_perpetrator" ? a.perpetrators : r.role === "escort" ? a.escorts : a.targets).push(r.name);
    out.set(r.incidentId, a);
  }
  for (const a of out.values()) {
    a.perpetrators.sort(compare);
    a.targets.sort(compare);
    a.escorts.sort(compare);
  }
  return out;
}

function acledRow(incident: ExportIncident, actors: Actors, sources: SourcesSummary): Cell[] {
  const [actor1, ...assoc1] = actors.perpetrators;
  const [actor2, ...assoc2] = actors.targets;
  return [
    incident.acledEventId ?? incident.code,
    isoDay(incident.dateStart),
    incident.dateStart.getUTCFullYear(),
    acledTimePrecision(incident.datePrecision),
    acledDisorderType(incident.eventType),
    incident.eventType,
    incident.subEventType,
    actor1 ?? null,
    listCell(assoc1),
    null,
    actor2 ?? null,
    listCell(assoc2),
    null,
    null,
    incident.eventType === "Violence against civilians" ? "Civilian targeting" : null,
    numericFromIso3(incident.countryIso3),
    null,
    countryName(incident.countryIso3),
    incident.admin1,
    incident.admin2,
    null,
    incident.placeName,
    incident.latitude,
    incident.longitude,
    acledGeoPrecision(incident.locationPrecision),
    listCell(sources.names),
    null,
    incident.summary || incident.title,
    incident.headlineLow ?? 0,
    listCell(incident.flags),
    Math.floor(incident.updatedAt.getTime() / 1000),
  ];
}

export async function* acledRows(tx: Tx, filter: IncidentFilter): AsyncGenerator<Cell[][]> {
  for await (const incidents of incidentBatches(tx, filter)) {
    const ids = incidents.map((i) => i.id);
    const actors = await actorsByIncident(tx, ids);
    const sources = await sourcesByIncident(tx, ids);
    yield incidents.map((i) => acledRow(i, actors.get(i.id) ?? NO_ACTORS, sources.get(i.id) ?? EMPTY_SOURCES));
  }
}
