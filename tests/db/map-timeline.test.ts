// The map's server-side clustering and the timeline's aggregation, read back from PostgreSQL.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db";
import { MAX_CELLS, POINT_LIMIT } from "@/lib/map/map-grid";
import { mapData } from "@/lib/map/map-queries";
import { seedKobe } from "@/lib/seed/seed-database";
import { bucketStart } from "@/lib/timeline/timeline-buckets";
import { timelineData } from "@/lib/timeline/timeline-queries";
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

const WORLD = { minLon: -180, minLat: -85, maxLon: 180, maxLat: 85 };

// 3,000 incidents around three hotspots (Sahel, Levant, Great Lakes) plus a few loners.
const rand = random(42);
const HOTSPOTS = [
  { lat: 14, lon: 0, country: "MLI" },
  { lat: 34, lon: 37, country: "SYR" },
  { lat: -2, lon: 29, country: "COD" },
];
const crowd: SyntheticIncident[] = Array.from({ length: 3000 }, (_, n) => {
  const spot = HOTSPOTS[n % 3]!;
  const month = (n % 24) + 1;
  return {
    code: `CRD-${String(n).padStart(5, "0")}`,
    dateStart: `${2022 + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, "0")}-15`,
    countryIso3: spot.country,
    latitude: spot.lat + (rand() - 0.5) * 6,
    longitude: spot.lon + (rand() - 0.5) * 6,
    headline: { low: 1, best: 2, high: n % 10 === 0 ? null : 3, contested: n % 4 === 0 },
  };
});
const loners: SyntheticIncident[] = [
  { code: "LON-0001", dateStart: "2023-06-01", latitude: -33.9, longitude: 151.2, headline: { low: 5, best: 5, high: 5 } },
  { code: "LON-0002", dateStart: "2023-06-01", latitude: 64.1, longitude: -21.9, headline: null },
  // Either side of the antimeridian, in Fiji.
  { code: "LON-0003", dateStart: "2023-06-02", latitude: -17.7, longitude: 179.5, headline: { low: 1, best: 1, high: 1 } },
  { code: "LON-0004", dateStart: "2023-06-02", latitude: -16.5, longitude: -179.8, headline: { low: 1, best: 1, high: 1 } },
];

beforeAll(async () => {
  db = await useTestDb();
  await seedKobe(db);
  await insertIncidents(db, [...crowd, ...loners]);
}, 60_000);

describe("GET /api/map data, at world view", () => {
  it("clusters a dense world in SQL: bounded cells, every incident counted once", async () => {
    const data = await mapData({}, WORLD, 2);
    expect(data.mode).toBe("clusters");
    expect(data.total).toBe(3000 + 4 + 1);
    const counted = data.clusters.reduce((sum, c) => sum + c.count, 0) + data.points.length;
    expect(counted).toBe(data.total);
    expect(data.clusters.length + data.points.length).toBeLessThanOrEqual(MAX_CELLS);
    // The loners sit alone in their cells: they come back as incidents, with their figures.
    expect(data.points.map((p) => p.code)).toEqual(expect.arrayContaining(["LON-0001", "LON-0002"]));
    expect(data.points.find((p) => p.code === "LON-0001")).toMatchObject({ best: 5, lat: -33.9, lon: 151.2, date: "2023-06-01" });
    // Cluster sums and contested counts are aggregated, not sampled.
    expect(data.clusters.reduce((sum, c) => sum + c.killedBest, 0) + data.points.reduce((sum, p) => sum + (p.best ?? 0), 0)).toBe(
      3000 * 2 + 5 + 1 + 1 + 53,
    );
    expect(data.clusters.reduce((sum, c) => sum + c.contested, 0) + data.points.filter((p) => p.contested).length).toBe(750 + 1);
    for (const c of data.clusters) {
      const [west, south, east, north] = c.bounds;
      expect(c.lon).toBeGreaterThanOrEqual(west);
      expect(c.lon).toBeLessThanOrEqual(east);
      expect(c.lat).toBeGreaterThanOrEqual(south);
      expect(c.lat).toBeLessThanOrEqual(north);
    }
  });

  it("keeps the answer small whatever zoom the client claims", async () => {
    const data = await mapData({}, WORLD, 22);
    expect(data.mode).toBe("clusters");
    expect(data.clusters.length + data.points.length).toBeLessThanOrEqual(MAX_CELLS);
    expect(JSON.stringify(data).length).toBeLessThan(MAX_CELLS * 200);
  });

  it("applies the filter before clustering", async () => {
    const data = await mapData({ country: ["SYR"] }, WORLD, 2);
    expect(data.total).toBe(1000);
    const mali = await mapData({ country: ["MLI"], minKilled: 50 }, WORLD, 2);
    expect(mali).toMatchObject({ mode: "points", total: 1 });
    expect(mali.points[0]).toMatchObject({ code: "MLI-2025-0001", best: 53, low: 44, high: 53, contested: true, date: "2025-02-07" });
  });
});

