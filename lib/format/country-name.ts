// Country names for ISO 3166-1 alpha-3 codes, as analysts read them ("Mali", not "MLI"). Codes
// the standard does not know (test data's XXX, a typo) are shown as they are.
import countries from "i18n-iso-countries";
import english from "i18n-iso-countries/langs/en.json";

countries.registerLocale(english);

export function countryName(iso3: string): string {
  return countries.getName(iso3.toUpperCase(), "en") ?? iso3;
}
