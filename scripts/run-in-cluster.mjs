// `node scripts/run-in-cluster.mjs <script> [args…]`: runs the script in several processes that
// share the ports they listen on. `npm start` runs `next start` so (docs/architecture.md, "Several
// app servers"): Node's cluster module gives every worker the primary's listening socket and deals
// the connections out in turn. One Next.js process renders on one core; on a 2-core
// machine the incident page served ~38 requests/s from one process at 20 clients
// (docs/performance.md). The processes share nothing but PostgreSQL, like separate app servers.
//
// WEB_CONCURRENCY sets how many (default: the cores the machine offers, at most 4). Any worker that
// stops on its own stops the others and this process with its exit code, as a lone `next start`
// would; SIGTERM / SIGINT stop the workers and wait for them, and kill those still running after
// STOP_GRACE_MS: `npm start` stops PostgreSQL once this process has exited (scripts/serve.ts), and
// so does the benchmark, so no worker may outlive it (one did after a benchmark, its figure queue
// then failing to reach the database; Next.js waits for open connections to close before it exits).
import cluster from "node:cluster";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

// Each process opens up to PG_POOL_MAX + 4 connections; 4 × 14 stays well under PostgreSQL's default 100.
const DEFAULT_MAX = 4;
/** How long workers get to stop after SIGTERM / SIGINT (less than serve.ts's 15 s forced exit). */
const STOP_GRACE_MS = Number(process.env.TRIANGULATE_STOP_GRACE_MS) || 10_000;

/** The number of Next.js processes: WEB_CONCURRENCY when it is a positive whole number, else the cores. */
export function workerCount(env = process.env, cores = os.availableParallelism()) {
  const asked = Number(env.WEB_CONCURRENCY);
  if (Number.isInteger(asked) && asked > 0) return asked;
  return Math.max(1, Math.min(cores, DEFAULT_MAX));
}

function main() {
  const [script, ...args] = process.argv.slice(2);
  if (!script) {
    console.error("usage: node scripts/run-in-cluster.mjs <script> [args…]");
    process.exit(2);
  }
  const count = workerCount();
  let stopping = false;
  /** The signal this process was asked to stop with: it ends by it too, as `next start` would. */
  let stoppedBy = null;
  cluster.setupPrimary({ exec: path.resolve(script), args });

  const stopAll = (signal) => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    setTimeout(() => {
      for (const worker of Object.values(cluster.workers ?? {})) {
        console.error(`[triangulate] Worker ${worker?.process.pid} still running ${STOP_GRACE_MS / 1000} s after ${signal}; killing it.`);
        worker?.process.kill("SIGKILL");
      }
    }, STOP_GRACE_MS).unref();
  };
  cluster.on("exit", (worker, code, signal) => {
    if (!stopping) {
      console.error(`[triangulate] Worker ${worker.process.pid} exited (${signal ?? code}); stopping the others.`);
      process.exitCode = code ?? 1;
      stopAll("SIGTERM");
    }
    if (Object.keys(cluster.workers ?? {}).length > 0) return;
    if (!stoppedBy) process.exit();
    process.removeAllListeners(stoppedBy);
    process.kill(process.pid, stoppedBy);
  });
  for (const signal of ["SIGTERM", "SIGINT"])
    process.on(signal, () => {
      if (stopping) return;
      stoppedBy = signal;
      stopAll(signal);
    });
  for (let i = 0; i < count; i++) cluster.fork();
  if (count > 1) console.log(`[triangulate] ${count} processes share the port (WEB_CONCURRENCY sets how many).`);
}

if (cluster.isPrimary && import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
