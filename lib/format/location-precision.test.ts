import { describe, expect, it } from "vitest";
import { locationPrecision, zoomForRadius } from "./location-precision";

describe("UCDP location precision", () => {
  it("explains each level in words", () => {
    expect(locationPrecision(1).label).toBe("exact location");
    expect(locationPrecision(5).explanation).toContain("road");
    expect(locationPrecision(6).label).toBe("country only");
    expect(locationPrecision(9).label).toBe("precision 9");
  });

  it("draws a vaguer location as a larger circle, except the line estimate which sits between districts and regions", () => {
    const radii = [1, 2, 3, 4, 6].map((p) => locationPrecision(p).radiusKm);
    expect(radii).toEqual([...radii].sort((a, b) => a - b));
    expect(locationPrecision(5).radiusKm).toBeGreaterThan(locationPrecision(3).radiusKm);
    expect(locationPrecision(5).radiusKm).toBeLessThan(locationPrecision(4).radiusKm);
  });

  it("zooms out for larger circles", () => {
    expect(zoomForRadius(2)).toBeGreaterThan(zoomForRadius(60));
    expect(zoomForRadius(60)).toBeGreaterThan(zoomForRadius(400));
    expect(zoomForRadius(0.001)).toBe(12);
  });
});
