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
