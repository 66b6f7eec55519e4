// The export files on the Kobé seed: columns, figures, methods, filters, provenance and safety.
import { beforeAll, describe, expect, it } from "vitest";
import { addClaim } from "@/lib/claims/claim-commands";
import type { Db } from "@/lib/db";
import { ACLED_COLUMNS, CLAIMS_COLUMNS, FIGURES_COLUMNS, GED_COLUMNS } from "@/lib/export/columns";
import { exportManifest } from "@/lib/export/export-response";
import { seedKobe } from "@/lib/seed/seed-database";
import { csvHeader, csvRecords, exportText } from "./export-support";
import { useTestDb } from "./test-database";

let db: Db;
beforeAll(async () => {
  db = await useTestDb();
  await seedKobe(db);
});

const row = (rows: Record<string, string>[], metric: string, category: string) => {
  const found = rows.find((r) => r.metric === metric && r.category === category);
  if (!found) throw new Error(`no ${metric} · ${category} row`);
  return found;
};

describe("figures.csv", () => {
  it("has the documented columns in order and Kobé's stored figures", async () => {
    const text = await exportText(db, "figures.csv");
    expect(csvHeader(text)).toEqual([...FIGURES_COLUMNS]);
    expect(text.endsWith("\r\n")).toBe(true);
    const rows = csvRecords(text);
    expect(rows).toHaveLength(5);
    const killed = row(rows, "killed", "civilians");
    expect(killed).toMatchObject({
      incident_code: "MLI-2025-0001",
      date_start: "2025-02-07",
      date_precision: "day",
      country_iso3: "MLI",
      country: "Mali",
      latitude: "15.965",
      longitude: "0.23",
      location_precision: "5",
      low: "25",
      best: "34",
      high: "34",
      method: "source_priority",
      flags: "contested;official_lower",
      independent_sources: "2",
      claimants: "hrw;mali-government",
      grading: "fair",
    });
    expect(row(rows, "killed", "unspecified")).toMatchObject({ low: "30", high: "", claimants: "afp;rfi" });
    expect(row(rows, "killed", "attackers").flags).toBe("single_source;parties_only");
    expect(killed.updated_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it("recomputes best under a chosen method", async () => {
    const conservative = csvRecords(await exportText(db, "figures.csv", {}, "conservative"));
    expect(row(conservative, "killed", "civilians")).toMatchObject({ low: "25", best: "25", high: "34", method: "conservative" });
    const median = csvRecords(await exportText(db, "figures.csv", {}, "median"));
    expect(row(median, "killed", "civilians")).toMatchObject({ best: "25", method: "median" });
    const priority = csvRecords(await exportText(db, "figures.csv", {}, "source_priority"));
    expect(row(priority, "killed", "civilians").best).toBe("34");
  });

  it("applies the shared incident filter", async () => {
    const none = csvRecords(await exportText(db, "figures.csv", { country: ["NER"] }));
    expect(none).toEqual([]);
    const inBox = csvRecords(
      await exportText(db, "figures.csv", { bbox: { minLon: -5, minLat: 10, maxLon: 5, maxLat: 20 }, flag: ["contested"] }),
    );
    expect(inBox).toHaveLength(5);
  });
});

describe("claims.csv", () => {
  it("has one row per standing claim with claimant slugs and the active flag", async () => {
    const text = await exportText(db, "claims.csv");
    expect(csvHeader(text)).toEqual([...CLAIMS_COLUMNS]);
    const rows = csvRecords(text);
    expect(rows).toHaveLength(16);
    const government = rows.find((r) => r.claimant === "mali-government" && r.metric === "killed" && r.category === "civilians")!;
    expect(government).toMatchObject({
      value_min: "25",
      value_max: "25",
      qualifier: "exact",
      claimant_kind: "government",
      document_title: "Kobé attack",
      stated_on: "2025-02-08",
      active: "true",
      assessment: "not_assessed",
    });
    expect(government.statement).toContain("25 civilians");
    const wire = rows.find((r) => r.claimant === "afp")!;
    expect(wire).toMatchObject({ stated_on: "2025-02-08/2025-02-09", value_max: "" });
    // HRW's figure is repeated by Mirage News: the repeat is kept but not counted.
    const hrwKilled = rows.filter((r) => r.claimant === "hrw" && r.metric === "killed" && r.category === "civilians" && r.subgroup === "");
    expect(hrwKilled.map((r) => r.active).sort()).toEqual(["false", "true"]);
  });
});

describe("ged.csv and acled.csv", () => {
  it("maps our categories onto GED's death columns", async () => {
    const text = await exportText(db, "ged.csv");
    expect(csvHeader(text)).toEqual([...GED_COLUMNS]);
    const ged = csvRecords(text)[0]!;
    expect(ged).toMatchObject({
      id: "MLI-2025-0001",
      // The columns researchers join GED extracts on (issue 21): year, the typology, the sides, GW country number.
      year: "2025",
      type_of_violence: "3",
      side_a: "Islamic State – Sahel Province (ISGS)",
      side_b: "Civilians (convoy of miners and traders)",
      country_id: "432",
      date_prec: "1",
      where_prec: "5",
      country: "Mali",
      adm_1: "Gao",
      deaths_a: "0",
      deaths_b: "19",
      deaths_civilians: "34",
      deaths_unknown: "0",
      best: "53",
      low: "44",
      high: "53",
      number_of_sources: "4",
      event_clarity: "1",
    });
    expect(ged.source_office?.split(";")).toContain("Human Rights Watch");
  });

  it("writes ACLED's columns with the conservative figure as fatalities", async () => {
    const text = await exportText(db, "acled.csv");
    expect(csvHeader(text)).toEqual([...ACLED_COLUMNS]);
    const [acled] = csvRecords(text);
    expect(acled).toMatchObject({
      event_id_cnty: "MLI-2025-0001",
      event_date: "2025-02-07",
      year: "2025",
      time_precision: "1",
      disorder_type: "Political violence",
      event_type: "Violence against civilians",
      iso: "466",
      country: "Mali",
      geo_precision: "3",
      fatalities: "44",
      civilian_targeting: "Civilian targeting",
      actor1: "Islamic State – Sahel Province (ISGS)",
    });
  });
});

describe("incidents.geojson", () => {
  it("is a FeatureCollection of points with the stored figures", async () => {
    const collection = JSON.parse(await exportText(db, "incidents.geojson"));
    expect(collection.type).toBe("FeatureCollection");
    expect(collection.features).toHaveLength(1);
    const [feature] = collection.features;
    expect(feature.geometry).toEqual({ type: "Point", coordinates: [0.23, 15.965] });
    expect(feature.properties.headline).toEqual({ low: 44, best: 53, high: 53, contested: true });
    expect(feature.properties.figures).toHaveLength(5);
    const empty = JSON.parse(await exportText(db, "incidents.geojson", { country: ["NER"] }));
    expect(empty).toEqual({ type: "FeatureCollection", features: [] });
  });
});

describe("manifest", () => {
  it("fingerprints the data: same data → same sha256, a new claim → a new one", async () => {
    const first = await exportManifest(db, "figures.csv", { country: ["MLI"] }, null);
    const again = await exportManifest(db, "figures.csv", { country: ["MLI"] }, null);
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(again.sha256).toBe(first.sha256);
    expect(first).toMatchObject({
      rows: 5,
      filter: "country=MLI",
      appVersion: expect.any(String),
      url: "/api/export/figures.csv?country=MLI",
    });
    const { createHash } = await import("node:crypto");
    expect(
      createHash("sha256")
        .update(await exportText(db, "figures.csv", { country: ["MLI"] }))
        .digest("hex"),
    ).toBe(first.sha256);

    const witness = await db.source.create({ data: { slug: "manifest-witness", name: "A witness", kind: "witness" } });
    await addClaim(
      db,
      {
        incidentCode: "MLI-2025-0001",
        claimantId: witness.id,
        metric: "missing",
        category: "civilians",
        valueMin: 3,
        valueMax: 3,
        qualifier: "exact",
        statement: "Three passengers are still missing.",
      },
      null,
    );
    const after = await exportManifest(db, "figures.csv", { country: ["MLI"] }, null);
    expect(after.sha256).not.toBe(first.sha256);
    expect(after.rows).toBe(6);
  });
});
