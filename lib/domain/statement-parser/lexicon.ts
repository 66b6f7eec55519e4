// The words the statement parser knows, as data: one Lexicon per language. The algorithm
// (numbers-and-tokens.ts, mentions.ts, decisions.ts) reads them through the token stream, so a
// second language is a second Lexicon (lexicon-en.ts is the English one) plus whatever grammar its
// numbers need. Everything is matched on lower-cased tokens, except month and demonym spellings.
// A few English grammar words are still written in the algorithm and move here with the second
// language: the number grammar's "a"/"an", "hundred", "dozen" and "and"; "between … and" and
// "from … to"; partitive "of the …", "of them"; "members of"; "foreign(ers)"; "aged"; the
// pronoun "one" ("no one", "one another").
import type { Category, Metric, Qualifier } from "../vocabularies";

/** A small phrase table: each entry is a space-separated token sequence and what it means. */
export type Phrase<T> = { words: string[]; value: T };
export function phrases<T>(entries: ReadonlyArray<readonly [string, T]>): Phrase<T>[] {
  return entries.map(([text, value]) => ({ words: text.split(" "), value })).sort((a, b) => b.words.length - a.words.length); // longest first: "killed or injured" before "killed"
}

/** A quantity prefix ("at least", "fewer than"). */
export type Prefix = { qualifier: Qualifier; /** "fewer than 10" excludes 10 itself */ exclusive?: boolean };
/** What a word says happened: a metric; "ki-and" ("killed and injured": two metrics for one number); "neutralized" (killed or captured). */
export type MetricWord = { metric: Metric } | "ki-and" | "neutralized";
/** Markers that open a breakdown. `metric` is set when the marker names it ("Among the deceased were"). */
export type BreakdownMarker = { metric: { metric: Metric } | null; hasTotal: boolean };
/** Person nouns. `null` = people of no stated category; "others" and "side?" are handled specially. */
export type PersonClass = Category | null | "others" | "side?" | "victims";

export type Lexicon = {
  numbers: {
    units: Record<string, number>;
    tens: Record<string, number>;
    /** thousand, million…: multiply what precedes them. */
    scales: Record<string, number>;
  };
  dates: {
    /** Month names, as capitalised in the text ("may" and "march" are also verbs). */
    months: Set<string>;
    /** Words after which a four-digit number is a year ("in 2022"). */
    yearPrepositions: Set<string>;
    /** Words and dashes that join the two ends of a range ("25 to 30", "8-9 February"). */
    rangeLinks: Set<string>;
  };
  quantities: {
    prefixes: Phrase<Prefix>[];
    /** ACLED's conservative conventions: a lower bound, open above. */
    conventions: Record<string, number>;
    conventionLeads: Phrase<true>[];
    vague: Phrase<true>[];
    same: Phrase<true>[];
    relative: Phrase<true>[];
  };
  metrics: {
    predicates: Phrase<MetricWord>[];
    predicateFillers: Set<string>;
    asideOpeners: Set<string>;
    triggers: Phrase<MetricWord>[];
    triggerFillers: Phrase<true>[];
    breakdownMarkers: Phrase<BreakdownMarker>[];
  };
  heads: {
    personNouns: Map<string, PersonClass>;
    categoryAdjectives: Map<string, Category>;
    metricNouns: Map<string, Metric>;
    metricParticiples: Map<string, Metric>;
    thingNouns: Set<string>;
    /** Lower-cased demonyms → the subgroup as written ("malians" → "Malian"). */
    demonyms: Map<string, string>;
    demographics: Map<string, string>;
    neutralModifiers: Set<string>;
    headStops: Set<string>;
  };
  listConnectors: Phrase<"and" | "comma">[];
};
