import { describe, expect, it } from "vitest";
import { buildPlaceLabels, labelsAtZoom } from "./place-labels";

const countries = [
  { cca2: "ML", cca3: "MLI", name: { common: "Mali" }, capital: ["Bamako"], latlng: [17, -4] as [number, number], area: 1_240_192 },
  {
    cca2: "BF",
    cca3: "BFA",
    name: { common: "Burkina Faso" },
    capital: ["Ouagadougou"],
    latlng: [13, -2] as [number, number],
    area: 272_967,
  },
];
const cities = [
  { name: "Bamako", lat: "12.65", lng: "-8", country: "ML" },
  { name: "Ouagadougou", lat: "12.36", lng: "-1.53", country: "BF" },
  { name: "Bamako", lat: "1", lng: "1", country: "XX" },
];

describe("place names on the offline basemap", () => {
  it("places each capital at its GeoNames city of the same country", () => {
    const labels = buildPlaceLabels(countries, cities);
    expect(labels.find((l) => l.name === "Bamako")).toMatchObject({ kind: "capital", lat: 12.65, lon: -8 });
    expect(labels.filter((l) => l.kind === "country").map((l) => l.name)).toEqual(["Mali", "Burkina Faso"]);
  });
  it("names large countries first, capitals from zoom 3–4, and drops country names when zoomed far in", () => {
    const labels = buildPlaceLabels(countries, cities);
    expect(labelsAtZoom(labels, 2).map((l) => l.name)).toEqual([]);
    expect(labelsAtZoom(labels, 3).map((l) => l.name)).toEqual(["Mali", "Bamako"]);
    expect(
      labelsAtZoom(labels, 5)
        .map((l) => l.name)
        .sort(),
    ).toEqual(["Bamako", "Burkina Faso", "Mali", "Ouagadougou"]);
    expect(
      labelsAtZoom(labels, 8)
        .map((l) => l.name)
        .sort(),
    ).toEqual(["Bamako", "Ouagadougou"]);
  });
});
