// Runs once when the server starts. Figures a large import queued and a stopped server never
// reconciled (lib/figures/figure-queue.ts) are reconciled now, in the background.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startFigureQueue } = await import("@/lib/figures/figure-queue");
  void startFigureQueue();
}
