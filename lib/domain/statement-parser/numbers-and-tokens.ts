// Tokens, numbers, dates and quantities of a casualty statement: the first two steps of the
// parser (see statement-parser.ts). The words come from the stream's lexicon (lexicon.ts).
import type { Qualifier } from "../vocabularies";
import type { Lexicon, Phrase, Prefix } from "./lexicon";

export type Token = {
  kind: "word" | "num" | "punct";
  text: string;
  /** Lower-cased, curly apostrophes straightened: what the lexicons match against. */
  lower: string;
  start: number;
  end: number;
};

const LETTER = "A-Za-zÀ-ÖØ-öø-ÿŒœ";
// Digits with thousands separators first ("1,200", "1 200" with a (narrow) no-break or thin space,
// "1.200"), so "2025, an" stays "2025" + ",". Which separators mean thousands is the lexicon's
// business (readDigits): "1.200" is 1200 in French and a decimal in English.
// French elisions ("d'", "l'", "qu'", "jusqu'") are tokens of their own: "d'au moins" = "d'" "au" "moins".
const TOKEN_RE = new RegExp(
  String.raw`(\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?!\d)|\d{1,3}(?:\.\d{3})+(?!\d)|\d+(?:\.\d+)?)` +
    String.raw`|((?<![${LETTER}])(?:[ldnsjmtc]|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)['’](?=[${LETTER}])|[${LETTER}]+(?:['’][${LETTER}]+)?(?:-[${LETTER}]+)*)` +
    String.raw`|([^\s${LETTER}0-9])`,
  "gi",
);

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const start = m.index;
    const kind = m[1] !== undefined ? "num" : m[2] !== undefined ? "word" : "punct";
    tokens.push({ kind, text: m[0], lower: m[0].toLowerCase().replace(/’/g, "'"), start, end: start + m[0].length });
  }
  return tokens;
}

/** Footnote markers ("[4]", "[citation needed]") are replaced by spaces so offsets still match the input. */
export function blankReferences(text: string): string {
  return text.replace(/\[\s*(?:\d+|[a-z][a-z ]*)\s*\]/gi, (m) => " ".repeat(m.length));
}

