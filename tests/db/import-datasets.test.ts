// ACLED and UCDP GED files become incidents carrying the dataset's claim, matched by external id.
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { seedKobe } from "@/lib/seed/seed-database";
import { csvRecords, exportText } from "./export-support";
import { counts, csv, importText } from "./import-support";
import { useTestDb } from "./test-database";

const ACLED_HEADER = [
  "event_id_cnty",
  "event_date",
  "year",
  "time_precision",
  "disorder_type",
  "event_type",
  "sub_event_type",
  "actor1",
  "actor2",
  "iso",
  "region",
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
] as const;
const acledRow = (id: string, fatalities: number | string, extra: Partial<Record<(typeof ACLED_HEADER)[number], string>> = {}) => {
  const base: Record<string, string> = {
    event_id_cnty: id,
    event_date: "2025-03-02",
    year: "2025",
    time_precision: "1",
    disorder_type: "Political violence",
    event_type: "Violence against civilians",
    sub_event_type: "Attack",
    actor1: "Unidentified Armed Group (Mali)",
    actor2: "Civilians (Mali)",
    iso: "466",
    region: "Western Africa",
    country: "Mali",
    admin1: "Gao",
    admin2: "Ansongo",
    location: "Ansongo",
    latitude: "15.6597",
    longitude: "0.5022",
    geo_precision: "1",
    source: "Studio Tamani; AFP",
    notes: "On 2 March 2025, gunmen attacked a market in Ansongo (Gao).",
    fatalities: String(fatalities),
    timestamp: "1741000000",
    ...extra,
  };
  return ACLED_HEADER.map((c) => base[c]!);
};

const UCDP_HEADER = [
  "id",
  "relid",
  "year",
  "type_of_violence",
  "conflict_name",
  "dyad_name",
  "side_a",
  "side_b",
  "where_prec",
  "where_description",
  "adm_1",
  "adm_2",
  "latitude",
  "longitude",
  "country",
  "country_id",
  "date_prec",
  "date_start",
  "date_end",
  "deaths_a",
  "deaths_b",
  "deaths_civilians",
  "deaths_unknown",
  "best",
  "high",
  "low",
] as const;
const ucdpRow = (
  id: string,
  low: number,
  best: number,
  high: number,
  extra: Partial<Record<(typeof UCDP_HEADER)[number], string>> = {},
) => {
  const base: Record<string, string> = {
    id,
    relid: `BFA-2025-1-${id}`,
    year: "2025",
    type_of_violence: "3",
    conflict_name: "JNIM - Civilians",
    dyad_name: "JNIM - Civilians",
    side_a: "JNIM",
    side_b: "Civilians",
    where_prec: "2",
    where_description: "Djibo town",
    adm_1: "Sahel region",
    adm_2: "Soum province",
    latitude: "14.1",
    longitude: "-1.63",
    country: "Burkina Faso",
    country_id: "439",
    date_prec: "1",
    date_start: "2025-01-20 00:00:00.000",
    date_end: "2025-01-20 00:00:00.000",
    deaths_a: "0",
    deaths_b: "0",
    deaths_civilians: String(best),
    deaths_unknown: "0",
    best: String(best),
    high: String(high),
    low: String(low),
    ...extra,
  };
  return UCDP_HEADER.map((c) => base[c]!);
};

let db: Db;
beforeAll(async () => {
  db = await useTestDb();
  await seedKobe(db);
});

