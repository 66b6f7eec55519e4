// Natural Earth polygons that cross the antimeridian (Russia's Chukotka, Fiji) arrive with
// longitudes jumping from +180 to −180 between consecutive points. Drawn as given, such an edge
// runs across the whole map as a horizontal stripe. Unwrapping each ring — shifting points by
// ±360° so consecutive points are never more than 180° apart — draws them where they belong,
// just past the dateline.
import type { Feature, FeatureCollection, Geometry, Position } from "geojson";

export function unwrapRing(ring: Position[]): Position[] {
  const out: Position[] = [];
  let shift = 0;
  let previous: number | null = null;
  for (const point of ring) {
    const lon = point[0]!;
    if (previous !== null) {
      const delta = lon + shift - previous;
      if (delta > 180) shift -= 360;
      else if (delta < -180) shift += 360;
    }
    const shifted = lon + shift;
    out.push([shifted, ...point.slice(1)]);
    previous = shifted;
  }
  return out;
}

function unwrapGeometry(geometry: Geometry): Geometry {
  switch (geometry.type) {
    case "Polygon":
      return { ...geometry, coordinates: geometry.coordinates.map(unwrapRing) };
    case "MultiPolygon":
      return { ...geometry, coordinates: geometry.coordinates.map((polygon) => polygon.map(unwrapRing)) };
    case "LineString":
      return { ...geometry, coordinates: unwrapRing(geometry.coordinates) };
    case "MultiLineString":
      return { ...geometry, coordinates: geometry.coordinates.map(unwrapRing) };
    default:
      return geometry;
  }
}

export function unwrapFeatures(collection: FeatureCollection): FeatureCollection {
  return {
    ...collection,
    features: collection.features.map((f): Feature => (f.geometry ? { ...f, geometry: unwrapGeometry(f.geometry) } : f)),
  };
}
