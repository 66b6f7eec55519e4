// Turns a casualty statement, in English or French ("34 civilians, including 13 Malians and 21
// foreigners, were killed", « au moins 20 personnes ont été tuées, dont 5 enfants ») into claims an
// editor can confirm: metric × category × subgroup × interval.
//
// The parser is deliberately conservative. It produces a figure only when the statement says
// (1) how many, (2) that they were people and (3) what happened to them. Everything it cannot
// decide on its own — "a similar number", "deaths and injuries", "several", "fighters",
// « neutralisés » — goes to `unresolved` with a reason code (messages/<locale>/parser.json has
// its words), never to a silent guess.
//
// How it works, in order:
//   0. split the text into clauses (sentences, lines, quotations) and detect each one's language,
//      so a paste mixing an English wire and a French communiqué reads each part with its words;
//      consecutive clauses of one language are parsed together;
//   1. tokenize (footnote markers such as "[4]" are blanked first) and mark numbers that are
//      dates or years, so "On February 7, 2025" never becomes a figure;
//   2. find every quantity ("at least 30", "between 25 and 30", "dozens", "the same number")
//      and the noun phrase that follows it (its "head": "Malian soldiers", "terrorist bodies");
//   3. find the metric of each mention: a metric noun in the head ("deaths"), a trigger just
//      before it ("killing", "the death of"), or a predicate after it ("were killed");
//   4. link mentions: coordinated lists ("13 Malians and 21 foreigners") share a metric, and
//      breakdowns ("including …", "Among the deceased were …") hang off their total;
//   5. resolve categories and subgroups and emit figures / unresolved items in text order.
//
// The steps live in statement-parser/: numbers-and-tokens.ts (1, 2), mentions.ts (3, 4) and
// decisions.ts (5); the words are data, one lexicon per language (lexicon.ts, lexicon-en.ts,
// lexicon-fr.ts), and the reasons' codes are in reasons.ts.

import { decide, type Context, type ParsedFigure, type ParseResult, type Unparsed } from "./statement-parser/decisions";
import type { Lexicon } from "./statement-parser/lexicon";
import { ENGLISH } from "./statement-parser/lexicon-en";
import { FRENCH } from "./statement-parser/lexicon-fr";
import { findMentions } from "./statement-parser/mentions";
import { blankReferences, findDateNumbers, readNumber, Stream, tokenize, type Token } from "./statement-parser/numbers-and-tokens";
import { englishReason, type Reason } from "./statement-parser/reasons";

export type { ParsedFigure, ParseResult, Unparsed };
export type { ReasonCode } from "./statement-parser/reasons";
export { REASON_CODES } from "./statement-parser/reasons";

export const LEXICONS: Record<Lexicon["code"], Lexicon> = { en: ENGLISH, fr: FRENCH };
export type StatementLanguage = Lexicon["code"];

