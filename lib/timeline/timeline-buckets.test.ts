import { describe, expect, it } from "vitest";
import { bucketEnd, bucketRangeFor, bucketStart, chooseInterval, dateRangeFor, fillBuckets, shiftBucket } from "./timeline-buckets";

const row = (start: string, best: number) => ({ start, incidents: 1, low: best, best, high: best, openHigh: 0, contested: 0 });

describe("buckets", () => {
  it("start weeks on Monday and months on the 1st", () => {
    expect(bucketStart("2025-02-07", "week")).toBe("2025-02-03"); // a Friday
    expect(bucketStart("2025-02-03", "week")).toBe("2025-02-03");
    expect(bucketStart("2025-02-09", "week")).toBe("2025-02-03"); // a Sunday
    expect(bucketStart("2025-02-07", "month")).toBe("2025-02-01");
  });

  it("end on Sunday and on the month's last day, leap years included", () => {
    expect(bucketEnd("2025-02-03", "week")).toBe("2025-02-09");
    expect(bucketEnd("2024-02-01", "month")).toBe("2024-02-29");
    expect(bucketEnd("2024-12-30", "week")).toBe("2025-01-05");
    expect(shiftBucket("2025-01-01", "month", -2)).toBe("2024-11-01");
  });

  it("are weeks for up to half a year of incidents, months beyond", () => {
    expect(chooseInterval("2025-01-01", "2025-06-30")).toBe("week");
    expect(chooseInterval("2025-01-01", "2025-09-30")).toBe("month");
    expect(chooseInterval(null, null)).toBe("month");
  });
});

describe("fillBuckets", () => {
  it("fills the gaps so the time axis is continuous", () => {
    const buckets = fillBuckets([row("2025-01-01", 5), row("2025-04-01", 7)], "month", 1);
    expect(buckets.map((b) => [b.start, b.best])).toEqual([
      ["2025-01-01", 5],
      ["2025-02-01", 0],
      ["2025-03-01", 0],
      ["2025-04-01", 7],
    ]);
  });

  it("pads a single incident to a readable axis, centred", () => {
    const buckets = fillBuckets([row("2025-02-01", 53)], "month");
    expect(buckets).toHaveLength(12);
    expect(buckets[0]!.start).toBe("2024-09-01");
    expect(buckets[5]).toMatchObject({ start: "2025-02-01", end: "2025-02-28", best: 53 });
  });

  it("gives nothing for nothing", () => {
    expect(fillBuckets([], "week")).toEqual([]);
  });
});

describe("brushing", () => {
  const buckets = fillBuckets([row("2025-01-06", 1), row("2025-03-24", 2)], "week", 1);

  it("turns a brushed range of buckets into from/to dates", () => {
    expect(dateRangeFor(buckets, 0, 1)).toEqual({ from: "2025-01-06", to: "2025-01-19" });
    expect(dateRangeFor(buckets, 3, 2)).toEqual({ from: "2025-01-20", to: "2025-02-02" });
  });

  it("finds the buckets a from/to range covers", () => {
    expect(bucketRangeFor(buckets, "2025-01-15", "2025-01-20")).toEqual({ startIndex: 1, endIndex: 2 });
    expect(bucketRangeFor(buckets, null, "2025-01-10")).toEqual({ startIndex: 0, endIndex: 0 });
    expect(bucketRangeFor(buckets, "2030-01-01", null)).toEqual({ startIndex: buckets.length - 1, endIndex: buckets.length - 1 });
    expect(bucketRangeFor(buckets, null, null)).toBeNull();
  });
});
