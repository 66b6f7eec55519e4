// Reconciliation engine: turns the casualty claims of one incident into low / best / high
// figures per metric × category, with the method, rationale, flags and counts that explain
// them. Pure functions: no database, no clock, no I/O — the same claims always give the same
// figures, whatever order they arrive in (researchers must be able to reproduce exports).
//
// Rules (docs/architecture.md, "Reconciliation rules", as decided for this engine):
//
// 1. Intervals. A claim is the interval [valueMin, valueMax]; valueMax === null is open-ended
//    ("at least 30" → [30, ∞)). Text → interval conversion happens before this engine.
//
// 2. Which claims count.
//    - Retracted claims are ignored entirely: not counted, not listed as excluded.
//    - A claim is "superseded" when another non-retracted claim has supersedesId = its id.
//    - Assessment not_credible → excluded "not_credible"; duplicate → "duplicate".
//      (not_assessed counts as credible until someone assesses it.)
//    - Of the rest, each claimant × subgroup keeps only its latest claim (statedOn desc with
//      unknown dates oldest, then createdAt desc, then id desc); older ones are excluded
//      "repeated_report": repeating a figure does not make it weigh more.
//    - Subgroup claims ("13 Malians") do not feed the totals (excluded "breakdown"); they are
//      checked against their claimant's total instead. Exception: a claimant who gave only
//      subgroup figures gets a derived total = the sum of its subgroup intervals (lows summed;
//      highs summed, open if any is open; point = sum of the subgroup points; date = latest
//      subgroup date), and that derived total counts, its claim ids being the subgroup ids.
//    "Counted intervals" below = the surviving totals plus derived totals: one per claimant.
//
// 3. low = min of the counted lower bounds. high = open (null) when no counted interval has
//    a finite upper bound; otherwise max over counted intervals of (upper ?? lower). So
//    {≥30} → open, {34, ≥30} → 34, {34, ≥40} → 40: once any source bounds the figure, an
//    open claim contributes only the floor it actually asserts.
//
// 4. best, by method (default source_priority):
//    - source_priority: the counted interval whose claimant has the best tier (see
//      source-priority.ts; any party to the conflict is tier 4). Ties: most recent statedOn
//      (unknown oldest), then the lower point value, then claimant id. Point value of an
//      interval: exact / approximately → valueMin; open-ended → valueMin (the only number
//      asserted); at_most [0,40] → 40 (an "up to 40" claim names its ceiling, and the
//      midpoint 20 would be a number nobody said); other bounded ranges → floor((min+max)/2).
//    - conservative: best = low (ACLED's convention).
//    - median: median of the point figures (counted intervals with valueMin === valueMax);
//      with an even count the lower middle, so best stays a value some source gave. No point
//      figures → best = low, and the rationale says so.
//    - editor (an EditorDecision for this metric:category): overrides the others; method
//      "editor", best = decision.best, low/high = the decision's when given, else computed
//      (an open computed high stays open unless the editor closes it); rationale = the
//      editor's.
//    Invariant low ≤ best ≤ high (high non-null): computed methods clamp best into
//    [low, high]; an editor's best widens low/high instead, since the editor's figure wins.
//
// 5. Flags (sorted in FLAGS order):
//    - contested: two counted intervals do not overlap (open upper = +∞).
//    - single_source: exactly one independent source (rule 6).
//    - parties_only: every counted interval comes from a party (isParty, or kind
//      party_to_conflict); a government not marked party is not one.
//    - official_lower: both official (government or party) and independent intervals are
//      counted, and the highest official figure (upper ?? lower) is below the lowest
//      independent lower bound.
//    - breakdown_mismatch: some claimant's summed subgroup interval does not overlap its own
//      total (13 + 21 vs 34 is consistent; 13 + 20 vs 34 is not).
//    - open_ended: some counted interval is open-ended.
//
// 6. Counts. claimCount = non-retracted claims in the group (excluded and subgroup ones
//    included); sourceCount = distinct claimants among them; independentSourceCount =
//    distinct origins of the counted intervals, an origin being the claimant, or — when the
//    claim relays other sources (a news site republishing HRW) — the relayed sources:
//    a republisher is not a new independent source.
//
// A group whose non-retracted claims are all excluded, and that has no editor decision,
// yields no figure (null): there is no number to show, and inventing 0 would read as
// "nobody was killed".

