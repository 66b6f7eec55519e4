// One incident's claims → how each source's figure compares with everyone else's (the rows of
// "SourceComparison"). Pure: the same claims always give the same rows.
//
// For each metric × category and each source with an active claim of its own there:
// - the source's figure is what the reconciliation engine makes of that source's claims alone
//   (so "active" means what it means everywhere: latest per claimant, not superseded, not judged
//   not credible or a duplicate, subgroup-only claimants summed);
// - the others' figure is what the same engine makes of every other claim of the group, leaving
//   out the source's own claims and any claim relaying it (leave-one-out: a source is never
//   compared with itself, nor with someone repeating it). Editor decisions are left out: they
//   judge all sources together.
// A claim whose claimant republishes someone else (a document relaying HRW) is nobody's own
// figure: it is not the republisher's track record, and it reaches the others' figure only
// through the engine's independence rule (its origin is the relayed source).
import { reconcileGroup, type EngineClaim, type Figure } from "@/lib/domain/reconcile";
import { CATEGORIES, METRICS, type Category, type Metric } from "@/lib/domain/vocabularies";

/** How a source's figure became one number: an exact figure, the floor of an open-ended one, the middle of a range. */
export type FigureBasis = "point" | "lower_bound" | "midpoint";
/** What became of a source's first figure: null = never superseded; otherwise whether its replacement is higher, lower or the same. */
export type Revision = "up" | "down" | "same";

export type ComparisonRow = {
  sourceId: string;
  metric: Metric;
  category: Category;
  /** The source's figure as one number (see FigureBasis). */
  value: number;
  basis: FigureBasis;
  /** The figure reconciled from the other sources (null when no other independent source gave one). */
  othersLow: number | null;
  othersBest: number | null;
  /** null with othersBest set = open (nothing bounds it). */
  othersHigh: number | null;
  /** Independent sources behind the others' figure. */
  othersSources: number;
  /** The source's first figure (its oldest claim of the group that is not a subgroup), as one number. */
  firstValue: number | null;
  revision: Revision | null;
  /** Day of the source's first claim here (YYYY-MM-DD), when known. */
  firstStatedOn: string | null;
  /** Days from the incident's start to that first claim. */
  delayDays: number | null;
};

/** The one number a reconciled interval stands for here: open-ended → its floor; a range → its middle. */
export function comparableValue(interval: { low: number; high: number | null }): { value: number; basis: FigureBasis } {
  if (interval.high === null) return { value: interval.low, basis: "lower_bound" };
  if (interval.high === interval.low) return { value: interval.low, basis: "point" };
  return { value: (interval.low + interval.high) / 2, basis: "midpoint" };
}

const DAY_MS = 86_400_000;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Oldest first: statedOn (unknown oldest), then createdAt, then id — the engine's order, reversed. */
function compareOldestFirst(a: EngineClaim, b: EngineClaim): number {
  const stated = a.statedOn === b.statedOn ? 0 : a.statedOn === null ? -1 : b.statedOn === null ? 1 : a.statedOn < b.statedOn ? -1 : 1;
  return stated || (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const isOwn = (claim: EngineClaim, sourceId: string) => claim.claimant.id === sourceId && claim.relaysSourceIds.length === 0;
const involves = (claim: EngineClaim, sourceId: string) => claim.claimant.id === sourceId || claim.relaysSourceIds.includes(sourceId);

/** The comparison rows of one incident, sorted by metric, category (vocabulary order), then source id. */
export function incidentComparisons(claims: readonly EngineClaim[], incidentStart: string): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  const live = claims.filter((c) => !c.retracted);
  for (const metric of METRICS) {
    for (const category of CATEGORIES) {
      const group = live.filter((c) => c.metric === metric && c.category === category);
      if (!group.length) continue;
      const sourceIds = [...new Set(group.filter((c) => c.relaysSourceIds.length === 0).map((c) => c.claimant.id))].sort();
      for (const sourceId of sourceIds) {
        const own = group.filter((c) => isOwn(c, sourceId));
        const figure = reconcileGroup(own);
        if (!figure) continue; // nothing of its own counts here (all judged not credible, say)
        const others = reconcileGroup(group.filter((c) => !involves(c, sourceId)));
        rows.push({
          sourceId,
          metric,
          category,
          ...comparableValue(figure),
          ...othersOf(others),
          ...historyOf(own, group, figure, incidentStart),
        });
      }
    }
  }
  return rows;
}

function othersOf(figure: Figure | null): Pick<ComparisonRow, "othersLow" | "othersBest" | "othersHigh" | "othersSources"> {
  if (!figure || figure.independentSourceCount === 0) return { othersLow: null, othersBest: null, othersHigh: null, othersSources: 0 };
  return { othersLow: figure.low, othersBest: figure.best, othersHigh: figure.high, othersSources: figure.independentSourceCount };
}

function historyOf(
  own: EngineClaim[],
  group: EngineClaim[],
  current: Figure,
  incidentStart: string,
): Pick<ComparisonRow, "firstValue" | "revision" | "firstStatedOn" | "delayDays"> {
  const dated = own
    .map((c) => c.statedOn)
    .filter((d): d is string => d !== null)
    .sort();
  const firstStatedOn = dated[0] ?? null;
  const delayDays = firstStatedOn === null ? null : daysBetween(incidentStart, firstStatedOn);
  const first = own.filter((c) => c.subgroup === null).sort(compareOldestFirst)[0];
  if (!first) return { firstValue: null, revision: null, firstStatedOn, delayDays };
  const firstValue = comparableValue({
    low: first.valueMin,
    high: first.valueMax === null ? null : Math.max(first.valueMin, first.valueMax),
  }).value;
  const superseded = group.some((c) => c.supersedesId === first.id);
  if (!superseded) return { firstValue, revision: null, firstStatedOn, delayDays };
  const now = comparableValue(current).value;
  return { firstValue, revision: now > firstValue ? "up" : now < firstValue ? "down" : "same", firstStatedOn, delayDays };
}