describe("ACLED", () => {
  it("creates incidents with the next free codes and one exact claim by the dataset", async () => {
    const text = csv(ACLED_HEADER, [
      acledRow("MLI40001", 12),
      acledRow("MLI40002", 0, { event_date: "07 February 2025", location: "Kobé" }),
      acledRow("BFA9001", 5, { iso: "854", country: "Burkina Faso", location: "Djibo", latitude: "14.1", longitude: "-1.63" }),
    ]);
    const summary = await importText(db, "acled", text, { fileName: "acled-sahel.csv" });
    expect(summary.errors).toEqual([]);
    expect(summary).toMatchObject({
      imported: true,
      incidentsCreated: 3,
      incidentsMatched: 0,
      claimsCreated: 3,
      figuresRefreshed: 3,
      documentsCreated: 1,
    });

    const mali = await db.incident.findUniqueOrThrow({
      where: { acledEventId: "MLI40001" },
      include: { claims: { include: { claimant: true, document: true } }, actors: true, figures: true },
    });
    // Kobé is MLI-2025-0001, so ACLED's Malian events of 2025 come next, in file order.
    expect(mali).toMatchObject({
      code: "MLI-2025-0002",
      countryIso3: "MLI",
      admin1: "Gao",
      placeName: "Ansongo",
      locationPrecision: 1,
      datePrecision: "day",
      eventType: "Violence against civilians",
      subEventType: "Attack",
      title: "Attack in Ansongo",
    });
    expect(mali.actors.map((a) => [a.name, a.role]).sort()).toEqual([
      ["Civilians (Mali)", "target"],
      ["Unidentified Armed Group (Mali)", "alleged_perpetrator"],
    ]);
    const [claim] = mali.claims;
    expect(claim).toMatchObject({
      metric: "killed",
      category: "unspecified",
      valueMin: 12,
      valueMax: 12,
      qualifier: "exact",
      claimant: { slug: "acled", kind: "dataset" },
      document: { title: "ACLED file acled-sahel.csv" },
    });
    expect(claim!.statement).toContain("12 reported fatalities");
    expect(claim!.statement).toContain("Studio Tamani; AFP");
    expect(claim!.statedOn?.toISOString().slice(0, 10)).toBe("2025-03-03");
    expect(mali.figures).toMatchObject([
      { metric: "killed", category: "unspecified", low: 12, best: 12, high: 12, flags: ["single_source"] },
    ]);
    expect((await db.incident.findUniqueOrThrow({ where: { acledEventId: "MLI40002" } })).code).toBe("MLI-2025-0003");
    expect((await db.incident.findUniqueOrThrow({ where: { acledEventId: "BFA9001" } })).code).toBe("BFA-2025-0001");
  });

  it("is idempotent, and a changed figure supersedes the dataset's earlier claim", async () => {
    const text = csv(ACLED_HEADER, [acledRow("MLI40001", 12)]);
    const before = await counts(db);
    const again = await importText(db, "acled", text, { fileName: "acled-sahel.csv" });
    expect(again).toMatchObject({ imported: true, incidentsCreated: 0, incidentsMatched: 1, claimsCreated: 0, claimsAlreadyPresent: 1 });
    expect(await counts(db)).toEqual({ ...before, audits: before.audits + 1 });

    const revised = await importText(db, "acled", csv(ACLED_HEADER, [acledRow("MLI40001", 15, { timestamp: "1742000000" })]), {
      fileName: "acled-sahel-v2.csv",
    });
    expect(revised).toMatchObject({ incidentsMatched: 1, claimsCreated: 1, claimsSuperseded: 1 });
    const incident = await db.incident.findUniqueOrThrow({ where: { acledEventId: "MLI40001" }, include: { claims: true, figures: true } });
    expect(incident.claims).toHaveLength(2);
    expect(incident.figures[0]).toMatchObject({ low: 15, best: 15, high: 15 });
  });

  it("refuses bad rows with the column named, and writes nothing", async () => {
    const before = await counts(db);
    const text = csv(ACLED_HEADER, [
      acledRow("MLI40010", -2),
      acledRow("MLI40011", "many"),
      acledRow("MLI40012", 1, { event_date: "2025-02-30" }),
      acledRow("MLI40013", 1, { latitude: "95" }),
      acledRow("MLI40014", 1, { iso: "", country: "Atlantis" }),
      acledRow("MLI40015", 1),
      acledRow("MLI40015", 2),
    ]);
    const summary = await importText(db, "acled", text);
    expect(summary.imported).toBe(false);
    expect(summary.errors.map((e) => [e.row, e.column])).toEqual([
      [1, "fatalities"],
      [2, "fatalities"],
      [3, "event_date"],
      [4, "latitude"],
      [5, "country"],
    ]);
    expect(summary.errors[0]!.message).toBe("fatalities cannot be negative");
    expect(await counts(db)).toEqual(before);

    // The duplicate event id is found once the cell checks pass.
    const duplicate = await importText(db, "acled", csv(ACLED_HEADER, [acledRow("MLI40015", 1), acledRow("MLI40015", 2)]));
    expect(duplicate.errors).toMatchObject([
      { row: 2, column: "event_id_cnty", message: "event MLI40015 appears twice in the file (also row 1)" },
    ]);
    expect(await counts(db)).toEqual(before);
  });

  it("a claims file given as ACLED: the header says what is missing", async () => {
    const summary = await importText(db, "acled", csv(["incident_code", "statement", "claimant"], [["MLI-2025-0001", "x", "hrw"]]));
    expect(summary.errors[0]!.message).toMatch(
      /lacks the columns event_id_cnty, event_date, event_type, location, latitude, longitude, fatalities/,
    );
  });
});

