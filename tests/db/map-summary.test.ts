// The map and timeline summaries (IncidentMapCell, IncidentMapFacetCell, IncidentTimelineDay, IncidentTimelineFacetDay) against the incidents
// they summarise: after every kind of write the triggers must leave them equal to a rebuild, and
// every view they answer must match the same view aggregated from the incidents.
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db";
import type { Flag } from "@/lib/domain/vocabularies";
import { summaryCanAnswer } from "@/lib/map/map-cells";
import { gridCellDegrees, gridLevel } from "@/lib/map/map-grid";
import { countIncidents, incidentWhere } from "@/lib/incidents/incident-queries";
import { mapData, type MapData } from "@/lib/map/map-queries";
import { timelineData, timelineSummaryCanAnswer } from "@/lib/timeline/timeline-queries";
import type { IncidentFilter } from "@/lib/validation/incident-filter";
import { insertIncidents, random, type SyntheticIncident } from "./synthetic-incidents";
import { useTestDb } from "./test-database";

let db: Db;
vi.mock("@/lib/db", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/db")>();
  return {
    ...original,
    get db() {
      return db;
    },
  };
});

const rand = random(7);
const SPOTS = [
  { lat: 14, lon: -1, country: "MLI", spread: 5 },
  { lat: 14.5, lon: 2, country: "NER", spread: 3 },
  { lat: 34, lon: 37, country: "SYR", spread: 2 },
  { lat: -2, lon: 29, country: "COD", spread: 4 },
  { lat: 5, lon: -75, country: "COL", spread: 6 },
];
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const DAY = 86_400_000;
const START = Date.UTC(2021, 0, 1);
const incidents: SyntheticIncident[] = Array.from({ length: 2500 }, (_, n) => {
  const spot = SPOTS[n % SPOTS.length]!;
  const start = START + Math.floor(rand() * 900) * DAY;
  // Some incidents run over a month's end, so the boundary months matter.
  const end = start + (n % 7 === 0 ? Math.floor(rand() * 40) : 0) * DAY;
  const best = Math.floor(rand() * 30);
  return {
    code: `SUM-${String(n).padStart(5, "0")}`,
    dateStart: iso(start),
    dateEnd: iso(end),
    countryIso3: spot.country,
    latitude: spot.lat + (rand() - 0.5) * spot.spread,
    longitude: spot.lon + (rand() - 0.5) * spot.spread,
    eventType: ["Battles", "Riots", "Explosions/Remote violence"][n % 3],
    // Some incidents have two flags: a view of one flag must count them once.
    flags: ([[], ["contested"], ["single_source"], ["contested", "open_ended"], ["open_ended"]] as Flag[][])[Math.floor(n / 5) % 5],
    headline: n % 11 === 0 ? null : { low: Math.max(0, best - 2), best, high: n % 5 === 0 ? null : best + 3, contested: n % 4 === 0 },
  };
});

async function summaryRows() {
  const map = await db.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT "level", "cx", "cy", "countryIso3", "startMonth", "endMonth", "incidents", "killedBest"::int AS "killedBest", "contested",
            round("latitudeSum"::numeric, 6)::text AS lat, round("longitudeSum"::numeric, 6)::text AS lon
     FROM "IncidentMapCell" ORDER BY 1, 2, 3, 4, 5, 6`,
  );
  const facets = await db.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT "facet", "value", "level", "cx", "cy", "countryIso3", "startMonth", "endMonth", "incidents", "killedBest"::int AS "killedBest", "contested",
            round("latitudeSum"::numeric, 6)::text AS lat, round("longitudeSum"::numeric, 6)::text AS lon
     FROM "IncidentMapFacetCell" ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`,
  );
  const days = await db.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT "dateStart", "dateEnd", "incidents", "low"::int AS low, "best"::int AS best, "high"::int AS high, "openHigh", "contested" FROM "IncidentTimelineDay" ORDER BY 1, 2`,
  );
  const facetDays = await db.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT "facet", "value", "dateStart", "dateEnd", "incidents", "low"::int AS low, "best"::int AS best, "high"::int AS high, "openHigh", "contested"
     FROM "IncidentTimelineFacetDay" ORDER BY 1, 2, 3, 4`,
  );
  return { map, facets, days, facetDays };
}

