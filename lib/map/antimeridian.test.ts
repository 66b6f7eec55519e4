import { feature } from "topojson-client";
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import type { GeometryCollection, Topology } from "topojson-specification";
import { describe, expect, it } from "vitest";
import countries from "world-atlas/countries-110m.json";
import { unwrapFeatures, unwrapRing } from "./antimeridian";

const maxJump = (ring: number[][]) => Math.max(0, ...ring.slice(1).map((p, i) => Math.abs(p[0]! - ring[i]![0]!)));

describe("rings across the antimeridian", () => {
  it("continue past ±180° instead of jumping across the map", () => {
    expect(
      unwrapRing([
        [179, 0],
        [-179, 1],
        [-178, 0],
        [179, 0],
      ]),
    ).toEqual([
      [179, 0],
      [181, 1],
      [182, 0],
      [179, 0],
    ]);
    expect(
      unwrapRing([
        [-179, 0],
        [179, 1],
        [-179, 0],
      ]),
    ).toEqual([
      [-179, 0],
      [-181, 1],
      [-179, 0],
    ]);
  });

  it("leave ordinary rings alone", () => {
    const ring = [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 0],
    ];
    expect(unwrapRing(ring)).toEqual(ring);
  });

  it("leave no world-wide stripe in the Natural Earth countries", () => {
    const topology = countries as unknown as Topology<{ countries: GeometryCollection }>;
    const world = unwrapFeatures(feature(topology, topology.objects.countries) as FeatureCollection);
    for (const f of world.features) {
      const geometry = f.geometry as Polygon | MultiPolygon;
      const rings = geometry.type === "Polygon" ? geometry.coordinates : geometry.coordinates.flat();
      for (const ring of rings) expect(maxJump(ring), String(f.properties?.name)).toBeLessThanOrEqual(180);
    }
  });
});
