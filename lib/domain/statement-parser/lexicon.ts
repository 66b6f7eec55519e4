// The words the statement parser knows, as data: one Lexicon per language. The algorithm
// (numbers-and-tokens.ts, mentions.ts, decisions.ts) reads them through the token stream, so a
// language is a Lexicon (lexicon-en.ts, lexicon-fr.ts) — the grammar words included ("a hundred",
// "between … and", "of them", "members of"): no English word is written in the algorithm.
// Everything is matched on lower-cased tokens with straightened apostrophes, except month and
// demonym spellings. French elisions are their own tokens: "d'au moins" is "d'" + "au" + "moins".
import type { Category, Metric, Qualifier } from "../vocabularies";
import type { Outside } from "./reasons";

/** A small phrase table: each entry is a space-separated token sequence and what it means. */
export type Phrase<T> = { words: string[]; value: T };
export function phrases<T>(entries: ReadonlyArray<readonly [string, T]>): Phrase<T>[] {
  return entries
    .map(([text, value]) => ({ words: text.split(" ").flatMap(elided), value }))
    .sort((a, b) => b.words.length - a.words.length); // longest first: "killed or injured" before "killed"
}
/** Splits a French elision as the tokenizer does: "d'honneur" → "d'", "honneur". */
function elided(word: string): string[] {
  const m = /^(l|d|qu|n|s|j|m|t|c|jusqu|lorsqu|puisqu|quoiqu|presqu)'(.+)$/.exec(word);
  return m ? [`${m[1]}'`, m[2]!] : [word];
}

/** A quantity prefix ("at least", "fewer than"). */
export type Prefix = { qualifier: Qualifier; /** "fewer than 10" excludes 10 itself */ exclusive?: boolean };
/**
 * What a word says happened: a metric; "ki-and" ("killed and injured": two metrics for one number);
 * "neutralized" (killed or captured); or something that happened to people but is not a casualty
 * metric of the vocabulary ("displaced", "arrested"): `outside` names it for the editor.
 */
export type MetricWord = { metric: Metric } | "ki-and" | "neutralized" | { outside: Outside };
/** Markers that open a breakdown. `metric` is set when the marker names it ("Among the deceased were"). */
export type BreakdownMarker = { metric: { metric: Metric } | null; hasTotal: boolean };
/** Person nouns. `null` = people of no stated category; "others" and "side?" are handled specially. */
export type PersonClass = Category | null | "others" | "side?" | "victims";
/** A conventional count word ("dozens", "des dizaines"): ACLED's lower bound, open above. */
export type Convention = {
  value: number;
  /** Singular "dozen"/"hundred" count as a convention only after a lead ("several dozen"). */
  needsLead?: boolean;
  /** Bare "tens" is too rare to trust: only "tens of". */
  needsNext?: string;
};

export type Lexicon = {
  /** ISO 639-1 code. */
  code: "en" | "fr";
  /** Frequent words of the language that are rare in the other: language detection counts them. */
  markers: Set<string>;
  numbers: {
    /** Single words below 100 ("nineteen"; French "quatre-vingt-dix-sept" is one word). */
    units: Record<string, number>;
    tens: Record<string, number>;
    /** thousand, million…: multiply what precedes them. */
    scales: Record<string, number>;
    /** Scales that stand alone for 1 × scale: French "mille morts"; English "thousand" needs "a"/"one". */
    bareScales: Set<string>;
    /** The hundred word(s); `bare` when "cent" alone means 100 (English "hundred" needs "a"/"one"). */
    hundreds: Set<string>;
    bareHundred: boolean;
    /** Articles that are 1 before a multiplier: "a hundred", "a dozen", "une vingtaine". */
    articles: Set<string>;
    /** Round-count nouns that multiply what precedes them: "two dozen", "une vingtaine", "un millier". */
    roundCounts: Record<string, number>;
    /** Joins a smaller number to a hundred/thousand ("one hundred and twelve") or a unit to tens ("vingt et un"). */
    joiners: Set<string>;
    /** Tens that take 10–19 after them: French "soixante-dix" (70), "quatre-vingt-dix" (90). */
    tensTakingTeens: Set<number>;
    /** Glued suffixes that make a number an ordinal or a time: "7th", "1er", "10h". */
    notCountSuffixes: Set<string>;
    /** The pronoun uses of "one": not a count in "no one", "one another", "un à un". */
    pronounOne: { words: Set<string>; before: Set<string>; after: Set<string> };
    /** Thousands separators between digit groups, besides "," (English) — French "1.200", "1 200". */
    groupSeparators: Set<string>;
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
    /** Open-and-close ranges: "between … and", "from … to"; the value is the closing word. */
    rangeOpeners: Phrase<string>[];
    /** Links of "25 to 30", "two or three" (not "and": "13 Malians and 21 foreigners" is a list). */
    countRangeLinks: Set<string>;
    /** ACLED's conservative conventions: a lower bound, open above. */
    conventions: Record<string, Convention>;
    conventionLeads: Phrase<true>[];
    /** Phrases starting at a convention word that are not one: "hundreds of thousands". */
    conventionExclusions: Phrase<true>[];
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
    /** Participles used as nouns (« 12 morts et 30 blessés »): alone, they refer back like a bare count. */
    nominalParticiples: Set<string>;
    thingNouns: Set<string>;
    /** Lower-cased demonyms → the subgroup as written ("malians" → "Malian"). */
    demonyms: Map<string, string>;
    /** English demonyms are capitalised; French adjectives are not ("soldats maliens"). */
    demonymsCapitalised: boolean;
    /** "foreign"/"foreigners": a nationality subgroup of its own; true when the word is a noun. */
    foreign: Map<string, boolean>;
    demographics: Map<string, string>;
    neutralModifiers: Set<string>;
    headStops: Set<string>;
    /** "women and children": words joining two nouns (or two metric nouns) in one head. */
    coordinators: Set<string>;
    /** Partitives before the counted noun: "dozens of civilians", "une vingtaine de personnes". */
    partitives: Phrase<true>[];
    /** Determiners after a partitive: "12 of the 34 passengers". */
    partitiveDeterminers: Set<string>;
    /** Pronouns after a partitive: "12 of them", "12 d'entre eux". */
    partitivePronouns: Set<string>;
    /** Person nouns of several words: "forces de défense et de sécurité", "chasseurs traditionnels". */
    compoundNouns: Phrase<PersonClass>[];
    /** "members of the security forces": nouns whose category is in their complement. */
    memberNouns: Set<string>;
    /** Words just before a number that make it an age: "aged 18", "âgés de 5". */
    ageLeads: Phrase<true>[];
    /** French places adjectives after the noun: "soldats maliens", "hommes armés". */
    adjectivesFollowNoun: boolean;
    /**
     * Words for people to whom something happened that the vocabulary does not measure
     * ("5,000 displaced"): a count of them is refused with a reason, never read as killed.
     */
    outsideNouns: Map<string, Outside>;
  };
  listConnectors: Phrase<"and" | "comma">[];
};
