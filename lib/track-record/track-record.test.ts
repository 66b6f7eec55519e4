import { describe, expect, it } from "vitest";
import type { EngineClaim } from "@/lib/domain/reconcile";
import { comparableValue, incidentComparisons, type ComparisonRow } from "./incident-comparisons";
import {
  BOOTSTRAP_MAX_N,
  bootstrapMedian,
  describeStats,
  headToHead,
  MIN_INCIDENTS,
  orderStatisticInterval,
  trackStats,
  type StatRow,
} from "./track-record-stats";

const HRW = { id: "hrw", name: "Human Rights Watch", kind: "ngo", isParty: false } as const;
const GOV = { id: "gov", name: "Malian government", kind: "government", isParty: true } as const;
const AFP = { id: "afp", name: "AFP", kind: "wire_agency", isParty: false } as const;
const RFI = { id: "rfi", name: "RFI", kind: "international_media", isParty: false } as const;
const MIRAGE = { id: "mirage", name: "Mirage News", kind: "national_media", isParty: false } as const;

let sequence = 0;
function claim(overrides: Partial<EngineClaim> & Pick<EngineClaim, "claimant" | "valueMin">): EngineClaim {
  sequence += 1;
  return {
    id: `c${String(sequence).padStart(3, "0")}`,
    metric: "killed",
    category: "civilians",
    subgroup: null,
    valueMax: overrides.valueMin,
    qualifier: "exact",
    statedOn: "2025-02-10",
    createdAt: `2025-03-01T00:00:${String(sequence % 60).padStart(2, "0")}.000Z`,
    relaysSourceIds: [],
    supersedesId: null,
    assessment: "not_assessed",
    retracted: false,
    ...overrides,
  };
}
const rowOf = (rows: ComparisonRow[], sourceId: string, metric = "killed", category = "civilians") =>
  rows.find((r) => r.sourceId === sourceId && r.metric === metric && r.category === category);

describe("incidentComparisons: leave-one-out on one incident", () => {
  it("compares each source with the figure reconciled from the others (Kobé killed·civilians)", () => {
    const rows = incidentComparisons(
      [
        claim({ claimant: HRW, valueMin: 34, statedOn: "2025-03-04" }),
        claim({ claimant: HRW, valueMin: 13, subgroup: "Malian", statedOn: "2025-03-04" }),
        claim({ claimant: GOV, valueMin: 25, statedOn: "2025-02-08" }),
      ],
      "2025-02-07",
    );
    // The government is compared with HRW alone, HRW with the government alone: never with itself.
    expect(rowOf(rows, "gov")).toMatchObject({
      value: 25,
      basis: "point",
      othersLow: 34,
      othersBest: 34,
      othersHigh: 34,
      othersSources: 1,
      delayDays: 1,
      revision: null,
    });
    expect(rowOf(rows, "hrw")).toMatchObject({ value: 34, othersLow: 25, othersBest: 25, othersHigh: 25, delayDays: 25 });
  });

  it("a source alone on its figure gets a row with no others", () => {
    const rows = incidentComparisons([claim({ claimant: GOV, valueMin: 19, category: "attackers" })], "2025-02-07");
    expect(rows).toEqual([
      expect.objectContaining({ sourceId: "gov", category: "attackers", othersBest: null, othersLow: null, othersSources: 0 }),
    ]);
  });

  it("a document relaying a source is neither a source of its own nor one of the others", () => {
    const rows = incidentComparisons(
      [
        claim({ claimant: HRW, valueMin: 34 }),
        // Mirage News republishing HRW's figure.
        claim({ claimant: MIRAGE, valueMin: 34, relaysSourceIds: ["hrw"] }),
        claim({ claimant: GOV, valueMin: 25 }),
      ],
      "2025-02-07",
    );
    expect(rows.map((r) => r.sourceId)).toEqual(["gov", "hrw"]);
    // HRW's others: the government only (the relay of HRW is left out with HRW).
    expect(rowOf(rows, "hrw")).toMatchObject({ othersBest: 25, othersSources: 1 });
    // The government's others: HRW and its relay, one independent source.
    expect(rowOf(rows, "gov")).toMatchObject({ othersBest: 34, othersSources: 1 });
  });

  it("repeated reports of one claimant count once, and only active claims are the source's figure", () => {
    const old = claim({ claimant: GOV, valueMin: 20, statedOn: "2025-02-08" });
    const rows = incidentComparisons(
      [
        old,
        claim({ claimant: GOV, valueMin: 25, statedOn: "2025-02-09", supersedesId: old.id }),
        claim({ claimant: HRW, valueMin: 34, statedOn: "2025-03-01" }),
        claim({ claimant: HRW, valueMin: 34, statedOn: "2025-03-04" }),
        claim({ claimant: AFP, valueMin: 90, assessment: "not_credible" }),
      ],
      "2025-02-07",
    );
    expect(rowOf(rows, "gov")).toMatchObject({
      value: 25,
      firstValue: 20,
      revision: "up",
      othersSources: 1,
      othersBest: 34,
      firstStatedOn: "2025-02-08",
      delayDays: 1,
    });
    expect(rowOf(rows, "hrw")).toMatchObject({ othersBest: 25, revision: null });
    // AFP's only claim was judged not credible: it has no active figure, so no row.
    expect(rowOf(rows, "afp")).toBeUndefined();
  });

  it("a retracted replacement does not count as a revision", () => {
    const old = claim({ claimant: GOV, valueMin: 20 });
    const rows = incidentComparisons(
      [old, claim({ claimant: GOV, valueMin: 10, supersedesId: old.id, retracted: true }), claim({ claimant: HRW, valueMin: 30 })],
      "2025-02-07",
    );
    expect(rowOf(rows, "gov")).toMatchObject({ value: 20, revision: null });
  });

  it("open-ended figures count by their floor, ranges by their middle, and are marked", () => {
    expect(comparableValue({ low: 30, high: null })).toEqual({ value: 30, basis: "lower_bound" });
    expect(comparableValue({ low: 25, high: 30 })).toEqual({ value: 27.5, basis: "midpoint" });
    expect(comparableValue({ low: 34, high: 34 })).toEqual({ value: 34, basis: "point" });
    const rows = incidentComparisons(
      [
        claim({ claimant: AFP, valueMin: 30, valueMax: null, qualifier: "at_least", category: "unspecified" }),
        claim({ claimant: RFI, valueMin: 25, valueMax: 30, qualifier: "range", category: "unspecified" }),
      ],
      "2025-02-07",
    );
    expect(rowOf(rows, "afp", "killed", "unspecified")).toMatchObject({ value: 30, basis: "lower_bound", othersLow: 25, othersHigh: 30 });
    // AFP's open figure leaves the others' high open.
    expect(rowOf(rows, "rfi", "killed", "unspecified")).toMatchObject({
      value: 27.5,
      basis: "midpoint",
      othersLow: 30,
      othersBest: 30,
      othersHigh: null,
    });
  });
});

