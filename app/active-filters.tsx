// The filters in force, each removable with one link, so an analyst (and whoever they share the
// URL with) sees at once what the map, timeline and list are showing.
import Link from "next/link";
import { withParams } from "@/lib/filters/filter-url";
import { formatDayRange } from "@/lib/format/date-format";
import { FLAG_LABELS } from "@/lib/format/flag-explanations";
import { SOURCE_KIND_LABELS } from "@/lib/format/vocabulary-labels";
import type { FilterFacets } from "@/lib/incidents/analyst-queries";
import type { IncidentFilter } from "@/lib/validation/incident-filter";
import { countryName } from "@/lib/format/country-name";

type Chip = { label: string; remove: Record<string, null> };

function chips(filter: IncidentFilter, facets: FilterFacets): Chip[] {
  const out: Chip[] = [];
  if (filter.from || filter.to) {
    const label =
      filter.from && filter.to
        ? formatDayRange(filter.from, filter.to)
        : filter.from
          ? `from ${formatDayRange(filter.from)}`
          : `until ${formatDayRange(filter.to!)}`;
    out.push({ label: `Dates: ${label}`, remove: { from: null, to: null } });
  }
  if (filter.country) out.push({ label: `Country: ${filter.country.map(countryName).join(", ")}`, remove: { country: null } });
  if (filter.admin1) out.push({ label: `Region: ${filter.admin1.join(", ")}`, remove: { admin1: null } });
  if (filter.eventType) out.push({ label: `Event type: ${filter.eventType.join(", ")}`, remove: { eventType: null } });
  if (filter.actor) out.push({ label: `Actor: “${filter.actor}”`, remove: { actor: null } });
  if (filter.claimant) {
    const names = filter.claimant.map((slug) => facets.sources.find((s) => s.slug === slug)?.name ?? slug);
    out.push({ label: `Claimant: ${names.join(", ")}`, remove: { claimant: null } });
  }
  if (filter.claimantKind)
    out.push({
      label: `Claimant kind: ${filter.claimantKind.map((k) => SOURCE_KIND_LABELS[k]).join(", ")}`,
      remove: { claimantKind: null },
    });
  if (filter.grading) out.push({ label: `Grading: ${filter.grading.join(", ")}`, remove: { grading: null } });
  if (filter.flag) out.push({ label: `Flags: ${filter.flag.map((f) => FLAG_LABELS[f]).join(", ")}`, remove: { flag: null } });
  if (filter.minKilled !== undefined) out.push({ label: `At least ${filter.minKilled} killed`, remove: { minKilled: null } });
  if (filter.bbox) out.push({ label: "In the map area", remove: { bbox: null } });
  return out;
}

/** The filters in force in words ("Country: Mali"), e.g. for the Export menu. */
export function filterLabels(filter: IncidentFilter, facets: FilterFacets): string[] {
  return chips(filter, facets).map((c) => c.label);
}

export function ActiveFilters({ filter, facets, search }: { filter: IncidentFilter; facets: FilterFacets; search: string }) {
  const list = chips(filter, facets);
  if (list.length === 0) return null;
  return (
    <ul className="active-filters" aria-label="Filters in force">
      {list.map((chip) => {
        const next = withParams(search, chip.remove);
        return (
          <li key={chip.label}>
            <span>{chip.label}</span>
            <Link href={`/${next ? `?${next}` : ""}`} scroll={false} aria-label={`Remove filter ${chip.label}`}>
              <span aria-hidden="true">×</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
