// The filters in force, each removable with one link, so an analyst (and whoever they share the
// URL with) sees at once what the map, timeline and list are showing.
import Link from "next/link";
import { withParams } from "@/lib/filters/filter-url";
import { formatDayRange } from "@/lib/format/localized-dates";
import { countryName } from "@/lib/format/localized-places";
import type { I18n } from "@/lib/i18n/i18n";
import { useI18n } from "@/lib/i18n/use-i18n";
import type { FilterFacets } from "@/lib/incidents/analyst-queries";
import type { IncidentFilter } from "@/lib/validation/incident-filter";

type Chip = { label: string; remove: Record<string, null> };

function chips(i18n: I18n, filter: IncidentFilter, facets: FilterFacets): Chip[] {
  const t = (key: string, values?: Parameters<I18n["t"]>[1]) => i18n.t(`home.chips.${key}`, values);
  const out: Chip[] = [];
  if (filter.from || filter.to) {
    const range =
      filter.from && filter.to
        ? formatDayRange(i18n, filter.from, filter.to)
        : filter.from
          ? t("fromDay", { day: formatDayRange(i18n, filter.from) })
          : t("untilDay", { day: formatDayRange(i18n, filter.to!) });
    out.push({ label: t("dates", { range }), remove: { from: null, to: null } });
  }
  if (filter.country)
    out.push({ label: t("country", { names: filter.country.map((c) => countryName(i18n, c)).join(", ") }), remove: { country: null } });
  if (filter.admin1) out.push({ label: t("region", { names: filter.admin1.join(", ") }), remove: { admin1: null } });
  if (filter.eventType) out.push({ label: t("eventType", { names: filter.eventType.join(", ") }), remove: { eventType: null } });
  if (filter.actor) out.push({ label: t("actor", { actor: filter.actor }), remove: { actor: null } });
  if (filter.claimant) {
    const names = filter.claimant.map((slug) => facets.sources.find((s) => s.slug === slug)?.name ?? slug);
    out.push({ label: t("claimant", { names: names.join(", ") }), remove: { claimant: null } });
  }
  if (filter.claimantKind)
    out.push({
      label: t("claimantKind", { names: filter.claimantKind.map((k) => i18n.t(`vocabulary.sourceKind.${k}`)).join(", ") }),
      remove: { claimantKind: null },
    });
  if (filter.grading)
    out.push({
      label: t("grading", { names: filter.grading.map((g) => i18n.t(`vocabulary.grading.${g}`)).join(", ") }),
      remove: { grading: null },
    });
  if (filter.flag)
    out.push({ label: t("flags", { names: filter.flag.map((f) => i18n.t(`vocabulary.flag.${f}`)).join(", ") }), remove: { flag: null } });
  if (filter.minKilled !== undefined) out.push({ label: t("minKilled", { count: filter.minKilled }), remove: { minKilled: null } });
  if (filter.bbox) out.push({ label: t("bbox"), remove: { bbox: null } });
  return out;
}

/** The filters in force in words ("Country: Mali"), e.g. for the Export menu. */
export function filterLabels(i18n: I18n, filter: IncidentFilter, facets: FilterFacets): string[] {
  return chips(i18n, filter, facets).map((c) => c.label);
}

export function ActiveFilters({ filter, facets, search }: { filter: IncidentFilter; facets: FilterFacets; search: string }) {
  const i18n = useI18n();
  const list = chips(i18n, filter, facets);
  if (list.length === 0) return null;
  return (
    <ul className="active-filters" aria-label={i18n.t("home.chips.listLabel")}>
      {list.map((chip) => {
        const next = withParams(search, chip.remove);
        return (
          <li key={chip.label}>
            <span>{chip.label}</span>
            <Link href={`/${next ? `?${next}` : ""}`} scroll={false} aria-label={i18n.t("home.chips.remove", { label: chip.label })}>
              <span aria-hidden="true">×</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