export class Stream {
  constructor(
    readonly tokens: Token[],
    readonly source: string,
    /** The words of the statement's language. */
    readonly lex: Lexicon,
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

export type NumberRead = { value: number; end: number; /** built on "dozen", "vingtaine": an idiomatic round count */ dozen: boolean };

/** A number word, or a part of a hyphenated one ("deux-cent-vingt-et-un" → deux, cent, vingt-et-un). */
type Piece = { w: string; token: number; /** last piece of its token: a number may end here */ last: boolean };

function isNumberPiece(s: Stream, w: string): boolean {
  const n = s.lex.numbers;
  return (
    n.units[w] !== undefined ||
    n.tens[w] !== undefined ||
    n.scales[w] !== undefined ||
    n.roundCounts[w] !== undefined ||
    n.hundreds.has(w) ||
    n.joiners.has(w)
  );
}

/** Splits a hyphenated word into known number pieces, longest first; null when a part is not one. */
function splitHyphenated(s: Stream, word: string): string[] | null {
  const parts = word.split("-");
  const out: string[] = [];
  for (let k = 0; k < parts.length;) {
    let found = -1;
    for (let j = parts.length; j > k; j--) {
      if (isNumberPiece(s, parts.slice(k, j).join("-"))) {
        found = j;
        break;
      }
    }
    if (found < 0) return null;
    out.push(parts.slice(k, found).join("-"));
    k = found;
  }
  return out;
}

/** The number pieces of the word tokens from i on (a few tokens are plenty for any number). */
function piecesFrom(s: Stream, i: number): Piece[] {
  const pieces: Piece[] = [];
  for (let j = i; j < i + 12; j++) {
    const t = s.at(j);
    if (t === undefined || t.kind !== "word") break;
    const whole = !t.lower.includes("-") || isNumberPiece(s, t.lower);
    const words = whole ? [t.lower] : splitHyphenated(s, t.lower);
    if (words === null) {
      pieces.push({ w: t.lower, token: j, last: true }); // not a number: the grammar stops on it
      break;
    }
    words.forEach((w, k) => pieces.push({ w, token: j, last: k === words.length - 1 }));
  }
  return pieces;
}

/**
 * Reads one number starting at token i: digits ("1,200", "2 million", French "1 200") or number
 * words ("one hundred and twelve", "twenty one", "a hundred", "two dozen", "quatre-vingt-dix",
 * "deux mille cinq cents", "une vingtaine"), with the lexicon's words. Returns null when the
 * tokens there are not a well-formed number ("two three", "hundred" alone, "dozens").
 */
export function readNumber(s: Stream, i: number): NumberRead | null {
  const first = s.at(i);
  if (first === undefined) return null;
  if (first.kind === "num") return readDigits(s, i, first);
  if (first.kind !== "word") return null;

  const n = s.lex.numbers;
  const pieces = piecesFrom(s, i);
  const isMultiplier = (w: string | undefined) =>
    w !== undefined && (n.hundreds.has(w) || n.roundCounts[w] !== undefined || n.scales[w] !== undefined);
  // Grammar state: `current` is the part below the last scale word, `total` the rest.
  let total = 0;
  let current = 0;
  let last: "none" | "a" | "unit" | "teen" | "tens" | "tens-and" | "hundred" | "scale" | "and" = "none";
  let lastTens = 0;
  let lastScale = Number.POSITIVE_INFINITY;
  let goodEnd = -1; // index after the last token that completed a valid number
  let dozen = false;
  const complete = (p: Piece) => {
    if (p.last) goodEnd = p.token + 1;
  };
  for (let k = 0; k < pieces.length; k++) {
    const p = pieces[k]!;
    const w = p.w;
    const next = pieces[k + 1]?.w;
    const unit = n.units[w];
    const tens = n.tens[w] ?? null;
    const scale = n.scales[w];
    const round = n.roundCounts[w];
    const slotEmpty = last === "none" || last === "hundred" || last === "scale" || last === "and";
    const afterTens: boolean =
      unit !== undefined &&
      ((last === "tens" && ((unit >= 1 && unit <= 9) || (unit >= 10 && unit <= 19 && n.tensTakingTeens.has(lastTens)))) ||
        (last === "tens-and" && (unit === 1 || unit === 11)));
    if (n.articles.has(w) && last === "none" && isMultiplier(next)) {
      // "a" only counts when a multiplier follows: "a hundred", "a dozen", "une vingtaine".
      current = 1;
      last = "a";
    } else if (unit !== undefined && (slotEmpty || afterTens)) {
      current += unit;
      // French single words go up to 99 ("quatre-vingt-dix-sept"): complete, nothing may be added.
      last = unit < 10 && !afterTens ? "unit" : "teen";
      complete(p);
    } else if (tens !== null && slotEmpty) {
      current += tens;
      lastTens = tens;
      last = "tens";
      complete(p);
    } else if (n.joiners.has(w) && last === "tens" && next !== undefined && (n.units[next] === 1 || n.units[next] === 11)) {
      last = "tens-and"; // "vingt et un", "soixante et onze"
    } else if (
      n.hundreds.has(w) &&
      (((last === "a" || last === "unit" || last === "teen" || last === "tens") && current >= 1 && current < 100) ||
        (n.bareHundred && current === 0 && (last === "none" || last === "scale")))
    ) {
      current = Math.max(current, 1) * 100;
      last = "hundred";
      complete(p);
    } else if (
      scale !== undefined &&
      scale < lastScale &&
      (last === "a" ||
        (last !== "none" && last !== "and" && last !== "tens-and" && current >= 1) ||
        (n.bareScales.has(w) && last === "none"))
    ) {
      total += Math.max(current, 1) * scale;
      current = 0;
      lastScale = scale;
      last = "scale";
      complete(p);
    } else if (round !== undefined && (last === "a" || last === "unit" || last === "teen" || last === "tens")) {
      current *= round;
      dozen = true;
      complete(p);
      break; // "two dozen" is complete; "two dozen and five" is not English
    } else if (n.joiners.has(w) && (last === "hundred" || last === "scale")) {
      // "one hundred and twelve": "and" only joins a smaller number to a hundred/thousand.
      if (next === undefined || (n.units[next] === undefined && n.tens[next] === undefined)) break;
      last = "and";
    } else {
      break;
    }
  }
  if (goodEnd < 0) return null;
  return { value: total + current, end: goodEnd, dozen };
}

function readDigits(s: Stream, i: number, t: Token): NumberRead | null {
  let text = t.text.replace(/[,\u00a0\u202f\u2009]/g, "");
  // "1.200" is 1200 where "." groups thousands (French); elsewhere a decimal.
  if (s.lex.numbers.groupSeparators.has(".") && /^\d{1,3}(\.\d{3})+$/.test(text)) text = text.replace(/\./g, "");
  let end = i + 1;
  // French "1 200" with an ordinary space: the next token is a group of exactly three digits.
  while (
    s.lex.numbers.groupSeparators.has(" ") &&
    /^\d{1,3}$/.test(t.text) &&
    /^\d{3}$/.test(s.at(end)?.text ?? "") &&
    s.source.slice(s.at(end - 1)!.end, s.at(end)!.start) === " "
  ) {
    text += s.at(end)!.text;
    end++;
  }
  let value = Number(text);
  const scale = s.lex.numbers.scales[s.lower(end)];
  if (scale !== undefined) {
    value *= scale; // "2 million", "1.5 thousand"
    end++;
  }
  // A bare decimal ("2.5") is not a head count.
  return Number.isInteger(value) ? { value, end, dozen: false } : null;
}

// ───────────────────────────── dates ─────────────────────────────

function isDigitToken(s: Stream, i: number, max?: number): boolean {
  const t = s.at(i);
  if (t === undefined || t.kind !== "num" || /\D/.test(t.text)) return false;
  return max === undefined || Number(t.text) <= max;
}
function isYearToken(s: Stream, i: number): boolean {
  const t = s.at(i);
  return isDigitToken(s, i) && t !== undefined && t.text.length === 4 && Number(t.text) >= 1800 && Number(t.text) <= 2100;
}
// Month names are matched on their original capitalisation: "may" and "march" are also verbs.
function isMonth(s: Stream, i: number): boolean {
  const t = s.at(i);
  return t !== undefined && t.kind === "word" && s.lex.dates.months.has(t.text);
}

/**
 * Indices of number tokens that belong to dates or years. Days sit next to a month
 * ("February 7", "7 February", "February 8 and 9"); years follow a month or a day
 * ("February 7, 2025") or a preposition ("in 2022").
 */
export function findDateNumbers(s: Stream): Set<number> {
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
        while (
          s.lex.dates.rangeLinks.has(s.lower(m + 1)) &&
          isDigitToken(s, m + 2, 31) &&
          (s.at(m + 3) === undefined || s.at(m + 3)?.kind === "punct" || isMonth(s, m + 3))
        ) {
          m += 2;
          dates.add(m);
        }
        if (s.lower(m + 1) === "," && isYearToken(s, m + 2)) dates.add(m + 2);
        if (isYearToken(s, m + 1)) dates.add(m + 1);
      }
      // "7 February", "7 and 8 February"
      if (isDigitToken(s, k - 1, 31)) {
        dates.add(k - 1);
        if (s.lex.dates.rangeLinks.has(s.lower(k - 2)) && isDigitToken(s, k - 3, 31)) dates.add(k - 3);
      }
    } else if (isYearToken(s, k)) {
      const prev = s.lower(k - 1);
      // "the death of 2000 civilians" is a count, "the events of 2012" a year.
      if ((s.lex.dates.yearPrepositions.has(prev) || (prev === "-" && s.glued(k))) && !looksCounted(s, k + 1)) dates.add(k);
    }
  }
  return dates;
}

