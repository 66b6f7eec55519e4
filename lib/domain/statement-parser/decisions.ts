// Step 5 of the parser (see statement-parser.ts): what each mention becomes — a figure with its
// category and subgroup, an item left to the editor with the reason, or nothing.
import type { Category, Metric, Qualifier } from "../vocabularies";
import { followingInList, listOf, resolveMetric, type Head, type Mention } from "./mentions";
import type { Stream } from "./numbers-and-tokens";
import type { ClaimValues } from "../claim-values";

export type ParsedFigure = ClaimValues & { text: string };
export type Unparsed = { text: string; reason: string };
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

type Decision = Omit<ParsedFigure, "text"> | { reason: string } | null;

/** Decides what one mention becomes: a figure, an unresolved item, or nothing (not a casualty count). */
export function decide(m: Mention, context: Context): Decision {
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
      return {
        reason: `"${s.slice(m.quantity.start, head.end)}" does not say whether they were killed, injured or missing; enter the metric explicitly`,
      };
    }
    return null;
  }
  if ("ambiguous" in finding) return { reason: finding.ambiguous };
  if (q.kind === "vague") {
    return {
      reason: `"${q.words}" has no agreed numeric value (conventions exist only for tens, dozens and hundreds); enter a figure explicitly`,
    };
  }
  if (head.kind === "unknown")
    return { reason: `could not tell whether "${head.words}" are people; enter the figure explicitly if they are` };
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