describe("GET /api/map data, zoomed in", () => {
  it("returns the incidents themselves when few are in view", async () => {
    const data = await mapData({}, { minLon: -1, minLat: 15, maxLon: 1, maxLat: 17 }, 8);
    expect(data.mode).toBe("points");
    expect(data.points.map((p) => p.code)).toContain("MLI-2025-0001");
    expect(data.points.length).toBeLessThanOrEqual(POINT_LIMIT);
    expect(data.total).toBe(data.points.length);
  });

  it("reads a box across the antimeridian", async () => {
    const data = await mapData({}, { minLon: 179, minLat: -20, maxLon: -179, maxLat: -15 }, 6);
    expect(data.points.map((p) => p.code).sort()).toEqual(["LON-0003", "LON-0004"]);
  });
});

describe("GET /api/timeline data", () => {
  it("sums incidents and headline killed per month, with a continuous axis", async () => {
    // COD incidents are n ≡ 2 (mod 3): every third month, March 2022 to December 2023.
    const data = await timelineData({ country: ["COD"] }, "month");
    expect(data.interval).toBe("month");
    expect(data.total).toBe(1000);
    expect(data.buckets).toHaveLength(22);
    expect(data.buckets.slice(0, 4).map((b) => [b.start, b.end, b.incidents > 0])).toEqual([
      ["2022-03-01", "2022-03-31", true],
      ["2022-04-01", "2022-04-30", false],
      ["2022-05-01", "2022-05-31", false],
      ["2022-06-01", "2022-06-30", true],
    ]);
    const march = data.buckets[0]!;
    const expected = crowd.filter((c, n) => n % 3 === 2 && c.dateStart === "2022-03-15");
    expect(march).toMatchObject({ incidents: expected.length, low: expected.length, best: expected.length * 2 });
    expect(march.openHigh).toBe(expected.filter((c) => c.headline?.high === null).length);
    expect(march.high).toBe(expected.length * 3 - march.openHigh);
    expect(march.contested).toBe(expected.filter((c) => c.headline?.contested).length);
    expect(data.buckets.reduce((s, b) => s + b.incidents, 0)).toBe(1000);
  });

  it("uses weeks starting on Monday, as the JavaScript side names them", async () => {
    const data = await timelineData({ from: "2023-05-01", to: "2023-06-30", country: ["XXX"] }, "auto");
    expect(data.interval).toBe("week");
    const withIncidents = data.buckets.filter((b) => b.incidents > 0);
    expect(withIncidents.map((b) => b.start)).toEqual([bucketStart("2023-06-01", "week")]);
    expect(withIncidents[0]).toMatchObject({ start: "2023-05-29", end: "2023-06-04", incidents: 4, best: 7 });
    // Padded to a readable axis around a single busy week.
    expect(data.buckets.length).toBe(12);
  });

  it("shows Kobé's 53 killed in February 2025 and nothing for a filter that matches nothing", async () => {
    const kobe = await timelineData({ claimant: ["hrw"] }, "auto");
    expect(kobe.buckets.filter((b) => b.incidents > 0)).toEqual([
      expect.objectContaining({ start: "2025-02-03", incidents: 1, low: 44, best: 53, high: 53, contested: 1 }),
    ]);
    expect(await timelineData({ country: ["ZZZ"] }, "auto")).toEqual({ interval: "month", total: 0, buckets: [] });
  });
});