/** True when token i starts a description of people or of what happened to them. */
function looksCounted(s: Stream, i: number): boolean {
  const w = s.lower(i);
  return (
    s.lex.heads.personNouns.has(w) ||
    s.lex.heads.categoryAdjectives.has(w) ||
    s.lex.heads.demonyms.has(w) ||
    s.lex.heads.metricParticiples.has(w) ||
    s.lex.heads.metricNouns.has(w) ||
    s.matchAt(i, s.lex.metrics.predicates) !== null
  );
}

/** Numbers that are labels, times, money, ordinals or percentages rather than counts. */
export function isNonCountNumber(s: Stream, i: number): boolean {
  const t = s.at(i);
  if (t === undefined || t.kind !== "num") return false;
  const next = s.at(i + 1);
  const prev = s.at(i - 1);
  if (next !== undefined && s.glued(i + 1) && s.lex.numbers.notCountSuffixes.has(next.lower)) return true; // 7th, 1er, 10h
  if (next !== undefined && ["%", ":", "°"].includes(next.text) && s.glued(i + 1)) return true; // 40%, 10:30, 40°
  if (prev !== undefined && s.glued(i) && ["$", "€", "£", "#", ":", "°"].includes(prev.text)) return true; // $5, #3, n°3
  if (prev !== undefined && (prev.text === "-" || prev.text === "/") && s.glued(i) && s.at(i - 2)?.kind === "word" && s.glued(i - 1))
    return true; // F-16
  if (prev !== undefined && prev.kind === "word" && s.glued(i)) return true; // "RN15", "AK47"
  return false;
}

