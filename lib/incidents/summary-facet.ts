// The facet summaries (IncidentMapFacetCell, IncidentTimelineFacetDay) count an incident once
// under its event type and once under each of its flags. Which filters they can answer follows:
// each incident has one event type, so any set of them adds up; it may have several flags, so
// only one flag does (with two, incidents having both would count twice). Both at once: no.
import type { IncidentFilter } from "@/lib/validation/incident-filter";

export type SummaryFacet = { facet: "event_type" | "flag"; values: string[] };

/** The facet a filter narrows by: null for none, undefined when the facet summaries cannot answer it. */
export function summaryFacetOf(filter: IncidentFilter): SummaryFacet | null | undefined {
  const flags = filter.flag?.length ? filter.flag : null;
  const types = filter.eventType?.length ? filter.eventType : null;
  if (flags && types) return undefined;
  if (flags) return flags.length === 1 ? { facet: "flag", values: flags } : undefined;
  return types ? { facet: "event_type", values: types } : null;
}