describe("UCDP GED", () => {
  it("turns low/best/high into the claim's interval, and exports back with GED's columns", async () => {
    const text = csv(UCDP_HEADER, [
      ucdpRow("512345", 20, 25, 31),
      ucdpRow("512346", 7, 7, 7, {
        type_of_violence: "1",
        side_b: "Government of Burkina Faso",
        date_end: "2025-01-24",
        date_prec: "2",
        country: "Burkina Faso (Upper Volta)",
      }),
    ]);
    const summary = await importText(db, "ucdp", text, { fileName: "ged251.csv" });
    expect(summary.errors).toEqual([]);
    expect(summary).toMatchObject({ incidentsCreated: 2, claimsCreated: 2 });

    const ranged = await db.incident.findUniqueOrThrow({
      where: { ucdpId: "512345" },
      include: { claims: { include: { claimant: true } }, figures: true, actors: true },
    });
    expect(ranged).toMatchObject({
      code: "BFA-2025-0002",
      countryIso3: "BFA",
      locationPrecision: 2,
      placeName: "Djibo town",
      eventType: "Violence against civilians",
    });
    expect(ranged.claims[0]).toMatchObject({
      valueMin: 20,
      valueMax: 31,
      qualifier: "range",
      claimant: { slug: "ucdp-ged", kind: "dataset" },
    });
    expect(ranged.claims[0]!.statement).toContain("best estimate 25 deaths, low 20, high 31");
    expect(ranged.figures[0]).toMatchObject({ low: 20, high: 31 });
    expect(ranged.actors.map((a) => a.role).sort()).toEqual(["alleged_perpetrator", "target"]);

    const exact = await db.incident.findUniqueOrThrow({ where: { ucdpId: "512346" }, include: { claims: true } });
    expect(exact).toMatchObject({ datePrecision: "range", eventType: "Battles" });
    expect(exact.claims[0]).toMatchObject({ valueMin: 7, valueMax: 7, qualifier: "exact" });

    const ged = csvRecords(await exportText(db, "ged.csv", { country: ["BFA"] }));
    expect(ged.find((r) => r.id === "512345")).toMatchObject({
      date_start: "2025-01-20",
      date_prec: "1",
      where_prec: "2",
      country: "Burkina Faso",
      deaths_unknown: "25",
      low: "20",
      high: "31",
      source_office: "UCDP Georeferenced Event Dataset (GED)",
    });

    const again = await importText(db, "ucdp", text, { fileName: "ged251.csv" });
    expect(again).toMatchObject({ incidentsCreated: 0, incidentsMatched: 2, claimsCreated: 0, claimsAlreadyPresent: 2 });
  });

  it("refuses inconsistent estimates and dates", async () => {
    const summary = await importText(
      db,
      "ucdp",
      csv(UCDP_HEADER, [ucdpRow("600001", 30, 25, 40), ucdpRow("600002", 1, 2, 3, { date_end: "2025-01-01" })]),
    );
    expect(summary.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [1, "low", "low cannot exceed best"],
      [2, "date_end", "date_end must be on or after date_start"],
    ]);
  });
});
