// UCDP's location precision (`where_prec`, 1–7) in words, and the radius of the circle the
// incident map draws to show it. The radii are illustrative sizes of the area each level stands
// for (UCDP gives no distances beyond the 25 km of level 2), chosen so a larger circle always
// means a vaguer location.

export type PrecisionInfo = { label: string; explanation: string; radiusKm: number };

const PRECISIONS: Record<number, PrecisionInfo> = {
  1: { label: "exact location", explanation: "The exact place is known.", radiusKm: 2 },
  2: { label: "within about 25 km", explanation: "The place is known to within about 25 km of the point shown.", radiusKm: 25 },
  3: {
    label: "second-order administrative division",
    explanation: "Only the district (second-order administrative division) is known; the point is its centre.",
    radiusKm: 40,
  },
  4: {
    label: "first-order administrative division",
    explanation: "Only the region or province (first-order administrative division) is known; the point is its centre.",
    radiusKm: 150,
  },
  5: {
    label: "linear feature or area between places",
    explanation: "The place is only described along a road, river or border, or between two places; the point is an estimate on that line.",
    radiusKm: 60,
  },
  6: { label: "country only", explanation: "Only the country is known; the point is a stand-in for the whole country.", radiusKm: 400 },
  7: {
    label: "international waters or airspace",
    explanation: "The incident took place in international waters or airspace; the point is approximate.",
    radiusKm: 300,
  },
};

export function locationPrecision(wherePrec: number): PrecisionInfo {
  return (
    PRECISIONS[wherePrec] ?? {
      label: `precision ${wherePrec}`,
      explanation: "The precision of this location is not recorded in a known scale.",
      radiusKm: 100,
    }
  );
}

/** A zoom at which the precision circle fills a small map: about 3× its radius across. */
export function zoomForRadius(radiusKm: number): number {
  // At zoom z a 256-px tile spans 40 075 km / 2^z at the equator; aim for ~250 px ≈ 6 radii.
  const z = Math.log2((40_075 * 250) / (256 * radiusKm * 6));
  return Math.max(2, Math.min(12, Math.floor(z)));
}
