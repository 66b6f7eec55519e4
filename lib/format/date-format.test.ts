import { describe, expect, it } from "vitest";
import { formatBucket, formatDay, formatDayRange, formatTimestamp } from "./date-format";

describe("dates as people read them", () => {
  it("writes a day", () => {
    expect(formatDay("2025-02-08")).toBe("8 Feb 2025");
  });

  it("writes a span of days, sharing what the ends share", () => {
    expect(formatDayRange("2025-02-08", "2025-02-09")).toBe("8–9 Feb 2025");
    expect(formatDayRange("2025-01-30", "2025-02-02")).toBe("30 Jan – 2 Feb 2025");
    expect(formatDayRange("2024-12-30", "2025-01-02")).toBe("30 Dec 2024 – 2 Jan 2025");
    expect(formatDayRange("2025-02-08", "2025-02-08")).toBe("8 Feb 2025");
  });

  it("says when the date is unknown instead of inventing one", () => {
    expect(formatDayRange(null)).toBe("date unknown");
    expect(formatDayRange(null, null, "undated")).toBe("undated");
  });

  it("names timeline buckets and timestamps", () => {
    expect(formatBucket("2025-02-01", "month")).toBe("Feb 2025");
    expect(formatBucket("2025-02-03", "week")).toBe("3 Feb 2025");
    expect(formatTimestamp("2026-11-22T00:17:16.000Z")).toBe("22 Nov 2026, 00:17 UTC");
  });
});
