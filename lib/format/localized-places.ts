// Places in the interface's language: country names for ISO 3166-1 alpha-3 codes ("Mali", « Côte
// d’Ivoire ») and UCDP's location precision in words. Exports keep English names (englishCountryName).
import countries from "i18n-iso-countries";
import english from "i18n-iso-countries/langs/en.json";
import french from "i18n-iso-countries/langs/fr.json";
import type { I18n } from "@/lib/i18n/i18n";
import { locationPrecision as precisionScale } from "./location-precision";

countries.registerLocale(english);
countries.registerLocale(french);

/** Codes the standard does not know (test data's XXX, a typo) are shown as they are. */
export function countryName(i18n: I18n, iso3: string): string {
  return countries.getName(iso3.toUpperCase(), i18n.locale) ?? iso3;
}

export function englishCountryName(iso3: string): string {
  return countries.getName(iso3.toUpperCase(), "en") ?? iso3;
}

export type PrecisionInfo = { label: string; explanation: string; radiusKm: number };

export function locationPrecision(i18n: I18n, wherePrec: number): PrecisionInfo {
  const known = wherePrec >= 1 && wherePrec <= 7 && Number.isInteger(wherePrec);
  const key = known ? `places.precision.${wherePrec}` : "places.precision.unknown";
  return {
    label: i18n.t(`${key}.label`, { level: wherePrec }),
    explanation: i18n.t(`${key}.explanation`),
    radiusKm: precisionScale(wherePrec).radiusKm,
  };
}
