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
//   5. resolve categories and subgroups and emit figures / unresolved items in text order.//
// The steps live in statement-parser/: numbers-and-tokens.ts (1, 2), mentions.ts (3, 4) and
// decisions.ts (5); the words are data, one lexicon per language (lexicon.ts, lexicon-en.ts).

import { decide, type Context, type ParsedFigure, type ParseResult, type Unparsed } from "./statement-parser/decisions";
import type { Lexicon } from "./statement-parser/lexicon";
import { ENGLISH } from "./statement-parser/lexicon-en";
import { findMentions } from "./statement-parser/mentions";
import { blankReferences, findDateNumbers, readNumber, Stream, tokenize } from "./statement-parser/numbers-and-tokens";

export type { ParsedFigure, ParseResult, Unparsed };

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
export function parseStatement(statement: string, lexicon: Lexicon = ENGLISH): ParseResult {
  const s = new Stream(tokenize(blankReferences(statement)), statement, lexicon);
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

/** Converts number words/digits: "thirty-four" → 34, "1,200" → 1200, "a hundred" → 100; null when not a number. */
export function parseNumberWords(text: string, lexicon: Lexicon = ENGLISH): number | null {
  const s = new Stream(tokenize(text.trim()), text, lexicon);
  if (s.tokens.length === 0) return null;
  const n = readNumber(s, 0);
  return n !== null && n.end === s.tokens.length ? n.value : null;
}
