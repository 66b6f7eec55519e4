// Runs once when the server starts. Figures a large import queued and a stopped server never
// reconciled (lib/figures/figure-queue.ts) are reconciled now, in the background, and the queue is
// looked at again every WAKE_UP_MS, so a worker that gave up after failures starts again.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // The benchmark's view of garbage-collection pauses (lib/bench/gc-pauses.ts); off unless asked for.
  if (process.env.TRIANGULATE_GC_LOG_MS) {
    const { logGcPauses } = await import("@/lib/bench/gc-pauses");
    logGcPauses(Number(process.env.TRIANGULATE_GC_LOG_MS) || 0);
  }
  const { startFigureQueue, WAKE_UP_MS } = await import("@/lib/figures/figure-queue");
  void startFigureQueue();
  setInterval(() => void startFigureQueue(), WAKE_UP_MS).unref();
}

// A page that met a lost database (between two of proxy.ts's checks) makes the next requests get
// the 503 page at once rather than after the next check.
export async function onRequestError(error: unknown) {
  const { isDatabaseUnavailable, noteDatabaseUnavailable } = await import("@/lib/db/database-unavailable");
  if (isDatabaseUnavailable(error)) noteDatabaseUnavailable();
}
