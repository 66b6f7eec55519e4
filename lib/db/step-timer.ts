// Step timings of an import, printed to stderr when TRIANGULATE_IMPORT_TIMINGS is set (for
// profiling: scripts/profile-import.ts), each with the moment it ended (@ seconds since the process
// started), so the steps of an import's two connections can be laid side by side. Costs nothing otherwise.
export function stepTimer(label: string): (step: string) => void {
  if (!process.env.TRIANGULATE_IMPORT_TIMINGS) return () => {};
  let last = performance.now();
  return (step) => {
    const now = performance.now();
    process.stderr.write(`[${label}] @${(now / 1000).toFixed(2)} ${step}: ${((now - last) / 1000).toFixed(2)} s\n`);
    last = now;
  };
}
