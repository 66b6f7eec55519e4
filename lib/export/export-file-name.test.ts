import { describe, expect, it } from "vitest";
import { exportFileName } from "./export-request";

const day = new Date("2026-12-06T10:00:00Z");

describe("export file names", () => {
  it("are dated, and name the method", () => {
    expect(exportFileName("figures.csv", day, null)).toBe("triangulate-figures-2026-12-06.csv");
    expect(exportFileName("figures.csv", day, "conservative")).toBe("triangulate-figures-conservative-2026-12-06.csv");
  });
  it("name the filter, so two filtered exports of one day differ, and one filter always gives one name", () => {
    const mali = exportFileName("claims.csv", day, null, "country=MLI&flag=contested");
    const burkina = exportFileName("claims.csv", day, null, "country=BFA&flag=contested");
    expect(mali).toMatch(/^triangulate-claims-MLI-contested-[0-9a-f]{6}-2026-12-06\.csv$/);
    expect(burkina).not.toBe(mali);
    expect(exportFileName("claims.csv", day, null, "country=MLI&flag=contested")).toBe(mali);
    // Filters whose readable part is the same still differ by their hash.
    expect(exportFileName("claims.csv", day, null, "from=2025-01-01")).not.toBe(exportFileName("claims.csv", day, null, "to=2025-01-01"));
  });
  it("keep long filters short and file-system safe", () => {
    const name = exportFileName(
      "ged.csv",
      day,
      null,
      `actor=${encodeURIComponent("Islamic State – Sahel Province / ISGS")}&admin1=Gao,Ménaka,Tombouctou`,
    );
    expect(name.length).toBeLessThan(90);
    expect(name).toMatch(/^[A-Za-z0-9.-]+$/);
  });
});
