// Priority tiers of source kinds, used by the `source_priority` method of reconciliation
// (docs/architecture.md, "Reconciliation rules" 4): independent investigators and the UN first,
// then wire agencies and international media, then national/local media, and governments
// and parties to the conflict last. Tier 1 is the most trusted.
//
// Being a party to the conflict overrides the kind: an armed group recorded as
// `national_media` but flagged `isParty` is still tier 4, because a party has a stake in
// the figure whatever its outlet looks like.

import type { SourceKind } from "./vocabularies";

export type PriorityTier = 1 | 2 | 3 | 4;

/** The tier every party to the conflict falls into, whatever its kind. */
export const PARTY_TIER: PriorityTier = 4;

export const SOURCE_KIND_TIERS: Readonly<Record<SourceKind, PriorityTier>> = {
  ngo: 1,
  un: 1,
  wire_agency: 2,
  international_media: 2,
  dataset: 2,
  national_media: 3,
  local_media: 3,
  encyclopedia: 3,
  witness: 3,
  social_media: 3,
  government: 4,
  party_to_conflict: 4,
};

/** Plain-English names of the tiers, for rationales and the UI. */
export const TIER_LABELS: Readonly<Record<PriorityTier, string>> = {
  1: "independent investigators and the UN",
  2: "wire agencies, international media and datasets",
  3: "national and local media, encyclopedias, witnesses and social media",
  4: "governments and parties to the conflict",
};

export type PrioritySubject = { kind: SourceKind; isParty: boolean };

/**
 * A party to the conflict: the editor ticked "party to the conflict" (the Malian government,
 * whose forces escorted the convoy), or its kind is an armed party. Being a government is not
 * enough (ARCHITECTURE.md, Source: a government *and* a party is recorded as both): local
 * officials of a town the fighting passed by are not a party unless marked so.
 */
export function isPartySource(source: PrioritySubject): boolean {
  return source.isParty || source.kind === "party_to_conflict";
}

/** An official figure: from a government (party or not) or from a party. "Official lower" compares these with the independent ones. */
export function isOfficialSource(source: PrioritySubject): boolean {
  return isPartySource(source) || source.kind === "government";
}

export function priorityTier(source: PrioritySubject): PriorityTier {
  return source.isParty ? PARTY_TIER : SOURCE_KIND_TIERS[source.kind];
}
