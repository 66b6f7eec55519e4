// Step timings of an import, printed to stderr when TRIANGULATE_IMPORT_TIMINGS is set (for
// profiling: scripts/profile-import.ts). Costs nothing otherwise.
export function stepTimer(label: string): (step: string) => void {
  if (!process.env.TRIANGULATE_IMPORT_TIMINGS) return () => {};
  let last = performance.now();
  return (step) => {
    const now = performance.now();
    process.stderr.write(`[${label}] ${step}: ${((now - last) / 1000).toFixed(2)} s\n`);
    last = now;
  };
}