import { CATEGORIES, FLAGS, METRICS } from "./vocabularies";
import type { Assessment, Category, Flag, Method, Metric, Qualifier, SourceKind } from "./vocabularies";
import { TIER_LABELS, isOfficialSource, isPartySource, priorityTier, type PriorityTier } from "./source-priority";
import type { ClaimValues } from "./claim-values";

export type EngineClaim = ClaimValues & {
  id: string;
  /** ISO date (YYYY-MM-DD) the claim was made; null = unknown */
  statedOn: string | null;
  /** ISO timestamp of entry, tie-breaker only */
  createdAt: string;
  claimant: { id: string; name: string; kind: SourceKind; isParty: boolean };
  /** Source ids that this claim's document relays, when the claimant is the document's own publisher
   *  (e.g. Mirage News republishing HRW). Empty when the claimant is an original source. */
  relaysSourceIds: string[];
  /** this claim replaces an older claim (same claimant) */
  supersedesId: string | null;
  assessment: Assessment;
  /** retracted claims are ignored entirely (not even counted) */
  retracted: boolean;
};

export type EditorDecision = {
  best: number;
  low: number | null;
  high: number | null;
  rationale: string;
  decidedBy: string;
  decidedAt: string;
};

export type ExclusionReason = "superseded" | "not_credible" | "duplicate" | "repeated_report" | "breakdown";
export type Exclusion = { claimId: string; reason: ExclusionReason };

export type Breakdown = {
  claimantId: string;
  subgroups: { subgroup: string; low: number; high: number | null }[];
  total: { low: number; high: number | null } | null;
  consistent: boolean;
};

export type Figure = {
  metric: Metric;
  category: Category;
  low: number;
  best: number;
  /** null = open */
  high: number | null;
  method: Method;
  /** plain English: why best is what it is (names the claimant) */
  rationale: string;
  /** sorted in FLAGS order, no duplicates */
  flags: Flag[];
  claimCount: number;
  sourceCount: number;
  independentSourceCount: number;
  /** sorted */
  usedClaimIds: string[];
  /** sorted by claimId */
  excluded: Exclusion[];
  /** sorted by claimantId; subgroups sorted by name */
  breakdowns: Breakdown[];
};

/** The figure source priority chose, as a rationale names it. */
export type RationaleWinner = {
  /** the number that stands for its interval (pointValue): the best it proposes */
  point: number;
  low: number;
  /** null = open-ended */
  high: number | null;
  /** null for a derived total (the sum of a claimant's subgroup figures) */
  qualifier: Qualifier | null;
  claimantName: string;
  /** a derived total: the sum of the claimant's subgroup figures */
  derived: boolean;
};

/** How source priority chose between figures of the same tier (sameTier = how many there were). */
export type TieNote =
  | { kind: "most_recent"; sameTier: number; statedOn: string | null }
  | { kind: "lowest"; sameTier: number }
  | { kind: "agree"; sameTier: number; value: number };

/** best fell outside [low, high] and was moved into it (high null = open). */
export type RationaleClamp = { low: number; high: number | null };

/**
 * Why best is what it is, as data: the engine's choice before any wording. `englishRationale`
 * words it as the stored `rationale`; lib/format/localized-rationale.ts words it in the reader's
 * language. `best` is the value the method chose, before any clamp.
 */
export type RationaleParts =
  | { kind: "source_priority_single"; best: number; winner: RationaleWinner; tier: PriorityTier; clamp: RationaleClamp | null }
  | {
      kind: "source_priority";
      best: number;
      winner: RationaleWinner;
      tier: PriorityTier;
      tie: TieNote | null;
      clamp: RationaleClamp | null;
    }
  | { kind: "conservative"; best: number; claimants: string[]; clamp: RationaleClamp | null }
  /** values: the single figures, ascending; even: an even count, so best is the lower middle one */
  | { kind: "median"; best: number; values: number[]; even: boolean; claimants: string[]; clamp: RationaleClamp | null }
  /** no source gave a single figure: best falls back to low */
  | { kind: "median_fallback"; best: number; claimants: string[]; clamp: RationaleClamp | null }
  /** an editor's decision: their own words, in whatever language they wrote */
  | { kind: "editor"; text: string };