const row = (value: number, others: [number, number, number | null], extra: Partial<StatRow> = {}): StatRow => ({
  value,
  basis: "point",
  othersLow: others[0],
  othersBest: others[1],
  othersHigh: others[2],
  revision: null,
  delayDays: null,
  ...extra,
});

describe("trackStats", () => {
  it("counts lower / within / higher against the others' [low, high], open high = no ceiling", () => {
    const stats = trackStats([
      row(10, [20, 25, 30]),
      row(25, [20, 25, 30]),
      row(40, [20, 25, 30]),
      row(400, [20, 25, null]),
      row(5, [null as never, null as never, null]),
    ]);
    expect(stats).toMatchObject({ incidents: 5, compared: 4, lower: 1, within: 2, higher: 1 });
  });

  it("below 5 compared incidents there is no ratio, and the words say so plainly", () => {
    const rows = Array.from({ length: MIN_INCIDENTS - 1 }, () => row(25, [34, 34, 34]));
    const stats = trackStats(rows);
    expect(stats.ratio).toBeNull();
    expect(stats.lower).toBe(4);
    expect(describeStats(stats)).toBe(
      "lower than the other sources on 4 of 4 incidents (lower 4, within 0, higher 0); only 4 incidents to compare, too few for a typical ratio (at least 5 needed)",
    );
    expect(describeStats(trackStats([row(25, [34, 34, 34])]))).toContain("on 1 of 1 incident ");
    expect(describeStats(trackStats([row(25, [34, 34, 34])]))).not.toMatch(/typically/);
  });

  it("from 5 incidents: the median ratio with a bootstrap interval around it", () => {
    const ratios = [0.5, 0.6, 0.7, 0.74, 0.8, 0.9, 1.1];
    const stats = trackStats(ratios.map((r) => row(r * 100, [90, 100, 110])));
    expect(stats.ratio!.median).toBeCloseTo(0.74);
    expect(stats.ratio!.low).toBeLessThanOrEqual(0.74);
    expect(stats.ratio!.high).toBeGreaterThanOrEqual(0.74);
    expect(stats.ratio!.low).toBeGreaterThanOrEqual(0.5);
    expect(stats.ratio!.high).toBeLessThanOrEqual(1.1);
    expect(describeStats(stats)).toMatch(
      /^lower than the other sources on 5 of 7 incidents .*; typically 0\.74× \(0\.\d\d–\d\.\d+\) their figure$/,
    );
  });

  it("ratios leave out incidents where the others said 0; open-ended and ranges are counted", () => {
    const stats = trackStats([
      row(3, [0, 0, 0]),
      row(30, [30, 30, 30], { basis: "lower_bound" }),
      row(27.5, [30, 30, 30], { basis: "midpoint", revision: "down", delayDays: 3 }),
      row(10, [10, 10, 10], { revision: "up", delayDays: 1 }),
      row(10, [10, 10, 10], { delayDays: 10 }),
    ]);
    expect(stats).toMatchObject({
      compared: 5,
      ratioN: 4,
      ratio: null,
      openEnded: 1,
      midpoints: 1,
      revised: 2,
      revisedUp: 1,
      revisedDown: 1,
      medianDelayDays: 3,
    });
  });
});

