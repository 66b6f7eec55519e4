import { describe, expect, it } from "vitest";
import { parseDay } from "./csv-cells";

describe("parseDay", () => {
  it("reads the datasets' ways of writing a day", () => {
    expect(parseDay("2025-02-07")).toBe("2025-02-07");
    expect(parseDay("2025-02-07 00:00:00.000")).toBe("2025-02-07");
    expect(parseDay("07 February 2025")).toBe("2025-02-07");
    expect(parseDay("7-Feb-2025")).toBe("2025-02-07");
  });

  it("refuses days the calendar does not have, and keeps early years as written", () => {
    expect(parseDay("31 February 2025")).toBeNull();
    expect(parseDay("2023-02-29")).toBeNull();
    expect(parseDay("29 February 2024")).toBe("2024-02-29");
    expect(parseDay("7 Brumaire 2025")).toBeNull();
    // Date.UTC reads years 0–99 as 1900–1999; the calendar rule does not.
    expect(parseDay("0050-01-01")).toBe("0050-01-01");
  });
});