/** A figure with the data its rationale was worded from. Not stored: pages recompute it to word the
 *  rationale in the reader's language (explainIncident). */
export type ExplainedFigure = Figure & { explanation: RationaleParts };

export type ComputedMethod = Exclude<Method, "editor">;
export type GroupKey = `${Metric}:${Category}`;
export type ReconcileOptions = {
  method?: ComputedMethod;
  decisions?: Partial<Record<GroupKey, EditorDecision>>;
};

type Claimant = EngineClaim["claimant"];
type Interval = { low: number; high: number | null };

/** One counted interval: a claimant's surviving total, or the sum of its subgroup figures. */
type Counted = {
  claimIds: string[];
  claimant: Claimant;
  interval: Interval;
  point: number;
  /** null for a derived total */
  qualifier: Qualifier | null;
  statedOn: string | null;
  origins: string[];
  derived: boolean;
};

type ChoiceParts = RationaleParts extends infer P ? (P extends { clamp: RationaleClamp | null } ? Omit<P, "clamp"> : never) : never;

type Selection = { counted: Counted[]; excluded: Exclusion[]; breakdowns: Breakdown[] };
type BestChoice = { best: number; parts: ChoiceParts };

const DEFAULT_METHOD: ComputedMethod = "source_priority";

// ---------------------------------------------------------------------------------------
// Public API

/** One Figure per metric × category that has at least one counted claim (or an editor
 *  decision over non-retracted claims). Sorted by METRICS then CATEGORIES order. */
export function reconcileIncident(claims: EngineClaim[], options: ReconcileOptions = {}): Figure[] {
  return explainIncident(claims, options).map(withoutExplanation);
}

/** reconcileIncident, each figure with the data its rationale was worded from (for display only:
 *  the explanation is not stored, exported or sent by the API). */
export function explainIncident(claims: EngineClaim[], options: ReconcileOptions = {}): ExplainedFigure[] {
  const figures: ExplainedFigure[] = [];
  for (const metric of METRICS) {
    for (const category of CATEGORIES) {
      const group = claims.filter((c) => c.metric === metric && c.category === category);
      if (group.length === 0) continue;
      const figure = explainGroup(group, options.method, options.decisions?.[`${metric}:${category}`]);
      if (figure) figures.push(figure);
    }
  }
  return figures;
}

/** Lower-level: one group (all claims must share metric and category). Null when no
 *  non-retracted claim counts and no editor decision is given. */
export function reconcileGroup(claims: EngineClaim[], method: ComputedMethod = DEFAULT_METHOD, decision?: EditorDecision): Figure | null {
  const figure = explainGroup(claims, method, decision);
  return figure && withoutExplanation(figure);
}

function withoutExplanation(figure: ExplainedFigure): Figure {
  const { explanation, ...rest } = figure;
  void explanation;
  return rest;
}

/** reconcileGroup with the figure's explanation. */
export function explainGroup(
  claims: EngineClaim[],
  method: ComputedMethod = DEFAULT_METHOD,
  decision?: EditorDecision,
): ExplainedFigure | null {
  const live = claims.filter((c) => !c.retracted);
  const first = live[0];
  if (!first) return null;
  assertOneGroup(live, first);

  const selection = selectClaims(live);
  const { counted } = selection;
  if (counted.length === 0 && !decision) return null;

  const { explanation, ...bounds } = decision ? applyDecision(counted, decision) : computeBounds(counted, method);
  const independentSourceCount = new Set(counted.flatMap((c) => c.origins)).size;

  return {
    metric: first.metric,
    category: first.category,
    ...bounds,
    flags: computeFlags(counted, independentSourceCount, selection.breakdowns),
    claimCount: live.length,
    sourceCount: new Set(live.map((c) => c.claimant.id)).size,
    independentSourceCount,
    usedClaimIds: counted.flatMap((c) => c.claimIds).sort(compareStrings),
    excluded: [...selection.excluded].sort((a, b) => compareStrings(a.claimId, b.claimId)),
    breakdowns: selection.breakdowns,
    explanation,
  };
}

