// Closed vocabularies of the domain, spelled as they appear in the API and CSV (snake_case).
// The Prisma enums in prisma/schema.prisma use the same spellings, so values pass through unchanged.

export const METRICS = ["killed", "injured", "killed_or_injured", "missing", "abducted"] as const;
export type Metric = (typeof METRICS)[number];

export const CATEGORIES = ["civilians", "security_forces", "attackers", "unspecified"] as const;
export type Category = (typeof CATEGORIES)[number];

export const QUALIFIERS = ["exact", "at_least", "more_than", "at_most", "approximately", "range", "vague"] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export const ASSESSMENTS = ["credible", "not_credible", "duplicate", "not_assessed"] as const;
export type Assessment = (typeof ASSESSMENTS)[number];

export const METHODS = ["source_priority", "conservative", "median", "editor"] as const;
export type Method = (typeof METHODS)[number];

export const FLAGS = ["contested", "single_source", "parties_only", "official_lower", "breakdown_mismatch", "open_ended"] as const;
export type Flag = (typeof FLAGS)[number];

export const GRADINGS = ["confirmed", "fair", "weak", "contested", "discounted"] as const;
export type Grading = (typeof GRADINGS)[number];

export const SOURCE_KINDS = [
  "ngo",
  "un",
  "government",
  "party_to_conflict",
  "wire_agency",
  "international_media",
  "national_media",
  "local_media",
  "social_media",
  "encyclopedia",
  "witness",
  "dataset",
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const DATE_PRECISIONS = ["day", "range", "week", "month", "year"] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const ACTOR_ROLES = ["alleged_perpetrator", "target", "escort", "other"] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

export const USER_ROLES = ["viewer", "editor", "admin"] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** UCDP `where_prec`: 1 = exact location … 7 = international waters / airspace. */
export const LOCATION_PRECISIONS = [1, 2, 3, 4, 5, 6, 7] as const;
export type LocationPrecision = (typeof LOCATION_PRECISIONS)[number];
