// Comparison rows → the statistics of a source's (or a kind of sources') track record, and of two
// sources head to head. Pure and deterministic: the bootstrap draws from a fixed seed, and rows are
// sorted before use, so the same rows always give the same numbers, in any order.
//
// Choices (README "Source track record"):
// - Only incidents where another independent source gave a figure are compared (othersBest set).
// - The ratio is the source's figure ÷ the others' best; incidents where the others' best is 0 are
//   compared (lower / within / higher) but give no ratio.
// - "Typically" is the median ratio; its 90 % interval is a percentile bootstrap of the median
//   (BOOTSTRAP_RESAMPLES resamples, seed BOOTSTRAP_SEED). Its cost grows as n × resamples, so above
//   BOOTSTRAP_MAX_N ratios (a kind of sources at scale: a million) the interval is the distribution-
//   free one from order statistics (ranks n/2 ∓ 1.645·√n/2), which the bootstrap approximates at that n.
// - Below MIN_INCIDENTS compared incidents (or usable ratios) there is no ratio: counts only.
import { pushTo } from "./push-to";
import type { Category, Metric } from "@/lib/domain/vocabularies";
import type { ComparisonRow } from "./incident-comparisons";

export const MIN_INCIDENTS = 5;
export const BOOTSTRAP_RESAMPLES = 1000;
export const BOOTSTRAP_SEED = 20;
/** Above this many values the median's interval comes from order statistics, not resampling. */
export const BOOTSTRAP_MAX_N = 5_000;

/** The fields of a comparison row the statistics read. */
export type StatRow = Pick<ComparisonRow, "value" | "basis" | "othersLow" | "othersBest" | "othersHigh" | "revision" | "delayDays">;

export type Interval = { median: number; low: number; high: number };

export type TrackStats = {
  /** Incidents where the source has an active figure of its own (compared or not). */
  incidents: number;
  /** Of those, incidents where at least one other independent source gave a figure. */
  compared: number;
  lower: number;
  within: number;
  higher: number;
  /** Compared incidents where the source's figure was open-ended (counted by its floor). */
  openEnded: number;
  /** Compared incidents where the source gave a range (counted by its middle). */
  midpoints: number;
  /** Compared incidents with a usable ratio (others' best above 0). */
  ratioN: number;
  /** Median of source ÷ others with its bootstrap 90 % interval; null below MIN_INCIDENTS. */
  ratio: Interval | null;
  /** Compared incidents whose first figure from the source was later superseded, and how. */
  revised: number;
  revisedUp: number;
  revisedDown: number;
  /** Median days from the incident to the source's first claim (compared incidents with a dated claim). */
  medianDelayDays: number | null;
};

/** mulberry32: a small, well-mixed 32-bit generator; enough for resampling, and reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function median(sorted: readonly number[]): number | null {
  const n = sorted.length;
  if (!n) return null;
  const upper = sorted[Math.floor(n / 2)]!;
  return n % 2 ? upper : (sorted[n / 2 - 1]! + upper) / 2;
}

/**
 * The median of `values` with a percentile-bootstrap 90 % interval. Each resample draws n indices
 * into the sorted values and counts them, so its median is read off the counts in O(n) without
 * sorting: ~n × resamples steps in all.
 */
export function bootstrapMedian(values: readonly number[], resamples = BOOTSTRAP_RESAMPLES, seed = BOOTSTRAP_SEED): Interval | null {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const center = median(sorted);
  if (center === null) return null;
  if (n > BOOTSTRAP_MAX_N) return orderStatisticInterval(sorted, center);
  const random = seededRandom(seed);
  const counts = new Uint32Array(n);
  const lowRank = Math.floor((n - 1) / 2);
  const highRank = Math.floor(n / 2);
  const medians = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[Math.floor(random() * n)]!++;
    let seen = 0;
    let lowValue = NaN;
    for (let j = 0; j < n; j++) {
      const next = seen + counts[j]!;
      if (Number.isNaN(lowValue) && next > lowRank) lowValue = sorted[j]!;
      if (next > highRank) {
        medians[b] = (lowValue + sorted[j]!) / 2;
        break;
      }
      seen = next;
    }
  }
  medians.sort();
  const at = (q: number) => medians[Math.min(resamples - 1, Math.max(0, Math.round(q * (resamples - 1))))]!;
  return { median: center, low: at(0.05), high: at(0.95) };
}

/**
 * The distribution-free 90 % interval of a median: the order statistics whose ranks lie 1.645
 * standard deviations of Binomial(n, ½) either side of n/2 (normal approximation, exact enough
 * for the n it is used at). No resampling: O(n) once sorted.
 */
export function orderStatisticInterval(sorted: readonly number[], center: number): Interval {
  const n = sorted.length;
  const spread = (1.6449 * Math.sqrt(n)) / 2;
  const low = sorted[Math.max(0, Math.floor(n / 2 - spread) - 1)]!;
  const high = sorted[Math.min(n - 1, Math.ceil(n / 2 + spread) - 1)]!;
  return { median: center, low, high };
}

const isCompared = (row: StatRow): row is StatRow & { othersLow: number; othersBest: number } =>
  row.othersBest !== null && row.othersLow !== null;