/** Point value of a claim (rule 4): the single number that stands for its interval. */
export function pointValue(claim: Pick<EngineClaim, "valueMin" | "valueMax" | "qualifier">): number {
  const { low, high } = intervalOf(claim);
  if (high === null) return low;
  if (claim.qualifier === "exact" || claim.qualifier === "approximately") return low;
  if (claim.qualifier === "at_most") return high;
  return Math.floor((low + high) / 2);
}

// ---------------------------------------------------------------------------------------
// Rule 2: which claims count

function assertOneGroup(claims: EngineClaim[], first: EngineClaim): void {
  const stray = claims.find((c) => c.metric !== first.metric || c.category !== first.category);
  if (stray) {
    throw new Error(`reconcileGroup: claim ${stray.id} is ${stray.metric}:${stray.category}, expected ${first.metric}:${first.category}`);
  }
}

function selectClaims(live: EngineClaim[]): Selection {
  const excluded: Exclusion[] = [];
  const supersededIds = new Set(live.flatMap((c) => (c.supersedesId === null ? [] : [c.supersedesId])));

  const candidates: EngineClaim[] = [];
  for (const claim of live) {
    const reason = assessmentExclusion(claim, supersededIds);
    if (reason) excluded.push({ claimId: claim.id, reason });
    else candidates.push(claim);
  }

  const { latest, repeated } = keepLatestPerClaimantSubgroup(candidates);
  excluded.push(...repeated.map((c) => ({ claimId: c.id, reason: "repeated_report" as const })));

  const counted: Counted[] = [];
  const breakdowns: Breakdown[] = [];
  for (const [claimantId, claims] of groupByClaimant(latest)) {
    const result = resolveClaimant(claimantId, claims);
    if (result.counted) counted.push(result.counted);
    if (result.breakdown) breakdowns.push(result.breakdown);
    excluded.push(...result.excluded);
  }
  breakdowns.sort((a, b) => compareStrings(a.claimantId, b.claimantId));
  counted.sort((a, b) => compareStrings(a.claimant.id, b.claimant.id));
  return { counted, excluded, breakdowns };
}

function assessmentExclusion(claim: EngineClaim, supersededIds: Set<string>): ExclusionReason | null {
  if (supersededIds.has(claim.id)) return "superseded";
  if (claim.assessment === "not_credible") return "not_credible";
  if (claim.assessment === "duplicate") return "duplicate";
  return null;
}

function keepLatestPerClaimantSubgroup(claims: EngineClaim[]): { latest: EngineClaim[]; repeated: EngineClaim[] } {
  const byKey = new Map<string, EngineClaim[]>();
  for (const claim of claims) {
    const key = JSON.stringify([claim.claimant.id, claim.subgroup]);
    byKey.set(key, [...(byKey.get(key) ?? []), claim]);
  }
  const latest: EngineClaim[] = [];
  const repeated: EngineClaim[] = [];
  for (const group of byKey.values()) {
    const [newest, ...older] = [...group].sort(compareNewestFirst);
    if (newest) latest.push(newest);
    repeated.push(...older);
  }
  return { latest, repeated };
}

/** statedOn desc (unknown = oldest), then createdAt desc, then id desc: a total order, so
 *  the input order of claims never matters. */
function compareNewestFirst(a: EngineClaim, b: EngineClaim): number {
  return compareStatedOn(b.statedOn, a.statedOn) || compareStrings(b.createdAt, a.createdAt) || compareStrings(b.id, a.id);
}

function groupByClaimant(claims: EngineClaim[]): Map<string, EngineClaim[]> {
  const byClaimant = new Map<string, EngineClaim[]>();
  for (const claim of claims) {
    byClaimant.set(claim.claimant.id, [...(byClaimant.get(claim.claimant.id) ?? []), claim]);
  }
  return byClaimant;
}

/** One claimant's active claims (at most one per subgroup) → its counted interval, its
 *  breakdown check and the subgroup claims left out of the totals. */
