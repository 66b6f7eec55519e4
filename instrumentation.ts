// Runs once when the server starts. Figures a large import queued and a stopped server never
// reconciled (lib/figures/figure-queue.ts) are reconciled now, in the background, and the queue is
// looked at again every WAKE_UP_MS, so a worker that gave up after failures starts again.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startFigureQueue, WAKE_UP_MS } = await import("@/lib/figures/figure-queue");
  void startFigureQueue();
  setInterval(() => void startFigureQueue(), WAKE_UP_MS).unref();
}
