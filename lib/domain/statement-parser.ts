// Turns an English casualty statement ("34 civilians, including 13 Malians and 21 foreigners,
// were killed") into claims an editor can confirm: metric × category × subgroup × interval.
//
// The parser is deliberately conservative. It produces a figure only when the statement says
// (1) how many, (2) that they were people and (3) what happened to them. Everything it cannot
// decide on its own — "a similar number", "deaths and injuries", "several", "fighters" — goes
// to `unresolved` with a reason written for the editor, never to a silent guess.
//
// How it works, in order:
//   1. tokenize (footnote markers such as "[4]" are blanked first) and mark numbers that are
//      dates or years, so "On February 7, 2025" never becomes a figure;
//   2. find every quantity ("at least 30", "between 25 and 30", "dozens", "the same number")
//      and the noun phrase that follows it (its "head": "Malian soldiers", "terrorist bodies");
//   3. find the metric of each mention: a metric noun in the head ("deaths"), a trigger just
//      before it ("killing", "the death of"), or a predicate after it ("were killed");
//   4. link mentions: coordinated lists ("13 Malians and 21 foreigners") share a metric, and
//      breakdowns ("including …", "Among the deceased were …") hang off their total;
//   5. resolve categories and subgroups and emit figures / unresolved items in text order.

import type { Category, Metric, Qualifier } from "./vocabularies";

export type ParsedFigure = {
  metric: Metric;
  category: Category;
  subgroup: string | null;
  valueMin: number;
  valueMax: number | null;
  qualifier: Qualifier;
  text: string;
};
export type Unparsed = { text: string; reason: string };
export type ParseResult = { figures: ParsedFigure[]; unresolved: Unparsed[] };

// ───────────────────────────── tokens ─────────────────────────────

type Token = {
  kind: "word" | "num" | "punct";
  text: string;
  /** Lower-cased, curly apostrophes straightened: what the lexicons match against. */
  lower: string;
  start: number;
  end: number;
};