async function expectSummariesMatchRebuild() {
  const kept = await summaryRows();
  await db.$executeRawUnsafe(`SELECT triangulate_rebuild_summaries()`);
  const rebuilt = await summaryRows();
  expect(kept.map.length).toBeGreaterThan(0);
  expect(kept.facets.length).toBeGreaterThan(0);
  expect(kept.facetDays.length).toBeGreaterThan(0);
  expect(kept).toEqual(rebuilt);
}

/** Clusters and points of a view, in an order-free form (cluster extents differ by source on purpose). */
function comparable(data: MapData) {
  return {
    mode: data.mode,
    total: data.total,
    cellDegrees: data.cellDegrees,
    points: data.points.map((p) => p.code).sort(),
    clusters: data.clusters.map((c) => `${c.count}|${c.killedBest}|${c.contested}|${c.lat.toFixed(4)}|${c.lon.toFixed(4)}`).sort(),
  };
}

beforeAll(async () => {
  db = await useTestDb();
  await insertIncidents(db, incidents);
}, 60_000);

describe("the summary tables", () => {
  it("are filled by the triggers as incidents are inserted", async () => {
    const [row] = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT sum("incidents")::int AS n FROM "IncidentMapCell" WHERE "level" = 3`);
    const n = row?.n;
    expect(n).toBe(incidents.length);
    await expectSummariesMatchRebuild();
  });

  it("follow updates of figures, positions and dates, merges and deletes", async () => {
    await db.$executeRawUnsafe(
      `UPDATE "Incident" SET "headlineBest" = coalesce("headlineBest", 0) + 5, "headlineContested" = NOT "headlineContested" WHERE "code" LIKE 'SUM-001%'`,
    );
    await db.$executeRawUnsafe(`UPDATE "Incident" SET "headlineHigh" = NULL, "headlineLow" = NULL WHERE "code" LIKE 'SUM-002%'`);
    await db.$executeRawUnsafe(
      `UPDATE "Incident" SET "latitude" = "latitude" + 3, "longitude" = "longitude" - 7, "countryIso3" = 'BFA' WHERE "code" LIKE 'SUM-003%'`,
    );
    await db.$executeRawUnsafe(
      `UPDATE "Incident" SET "dateStart" = "dateStart" - 45, "dateEnd" = "dateEnd" + 31 WHERE "code" LIKE 'SUM-004%'`,
    );
    await db.$executeRawUnsafe(
      `UPDATE "Incident" SET "flags" = ARRAY['parties_only', 'contested']::"Flag"[], "eventType" = 'Protests' WHERE "code" LIKE 'SUM-008%'`,
    );
    await db.$executeRawUnsafe(`UPDATE "Incident" SET "flags" = '{}' WHERE "code" LIKE 'SUM-009%'`);
    const target = await db.incident.findUniqueOrThrow({ where: { code: "SUM-00000" } });
    await db.incident.updateMany({ where: { code: { startsWith: "SUM-005" } }, data: { mergedIntoId: target.id } });
    await db.incident.updateMany({ where: { code: { startsWith: "SUM-0050" } }, data: { mergedIntoId: null } });
    await db.incident.update({ where: { code: "SUM-00600" }, data: { title: "A new title changes no summary" } });
    await db.incident.deleteMany({ where: { code: { startsWith: "SUM-007" } } });
    await expectSummariesMatchRebuild();
    const [row] = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT sum("incidents")::int AS n FROM "IncidentTimelineDay"`);
    const n = row?.n;
    expect(n).toBe(await db.incident.count({ where: { mergedIntoId: null } }));
  });
});

