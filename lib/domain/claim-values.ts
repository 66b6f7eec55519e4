// What one claim asserts, shared by every shape a claim takes (engine input, parser output, the
// claims file row, the seed, the incident page): the same six fields with the same meaning.
import type { Category, Metric, Qualifier } from "./vocabularies";

export type ClaimValues = {
  metric: Metric;
  category: Category;
  /** A part of the category ("Malian", "children"); null = the whole category. */
  subgroup: string | null;
  valueMin: number;
  /** null = open-ended ("at least 30"). */
  valueMax: number | null;
  qualifier: Qualifier;
};
