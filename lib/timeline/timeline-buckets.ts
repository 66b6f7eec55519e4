// Calendar arithmetic for the timeline across incidents. PostgreSQL groups incidents by
// date_trunc('week' | 'month', dateStart); these helpers name the same buckets in JavaScript
// (weeks start on Monday, as date_trunc's ISO weeks do), fill the empty ones so the time axis is
// continuous, and turn a brushed range of buckets back into from/to dates. All dates are
// YYYY-MM-DD strings in UTC: incidents are dated by calendar day, not by instant.
import { dayDate, isoDay } from "@/lib/validation/calendar-day";

export const TIMELINE_INTERVALS = ["week", "month"] as const;
export type TimelineInterval = (typeof TIMELINE_INTERVALS)[number];

export type TimelineBucket = {
  /** First day of the week or month. */
  start: string;
  /** Last day of the week or month. */
  end: string;
  incidents: number;
  /** Sums of the incidents' headline killed figures. */
  low: number;
  best: number;
  /** Sum of the highs, counting an open high as its best (see openHigh). */
  high: number;
  /** Incidents whose high is open (nothing bounds it). */
  openHigh: number;
  contested: number;
};

export type BucketRow = Omit<TimelineBucket, "end">;

const DAY_MS = 86_400_000;

export function bucketStart(iso: string, interval: TimelineInterval): string {
  const date = dayDate(iso);
  if (interval === "month") return isoDay(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1)));
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return isoDay(new Date(date.getTime() - sinceMonday * DAY_MS));
}

/** The start of the bucket `n` buckets after (or before, n < 0) the one starting on `start`. */
export function shiftBucket(start: string, interval: TimelineInterval, n: number): string {
  const date = dayDate(start);
  if (interval === "month") return isoDay(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + n, 1)));
  return isoDay(new Date(date.getTime() + n * 7 * DAY_MS));
}

export function bucketEnd(start: string, interval: TimelineInterval): string {
  return isoDay(new Date(dayDate(shiftBucket(start, interval, 1)).getTime() - DAY_MS));
}

/** Weeks while the incidents span up to about half a year, months beyond. */
export function chooseInterval(first: string | null, last: string | null): TimelineInterval {
  if (!first || !last) return "month";
  return (dayDate(last).getTime() - dayDate(first).getTime()) / DAY_MS <= 183 ? "week" : "month";
}

function emptyBucket(start: string, interval: TimelineInterval): TimelineBucket {
  return { start, end: bucketEnd(start, interval), incidents: 0, low: 0, best: 0, high: 0, openHigh: 0, contested: 0 };
}

/**
 * A continuous run of buckets from the first row to the last, empty ones filled with zeros,
 * widened evenly on both sides to at least `minCount` buckets so a single incident still sits
 * on a readable axis (and can be brushed out of the range). No rows → no buckets.
 */
export function fillBuckets(rows: BucketRow[], interval: TimelineInterval, minCount = 12): TimelineBucket[] {
  if (rows.length === 0) return [];
  const byStart = new Map(rows.map((row) => [bucketStart(row.start, interval), row]));
  const starts = [...byStart.keys()].sort();
  let first = starts[0]!;
  let last = starts[starts.length - 1]!;
  let count = 1;
  for (let s = first; s < last; s = shiftBucket(s, interval, 1)) count++;
  if (count < minCount) {
    const before = Math.floor((minCount - count) / 2);
    first = shiftBucket(first, interval, -before);
    last = shiftBucket(last, interval, minCount - count - before);
  }
  const buckets: TimelineBucket[] = [];
  for (let s = first; s <= last; s = shiftBucket(s, interval, 1)) {
    const row = byStart.get(s);
    buckets.push(row ? { ...row, start: s, end: bucketEnd(s, interval) } : emptyBucket(s, interval));
  }
  return buckets;
}

/** Indexes of the first and last bucket that overlap from…to (for drawing a brushed range). */
export function bucketRangeFor(
  buckets: TimelineBucket[],
  from: string | null,
  to: string | null,
): { startIndex: number; endIndex: number } | null {
  if (buckets.length === 0 || (!from && !to)) return null;
  let startIndex = buckets.findIndex((b) => !from || b.end >= from);
  let endIndex = buckets.length - 1 - [...buckets].reverse().findIndex((b) => !to || b.start <= to);
  if (startIndex === -1) startIndex = buckets.length - 1;
  if (endIndex === buckets.length) endIndex = 0;
  if (endIndex < startIndex) endIndex = startIndex;
  return { startIndex, endIndex };
}

/** The dates a brushed range of buckets stands for: from the first bucket's start to the last's end. */
export function dateRangeFor(buckets: TimelineBucket[], startIndex: number, endIndex: number): { from: string; to: string } | null {
  const first = buckets[Math.max(0, Math.min(startIndex, endIndex))];
  const last = buckets[Math.min(buckets.length - 1, Math.max(startIndex, endIndex))];
  return first && last ? { from: first.start, to: last.end } : null;
}