describe("views answered from the summaries", () => {
  // Boxes near the incidents (else most views hold too few of them to be clustered).
  const box = fc
    .record({
      spot: fc.constantFrom(...SPOTS),
      dx: fc.double({ min: 0, max: 1, noNaN: true }),
      dy: fc.double({ min: 0, max: 1, noNaN: true }),
      width: fc.double({ min: 0.5, max: 200, noNaN: true }),
      height: fc.double({ min: 0.5, max: 80, noNaN: true }),
    })
    .map((b) => ({
      west: Math.max(-180, b.spot.lon - b.dx * b.width),
      south: Math.max(-85, b.spot.lat - b.dy * b.height),
      width: b.width,
      height: b.height,
    }));
  const day = fc.integer({ min: -30, max: 960 }).map((d) => iso(START + d * DAY));
  // No facet, event types, one flag, or a combination the facet summary must refuse.
  const eventType = fc.subarray(["Battles", "Riots", "Explosions/Remote violence", "Protests"], { minLength: 1 });
  const flag = fc.subarray(["contested", "single_source", "open_ended", "parties_only"] as Flag[], { minLength: 1, maxLength: 2 });
  const facet = fc.oneof(
    { arbitrary: fc.constant({}), weight: 2 },
    { arbitrary: fc.record({ eventType }), weight: 2 },
    { arbitrary: fc.record({ flag }), weight: 2 },
    { arbitrary: fc.record({ eventType, flag }), weight: 1 },
  );
  const filter = fc
    .tuple(
      fc.record(
        { from: day, to: day, country: fc.subarray(["MLI", "NER", "SYR", "COD", "COL", "BFA"], { minLength: 1 }) },
        { requiredKeys: [] },
      ),
      facet,
    )
    .map(([dates, facets]): IncidentFilter => {
      const f: IncidentFilter = { ...dates, ...facets };
      return f.from && f.to && f.from > f.to ? { ...f, from: f.to, to: f.from } : f;
    });

  it("give the map the same clusters as the incidents, for any box, zoom, dates, countries, event types and flags", async () => {
    // Found by this test: a box starting at the equator, where floating point puts latitude 0 in cell -1.
    const equator = { minLon: 0, minLat: 6.4e-15, maxLon: 1.9, maxLat: 16 };
    const dates = { from: "2021-01-01", to: "2023-03-04" };
    expect(comparable(await mapData(dates, equator, 0, { source: "summary" }))).toEqual(
      comparable(await mapData(dates, equator, 0, { source: "incidents" })),
    );
    const compared = { plain: 0, facet: 0 };
    await fc.assert(
      fc.asyncProperty(box, fc.integer({ min: 0, max: 9 }), filter, async (b, zoom, f) => {
        const bounds = {
          minLon: b.west,
          minLat: b.south,
          maxLon: Math.min(180, b.west + b.width),
          maxLat: Math.min(85, b.south + b.height),
        };
        // Clusters however few the incidents: the summaries are what is compared.
        const fromIncidents = await mapData(f, bounds, zoom, { source: "incidents", pointLimit: 0 });
        if (fromIncidents.mode === "points" || !summaryCanAnswer(f, bounds, gridLevel(gridCellDegrees(bounds, zoom)))) return;
        const fromSummary = await mapData(f, bounds, zoom, { source: "summary", pointLimit: 0 });
        expect(comparable(fromSummary)).toEqual(comparable(fromIncidents));
        compared[f.flag || f.eventType ? "facet" : "plain"]++;
      }),
      {
        numRuns: 200,
        // Views the plain summary answers (dates and countries only, zoom ≤ 7) came up as few as 15
        // times in 200 random draws: these ten always compare it, whatever the random ones draw.
        examples: SPOTS.flatMap((spot, i): [{ west: number; south: number; width: number; height: number }, number, IncidentFilter][] => [
          [{ west: spot.lon - 10, south: spot.lat - 8, width: 20, height: 16 }, 3 + i, { from: iso(START + 100 * DAY) }],
          [
            { west: spot.lon - 4, south: spot.lat - 3, width: 8, height: 6 },
            2 + i,
            { country: [spot.country], to: iso(START + 600 * DAY) },
          ],
        ]),
      },
    );
    // The property means something only if both summaries were compared often.
    expect(compared.plain).toBeGreaterThan(20);
    expect(compared.facet).toBeGreaterThan(20);
  });

  it("answers zoom 8 from the undated level without dates, and from the incidents with them", async () => {
    const sahel = { minLon: -4, minLat: 11, maxLon: 4, maxLat: 17 };
    const fromSummary = await mapData({ country: ["MLI", "NER"] }, sahel, 8, { source: "summary" });
    expect(fromSummary.mode).toBe("clusters");
    expect(fromSummary.cellDegrees).toBe(90 / 2 ** 8);
    expect(comparable(fromSummary)).toEqual(comparable(await mapData({ country: ["MLI", "NER"] }, sahel, 8, { source: "incidents" })));
    await expect(mapData({ from: "2022-01-01" }, sahel, 8, { source: "summary" })).rejects.toThrow(/cannot answer/);
  });

  it("uses the summaries for dense views they can answer, and the incidents for other filters", async () => {
    const world = { minLon: -180, minLat: -85, maxLon: 180, maxLat: 85 };
    const auto = await mapData({ from: "2021-06-10" }, world, 2);
    expect(comparable(auto)).toEqual(comparable(await mapData({ from: "2021-06-10" }, world, 2, { source: "summary" })));
    const live = { mergedIntoId: null };
    // One flag, or event types: the facet summary, counting an incident with two flags once.
    const contested = await mapData({ flag: ["contested"] }, world, 2);
    expect(contested.total).toBe(await db.incident.count({ where: { ...live, flags: { has: "contested" } } }));
    expect(comparable(contested)).toEqual(comparable(await mapData({ flag: ["contested"] }, world, 2, { source: "incidents" })));
    const types = { eventType: ["Riots", "Battles"] };
    expect((await mapData(types, world, 2, { source: "summary" })).total).toBe(
      await db.incident.count({ where: { ...live, eventType: { in: types.eventType } } }),
    );
    // Two flags, or a flag with event types: the facet rows would count some incidents twice.
    const twoFlags = { flag: ["contested", "open_ended"] as Flag[] };
    await expect(mapData(twoFlags, world, 2, { source: "summary" })).rejects.toThrow(/cannot answer/);
    await expect(mapData({ flag: ["contested"], eventType: ["Riots", "Battles"] }, world, 2, { source: "summary" })).rejects.toThrow(
      /cannot answer/,
    );
    expect((await mapData(twoFlags, world, 2)).total).toBe(
      await db.incident.count({ where: { ...live, flags: { hasSome: twoFlags.flag } } }),
    );
    // The facets are kept at levels 3, 5 and 7: a region view (level 6) reads them, zoom 8 the incidents.
    const sahel = { minLon: -10, minLat: 5, maxLon: 10, maxLat: 20 };
    const region = await mapData({ flag: ["contested"] }, sahel, 6, { source: "summary" });
    expect(comparable(region)).toEqual(comparable(await mapData({ flag: ["contested"] }, sahel, 6, { source: "incidents" })));
    await expect(
      mapData({ flag: ["contested"] }, { minLon: -4, minLat: 11, maxLon: 4, maxLat: 17 }, 8, { source: "summary" }),
    ).rejects.toThrow(/cannot answer/);
    // Gradings are in no summary.
    await expect(mapData({ grading: ["fair"] }, world, 2, { source: "summary" })).rejects.toThrow(/cannot answer/);
    expect((await mapData({ grading: ["fair"], flag: ["contested"] }, world, 2)).total).toBe(
      await db.incident.count({ where: { ...live, grading: "fair", flags: { has: "contested" } } }),
    );
  });

  it("give the same incident count as counting the incidents, for any dates, countries, event types and flag", async () => {
    let fromSummary = 0;
    await fc.assert(
      fc.asyncProperty(filter, async (f) => {
        const counted = await db.incident.count({ where: incidentWhere(f) });
        expect(await countIncidents(f)).toBe(counted);
        if (summaryCanAnswer(f, { minLon: -180, minLat: -90, maxLon: 180, maxLat: 90 }, 0)) fromSummary++;
      }),
      { numRuns: 60 },
    );
    expect(fromSummary).toBeGreaterThan(20);
  });

  it("give the timeline the same buckets as the incidents, for any dates, event types and flag", async () => {
    const compared = { plain: 0, facet: 0, flagSet: 0 };
    await fc.assert(
      fc.asyncProperty(
        filter,
        fc.constantFrom("auto", "week", "month") as fc.Arbitrary<"auto" | "week" | "month">,
        async ({ country: _, ...f }, interval) => {
          const fromIncidents = await timelineData(f, interval, { source: "incidents" });
          if (!timelineSummaryCanAnswer(f)) {
            await expect(timelineData(f, interval, { source: "summary" })).rejects.toThrow(/cannot answer/);
            return;
          }
          expect(await timelineData(f, interval, { source: "summary" })).toEqual(fromIncidents);
          compared[(f.flag?.length ?? 0) > 1 ? "flagSet" : f.flag || f.eventType ? "facet" : "plain"]++;
        },
      ),
      {
        numRuns: 100,
        // Two flags come up in ~10 of 100 random filters, and as few as 5 in some runs: these six
        // always compare the flag-set summary, whatever the random ones draw.
        examples: [
          [{ flag: ["contested", "open_ended"] }, "month"],
          [{ flag: ["single_source", "parties_only"] }, "week"],
          [{ flag: ["contested", "single_source"], from: iso(START + 30 * DAY) }, "auto"],
          [{ flag: ["open_ended", "parties_only"], to: iso(START + 400 * DAY) }, "month"],
          [{ flag: ["contested", "parties_only"], from: iso(START), to: iso(START + 700 * DAY) }, "week"],
          [{ flag: ["single_source", "open_ended"] }, "auto"],
        ],
      },
    );
    expect(compared.plain).toBeGreaterThan(15);
    expect(compared.facet).toBeGreaterThan(15);
    expect(compared.flagSet).toBeGreaterThan(5);
  });

  it("answer the timeline from the facet summary for one flag or several, counting an incident with two flags once", async () => {
    const live = { mergedIntoId: null };
    const contested = await timelineData({ flag: ["contested"] }, "month");
    expect(contested.total).toBe(await db.incident.count({ where: { ...live, flags: { has: "contested" } } }));
    expect(timelineSummaryCanAnswer({ flag: ["contested"], from: "2021-03-01" })).toBe(true);
    expect(timelineSummaryCanAnswer({ eventType: ["Riots", "Battles"] })).toBe(true);
    // Several flags: the rows per set of flags, where an incident with both is one row.
    const both = ["contested", "open_ended"] as Flag[];
    expect(timelineSummaryCanAnswer({ flag: both })).toBe(true);
    const twoFlags = await timelineData({ flag: both }, "month");
    expect(twoFlags.total).toBe(await db.incident.count({ where: { ...live, flags: { hasSome: both } } }));
    expect(twoFlags.total).toBeLessThan(contested.total + (await timelineData({ flag: ["open_ended"] }, "month")).total);
    // A flag with event types, or a country: the incidents.
    expect(timelineSummaryCanAnswer({ flag: ["contested"], eventType: ["Riots"] })).toBe(false);
    expect(timelineSummaryCanAnswer({ flag: both, eventType: ["Riots"] })).toBe(false);
    expect(timelineSummaryCanAnswer({ flag: ["contested"], country: ["MLI"] })).toBe(false);
  });
});