function resolveClaimant(
  claimantId: string,
  claims: EngineClaim[],
): {
  counted: Counted | null;
  breakdown: Breakdown | null;
  excluded: Exclusion[];
} {
  const total = claims.find((c) => c.subgroup === null) ?? null;
  const parts = claims
    .filter((c): c is EngineClaim & { subgroup: string } => c.subgroup !== null)
    .sort((a, b) => compareStrings(a.subgroup, b.subgroup));

  if (parts.length === 0) return { counted: total && countedFromClaim(total), breakdown: null, excluded: [] };

  const summed = sumIntervals(parts.map(intervalOf));
  const breakdown: Breakdown = {
    claimantId,
    subgroups: parts.map((c) => ({ subgroup: c.subgroup, ...intervalOf(c) })),
    total: total && intervalOf(total),
    consistent: total ? overlaps(summed, intervalOf(total)) : true,
  };
  if (total) {
    const excluded = parts.map((c) => ({ claimId: c.id, reason: "breakdown" as const }));
    return { counted: countedFromClaim(total), breakdown, excluded };
  }
  return { counted: derivedTotal(parts, summed), breakdown, excluded: [] };
}

function countedFromClaim(claim: EngineClaim): Counted {
  return {
    claimIds: [claim.id],
    claimant: claim.claimant,
    interval: intervalOf(claim),
    point: pointValue(claim),
    qualifier: claim.qualifier,
    statedOn: claim.statedOn,
    origins: originsOf(claim),
    derived: false,
  };
}

/** A claimant who only gave subgroup figures still told us a total: their sum. */
function derivedTotal(parts: EngineClaim[], summed: Interval): Counted {
  const newest = [...parts].sort(compareNewestFirst)[0];
  if (!newest) throw new Error("derivedTotal needs at least one subgroup claim");
  return {
    claimIds: parts.map((c) => c.id).sort(compareStrings),
    claimant: newest.claimant,
    interval: summed,
    point: parts.reduce((sum, c) => sum + pointValue(c), 0),
    qualifier: null,
    statedOn: newest.statedOn,
    origins: [...new Set(parts.flatMap(originsOf))],
    derived: true,
  };
}

/** Who actually stands behind a figure: a republisher passes its sources' figures on. */
function originsOf(claim: EngineClaim): string[] {
  return claim.relaysSourceIds.length > 0 ? claim.relaysSourceIds : [claim.claimant.id];
}

// ---------------------------------------------------------------------------------------
// Intervals

function intervalOf(claim: Pick<EngineClaim, "valueMin" | "valueMax">): Interval {
  // The validation schema rejects valueMax < valueMin; the guard keeps a bad row from
  // breaking low ≤ high downstream.
  return { low: claim.valueMin, high: claim.valueMax === null ? null : Math.max(claim.valueMin, claim.valueMax) };
}

function sumIntervals(intervals: Interval[]): Interval {
  let low = 0;
  let high: number | null = 0;
  for (const interval of intervals) {
    low += interval.low;
    high = high === null || interval.high === null ? null : high + interval.high;
  }
  return { low, high };
}

function overlaps(a: Interval, b: Interval): boolean {
  return a.low <= (b.high ?? Infinity) && b.low <= (a.high ?? Infinity);
}

/** Rule 3: "up to the highest figure anyone gave", open only when nobody bounds it. */
function boundedHigh(counted: Counted[]): number | null {
  if (!counted.some((c) => c.interval.high !== null)) return null;
  return Math.max(...counted.map((c) => c.interval.high ?? c.interval.low));
}

// ---------------------------------------------------------------------------------------
// Rule 4: best

type Bounds = Pick<ExplainedFigure, "low" | "best" | "high" | "method" | "rationale" | "explanation">;

function computeBounds(counted: Counted[], method: ComputedMethod): Bounds {
  const low = Math.min(...counted.map((c) => c.interval.low));
  const high = boundedHigh(counted);
  const choice = chooseBest(counted, method, low);
  const best = clamp(choice.best, low, high);
  const explanation = { ...choice.parts, clamp: best === choice.best ? null : { low, high } } as RationaleParts;
  return { low, best, high, method, rationale: englishRationale(explanation), explanation };
}

