// Garbage-collection pauses of the app server, for the benchmark to line up with its slowest
// requests (docs/performance.md, "Run J": a tail of neighbouring slow requests looked like pauses).
// With TRIANGULATE_GC_LOG_MS set, each server process writes every pause at least that long to
// stderr as one line; the benchmark reads them back. Off by default: it costs nothing then.
import { performance, PerformanceObserver, constants } from "node:perf_hooks";

/** One pause: wall-clock start (ms since the epoch), length, kind, and which process. */
export type GcPause = { at: number; ms: number; kind: string; pid: number };

const PREFIX = "[gc-pause] ";

const KINDS: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MAJOR]: "major",
  [constants.NODE_PERFORMANCE_GC_MINOR]: "minor",
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: "incremental",
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: "weak callbacks",
};

/** Starts writing this process's pauses of at least `minMs` to stderr. */
export function logGcPauses(minMs: number): void {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.duration < minMs) continue;
      const kind = KINDS[(entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind ?? -1] ?? "other";
      const pause: GcPause = { at: performance.timeOrigin + entry.startTime, ms: entry.duration, kind, pid: process.pid };
      process.stderr.write(`${PREFIX}${JSON.stringify(pause)}\n`);
    }
  }).observe({ entryTypes: ["gc"] });
}

/** A pause read back from a line of the server's stderr, or null for any other line. */
export function parseGcPause(line: string): GcPause | null {
  if (!line.startsWith(PREFIX)) return null;
  try {
    return JSON.parse(line.slice(PREFIX.length)) as GcPause;
  } catch {
    return null;
  }
}

/** The pauses that overlap [from, to] (wall-clock ms): how long they took together, and the longest. */
export function pausesWithin(pauses: readonly GcPause[], from: number, to: number): { count: number; ms: number; longest: number } {
  let count = 0;
  let ms = 0;
  let longest = 0;
  for (const p of pauses) {
    if (p.at > to || p.at + p.ms < from) continue;
    count++;
    ms += p.ms;
    longest = Math.max(longest, p.ms);
  }
  return { count, ms: Math.round(ms * 10) / 10, longest: Math.round(longest * 10) / 10 };
}
