// Step 5 of the parser (see statement-parser.ts): what each mention becomes — a figure with its
// category and subgroup, an item left to the editor with the reason, or nothing.
import type { Category, Metric, Qualifier } from "../vocabularies";
import { followingInList, listOf, resolveMetric, type Head, type Mention } from "./mentions";
import type { Stream } from "./numbers-and-tokens";
import type { ClaimValues } from "../claim-values";
import type { Reason, ReasonCode } from "./reasons";

export type ParsedFigure = ClaimValues & { text: string };
/** A phrase left to the editor: why (a code and its values), and the English message (`reason`). */
export type Unparsed = { text: string; reasonCode: ReasonCode; values: Record<string, string>; reason: string };
export type ParseResult = { figures: ParsedFigure[]; unresolved: Unparsed[] };

/** What earlier mentions tell about the current one. */
export type Context = {
  s: Stream;
  all: Mention[];
  figureOf: Map<Mention, ParsedFigure>;
  /** The previous figure, breakdown members included. */
  lastFigure: ParsedFigure | null;
  /** The previous figure that is not a breakdown member: what "others" and bare counts refer to. */
  lastTotal: ParsedFigure | null;
};

type Decision = Omit<ParsedFigure, "text"> | Reason | null;

const because = (reasonCode: ReasonCode, words: string): Reason => ({ reasonCode, values: { words } });

/** Decides what one mention becomes: a figure, an unresolved item, or nothing (not a casualty count). */
export function decide(m: Mention, context: Context): Decision {
  const { s, all } = context;
  const { quantity: q, head } = m;
  if (head.kind === "thing") return null; // "19 vehicles", "5 km": not people

  // "a similar number of militants" is refused whatever its metric: the figure is not stated.
  if (q.kind === "relative") return because("relative_figure", q.words);

  const finding = resolveMetric(m, all);
  if (finding === null) {
    // A count of people with no stated outcome ("carrying over 100 people") is not a claim —
    // except victims ("34 victims", "Among the victims were …"): a casualty count of unknown metric.
    const victims = head.personClass === "victims" || (m.breakdown !== null && !m.breakdown.hasTotal);
    if (victims && head.kind !== "unknown") return because("no_metric", s.slice(m.quantity.start, head.end));
    // "5,000 displaced": something happened to them, but not a metric of the vocabulary — say so
    // rather than stay silent (or, worse, read it as killed).
    if (head.outside !== null) {
      return { reasonCode: "outside_vocabulary", values: { words: s.slice(m.quantity.start, head.end), outcome: head.outside } };
    }
    return null;
  }
  if ("ambiguous" in finding) return finding.ambiguous;
  if (q.kind === "vague") return because("vague_quantity", q.words);
  // "Gunmen killed 12 Fulani": what attackers kill or abduct are people, whatever the noun.
  if (head.kind === "unknown" && !m.perpetratorSubject) return because("unknown_noun", head.words);
  if (head.mixed) return because("mixed_categories", head.words);
  if (head.personClass === "side?" && head.category === null) return because("side_unknown", head.words);

  let values: { valueMin: number; valueMax: number | null; qualifier: Qualifier };
  if (q.kind === "same") {
    // "killing 34 civilians and injuring the same number": resolvable inside this statement only.
    // Inside a breakdown it is the previous part ("13 Malians and as many foreigners"), else the previous total.
    const previous = m.breakdown ? context.lastFigure : context.lastTotal;
    if (previous === null) return because("same_number_missing", q.words);
    values = { valueMin: previous.valueMin, valueMax: previous.valueMax, qualifier: previous.qualifier };
  } else {
    values = { valueMin: q.min, valueMax: q.max, qualifier: q.qualifier };
  }

  const placed = categoryAndSubgroup(m, finding.metric, context);
  if ("reasonCode" in placed) return placed;
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

function categoryAndSubgroup(m: Mention, metric: Metric, context: Context): { category: Category; subgroup: string | null } | Reason {
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
    if (group === null) return because("breakdown_group", s.slice(m.quantity.start, head.end));
    return { category: head.category ?? parentCategory, subgroup: group };
  }

  // "others", "12 of them", a bare count and "the same number" refer back to the previous total.
  const refersBack = head.kind === "none" || head.bareParticiple || head.personClass === "others" || m.quantity.kind === "same";
  const inherited = refersBack ? (context.lastTotal?.category ?? "unspecified") : "unspecified";

  const list = listOf(m, all);
  const nationalities = new Set(list.map((x) => x.head.nationality));
  const isNationalityList = list.length >= 2 && !nationalities.has(null) && nationalities.size === list.length;
  return { category: head.category ?? inherited, subgroup: isNationalityList ? head.nationality : null };
}