// ───────────────────────────── quantities ─────────────────────────────

export type Quantity =
  | { kind: "number"; min: number; max: number | null; qualifier: Qualifier; start: number; end: number }
  /** "several", "many", "thousands": quantities with no agreed value. */
  | { kind: "vague"; words: string; start: number; end: number }
  /** "the same number", "as many": the previous figure of this statement. */
  | { kind: "same"; words: string; start: number; end: number }
  /** "a similar number", "twice as many": a figure we must not invent. */
  | { kind: "relative"; words: string; start: number; end: number };

/** A number that may start a quantity: excludes dates, labels and pronoun "one". */
export function readCountNumber(s: Stream, i: number, dates: Set<number>): NumberRead | null {
  if (dates.has(i) || isNonCountNumber(s, i)) return null;
  // "no one", "one another", "one by one", "un à un" are not counts.
  const one = s.lex.numbers.pronounOne;
  if (one.words.has(s.lower(i)) && (one.before.has(s.lower(i - 1)) || one.after.has(s.lower(i + 1)))) return null;
  return readNumber(s, i);
}

export function readQuantity(s: Stream, i: number, dates: Set<number>): Quantity | null {
  const t = s.at(i);
  if (t === undefined || t.kind === "punct") return null;

  const relative = s.matchAt(i, s.lex.quantities.relative);
  if (relative) return { kind: "relative", words: s.slice(i, relative.end), start: i, end: relative.end };
  const same = s.matchAt(i, s.lex.quantities.same);
  const prefix = s.matchAt(i, s.lex.quantities.prefixes);
  // "as many" is "the same number" unless it starts the longer prefix "as many as".
  if (same && !(prefix && prefix.end > same.end)) {
    return { kind: "same", words: s.slice(i, same.end), start: i, end: same.end };
  }

  // Explicit ranges: "between 25 and 30", "from 25 to 30", "entre 25 et 30", "de 25 à 30".
  const opener = s.matchAt(i, s.lex.quantities.rangeOpeners);
  if (opener) {
    const a = readCountNumber(s, opener.end, dates);
    const b = a && s.lower(a.end) === opener.value ? readCountNumber(s, a.end + 1, dates) : null;
    if (a && b && b.value > a.value) return { kind: "number", min: a.value, max: b.value, qualifier: "range", start: i, end: b.end };
    // Not a range: French "de" also starts "de nombreux", read below.
  }

  const k = prefix ? prefix.end : i;

  const convention = readConvention(s, k);
  if (convention) return { kind: "number", min: convention.value, max: null, qualifier: "vague", start: i, end: convention.end };

  const n = readCountNumber(s, k, dates);
  if (n) {
    // "25 to 30", "25-30", "25–30", "two or three"
    if (s.lex.quantities.countRangeLinks.has(s.lower(n.end))) {
      const upper = readCountNumber(s, n.end + 1, dates);
      if (upper && upper.value > n.value)
        return { kind: "number", min: n.value, max: upper.value, qualifier: "range", start: i, end: upper.end };
    }
    return { kind: "number", ...applyPrefix(n, prefix?.value ?? null), start: i, end: n.end };
  }

  // "some" is a prefix before a number ("some 20") and a vague word before a noun ("some residents").
  const vague = s.matchAt(i, s.lex.quantities.vague);
  if (vague) {
    const lastWord = vague.words.at(-1);
    const partitive = s.lex.heads.partitives.some((p) => p.words.length === 1 && p.words[0] === lastWord);
    const words = s.slice(i, partitive ? vague.end - 1 : vague.end); // "a number", not "a number of"
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

/** "tens of", "dozens", "several hundred", "des dizaines": ACLED's conventional lower bounds. */
function readConvention(s: Stream, i: number): { value: number; end: number } | null {
  const lead = s.matchAt(i, s.lex.quantities.conventionLeads);
  const j = lead ? lead.end : i;
  const convention = s.lex.quantities.conventions[s.lower(j)];
  if (convention === undefined) return null;
  // Singular "dozen"/"hundred" is a convention only after a lead word ("several dozen");
  // "a dozen" and "a hundred" are numbers and handled by readNumber.
  if (convention.needsLead && !lead) return null;
  if (convention.needsNext !== undefined && s.lower(j + 1) !== convention.needsNext) return null;
  if (s.matchAt(j, s.lex.quantities.conventionExclusions)) return null; // "hundreds of thousands"
  return { value: convention.value, end: j + 1 };
}