describe("bootstrapMedian", () => {
  const values = Array.from({ length: 200 }, (_, i) => Math.exp(Math.sin(i * 12.9898) * 2));

  it("at scale uses the order-statistic interval, which agrees with the bootstrap where both run", () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => Math.exp(Math.sin(i * 12.9898) * 2));
    const atLimit = many(BOOTSTRAP_MAX_N);
    const sorted = [...atLimit].sort((x, y) => x - y);
    const resampled = bootstrapMedian(atLimit)!;
    const ranks = orderStatisticInterval(sorted, resampled.median);
    const width = resampled.high - resampled.low;
    expect(Math.abs(ranks.low - resampled.low)).toBeLessThan(width * 0.15);
    expect(Math.abs(ranks.high - resampled.high)).toBeLessThan(width * 0.15);
    // Past the limit: no resampling (the answer does not depend on the seed), still bracketing the median.
    const beyond = many(BOOTSTRAP_MAX_N * 40);
    const a = bootstrapMedian(beyond)!;
    expect(bootstrapMedian(beyond, 1000, 7)).toEqual(a);
    expect(a.low).toBeLessThan(a.median);
    expect(a.high).toBeGreaterThan(a.median);
  });

  it("is reproducible: same values (in any order) and seed → same interval", () => {
    const a = bootstrapMedian(values);
    const b = bootstrapMedian([...values].reverse());
    expect(a).toEqual(b);
    expect(bootstrapMedian(values, 1000, 7)).not.toEqual(a);
  });

  it("brackets the median, and matches a plain resampling bootstrap's width", () => {
    const result = bootstrapMedian(values)!;
    expect(result.low).toBeLessThan(result.median);
    expect(result.high).toBeGreaterThan(result.median);
    // The exact median of the values, and a width close to what sort-based resampling gives.
    const sorted = [...values].sort((x, y) => x - y);
    expect(result.median).toBeCloseTo((sorted[99]! + sorted[100]!) / 2);
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const medians: number[] = [];
    for (let b = 0; b < 1000; b++) {
      const sample = Array.from({ length: values.length }, () => sorted[Math.floor(random() * sorted.length)]!).sort((x, y) => x - y);
      medians.push((sample[99]! + sample[100]!) / 2);
    }
    medians.sort((x, y) => x - y);
    // Two random streams: the ends agree within Monte Carlo noise.
    expect(Math.abs(result.low - medians[50]!)).toBeLessThan(0.15);
    expect(Math.abs(result.high - medians[949]!)).toBeLessThan(0.15);
  });
});

describe("headToHead", () => {
  const pair = (code: string, a: number, b: number) => ({
    incidentCode: code,
    incidentTitle: code,
    metric: "killed" as const,
    category: "civilians" as const,
    a,
    b,
  });

  it("counts who is lower and lists the largest disagreements first", () => {
    const result = headToHead([
      pair("A", 25, 34),
      pair("B", 10, 100),
      pair("C", 50, 50),
      pair("D", 0, 9),
      pair("E", 30, 20),
      pair("F", 1, 2),
    ]);
    expect(result).toMatchObject({ incidents: 6, aLower: 4, same: 1, aHigher: 1, ratioN: 6 });
    expect(result.ratio).not.toBeNull();
    expect(result.disagreements.map((d) => d.incidentCode)).toEqual(["D", "B", "F", "E", "A"]);
    expect(headToHead([pair("A", 25, 34)]).ratio).toBeNull();
  });
});
