// What PostgreSQL did in the background during each benchmark case: autovacuum workers and
// checkpoints compete with the requests for the two cores (docs/performance.md, "Run L": the
// incident page's tail after the import is neighbouring requests slowed together, not GC).
// The benchmark samples pg_stat_activity and pg_stat_checkpointer a few times a second and lines
// the samples up with each case, as it does the server's GC pauses (gc-pauses.ts).

/** One sample: wall-clock time (ms since the epoch), the tables autovacuum was working on, checkpoints started so far. */
export type BackgroundSample = { at: number; autovacuum: string[]; checkpoints: number };

/** Both statistics in one statement, so a sample is one round trip. */
export const BACKGROUND_SAMPLE_SQL = `SELECT (SELECT num_timed + num_requested FROM pg_stat_checkpointer) AS checkpoints,
  ARRAY(SELECT query FROM pg_stat_activity WHERE backend_type = 'autovacuum worker' AND state = 'active') AS autovacuum`;

/** `autovacuum: VACUUM ANALYZE public."Claim"` → `Claim (vacuum analyze)`; the worker's query text names its table. */
export function autovacuumTask(query: string): string {
  const match = /^autovacuum:\s+(.+?)\s+(?:public\.)?"?([^".\s]+)"?(?:\s+\(.*\))?$/i.exec(query.trim());
  if (!match) return query.trim();
  return `${match[2]} (${match[1]!.toLowerCase()})`;
}

/** The background work seen by the samples within [from, to]: the autovacuum tasks, and the checkpoints started. */
export function backgroundWithin(
  samples: readonly BackgroundSample[],
  from: number,
  to: number,
): { autovacuum: string[]; checkpoints: number } {
  const within = samples.filter((s) => s.at >= from && s.at <= to);
  // Checkpoints are counted from the last sample before the span (or its first one) to its last.
  const before = [...samples].reverse().find((s) => s.at < from) ?? within[0];
  const last = within[within.length - 1];
  const tasks = new Set(within.flatMap((s) => s.autovacuum.map(autovacuumTask)));
  return { autovacuum: [...tasks].sort(), checkpoints: before && last ? last.checkpoints - before.checkpoints : 0 };
}