// Digits with thousands separators first ("1,200"), so "2025, an" stays "2025" + ",".
const TOKEN_RE =
  /(\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?)|([A-Za-zÀ-ÖØ-öø-ÿ]+(?:['’][A-Za-z]+)?(?:-[A-Za-zÀ-ÖØ-öø-ÿ]+)*)|([^\sA-Za-z0-9])/g;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const start = m.index;
    const kind = m[1] !== undefined ? "num" : m[2] !== undefined ? "word" : "punct";
    tokens.push({ kind, text: m[0], lower: m[0].toLowerCase().replace(/’/g, "'"), start, end: start + m[0].length });
  }
  return tokens;
}

/** Footnote markers ("[4]", "[citation needed]") are replaced by spaces so offsets still match the input. */
function blankReferences(text: string): string {
  return text.replace(/\[\s*(?:\d+|[a-z][a-z ]*)\s*\]/gi, (m) => " ".repeat(m.length));
}

/** A small phrase table: each entry is a space-separated token sequence and what it means. */
type Phrase<T> = { words: string[]; value: T };
function phrases<T>(entries: ReadonlyArray<readonly [string, T]>): Phrase<T>[] {
  return entries
    .map(([text, value]) => ({ words: text.split(" "), value }))
    .sort((a, b) => b.words.length - a.words.length); // longest first: "killed or injured" before "killed"
}

class Stream {
  constructor(
    readonly tokens: Token[],
    readonly source: string,
  ) {}

  at(i: number): Token | undefined {
    return this.tokens[i];
  }
  lower(i: number): string {
    return this.tokens[i]?.lower ?? "";
  }
  isWord(i: number, ...words: string[]): boolean {
    const t = this.tokens[i];
    return t !== undefined && t.kind === "word" && (words.length === 0 || words.includes(t.lower));
  }
  /** Sentence-ending punctuation: no scan crosses it. */
  isHardStop(i: number): boolean {
    const t = this.tokens[i];
    return t === undefined || (t.kind === "punct" && [".", "!", "?", ";"].includes(t.text));
  }
  /** True when token i touches token i-1 with no whitespace between them. */
  glued(i: number): boolean {
    const a = this.tokens[i - 1];
    const b = this.tokens[i];
    return a !== undefined && b !== undefined && a.end === b.start;
  }
  matchAt<T>(i: number, table: Phrase<T>[]): { value: T; end: number; words: string[] } | null {
    for (const p of table) {
      if (p.words.every((w, k) => this.lower(i + k) === w)) return { value: p.value, end: i + p.words.length, words: p.words };
    }
    return null;
  }
  /** Finds a phrase that ends just before token `end`. */
  matchEndingAt<T>(end: number, table: Phrase<T>[]): { value: T; start: number } | null {
    for (const p of table) {
      const start = end - p.words.length;
      if (start >= 0 && p.words.every((w, k) => this.lower(start + k) === w)) return { value: p.value, start };
    }
    return null;
  }
  /** The original text of tokens [from, to). */
  slice(from: number, to: number): string {
    const a = this.tokens[from];
    const b = this.tokens[to - 1];
    if (a === undefined || b === undefined) return "";
    return this.source.slice(a.start, b.end);
  }
}

// ───────────────────────────── numbers ─────────────────────────────

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = { thousand: 1_000, million: 1_000_000, billion: 1_000_000_000 };

type NumberRead = { value: number; end: number; /** built on "dozen": an idiomatic round count */ dozen: boolean };

/** "thirty-four" → 34; anything else hyphenated is not a number word. */
function hyphenatedTens(word: string): number | null {
  const parts = word.split("-");
  if (parts.length !== 2) return null;
  const tens = TENS[parts[0] ?? ""];
  const unit = UNITS[parts[1] ?? ""];
  return tens !== undefined && unit !== undefined && unit >= 1 && unit <= 9 ? tens + unit : null;
}

/**
 * Reads one number starting at token i: digits ("1,200", "2 million") or English number words
 * ("one hundred and twelve", "twenty one", "a hundred", "two dozen"). Returns null when the
 * tokens there are not a well-formed number ("two three", "hundred" alone, "dozens").
 */
function readNumber(s: Stream, i: number): NumberRead | null {
  const first = s.at(i);
  if (first === undefined) return null;
  if (first.kind === "num") return readDigits(s, i, first);
  if (first.kind !== "word") return null;

  // Grammar state: `current` is the part below the last scale word, `total` the rest.
  let total = 0;
  let current = 0;
  let last: "none" | "a" | "unit" | "teen" | "tens" | "hundred" | "scale" | "and" = "none";
  let lastScale = Number.POSITIVE_INFINITY;
  let goodEnd = -1; // index after the last token that completed a valid number
  let dozen = false;
  let j = i;
  for (; j < s.tokens.length; j++) {
    const t = s.at(j);
    if (t === undefined || t.kind !== "word") break;
    const w = t.lower;
    const unit = UNITS[w];
    const tens = TENS[w] ?? null;
    const compound = hyphenatedTens(w);
    const scale = SCALES[w];
    const slotEmpty = last === "none" || last === "hundred" || last === "scale" || last === "and";
    if ((w === "a" || w === "an") && last === "none") {
      // "a" only counts when a multiplier follows: "a hundred", "a dozen".
      const next = s.lower(j + 1);
      if (next !== "hundred" && next !== "dozen" && SCALES[next] === undefined) break;
      current = 1;
      last = "a";
    } else if (unit !== undefined && (slotEmpty || (last === "tens" && unit >= 1 && unit <= 9))) {
      current += unit;
      last = unit < 10 ? "unit" : "teen";
      goodEnd = j + 1;
    } else if (tens !== null && slotEmpty) {
      current += tens;
      last = "tens";
      goodEnd = j + 1;
    } else if (compound !== null && slotEmpty) {
      current += compound;
      last = "teen"; // complete below-100 value: nothing may be added to it
      goodEnd = j + 1;
    } else if (w === "hundred" && (last === "a" || last === "unit" || last === "teen" || last === "tens") && current >= 1 && current < 100) {
      current *= 100;
      last = "hundred";
      goodEnd = j + 1;
    } else if (scale !== undefined && scale < lastScale && (last === "a" || (last !== "none" && last !== "and" && current >= 1))) {
      total += current * scale;
      current = 0;
      lastScale = scale;
      last = "scale";
      goodEnd = j + 1;
    } else if (w === "dozen" && (last === "a" || last === "unit" || last === "teen" || last === "tens")) {
      current *= 12;
      dozen = true;
      goodEnd = j + 1;
      j++;
      break; // "two dozen" is complete; "two dozen and five" is not English
    } else if (w === "and" && (last === "hundred" || last === "scale")) {
      // "one hundred and twelve": "and" only joins a smaller number to a hundred/thousand.
      const next = s.lower(j + 1);
      if (UNITS[next] === undefined && TENS[next] === undefined && hyphenatedTens(next) === null) break;
      last = "and";
    } else {
      break;
    }
  }
  if (goodEnd < 0) return null;
  return { value: total + current, end: goodEnd, dozen };
}

function readDigits(s: Stream, i: number, t: Token): NumberRead | null {
  let value = Number(t.text.replace(/,/g, ""));
  let end = i + 1;
  const scale = SCALES[s.lower(i + 1)];
  if (scale !== undefined) {
    value *= scale; // "2 million", "1.5 thousand"
    end++;
  }
  // A bare decimal ("2.5") is not a head count.
  return Number.isInteger(value) ? { value, end, dozen: false } : null;
}

/** Converts number words/digits: "thirty-four" → 34, "1,200" → 1200, "a hundred" → 100; null when not a number. */
export function parseNumberWords(text: string): number | null {
  const s = new Stream(tokenize(text.trim()), text);
  if (s.tokens.length === 0) return null;
  const n = readNumber(s, 0);
  return n !== null && n.end === s.tokens.length ? n.value : null;
}

// ───────────────────────────── dates ─────────────────────────────

const MONTHS = new Set([
  "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
  "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
]);
/** Words after which a four-digit number is a year ("in 2022", "since 2012"). */
const YEAR_PREPOSITIONS = new Set([
  "in", "since", "until", "till", "by", "from", "during", "of", "before", "after", "early", "late", "mid",
  "circa", "throughout", "between", "and", "to", "year",
]);
const RANGE_LINKS = new Set(["and", "to", "-", "–", "—", "or"]);

function isDigitToken(s: Stream, i: number, max?: number): boolean {
  const t = s.at(i);
  if (t === undefined || t.kind !== "num" || t.text.includes(",") || t.text.includes(".")) return false;
  return max === undefined || Number(t.text) <= max;
}
function isYearToken(s: Stream, i: number): boolean {
  const t = s.at(i);
  return isDigitToken(s, i) && t !== undefined && t.text.length === 4 && Number(t.text) >= 1800 && Number(t.text) <= 2100;
}
// Month names are matched on their original capitalisation: "may" and "march" are also verbs.
function isMonth(s: Stream, i: number): boolean {
  const t = s.at(i);
  return t !== undefined && t.kind === "word" && MONTHS.has(t.text);
}

/**
 * Indices of number tokens that belong to dates or years. Days sit next to a month
 * ("February 7", "7 February", "February 8 and 9"); years follow a month or a day
 * ("February 7, 2025") or a preposition ("in 2022").
 */
function findDateNumbers(s: Stream): Set<number> {
  const dates = new Set<number>();
  for (let k = 0; k < s.tokens.length; k++) {
    if (isMonth(s, k)) {
      let m = k + 1;
      if (s.lower(m) === ".") m++; // "Feb. 7"
      // "In May 20 people were killed": a number followed by who was counted is a count, not a day.
      // A year is a year whatever follows: "On 7 February 2025 militants killed …".
      if (isYearToken(s, m) || (isDigitToken(s, m, 31) && !looksCounted(s, m + 1))) {
        dates.add(m);
        // "February 8 and 9", "February 8-9": a further day only when nothing person-like follows it.
        while (RANGE_LINKS.has(s.lower(m + 1)) && isDigitToken(s, m + 2, 31) && (s.at(m + 3) === undefined || s.at(m + 3)?.kind === "punct" || isMonth(s, m + 3))) {
          m += 2;
          dates.add(m);
        }
        if (s.lower(m + 1) === "," && isYearToken(s, m + 2)) dates.add(m + 2);
        if (isYearToken(s, m + 1)) dates.add(m + 1);
      }
      // "7 February", "7 and 8 February"
      if (isDigitToken(s, k - 1, 31)) {
        dates.add(k - 1);
        if (RANGE_LINKS.has(s.lower(k - 2)) && isDigitToken(s, k - 3, 31)) dates.add(k - 3);
      }
    } else if (isYearToken(s, k)) {
      const prev = s.lower(k - 1);
      // "the death of 2000 civilians" is a count, "the events of 2012" a year.
      if ((YEAR_PREPOSITIONS.has(prev) || (prev === "-" && s.glued(k))) && !looksCounted(s, k + 1)) dates.add(k);
    }
  }
  return dates;
}

/** True when token i starts a description of people or of what happened to them. */
function looksCounted(s: Stream, i: number): boolean {
  const w = s.lower(i);
  return PERSON_NOUNS.has(w) || CATEGORY_ADJECTIVES.has(w) || DEMONYMS.has(w) || METRIC_PARTICIPLES.has(w) || METRIC_NOUNS.has(w) || s.matchAt(i, PREDICATES) !== null;
}

/** Numbers that are labels, times, money, ordinals or percentages rather than counts. */
function isNonCountNumber(s: Stream, i: number): boolean {
  const t = s.at(i);
  if (t === undefined || t.kind !== "num") return false;
  const next = s.at(i + 1);
  const prev = s.at(i - 1);
  if (next !== undefined && s.glued(i + 1) && /^(st|nd|rd|th)$/.test(next.lower)) return true; // 7th
  if (next !== undefined && ["%", ":"].includes(next.text) && s.glued(i + 1)) return true; // 40%, 10:30
  if (prev !== undefined && s.glued(i) && ["$", "€", "£", "#", ":"].includes(prev.text)) return true; // $5, #3
  if (prev !== undefined && (prev.text === "-" || prev.text === "/") && s.glued(i) && s.at(i - 2)?.kind === "word" && s.glued(i - 1)) return true; // F-16
  if (prev !== undefined && prev.kind === "word" && s.glued(i)) return true; // "RN15", "AK47"
  return false;
}

// ───────────────────────────── quantities ─────────────────────────────

type Quantity =
  | { kind: "number"; min: number; max: number | null; qualifier: Qualifier; start: number; end: number }
  /** "several", "many", "thousands": quantities with no agreed value. */
  | { kind: "vague"; words: string; start: number; end: number }
  /** "the same number", "as many": the previous figure of this statement. */
  | { kind: "same"; words: string; start: number; end: number }
  /** "a similar number", "twice as many": a figure we must not invent. */
  | { kind: "relative"; words: string; start: number; end: number };

type Prefix = { qualifier: Qualifier; /** "fewer than 10" excludes 10 itself */ exclusive?: boolean };
const PREFIXES = phrases<Prefix>([
  ["at least", { qualifier: "at_least" }],
  ["no fewer than", { qualifier: "at_least" }],
  ["no less than", { qualifier: "at_least" }],
  ["not less than", { qualifier: "at_least" }],
  ["a minimum of", { qualifier: "at_least" }],
  ["upwards of", { qualifier: "at_least" }],
  ["more than", { qualifier: "more_than" }],
  ["over", { qualifier: "more_than" }],
  ["well over", { qualifier: "more_than" }],
  ["just over", { qualifier: "more_than" }],
  ["in excess of", { qualifier: "more_than" }],
  ["greater than", { qualifier: "more_than" }],
  ["up to", { qualifier: "at_most" }],
  ["at most", { qualifier: "at_most" }],
  ["as many as", { qualifier: "at_most" }],
  ["no more than", { qualifier: "at_most" }],
  ["not more than", { qualifier: "at_most" }],
  ["a maximum of", { qualifier: "at_most" }],
  ["fewer than", { qualifier: "at_most", exclusive: true }],
  ["less than", { qualifier: "at_most", exclusive: true }],
  ["under", { qualifier: "at_most", exclusive: true }],
  // Rule 1 keeps the stated number for approximations ("nearly 20" → [20,20] approximately):
  // the qualifier carries the uncertainty, the editor may widen it.
  ["about", { qualifier: "approximately" }],
  ["around", { qualifier: "approximately" }],
  ["approximately", { qualifier: "approximately" }],
  ["approx", { qualifier: "approximately" }],
  ["approx .", { qualifier: "approximately" }],
  ["roughly", { qualifier: "approximately" }],
  ["nearly", { qualifier: "approximately" }],
  ["almost", { qualifier: "approximately" }],
  ["close to", { qualifier: "approximately" }],
  ["just under", { qualifier: "approximately" }],
  ["some", { qualifier: "approximately" }],
  ["an estimated", { qualifier: "approximately" }],
  ["estimated", { qualifier: "approximately" }],
  ["circa", { qualifier: "approximately" }],
]);

/** ACLED's conservative conventions (docs/architecture.md, "Reconciliation rules" 1): a lower bound, open above. */
const CONVENTIONS: Record<string, number> = { tens: 10, dozens: 12, dozen: 12, hundreds: 100, hundred: 100 };
/** Words that may precede a convention word without changing it: "several dozen" is still "dozens". */
const CONVENTION_LEADS = phrases<true>([["several", true], ["many", true], ["a few", true]]);

const VAGUE = phrases<true>([
  ["several", true], ["many", true], ["a few", true], ["few", true], ["numerous", true], ["some", true],
  ["a number of", true], ["a large number of", true], ["a significant number of", true],
  ["a high number of", true], ["an unknown number of", true], ["an undetermined number of", true],
  ["a handful of", true], ["a couple of", true], ["countless", true], ["multiple", true],
  ["scores", true], ["thousands", true], ["tens of thousands", true], ["hundreds of thousands", true],
  ["several thousand", true], ["a few thousand", true],
]);
const SAME = phrases<true>([["the same number", true], ["an equal number", true], ["as many", true]]);
const RELATIVE = phrases<true>([
  ["a similar number", true], ["a comparable number", true], ["a similar toll", true],
  ["twice as many", true], ["half as many", true], ["twice that number", true], ["double that number", true],
]);

/** A number that may start a quantity: excludes dates, labels and pronoun "one". */
function readCountNumber(s: Stream, i: number, dates: Set<number>): NumberRead | null {
  if (dates.has(i) || isNonCountNumber(s, i)) return null;
  // "no one", "one another", "one by one" are not counts.
  if (s.isWord(i, "one") && (["no", "any", "every", "each", "the", "this", "that", "which"].includes(s.lower(i - 1)) || ["another", "by", "after"].includes(s.lower(i + 1)))) {
    return null;
  }
  return readNumber(s, i);
}

function readQuantity(s: Stream, i: number, dates: Set<number>): Quantity | null {
  const t = s.at(i);
  if (t === undefined || t.kind === "punct") return null;

  const relative = s.matchAt(i, RELATIVE);
  if (relative) return { kind: "relative", words: s.slice(i, relative.end), start: i, end: relative.end };
  const same = s.matchAt(i, SAME);
  if (same && !(same.words.join(" ") === "as many" && s.lower(same.end) === "as")) {
    return { kind: "same", words: s.slice(i, same.end), start: i, end: same.end };
  }

  // Explicit ranges: "between 25 and 30", "from 25 to 30".
  if (s.isWord(i, "between", "from")) {
    const link = s.lower(i) === "between" ? "and" : "to";
    const a = readCountNumber(s, i + 1, dates);
    const b = a && s.lower(a.end) === link ? readCountNumber(s, a.end + 1, dates) : null;
    if (a && b && b.value > a.value) return { kind: "number", min: a.value, max: b.value, qualifier: "range", start: i, end: b.end };
    return null;
  }

  const prefix = s.matchAt(i, PREFIXES);
  const k = prefix ? prefix.end : i;

  const convention = readConvention(s, k);
  if (convention) return { kind: "number", min: convention.value, max: null, qualifier: "vague", start: i, end: convention.end };

  const n = readCountNumber(s, k, dates);
  if (n) {
    // "25 to 30", "25-30", "25–30", "two or three"
    if (RANGE_LINKS.has(s.lower(n.end)) && s.lower(n.end) !== "and") {
      const upper = readCountNumber(s, n.end + 1, dates);
      if (upper && upper.value > n.value) return { kind: "number", min: n.value, max: upper.value, qualifier: "range", start: i, end: upper.end };
    }
    return { kind: "number", ...applyPrefix(n, prefix?.value ?? null), start: i, end: n.end };
  }

  // "some" is a prefix before a number ("some 20") and a vague word before a noun ("some residents").
  const vague = s.matchAt(i, VAGUE);
  if (vague) {
    const words = s.slice(i, vague.words.at(-1) === "of" ? vague.end - 1 : vague.end); // "a number", not "a number of"
    return { kind: "vague", words, start: i, end: vague.end };
  }
  return null;
}

function applyPrefix(n: NumberRead, prefix: Prefix | null): { min: number; max: number | null; qualifier: Qualifier } {
  const v = n.value;
  switch (prefix?.qualifier) {
    case "at_least":
      return { min: v, max: null, qualifier: "at_least" };
    case "more_than":
      return { min: v + 1, max: null, qualifier: "more_than" }; // "more than 100" → [101, ∞)
    case "at_most":
      return { min: 0, max: prefix.exclusive ? Math.max(0, v - 1) : v, qualifier: "at_most" };
    case "approximately":
      return { min: v, max: v, qualifier: "approximately" };
    default:
      // "a dozen", "two dozen" are idiomatic round counts, not tallies.
      return { min: v, max: v, qualifier: n.dozen ? "approximately" : "exact" };
  }
}

/** "tens of", "dozens", "several hundred": ACLED's conventional lower bounds. */
function readConvention(s: Stream, i: number): { value: number; end: number } | null {
  const lead = s.matchAt(i, CONVENTION_LEADS);
  const j = lead ? lead.end : i;
  const w = s.lower(j);
  const value = CONVENTIONS[w];
  if (value === undefined) return null;
  // Singular "dozen"/"hundred" is a convention only after a lead word ("several dozen");
  // "a dozen" and "a hundred" are numbers and handled by readNumber.
  if ((w === "dozen" || w === "hundred") && !lead) return null;
  if (w === "hundreds" && s.lower(j + 1) === "of" && s.lower(j + 2) === "thousands") return null;
  if (w === "tens" && s.lower(j + 1) !== "of") return null; // bare "tens" is too rare to trust
  if (w === "tens" && s.lower(j + 2) === "thousands") return null;
  return { value, end: j + 1 };
}

// ───────────────────────────── metrics ─────────────────────────────

/** What a phrase says happened: a metric, or a reason why the metric cannot be decided. */
type MetricFinding = { metric: Metric } | { ambiguous: string };

const AMBIGUOUS_KI = (words: string): MetricFinding => ({
  ambiguous: `"${words}" does not say how many were killed and how many injured; enter the figures explicitly`,
});
const NEUTRALIZED: MetricFinding = { ambiguous: `"neutralized" may mean killed or captured; enter the figure explicitly` };

/** Predicates that follow the counted noun: "were killed", "lost their lives". */
const PREDICATES = phrases<MetricFinding | "ki-and">([
  ["killed", { metric: "killed" }], ["dead", { metric: "killed" }], ["died", { metric: "killed" }],
  ["perished", { metric: "killed" }], ["lost their lives", { metric: "killed" }], ["lost their life", { metric: "killed" }],
  ["massacred", { metric: "killed" }], ["executed", { metric: "killed" }], ["slain", { metric: "killed" }],
  ["murdered", { metric: "killed" }], ["shot dead", { metric: "killed" }], ["beheaded", { metric: "killed" }],
  ["found dead", { metric: "killed" }], ["confirmed dead", { metric: "killed" }], ["slaughtered", { metric: "killed" }],
  ["succumbed", { metric: "killed" }], ["among the dead", { metric: "killed" }], ["burned to death", { metric: "killed" }],
  ["injured", { metric: "injured" }], ["wounded", { metric: "injured" }], ["hurt", { metric: "injured" }],
  ["sustained injuries", { metric: "injured" }], ["suffered injuries", { metric: "injured" }],
  ["killed or injured", { metric: "killed_or_injured" }], ["killed or wounded", { metric: "killed_or_injured" }],
  ["killed or hurt", { metric: "killed_or_injured" }], ["dead or injured", { metric: "killed_or_injured" }],
  ["dead or wounded", { metric: "killed_or_injured" }], ["casualties", { metric: "killed_or_injured" }],
  ["killed and injured", "ki-and"], ["killed and wounded", "ki-and"], ["killed and hurt", "ki-and"],
  ["dead and injured", "ki-and"], ["dead and wounded", "ki-and"],
  ["missing", { metric: "missing" }], ["unaccounted for", { metric: "missing" }], ["disappeared", { metric: "missing" }],
  ["abducted", { metric: "abducted" }], ["kidnapped", { metric: "abducted" }], ["taken hostage", { metric: "abducted" }],
  ["held hostage", { metric: "abducted" }], ["taken captive", { metric: "abducted" }],
  ["neutralized", NEUTRALIZED], ["neutralised", NEUTRALIZED],
]);

/** Words allowed between the counted noun and its predicate: "had been reportedly killed". */
const PREDICATE_FILLERS = new Set([
  "were", "was", "are", "is", "be", "been", "being", "had", "have", "has", "having", "got", "get",
  "reportedly", "allegedly", "reported", "confirmed", "said", "believed", "feared", "thought", "presumed",
  "also", "all", "both", "later", "subsequently", "eventually", "apparently", "initially", "officially",
  "now", "still", "then", "to", "either", "remain", "remained", "remains", "went", "\"", "“", "”", "'",
]);
/** After a comma, these open an aside that the predicate search skips: "34 civilians, including …, were killed". */
const ASIDE_OPENERS = new Set(["including", "among", "of", "mostly", "mainly", "many", "most", "primarily", "according", "per", "incl"]);

/** Triggers that come before the count: "killing 34", "the death of 25". */
const TRIGGERS = phrases<MetricFinding | "ki-and">([
  ["killing", { metric: "killed" }], ["killed", { metric: "killed" }], ["kills", { metric: "killed" }], ["kill", { metric: "killed" }],
  ["the death of", { metric: "killed" }], ["death of", { metric: "killed" }], ["the deaths of", { metric: "killed" }],
  ["deaths of", { metric: "killed" }], ["the killing of", { metric: "killed" }], ["killing of", { metric: "killed" }],
  ["the killings of", { metric: "killed" }], ["the massacre of", { metric: "killed" }], ["massacre of", { metric: "killed" }],
  ["massacred", { metric: "killed" }], ["massacring", { metric: "killed" }], ["executed", { metric: "killed" }],
  ["executing", { metric: "killed" }], ["murdered", { metric: "killed" }], ["murdering", { metric: "killed" }],
  ["slaughtered", { metric: "killed" }], ["slaughtering", { metric: "killed" }], ["shot dead", { metric: "killed" }],
  ["claimed the lives of", { metric: "killed" }], ["claiming the lives of", { metric: "killed" }],
  ["took the lives of", { metric: "killed" }], ["taking the lives of", { metric: "killed" }],
  ["the bodies of", { metric: "killed" }], ["bodies of", { metric: "killed" }],
  ["death toll of", { metric: "killed" }], ["death toll to", { metric: "killed" }], ["death toll at", { metric: "killed" }],
  ["death toll rose to", { metric: "killed" }], ["death toll climbed to", { metric: "killed" }],
  ["death toll stands at", { metric: "killed" }], ["death toll stood at", { metric: "killed" }],
  ["death toll reached", { metric: "killed" }], ["death toll is", { metric: "killed" }],
  ["death toll was", { metric: "killed" }], ["death toll :", { metric: "killed" }],
  ["injuring", { metric: "injured" }], ["injured", { metric: "injured" }], ["injures", { metric: "injured" }],
  ["wounding", { metric: "injured" }], ["wounded", { metric: "injured" }], ["wounds", { metric: "injured" }],
  ["hurting", { metric: "injured" }], ["injury of", { metric: "injured" }], ["the injury of", { metric: "injured" }],
  ["injuries to", { metric: "injured" }], ["the wounding of", { metric: "injured" }],
  ["killing or injuring", { metric: "killed_or_injured" }], ["killing or wounding", { metric: "killed_or_injured" }],
  ["killed or injured", { metric: "killed_or_injured" }], ["killed or wounded", { metric: "killed_or_injured" }],
  ["killing and injuring", "ki-and"], ["killing and wounding", "ki-and"],
  ["killed and injured", "ki-and"], ["killed and wounded", "ki-and"],
  ["abducting", { metric: "abducted" }], ["abducted", { metric: "abducted" }], ["kidnapping", { metric: "abducted" }],
  ["kidnapped", { metric: "abducted" }], ["the abduction of", { metric: "abducted" }], ["abduction of", { metric: "abducted" }],
  ["the kidnapping of", { metric: "abducted" }], ["the disappearance of", { metric: "missing" }],
  ["neutralized", NEUTRALIZED], ["neutralised", NEUTRALIZED], ["neutralizing", NEUTRALIZED],
]);
/** Words a trigger may be separated from its count by: "killing a total of 34", "killed another 5". */
const TRIGGER_FILLERS = phrases<true>([["a total of", true], ["another", true], ["an additional", true], ["a further", true], ["\"", true], ["“", true]]);

/** Markers that open a breakdown. `metric` is set when the marker names it ("Among the deceased were"). */
type BreakdownMarker = { metric: MetricFinding | null; hasTotal: boolean };
const BREAKDOWN_MARKERS = phrases<BreakdownMarker>(buildBreakdownMarkers());
function buildBreakdownMarkers(): Array<[string, BreakdownMarker]> {
  const entries: Array<[string, BreakdownMarker]> = [
    ["including", { metric: null, hasTotal: true }],
    ["among them", { metric: null, hasTotal: true }],
    ["among whom", { metric: null, hasTotal: true }],
    ["of whom", { metric: null, hasTotal: true }],
    ["of them", { metric: null, hasTotal: true }],
  ];
  // "Among the deceased were …", "The dead included …": a breakdown without a stated total.
  const groups: Array<[string, MetricFinding | null]> = [
    ["deceased", { metric: "killed" }], ["dead", { metric: "killed" }], ["killed", { metric: "killed" }],
    ["fatalities", { metric: "killed" }], ["injured", { metric: "injured" }], ["wounded", { metric: "injured" }],
    ["missing", { metric: "missing" }], ["abducted", { metric: "abducted" }], ["victims", null],
  ];
  for (const [group, metric] of groups) {
    for (const det of ["the", "those"]) {
      for (const verb of ["were", "was", "are", "is", "included", "include", ":"]) {
        entries.push([`among ${det} ${group} ${verb}`, { metric, hasTotal: false }]);
      }
    }
    for (const verb of ["included", "include", "includes"]) entries.push([`the ${group} ${verb}`, { metric, hasTotal: false }]);
  }
  return entries;
}

// ───────────────────────────── heads (what was counted) ─────────────────────────────

/** Person nouns. `null` = people of no stated category; "others" and "side?" are handled specially. */
type PersonClass = Category | null | "others" | "side?" | "victims";
const PERSON_NOUNS = new Map<string, PersonClass>();
function addNouns(cls: PersonClass, words: string): void {
  for (const w of words.split(" ")) PERSON_NOUNS.set(w, cls);
}
addNouns(
  "civilians",
  "civilian civilians villager villagers miner miners trader traders merchant merchants vendor vendors passenger passengers " +
    "resident residents inhabitant inhabitants child children kid kids infant infants baby babies woman women girl girls boy boys " +
    "minor minors student students pupil pupils teacher teachers farmer farmers herder herders herdsman herdsmen fisherman fishermen " +
    "worshipper worshippers worshiper worshipers pilgrim pilgrims shopper shoppers refugee refugees patient patients journalist journalists " +
    "worker workers doctor doctors nurse nurses driver drivers traveller travellers traveler travelers commuter commuters " +
    "non-combatants noncombatants idps elderly schoolgirls schoolboys schoolchildren",
);
// Peacekeepers count with security forces: the vocabulary has no separate class for them.
addNouns(
  "security_forces",
  "soldier soldiers troop troops trooper troopers serviceman servicemen servicemembers policeman policemen police " +
    "officer officers gendarme gendarmes guard guards peacekeeper peacekeepers forces recruits conscripts vdp",
);
addNouns(
  "attackers",
  "militant militants jihadist jihadists jihadi jihadis terrorist terrorists assailant assailants attacker attackers " +
    "insurgent insurgents gunman gunmen rebel rebels extremist extremists bandit bandits islamists bomber bombers raider raiders kidnappers",
);
addNouns(null, "people person persons individual individuals man men adult adults national nationals foreigner foreigners personnel");
addNouns("others", "others");
addNouns("victims", "victim victims");
// Whose side these were on depends on the conflict: the editor decides.
addNouns("side?", "fighter fighters combatant combatants militiaman militiamen militia militias mercenary mercenaries");

/** Adjectives that state a category ("civilian deaths", "terrorist bodies", "pro-government militia"). */
const CATEGORY_ADJECTIVES = new Map<string, Category>([
  ["civilian", "civilians"], ["military", "security_forces"], ["army", "security_forces"], ["security", "security_forces"],
  ["government", "security_forces"], ["pro-government", "security_forces"], ["government-backed", "security_forces"],
  ["state-backed", "security_forces"], ["allied", "security_forces"], ["police", "security_forces"],
  ["terrorist", "attackers"], ["jihadist", "attackers"], ["jihadi", "attackers"], ["militant", "attackers"],
  ["insurgent", "attackers"], ["rebel", "attackers"], ["extremist", "attackers"], ["islamist", "attackers"],
  ["armed", "attackers"], // only decisive on nouns without a category: "armed men"
]);

/** Head nouns that carry the metric themselves: "34 civilian deaths", "19 terrorist bodies". */
const METRIC_NOUNS = new Map<string, Metric>([
  ["deaths", "killed"], ["death", "killed"], ["fatalities", "killed"], ["fatality", "killed"], ["bodies", "killed"],
  ["corpses", "killed"], ["casualties", "killed_or_injured"], ["casualty", "killed_or_injured"],
  ["injuries", "injured"], ["injury", "injured"],
]);
/** Participles that, placed before a person noun, act as a metric adjective: "three wounded soldiers". */
const METRIC_PARTICIPLES = new Map<string, Metric>([
  ["killed", "killed"], ["dead", "killed"], ["injured", "injured"], ["wounded", "injured"],
  ["missing", "missing"], ["abducted", "abducted"], ["kidnapped", "abducted"],
]);

/** Counted things that are not people: their numbers are never casualty figures. */
const THING_NOUNS = new Set(
  (
    "vehicle vehicles truck trucks bus buses minibus minibuses van vans car cars motorcycle motorcycles motorbike motorbikes " +
    "house houses home homes building buildings village villages town towns km kilometres kilometers kilometre kilometer mile miles " +
    "metre metres meter meters year years month months week weeks day days hour hours minute minutes time times percent " +
    "ton tons tonne tonnes dollar dollars euro euros franc francs cfa round rounds shell shells rocket rockets mortar mortars " +
    "drone drones aircraft plane planes helicopter helicopters weapon weapons gun guns rifle rifles cattle camel camels " +
    "goat goats sheep cow cows animal animals livestock head attack attacks incident incidents strike strikes raid raids " +
    "event events occasion occasions report reports source sources group groups country countries region regions province " +
    "provinces district districts commune communes site sites school schools mosque mosques church churches shop shops " +
    "market markets well wells bridge bridges road roads checkpoint checkpoints base bases camp camps position positions " +
    "kg kilograms boat boats tent tents explosion explosions bomb bombs ied ieds mine mines"
  ).split(" "),
);

/** Nationality adjectives, as written in a subgroup. Plurals ("Malians") are derived. */
const DEMONYMS = new Map<string, string>();
for (const d of (
  "Malian Nigerien Nigerian Burkinabe Chadian Mauritanian Senegalese Guinean Ivorian Ghanaian Togolese Beninese " +
  "Cameroonian Sudanese Somali Ethiopian Eritrean Kenyan Ugandan Rwandan Burundian Congolese Tanzanian Mozambican " +
  "Libyan Algerian Moroccan Tunisian Egyptian French British American Russian Ukrainian Chinese Turkish Syrian Iraqi " +
  "Iranian Afghan Pakistani Indian Israeli Palestinian Lebanese Yemeni Saudi Jordanian German Italian Spanish Belgian " +
  "Dutch Canadian Colombian Mexican"
).split(" ")) {
  DEMONYMS.set(d.toLowerCase(), d);
  if (!/(ese|ch|sh)$/.test(d)) DEMONYMS.set(`${d.toLowerCase()}s`, d);
}
DEMONYMS.set("burkinabè", "Burkinabe");
DEMONYMS.set("burkinabès", "Burkinabe");

/**
 * "Malian"/"foreign" (adjectives) or "Malians"/"foreigners" (nouns). Demonyms must be
 * capitalised, as in the source; "foreign" is not a demonym and may be lower-case.
 */
function nationalityOf(t: Token): { nationality: string; isNoun: boolean } | null {
  if (t.lower === "foreign") return { nationality: "foreign", isNoun: false };
  if (t.lower === "foreigners" || t.lower === "foreigner") return { nationality: "foreign", isNoun: true };
  const demonym = DEMONYMS.get(t.lower);
  if (demonym === undefined || !/^[A-Z]/.test(t.text)) return null;
  // "Sudanese" is both; read as an adjective, it still counts as a person when nothing follows.
  return { nationality: demonym, isNoun: t.lower !== demonym.toLowerCase() };
}

/** Age/sex groups usable as a subgroup inside a breakdown ("including 10 children"). */
const DEMOGRAPHICS = new Map<string, string>([
  ["child", "children"], ["children", "children"], ["kids", "children"], ["infants", "infants"], ["babies", "infants"],
  ["woman", "women"], ["women", "women"], ["girl", "girls"], ["girls", "girls"], ["boy", "boys"], ["boys", "boys"],
  ["minor", "minors"], ["minors", "minors"], ["man", "men"], ["men", "men"], ["elderly", "elderly"],
]);

/** Modifiers that say nothing about who was counted: skipped quietly. */
const NEUTRAL_MODIFIERS = new Set([
  "other", "more", "additional", "further", "innocent", "unarmed", "young", "old", "local", "gold", "artisanal",
  "alleged", "suspected", "presumed", "fellow", "male", "female", "total", "separate", "different", "individual",
  "small-scale", "displaced", "internally",
]);

/** Words that end a noun phrase. */
const HEAD_STOPS = new Set(
  (
    "a an the and or but nor in on at to from by with without for per near during after before since until while when as than " +
    "that which who whom whose where were was are is be been being had have has will would could should may might must can did do " +
    "does also reportedly allegedly including among mostly mainly all both each yesterday today overnight tonight according last this " +
    "these those there here it its they them their he she his her not no only just so such into onto across along inside outside " +
    "out up down off over under around about through against between toward towards within behind beyond amid according per " +
    "remain remained remains still"
  ).split(" "),
);

type Head = {
  kind: "person" | "thing" | "unknown" | "none";
  /** Category stated by the noun phrase itself; null when not stated. */
  category: Category | null;
  personClass: PersonClass | undefined;
  nationality: string | null;
  demographic: string | null;
  metric: MetricFinding | null;
  /** "soldiers and civilians": one count over several categories. */
  mixed: boolean;
  /** The words of the head, for messages. */
  words: string;
  end: number;
};

/**
 * Reads the noun phrase after a quantity: "Malian soldiers", "of the passengers",
 * "terrorist bodies", "civilian deaths and injuries". The phrase ends at a function word,
 * a punctuation mark, or the first word after its noun that is not itself a noun.
 */
function readHead(s: Stream, i: number, dates: Set<number>): Head {
  let j = i;
  // Partitives: "dozens of civilians", "12 of the 34 passengers", "12 of them".
  if (s.isWord(j, "of")) {
    j++;
    if (s.isWord(j, "the", "these", "those")) j++;
    if (s.isWord(j, "them", "whom", "us")) {
      return { kind: "person", category: null, personClass: "others", nationality: null, demographic: null, metric: null, mixed: false, words: s.slice(i, j + 1), end: j + 1 };
    }
    const total = readCountNumber(s, j, dates);
    if (total) j = total.end; // "12 of the 34 passengers": the count is 12, the 34 is context
  }

  const head: Head = { kind: "none", category: null, personClass: undefined, nationality: null, demographic: null, metric: null, mixed: false, words: "", end: j };
  let adjective: Category | null = null;
  let noun: "person" | "thing" | "metric" | null = null;
  let unknown = 0;
  const start = j;

  for (; j < s.tokens.length && j - start < 6; j++) {
    const t = s.at(j);
    if (t === undefined || t.kind !== "word") break;
    const w = t.lower;
    // "women and children": one count for two nouns — fine within a category, refused across.
    const other = s.at(j + 1);
    if ((w === "and" || w === "or") && noun === "person" && other !== undefined && PERSON_NOUNS.has(other.lower)) {
      if (PERSON_NOUNS.get(other.lower) !== head.personClass) head.mixed = true;
      // The pair is one group: keep a subgroup only if both nouns name the same one.
      if (DEMOGRAPHICS.get(other.lower) !== head.demographic) head.demographic = null;
      if (nationalityOf(other)?.nationality !== head.nationality) head.nationality = null;
      j++; // the loop's own increment steps past the second noun
      continue;
    }
    if (HEAD_STOPS.has(w)) break;
    const isNoun = PERSON_NOUNS.has(w) || THING_NOUNS.has(w) || METRIC_NOUNS.has(w);
    // After the noun, only another noun continues the phrase ("police officers").
    if (noun !== null && !isNoun) break;

    const nationality = nationalityOf(t);
    const metricNoun = METRIC_NOUNS.get(w);
    const adjectiveCategory = CATEGORY_ADJECTIVES.get(w);
    const participle = METRIC_PARTICIPLES.get(w);
    if (nationality) {
      head.nationality = nationality.nationality;
      if (nationality.isNoun) {
        noun = "person";
        head.personClass = null;
      }
    } else if (metricNoun !== undefined) {
      noun = "metric";
      head.metric = { metric: metricNoun };
      // "34 civilian deaths and injuries": one number for two metrics.
      const second = METRIC_NOUNS.get(s.lower(j + 2));
      if (s.isWord(j + 1, "and") && second !== undefined && second !== metricNoun) {
        head.metric = AMBIGUOUS_KI(s.slice(j, j + 3));
        j += 2;
      }
    } else if (THING_NOUNS.has(w)) {
      noun = "thing";
    } else if (PERSON_NOUNS.has(w)) {
      // In "jihadist fighters" or "police officers" the first noun qualifies the second.
      if (isCategory(head.personClass)) adjective ??= head.personClass;
      noun = "person";
      head.personClass = PERSON_NOUNS.get(w);
      head.demographic = DEMOGRAPHICS.get(w) ?? null;
    } else if (w === "members" || w === "member") {
      // "members of the security forces": the category is in the complement.
      if (s.isWord(j + 1, "of")) {
        const inner = readHead(s, j + 1, dates);
        return { ...inner, words: s.slice(i, inner.end) };
      }
      noun = "person";
      head.personClass = null;
    } else if (adjectiveCategory !== undefined) {
      adjective = adjectiveCategory;
    } else if (participle !== undefined) {
      // "many injured individuals": an adjective only when a person noun follows.
      if (!PERSON_NOUNS.has(s.lower(j + 1))) break;
      head.metric = { metric: participle };
    } else if (NEUTRAL_MODIFIERS.has(w)) {
      // nothing to record
    } else if (isPredicateStart(s, j) || unknown >= 3) {
      break;
    } else {
      unknown++;
    }
  }
  head.end = j;
  head.words = s.slice(start, j);

  if (noun === "thing") head.kind = "thing";
  else if (noun === "person" || noun === "metric") head.kind = "person";
  else if (unknown > 0) head.kind = "unknown"; // "30 donkeys": no idea whether these are people
  else if (head.nationality !== null || adjective !== null) head.kind = "person"; // "13 Malian and 21 foreign nationals"
  else head.kind = "none"; // elliptical: "34 civilians killed and 34 injured"

  head.category = statedCategory(head.personClass, adjective);
  return head;
}

/** The noun's own category wins; an adjective decides for nouns without one ("armed men", "jihadist fighters"). */
function statedCategory(cls: PersonClass | undefined, adjective: Category | null): Category | null {
  return isCategory(cls) ? cls : adjective;
}

function isCategory(cls: PersonClass | undefined): cls is "civilians" | "security_forces" | "attackers" {
  return cls === "civilians" || cls === "security_forces" || cls === "attackers";
}

function isPredicateStart(s: Stream, j: number): boolean {
  return s.matchAt(j, PREDICATES) !== null || PREDICATE_FILLERS.has(s.lower(j));
}

/** Finds the predicate after the head, skipping auxiliaries and asides. */
function readPredicate(s: Stream, i: number): { finding: MetricFinding; end: number } | null {
  let j = i;
  while (!s.isHardStop(j)) {
    const t = s.at(j)!;
    // ", including 13 Malians and 21 foreigners," — skip to the closing comma.
    if (t.text === "," && ASIDE_OPENERS.has(s.lower(j + 1))) {
      const close = findCloser(s, j + 1, [","]);
      if (close < 0) return null;
      j = close + 1;
      continue;
    }
    if (t.text === "(" || t.text === "—" || t.text === "–") {
      const close = findCloser(s, j + 1, t.text === "(" ? [")"] : ["—", "–"]);
      if (close < 0) return null;
      j = close + 1;
      continue;
    }
    const m = s.matchAt(j, PREDICATES);
    if (m) return { finding: m.value === "ki-and" ? AMBIGUOUS_KI(s.slice(j, m.end)) : m.value, end: m.end };
    if (!PREDICATE_FILLERS.has(t.lower)) return null;
    j++;
  }
  return null;
}

function findCloser(s: Stream, from: number, closers: string[]): number {
  for (let j = from; !s.isHardStop(j); j++) if (closers.includes(s.at(j)!.text)) return j;
  return -1;
}

function readTrigger(s: Stream, quantityStart: number): { finding: MetricFinding; start: number } | null {
  let end = quantityStart;
  const filler = s.matchEndingAt(end, TRIGGER_FILLERS);
  if (filler) end = filler.start;
  const m = s.matchEndingAt(end, TRIGGERS);
  if (!m) return null;
  const words = s.slice(m.start, end);
  return { finding: m.value === "ki-and" ? AMBIGUOUS_KI(words) : m.value, start: m.start };
}

// ───────────────────────────── mentions ─────────────────────────────

type Mention = {
  quantity: Quantity;
  head: Head;
  sentence: number;
  /** Token range of the fragment reported as `text`. */
  from: number;
  to: number;
  /** Metric found for this mention alone, and where it was found. */
  own: MetricFinding | null;
  ownSource: "head" | "trigger" | "predicate" | "marker" | null;
  breakdown: { parent: Mention | null; markerMetric: MetricFinding | null; hasTotal: boolean } | null;
  /** Previous mention in a plain list ("13 Malians and 21 foreigners"), and the word joining them. */
  coordinatedWith: Mention | null;
  link: "and" | "comma" | null;
};

/** Connectors that make two counts members of one list. */
const LIST_CONNECTORS = phrases<"and" | "comma">([
  ["and", "and"], [",", "comma"], [", and", "and"], ["as well as", "and"], ["plus", "and"],
]);

function findMentions(s: Stream, dates: Set<number>): Mention[] {
  const mentions: Mention[] = [];
  let sentence = 0;
  let i = 0;
  while (i < s.tokens.length) {
    if (s.isHardStop(i)) {
      sentence++;
      i++;
      continue;
    }
    const quantity = readQuantity(s, i, dates);
    if (!quantity) {
      i++;
      continue;
    }
    if (isAge(s, quantity.start)) {
      i = quantity.end;
      continue;
    }
    const head = readHead(s, quantity.end, dates);
    mentions.push(describeMention(s, quantity, head, sentence, mentions));
    i = Math.max(head.end, quantity.end);
  }
  return mentions;
}

/** "children under 5", "men aged 18 to 30": a number right after a person noun is an age. */
function isAge(s: Stream, quantityStart: number): boolean {
  const prev = s.lower(quantityStart - 1);
  return PERSON_NOUNS.has(prev) || prev === "aged" || prev === "age" || prev === "ages";
}

function describeMention(s: Stream, quantity: Quantity, head: Head, sentence: number, earlier: Mention[]): Mention {
  const trigger = readTrigger(s, quantity.start);
  const predicate = readPredicate(s, head.end);
  const marker = s.matchEndingAt(quantity.start, BREAKDOWN_MARKERS);

  const previous = earlier.at(-1) ?? null;
  const between = previous && previous.sentence === sentence ? s.matchAt(previous.head.end, LIST_CONNECTORS) : null;
  const coordinated = previous !== null && between !== null && between.end === quantity.start;

  let breakdown: Mention["breakdown"] = null;
  if (marker) {
    const parent = marker.value.hasTotal
      ? ([...earlier].reverse().find((m) => m.sentence === sentence && m.breakdown === null) ?? null)
      : null;
    breakdown = { parent, markerMetric: marker.value.metric, hasTotal: marker.value.hasTotal };
  } else if (coordinated && previous.breakdown) {
    breakdown = previous.breakdown; // "including 13 Malians and 21 foreigners"
  }

  // Precedence: what the noun phrase says, then the verb before it, then the verb after it.
  const candidates: Array<[Mention["ownSource"], MetricFinding | null | undefined]> = [
    ["head", head.metric],
    ["trigger", trigger?.finding],
    ["predicate", predicate?.finding],
    ["marker", marker?.value.metric],
  ];
  const chosen = candidates.find(([, finding]) => finding);
  const own = chosen?.[1] ?? null;
  const ownSource = chosen?.[0] ?? null;
  const from = ownSource === "trigger" && trigger ? trigger.start : quantity.start;
  const to = ownSource === "predicate" && predicate ? predicate.end : Math.max(head.end, quantity.end);
  return {
    quantity, head, sentence, from, to, own, ownSource, breakdown,
    coordinatedWith: coordinated ? previous : null,
    link: coordinated ? between.value : null,
  };
}

/**
 * The metric of a mention: its own; else shared through its list; else its breakdown total's.
 * A list shares a trigger forwards ("killing 34 civilians and 20 soldiers") and a predicate
 * backwards ("34 civilians and 20 soldiers were killed") — the latter only when the list ends
 * with "and": in "carrying 100 people, 20 soldiers were killed" the comma joins two clauses.
 */
function resolveMetric(m: Mention, all: Mention[]): MetricFinding | null {
  if (m.own) return m.own;
  for (let p = m.coordinatedWith; p; p = p.coordinatedWith) {
    if (p.own && p.ownSource !== "predicate") return p.own;
  }
  const last = followingInList(m, all).at(-1);
  if (last?.own && last.ownSource === "predicate" && last.link === "and") return last.own;
  const parent = m.breakdown?.parent;
  return parent ? resolveMetric(parent, all) : null;
}

function followingInList(m: Mention, all: Mention[]): Mention[] {
  const list: Mention[] = [];
  let current = m;
  for (let k = all.indexOf(m) + 1; k < all.length; k++) {
    const n = all[k]!;
    if (n.coordinatedWith !== current) break;
    list.push(n);
    current = n;
  }
  return list;
}

function listOf(m: Mention, all: Mention[]): Mention[] {
  let first = m;
  while (first.coordinatedWith) first = first.coordinatedWith;
  return [first, ...followingInList(first, all)];
}

// ───────────────────────────── figures ─────────────────────────────

/**
 * Parses a casualty statement into figures, plus what it refused to decide and why.
 *
 * Category rules:
 * - the noun phrase's own category wins ("Malian soldiers" → security_forces);
 * - breakdown members without one take their total's ("34 civilians, including 13 Malians");
 *   a breakdown without a total ("Among the deceased were …") is unspecified;
 * - "others", "of them", a bare count ("and 34 injured") and "the same number" refer back:
 *   they take the category of the previous figure in the same statement, else unspecified.
 *   This is why "injury of 13 others" after "the death of 25 civilians" is civilians, while
 *   "34 others were injured" on its own is unspecified.
 *
 * Subgroup rules: a nationality (or age/sex group) becomes a subgroup only in a breakdown —
 * after "including …" / "Among the deceased were …", or a list of counts with different
 * nationalities. A lone "20 Malian soldiers" keeps subgroup null: the nationality of a
 * national army describes the whole category, not a part of it, and a subgroup only makes
 * sense when the parts can be checked against a total (rule 5, breakdown mismatch).
 */
export function parseStatement(statement: string): ParseResult {
  const s = new Stream(tokenize(blankReferences(statement)), statement);
  const dates = findDateNumbers(s);
  const mentions = findMentions(s, dates);

  const figures: ParsedFigure[] = [];
  const unresolved: Unparsed[] = [];
  const context: Context = { s, all: mentions, figureOf: new Map(), lastFigure: null, lastTotal: null };

  for (const m of mentions) {
    const text = s.slice(m.from, m.to);
    const outcome = decide(m, context);
    if (outcome === null) continue;
    if ("reason" in outcome) {
      unresolved.push({ text, reason: outcome.reason });
      continue;
    }
    const figure: ParsedFigure = { ...outcome, text };
    figures.push(figure);
    context.figureOf.set(m, figure);
    context.lastFigure = figure;
    if (m.breakdown === null) context.lastTotal = figure;
  }

  if (figures.length === 0 && unresolved.length === 0) {
    unresolved.push({ text: statement.trim(), reason: "no casualty figure found" });
  }
  return { figures, unresolved };
}

/** What earlier mentions tell about the current one. */
type Context = {
  s: Stream;
  all: Mention[];
  figureOf: Map<Mention, ParsedFigure>;
  /** The previous figure, breakdown members included. */
  lastFigure: ParsedFigure | null;
  /** The previous figure that is not a breakdown member: what "others" and bare counts refer to. */
  lastTotal: ParsedFigure | null;
};

type Decision = Omit<ParsedFigure, "text"> | { reason: string } | null;

/** Decides what one mention becomes: a figure, an unresolved item, or nothing (not a casualty count). */
function decide(m: Mention, context: Context): Decision {
  const { s, all } = context;
  const { quantity: q, head } = m;
  if (head.kind === "thing") return null; // "19 vehicles", "5 km": not people

  // "a similar number of militants" is refused whatever its metric: the figure is not stated.
  if (q.kind === "relative") return { reason: `"${q.words}" refers to another figure; enter it explicitly` };

  const finding = resolveMetric(m, all);
  if (finding === null) {
    // A count of people with no stated outcome ("carrying over 100 people") is not a claim —
    // except victims ("34 victims", "Among the victims were …"): a casualty count of unknown metric.
    const victims = head.personClass === "victims" || (m.breakdown !== null && !m.breakdown.hasTotal);
    if (victims && head.kind !== "unknown") {
      return { reason: `"${s.slice(m.quantity.start, head.end)}" does not say whether they were killed, injured or missing; enter the metric explicitly` };
    }
    return null;
  }
  if ("ambiguous" in finding) return { reason: finding.ambiguous };
  if (q.kind === "vague") {
    return { reason: `"${q.words}" has no agreed numeric value (conventions exist only for tens, dozens and hundreds); enter a figure explicitly` };
  }
  if (head.kind === "unknown") return { reason: `could not tell whether "${head.words}" are people; enter the figure explicitly if they are` };
  if (head.mixed) return { reason: `"${head.words}" counts several categories together; enter a figure per category explicitly` };
  if (head.personClass === "side?" && head.category === null) {
    return { reason: `"${head.words}" does not say which side they were on; enter the figure with its category explicitly` };
  }

  let values: { valueMin: number; valueMax: number | null; qualifier: Qualifier };
  if (q.kind === "same") {
    // "killing 34 civilians and injuring the same number": resolvable inside this statement only.
    // Inside a breakdown it is the previous part ("13 Malians and as many foreigners"), else the previous total.
    const previous = m.breakdown ? context.lastFigure : context.lastTotal;
    if (previous === null) return { reason: `"${q.words}" refers to a figure not given in this statement; enter it explicitly` };
    values = { valueMin: previous.valueMin, valueMax: previous.valueMax, qualifier: previous.qualifier };
  } else {
    values = { valueMin: q.min, valueMax: q.max, qualifier: q.qualifier };
  }

  const placed = categoryAndSubgroup(m, finding.metric, context);
  if ("reason" in placed) return placed;
  return { metric: finding.metric, ...placed, ...values };
}

/**
 * "20 Malian and 5 Russian soldiers": a count described only by a nationality shares the
 * noun — and so the category — of the next count in its list.
 */
function withSharedNoun(m: Mention, all: Mention[]): Head {
  const { head } = m;
  if (head.personClass !== undefined || head.category !== null || head.nationality === null) return head;
  const donor = followingInList(m, all).find((n) => n.head.personClass !== undefined);
  return donor ? { ...head, category: donor.head.category, personClass: donor.head.personClass } : head;
}

function categoryAndSubgroup(
  m: Mention,
  metric: Metric,
  context: Context,
): { category: Category; subgroup: string | null } | { reason: string } {
  const { s, all } = context;
  const head = withSharedNoun(m, all);

  if (m.breakdown) {
    const parentFigure = m.breakdown.parent ? context.figureOf.get(m.breakdown.parent) : undefined;
    const parentCategory = parentFigure?.category ?? "unspecified";
    const group = head.nationality ?? head.demographic;
    // "34 casualties, including 20 dead": a different metric is a figure of its own, not a part.
    if (parentFigure && parentFigure.metric !== metric) {
      return { category: head.category ?? parentCategory, subgroup: null };
    }
    // "34 people, including 20 soldiers": a category of its own, not a subgroup of the total.
    if (head.category !== null && head.category !== parentCategory && group === null) {
      return { category: head.category, subgroup: null };
    }
    if (group === null) {
      return { reason: `breakdown "${s.slice(m.quantity.start, head.end)}" does not say which group it counts; enter it explicitly` };
    }
    return { category: head.category ?? parentCategory, subgroup: group };
  }

  // "others", "12 of them", a bare count and "the same number" refer back to the previous total.
  const refersBack = head.kind === "none" || head.personClass === "others" || m.quantity.kind === "same";
  const inherited = refersBack ? (context.lastTotal?.category ?? "unspecified") : "unspecified";

  const list = listOf(m, all);
  const nationalities = new Set(list.map((x) => x.head.nationality));
  const isNationalityList = list.length >= 2 && !nationalities.has(null) && nationalities.size === list.length;
  return { category: head.category ?? inherited, subgroup: isNationalityList ? head.nationality : null };
}
