import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  MAX_CELLS,
  cellDegreesForZoom,
  cellsCovering,
  gridCellDegrees,
  gridLevel,
  latitudeOfMercatorY,
  lonSpan,
  mercatorY,
  summaryLevelFor,
} from "./map-grid";

describe("the clustering grid", () => {
  it("uses cells of about 64 screen pixels: 22.5° at zoom 2, halving per zoom level", () => {
    expect(cellDegreesForZoom(2)).toBe(22.5);
    expect(cellDegreesForZoom(3)).toBe(11.25);
  });

  it("projects latitude like Web Mercator", () => {
    expect(mercatorY(0)).toBeCloseTo(0, 10);
    expect(mercatorY(85.05112878)).toBeCloseTo(180, 3);
    expect(mercatorY(-89)).toBeCloseTo(-180, 3);
  });

  it("measures boxes across the antimeridian", () => {
    expect(lonSpan({ minLon: 170, minLat: 0, maxLon: -170, maxLat: 1 })).toBe(20);
  });

  it("never needs more than MAX_CELLS cells, whatever the box and zoom", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.double({ min: -85, max: 85, noNaN: true }),
        fc.double({ min: -85, max: 85, noNaN: true }),
        fc.integer({ min: 0, max: 22 }),
        (a, b, c, d, zoom) => {
          const bounds = { minLon: a, maxLon: b, minLat: Math.min(c, d), maxLat: Math.max(c, d) };
          const cell = gridCellDegrees(bounds, zoom);
          expect(cellsCovering(bounds, cell)).toBeLessThanOrEqual(MAX_CELLS);
          // Still a cell of the global grid: the zoom's size times a power of two.
          expect(Math.log2(cell / cellDegreesForZoom(zoom)) % 1).toBe(0);
        },
      ),
    );
  });

  it("keeps the zoom's own cell size when the box fits", () => {
    expect(gridCellDegrees({ minLon: -180, minLat: -85, maxLon: 180, maxLat: 85 }, 2)).toBe(22.5);
  });
});

describe("grid levels and the stored summary levels", () => {
  it("names each cell size of the global grid by its level", () => {
    expect(gridLevel(cellDegreesForZoom(2))).toBe(2);
    expect(gridLevel(cellDegreesForZoom(0) * 4)).toBe(-2);
    expect(gridLevel(1)).toBeNull();
  });

  it("reads a level from the nearest finer stored level, and nothing finer than the last", () => {
    expect([0, 2, 3, 4, 5, 6, 7, 8, 9].map((l) => summaryLevelFor(l))).toEqual([3, 3, 3, 5, 5, 7, 7, 8, null]);
    // Level 8 has no months: dated views at level 8 read the incidents.
    expect([7, 8].map((l) => summaryLevelFor(l, true))).toEqual([7, null]);
  });

  it("inverts the Mercator projection", () => {
    fc.assert(
      fc.property(fc.double({ min: -85, max: 85, noNaN: true }), (lat) => {
        expect(latitudeOfMercatorY(mercatorY(lat))).toBeCloseTo(lat, 9);
      }),
    );
  });
});