function chooseBest(counted: Counted[], method: ComputedMethod, low: number): BestChoice {
  switch (method) {
    case "source_priority":
      return bySourcePriority(counted);
    case "conservative":
      return conservative(counted, low);
    case "median":
      return median(counted, low);
  }
}

function bySourcePriority(counted: Counted[]): BestChoice {
  const ranked = [...counted].sort(comparePriority);
  const [winner, runnerUp] = ranked;
  if (!winner) throw new Error("source priority needs at least one counted claim");
  const tier = priorityTier(winner.claimant);
  const described: RationaleWinner = {
    point: winner.point,
    low: winner.interval.low,
    high: winner.interval.high,
    qualifier: winner.qualifier,
    claimantName: winner.claimant.name,
    derived: winner.derived,
  };
  const parts: ChoiceParts =
    counted.length === 1
      ? { kind: "source_priority_single", best: winner.point, winner: described, tier }
      : { kind: "source_priority", best: winner.point, winner: described, tier, tie: tieNote(winner, runnerUp, counted) };
  return { best: winner.point, parts };
}

/** Best tier first; then most recent; then the lower figure; then claimant id (total order). */
function comparePriority(a: Counted, b: Counted): number {
  return (
    priorityTier(a.claimant) - priorityTier(b.claimant) ||
    compareStatedOn(b.statedOn, a.statedOn) ||
    a.point - b.point ||
    compareStrings(a.claimant.id, b.claimant.id)
  );
}

function tieNote(winner: Counted, runnerUp: Counted | undefined, counted: Counted[]): TieNote | null {
  if (!runnerUp || priorityTier(runnerUp.claimant) !== priorityTier(winner.claimant)) return null;
  const sameTier = counted.filter((c) => priorityTier(c.claimant) === priorityTier(winner.claimant)).length;
  if (compareStatedOn(winner.statedOn, runnerUp.statedOn) !== 0) return { kind: "most_recent", sameTier, statedOn: winner.statedOn };
  if (winner.point !== runnerUp.point) return { kind: "lowest", sameTier };
  return { kind: "agree", sameTier, value: winner.point };
}

function conservative(counted: Counted[], low: number): BestChoice {
  const claimants = claimantNames(counted.filter((c) => c.interval.low === low));
  return { best: low, parts: { kind: "conservative", best: low, claimants } };
}

function median(counted: Counted[], low: number): BestChoice {
  const pointFigures = counted.filter((c) => c.interval.high === c.interval.low);
  const values = pointFigures.map((c) => c.interval.low).sort((a, b) => a - b);
  const middle = values[Math.floor((values.length - 1) / 2)];
  if (middle === undefined) {
    const claimants = claimantNames(counted.filter((c) => c.interval.low === low));
    return { best: low, parts: { kind: "median_fallback", best: low, claimants } };
  }
  const claimants = claimantNames(pointFigures.filter((c) => c.interval.low === middle));
  return { best: middle, parts: { kind: "median", best: middle, values, even: values.length % 2 === 0, claimants } };
}

// ---------------------------------------------------------------------------------------
// The stored rationale: the explanation in plain English

/** The English rationale the engine stores (and exports) for an explanation. */
export function englishRationale(parts: RationaleParts): string {
  if (parts.kind === "editor") return parts.text;
  const clampNote = parts.clamp ? ` Clamped into [${parts.clamp.low}, ${parts.clamp.high ?? "open"}].` : "";
  return englishChoice(parts) + clampNote;
}

function englishChoice(parts: Exclude<RationaleParts, { kind: "editor" }>): string {
  switch (parts.kind) {
    case "source_priority_single":
      return `Best ${parts.best} is ${describe(parts.winner)}, the only credible figure (source priority tier ${parts.tier} of 4: ${TIER_LABELS[parts.tier]}).`;
    case "source_priority":
      return (
        `Best ${parts.best} is ${describe(parts.winner)}: source priority ranks ${TIER_LABELS[parts.tier]} ` +
        `(tier ${parts.tier} of 4) highest among the credible figures.` +
        englishTieNote(parts.tie)
      );
    case "conservative":
      return `Best ${parts.best} is the lowest credible figure, from ${parts.claimants.join(", ")} (conservative method).`;
    case "median_fallback":
      return (
        `No source gave a single figure to take a median of, ` +
        `so best falls back to the low figure ${parts.best}, from ${parts.claimants.join(", ")}.`
      );
    case "median": {
      const evenNote = parts.even ? " (the lower middle value, so it is a figure a source gave)" : "";
      return (
        `Best ${parts.best} is the median of ${parts.values.length} single figures (${parts.values.join(", ")})` +
        `${evenNote}, given by ${parts.claimants.join(", ")}.`
      );
    }
  }
}

