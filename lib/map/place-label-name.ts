// The offline basemap's place names in the reader's language (components/map/place-labels-layer.tsx).
import { countryName } from "@/lib/format/localized-places";
import type { I18n } from "@/lib/i18n/i18n";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import type { PlaceLabel } from "./place-labels";

/** A country in the reader's language where the ISO list knows it; English keeps world-countries' common name. */
export function placeLabelName(i18n: I18n, label: PlaceLabel): string {
  if (label.kind !== "country" || !label.iso3 || i18n.locale === DEFAULT_LOCALE) return label.name;
  const localized = countryName(i18n, label.iso3);
  return localized === label.iso3 ? label.name : localized;
}