export function trackStats(rows: readonly StatRow[]): TrackStats {
  const compared = rows.filter(isCompared);
  let lower = 0;
  let within = 0;
  let higher = 0;
  for (const row of compared) {
    if (row.value < row.othersLow) lower++;
    else if (row.othersHigh !== null && row.value > row.othersHigh) higher++;
    else within++;
  }
  const ratios = compared.filter((r) => r.othersBest > 0).map((r) => r.value / r.othersBest);
  const delays = compared.flatMap((r) => (r.delayDays === null ? [] : [r.delayDays])).sort((a, b) => a - b);
  return {
    incidents: rows.length,
    compared: compared.length,
    lower,
    within,
    higher,
    openEnded: compared.filter((r) => r.basis === "lower_bound").length,
    midpoints: compared.filter((r) => r.basis === "midpoint").length,
    ratioN: ratios.length,
    ratio: ratios.length >= MIN_INCIDENTS && compared.length >= MIN_INCIDENTS ? bootstrapMedian(ratios) : null,
    revised: compared.filter((r) => r.revision !== null).length,
    revisedUp: compared.filter((r) => r.revision === "up").length,
    revisedDown: compared.filter((r) => r.revision === "down").length,
    medianDelayDays: median(delays),
  };
}

/** Rows grouped by metric × category, in the order the groups first appear. */
export function groupsOf<R extends { metric: Metric; category: Category }>(rows: readonly R[]): R[][] {
  const groups = new Map<string, R[]>();
  for (const row of rows) pushTo(groups, `${row.metric}:${row.category}`, row);
  return [...groups.values()];
}

/** The statistics of one metric × category group (its rows all share them). */
export const groupStats = <R extends StatRow & { metric: Metric; category: Category }>(group: readonly R[]) => ({
  metric: group[0]!.metric,
  category: group[0]!.category,
  stats: trackStats(group),
});

/** Rows grouped by metric × category (vocabulary order kept by the caller's sort). */
export function statsByGroup<R extends StatRow & { metric: Metric; category: Category }>(
  rows: readonly R[],
): { metric: Metric; category: Category; stats: TrackStats }[] {
  return groupsOf(rows).map(groupStats);
}

// ---------------------------------------------------------------------------------------
// Head to head

export type PairRow = { incidentCode: string; incidentTitle: string; metric: Metric; category: Category; a: number; b: number };

export type HeadToHead = {
  incidents: number;
  aLower: number;
  same: number;
  aHigher: number;
  /** a ÷ b where b > 0 */
  ratioN: number;
  ratio: Interval | null;
  /** The largest disagreements first (by the size of the log ratio, +1 so zeros compare). */
  disagreements: (PairRow & { factor: number })[];
};

export function headToHead(rows: readonly PairRow[], top = 10): HeadToHead {
  const ratios = rows.filter((r) => r.b > 0).map((r) => r.a / r.b);
  const factor = (r: PairRow) => Math.abs(Math.log((r.a + 1) / (r.b + 1)));
  const disagreements = rows
    .filter((r) => r.a !== r.b)
    .map((r) => ({ ...r, factor: Math.exp(factor(r)) }))
    .sort((x, y) => y.factor - x.factor || (x.incidentCode < y.incidentCode ? -1 : x.incidentCode > y.incidentCode ? 1 : 0))
    .slice(0, top);
  return {
    incidents: rows.length,
    aLower: rows.filter((r) => r.a < r.b).length,
    same: rows.filter((r) => r.a === r.b).length,
    aHigher: rows.filter((r) => r.a > r.b).length,
    ratioN: ratios.length,
    ratio: ratios.length >= MIN_INCIDENTS ? bootstrapMedian(ratios) : null,
    disagreements,
  };
}

// ---------------------------------------------------------------------------------------
// In words

const formatRatio = (x: number) => (x >= 10 ? x.toFixed(0) : x >= 1 ? x.toFixed(2).replace(/0$/, "") : x.toFixed(2));
export const ratioText = (x: number) => `${formatRatio(x)}×`;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "lower than the other sources on 14 of 18 incidents; typically 0.74× (0.62–0.88)" */
export function describeStats(stats: TrackStats): string {
  if (stats.compared === 0) {
    return stats.incidents === 0
      ? "no figures here"
      : `no other independent source gave a figure on the ${plural(stats.incidents, "incident")} it reported: nothing to compare with`;
  }
  const { lower, within, higher, compared } = stats;
  const most = Math.max(lower, within, higher);
  const lead =
    most === lower
      ? `lower than the other sources on ${lower} of ${compared}`
      : most === higher
        ? `higher than the other sources on ${higher} of ${compared}`
        : `within the other sources' range on ${within} of ${compared}`;
  const counts = `${lead} ${compared === 1 ? "incident" : "incidents"} (lower ${lower}, within ${within}, higher ${higher})`;
  if (stats.ratio)
    return `${counts}; typically ${ratioText(stats.ratio.median)} (${formatRatio(stats.ratio.low)}–${formatRatio(stats.ratio.high)}) their figure`;
  if (compared < MIN_INCIDENTS)
    return `${counts}; only ${plural(compared, "incident")} to compare, too few for a typical ratio (at least ${MIN_INCIDENTS} needed)`;
  return `${counts}; the others gave a figure above 0 on only ${stats.ratioN} of them, too few for a typical ratio (at least ${MIN_INCIDENTS} needed)`;
}
