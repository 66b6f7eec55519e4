// After `npm start` (scripts/serve.ts), every Next.js process renders the pages people read most
// a few dozen times before they do. A fresh process runs a page's code unoptimised until V8 has
// seen it often enough: on a million incidents its first ~15 incident pages took 60–120 ms
// against ~30 ms afterwards, and `npm start` runs one process per core, each of which would make
// its first visitors wait so (docs/performance.md, "Warming up"). Only GETs of public pages; a
// request that fails is let go, since the server answers visitors all the same.
import http from "node:http";

export type WarmUpPlan = {
  port: number;
  host?: string;
  /** Paths to GET, each `rounds` times. */
  paths: string[];
  rounds: number;
  /** Requests in flight at once (one per process: each on a connection of its own). */
  parallel: number;
  timeoutMs?: number;
};

/** The catalogues the pages are rendered in, taken in turn (lib/i18n/request.ts reads Accept-Language). */
const LANGUAGES = ["en", "fr"];

/**
 * One GET on a connection of its own, so that the cluster (scripts/run-in-cluster.mjs), which deals
 * out connections in turn, hands the next one to the next process. Resolves with the status, or
 * null when the request failed.
 */
function getOnce(host: string, port: number, path: string, language: string, timeoutMs: number): Promise<number | null> {
  return new Promise((resolve) => {
    const request = http.get(
      { host, port, path, agent: false, timeout: timeoutMs, headers: { "accept-language": language } },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? null));
        response.on("error", () => resolve(null));
      },
    );
    request.on("timeout", () => request.destroy());
    request.on("error", () => resolve(null));
  });
}

/** Waits until something answers on the port (any status), or `timeoutMs` has passed; resolves with whether it did. */
export async function waitForPort(port: number, timeoutMs: number, host = "127.0.0.1"): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if ((await getOnce(host, port, "/api/health", "en", 5_000)) !== null) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

/** GETs every path `rounds` times, `parallel` at a time; resolves with how many requests were made and how many answered 200. */
export async function warmUp({ host = "127.0.0.1", port, paths, rounds, parallel, timeoutMs = 30_000 }: WarmUpPlan) {
  const queue: { path: string; language: string }[] = [];
  for (let round = 0; round < rounds; round++)
    for (const path of paths) queue.push({ path, language: LANGUAGES[round % LANGUAGES.length]! });
  let next = 0;
  let ok = 0;
  const worker = async () => {
    while (next < queue.length) {
      const { path, language } = queue[next++]!;
      if ((await getOnce(host, port, path, language, timeoutMs)) === 200) ok++;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, parallel) }, worker));
  return { requests: queue.length, ok };
}