function englishTieNote(tie: TieNote | null): string {
  if (!tie) return "";
  switch (tie.kind) {
    case "most_recent":
      return ` Of ${tie.sameTier} figures in that tier it is the most recent (${tie.statedOn ?? "date unknown"}).`;
    case "lowest":
      return ` Of ${tie.sameTier} equally recent figures in that tier it is the lowest.`;
    case "agree":
      return ` ${tie.sameTier} figures in that tier agree on ${tie.value}.`;
  }
}

/** The editor's figure wins: low/high widen to contain it rather than clamping it. */
function applyDecision(counted: Counted[], decision: EditorDecision): Bounds {
  const computedLow = counted.length > 0 ? Math.min(...counted.map((c) => c.interval.low)) : decision.best;
  // With nothing counted the editor's figure is the only evidence: the interval collapses on it.
  const computedHigh = counted.length > 0 ? boundedHigh(counted) : decision.best;
  const low = Math.min(decision.low ?? computedLow, decision.best);
  const high = decision.high ?? computedHigh;
  return {
    low,
    best: decision.best,
    high: high === null ? null : Math.max(high, decision.best),
    method: "editor",
    rationale: decision.rationale,
    explanation: { kind: "editor", text: decision.rationale },
  };
}

function clamp(value: number, low: number, high: number | null): number {
  return Math.min(Math.max(value, low), high ?? Infinity);
}

function describe(winner: RationaleWinner): string {
  const suffix = winner.derived ? " (the sum of its subgroup figures)" : "";
  return `${possessive(winner.claimantName)} figure${suffix}`;
}

/** "HRW's", but "Ansongo local officials'" (a name ending in s takes the apostrophe alone). */
export function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}

/** The distinct claimant names, in code-unit order. */
function claimantNames(counted: Counted[]): string[] {
  return [...new Set(counted.map((c) => c.claimant.name))].sort(compareStrings);
}

// ---------------------------------------------------------------------------------------
// Rule 5: flags

function computeFlags(counted: Counted[], independentSourceCount: number, breakdowns: Breakdown[]): Flag[] {
  const raised = new Set<Flag>();
  if (isContested(counted)) raised.add("contested");
  if (independentSourceCount === 1) raised.add("single_source");
  if (counted.length > 0 && counted.every((c) => isPartySource(c.claimant))) raised.add("parties_only");
  if (isOfficialLower(counted)) raised.add("official_lower");
  if (breakdowns.some((b) => !b.consistent)) raised.add("breakdown_mismatch");
  if (counted.some((c) => c.interval.high === null)) raised.add("open_ended");
  return FLAGS.filter((flag) => raised.has(flag));
}

/** Some pair is disjoint ⇔ the highest floor lies above the lowest ceiling. */
function isContested(counted: Counted[]): boolean {
  const highestLow = Math.max(...counted.map((c) => c.interval.low));
  const lowestHigh = Math.min(...counted.map((c) => c.interval.high ?? Infinity));
  return highestLow > lowestHigh;
}

function isOfficialLower(counted: Counted[]): boolean {
  const parties = counted.filter((c) => isOfficialSource(c.claimant));
  const others = counted.filter((c) => !isOfficialSource(c.claimant));
  if (parties.length === 0 || others.length === 0) return false;
  const highestParty = Math.max(...parties.map((c) => c.interval.high ?? c.interval.low));
  const lowestOther = Math.min(...others.map((c) => c.interval.low));
  return highestParty < lowestOther;
}

// ---------------------------------------------------------------------------------------
// Ordering helpers (code-unit order, not locale order: results must not depend on the machine)

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** ISO dates compare as strings; an unknown date sorts as the oldest. */
function compareStatedOn(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return compareStrings(a, b);
}
