// The benchmark's many-editors case (issue: many editors at once): N editors add claims over real
// HTTP for a fixed time, either all onto the same few incidents (the hot case: every write waits
// for the incident's row lock) or each onto its own. Counts successes, 409s and 5xx, and latency.
import { randomUUID } from "node:crypto";

export type EditorsOutcome = {
  editors: number;
  seconds: number;
  incidents: number;
  requests: number;
  created: number;
  conflicts: number;
  clientErrors: number;
  serverErrors: number;
  networkErrors: number;
  p50: number;
  p95: number;
  max: number;
  perSecond: number;
};

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

export async function concurrentEditors(options: {
  base: string;
  token: string;
  claimantId: string;
  codes: string[];
  editors: number;
  seconds: number;
  label: string;
}): Promise<EditorsOutcome> {
  const { base, token, claimantId, codes, editors, seconds, label } = options;
  const until = performance.now() + seconds * 1000;
  const times: number[] = [];
  const counts = { created: 0, conflicts: 0, clientErrors: 0, serverErrors: 0, networkErrors: 0 };
  const run = randomUUID().slice(0, 8);
  async function editor(index: number) {
    for (let i = 0; performance.now() < until; i++) {
      const code = codes[(index + i) % codes.length]!;
      const body = {
        incidentCode: code,
        claimantId,
        metric: i % 3 ? "killed" : "injured",
        category: "civilians",
        subgroup: `${label} ${run} editor ${index}`,
        valueMin: 1 + (i % 40),
        valueMax: 1 + (i % 40),
        qualifier: "exact",
        statement: `Bench ${label} ${run}: editor ${index}, claim ${i}.`,
      };
      const started = performance.now();
      try {
        const response = await fetch(`${base}/api/claims`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify(body),
        });
        await response.arrayBuffer();
        times.push(performance.now() - started);
        if (response.status === 201) counts.created++;
        else if (response.status === 409) counts.conflicts++;
        else if (response.status >= 500) counts.serverErrors++;
        else counts.clientErrors++;
      } catch {
        counts.networkErrors++;
      }
    }
  }
  const started = performance.now();
  await Promise.all(Array.from({ length: editors }, (_, i) => editor(i)));
  const elapsed = (performance.now() - started) / 1000;
  const sorted = times.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    editors,
    seconds,
    incidents: codes.length,
    requests: times.length + counts.networkErrors,
    ...counts,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    max: round(sorted.at(-1) ?? 0),
    perSecond: round(times.length / elapsed),
  };
}