/**
 * Parses a casualty statement into figures, plus what it refused to decide and why. The language
 * is detected per clause unless a lexicon is given.
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
export function parseStatement(statement: string, lexicon?: Lexicon): ParseResult {
  const tokens = tokenize(blankReferences(statement));
  const runs = lexicon ? [{ lexicon, tokens }] : languageRuns(statement, tokens);

  const figures: ParsedFigure[] = [];
  const unresolved: Unparsed[] = [];
  const context: Context = { s: new Stream([], statement, ENGLISH), all: [], figureOf: new Map(), lastFigure: null, lastTotal: null };

  // One stream per run of one language; what refers back ("34 others") may reach across runs.
  for (const run of runs) {
    const s = new Stream(run.tokens, statement, run.lexicon);
    const mentions = findMentions(s, findDateNumbers(s));
    context.s = s;
    context.all = mentions;
    for (const m of mentions) {
      const text = s.slice(m.from, m.to);
      const outcome = decide(m, context);
      if (outcome === null) continue;
      if ("reasonCode" in outcome) {
        unresolved.push(unparsed(text, outcome));
        continue;
      }
      const figure: ParsedFigure = { ...outcome, text };
      figures.push(figure);
      context.figureOf.set(m, figure);
      context.lastFigure = figure;
      if (m.breakdown === null) context.lastTotal = figure;
    }
  }

  if (figures.length === 0 && unresolved.length === 0) {
    unresolved.push(unparsed(statement.trim(), { reasonCode: "no_figure", values: {} }));
  }
  return { figures, unresolved };
}

function unparsed(text: string, reason: Reason): Unparsed {
  return { text, ...reason, reason: englishReason(reason) };
}

// ───────────────────────────── languages ─────────────────────────────

/** Clauses: sentences, lines and quotations — the unit a mixed paste switches language at. */
function clauses(source: string, tokens: Token[]): Token[][] {
  const out: Token[][] = [];
  let current: Token[] = [];
  const close = () => {
    if (current.length) out.push(current);
    current = [];
  };
  tokens.forEach((t, k) => {
    const previous = tokens[k - 1];
    if (previous && source.slice(previous.end, t.start).includes("\n")) close();
    if (t.text === "«" || t.text === "“") close();
    current.push(t);
    if ([".", "!", "?", ";", "»", "”"].includes(t.text)) close();
  });
  close();
  return out;
}

/** Evidence for each language in some tokens: its marker words, and French accents. */
function languageScores(tokens: Token[]): Record<StatementLanguage, number> {
  let en = 0;
  let fr = 0;
  for (const t of tokens) {
    if (t.kind !== "word") continue;
    if (ENGLISH.markers.has(t.lower)) en++;
    if (FRENCH.markers.has(t.lower)) fr++;
    else if (/[éèêëàâùûîïôç]/.test(t.lower)) fr++; // "annoncé", "tuées": English words rarely carry these
  }
  return { en, fr };
}

function decided(scores: Record<StatementLanguage, number>): StatementLanguage | null {
  if (scores.fr > scores.en) return "fr";
  if (scores.en > scores.fr) return "en";
  return null;
}

/**
 * The language of a whole text, or of one sentence: the one with more marker words (French
 * articles, prepositions and participles against English ones); English when nothing decides.
 */
export function detectLanguage(text: string): StatementLanguage {
  return decided(languageScores(tokenize(text))) ?? "en";
}

/**
 * Consecutive clauses of one language, each with its lexicon. A clause without evidence
 * ("8 morts.", "RFI:") takes the language of the clause before it, else after it, else the
 * whole text's.
 */
function languageRuns(source: string, tokens: Token[]): Array<{ lexicon: Lexicon; tokens: Token[] }> {
  const parts = clauses(source, tokens);
  const own = parts.map((c) => decided(languageScores(c)));
  const overall = decided(languageScores(tokens)) ?? "en";
  const languages = own.map(
    (lang, k) => lang ?? own.slice(0, k).findLast((l) => l !== null) ?? own.slice(k + 1).find((l) => l !== null) ?? overall,
  );
  const runs: Array<{ lexicon: Lexicon; tokens: Token[] }> = [];
  parts.forEach((clause, k) => {
    const lexicon = LEXICONS[languages[k]!];
    const last = runs.at(-1);
    if (last && last.lexicon === lexicon) last.tokens.push(...clause);
    else runs.push({ lexicon, tokens: [...clause] });
  });
  return runs;
}

/** Converts number words/digits: "thirty-four" → 34, "1,200" → 1200, "quatre-vingt-dix" → 90; null when not a number. */
export function parseNumberWords(text: string, lexicon?: Lexicon): number | null {
  if (lexicon === undefined) return parseNumberWords(text, ENGLISH) ?? parseNumberWords(text, FRENCH);
  const s = new Stream(tokenize(text.trim()), text, lexicon);
  if (s.tokens.length === 0) return null;
  const n = readNumber(s, 0);
  return n !== null && n.end === s.tokens.length ? n.value : null;
}
