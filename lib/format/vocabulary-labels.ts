// Words for vocabulary values that read badly as written in the API (snake_case, acronyms).
import type { Grading, SourceKind } from "@/lib/domain/vocabularies";

export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  ngo: "NGO",
  un: "UN",
  government: "government",
  party_to_conflict: "party to the conflict",
  wire_agency: "wire agency",
  international_media: "international media",
  national_media: "national media",
  local_media: "local media",
  social_media: "social media",
  encyclopedia: "encyclopedia or aggregator",
  witness: "witness",
  dataset: "dataset",
};

export const GRADING_LABELS: Record<Grading, string> = {
  confirmed: "confirmed",
  fair: "fair",
  weak: "weak",
  contested: "contested",
  discounted: "discounted",
};

/** The same kinds as a menu shows them: capitalised, acronyms spelt out. */
export const SOURCE_KIND_MENU_LABELS: Record<SourceKind, string> = {
  ngo: "NGO (non-governmental organisation)",
  un: "UN agency or mission",
  government: "Government",
  party_to_conflict: "Party to the conflict (armed group)",
  wire_agency: "Wire agency",
  international_media: "International media",
  national_media: "National media",
  local_media: "Local media",
  social_media: "Social media",
  encyclopedia: "Encyclopedia or aggregator",
  witness: "Witness",
  dataset: "Dataset",
};
