// `npm run bench` (1,000,000 incidents) or `npm run bench -- --quick` (50,000): measures the
// production build on the embedded PostgreSQL and prints p50/p95 per read path, export and import
// throughput next to PostgreSQL's own COPY, and the server's memory. Writes bench/results.json.
// It reports; it never fails on a budget.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import readline from "node:readline";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { rng, REGIONS } from "@/lib/bench/synthetic-dataset";
import { createPrismaClient } from "@/lib/db";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { startFigureQueue, vacuumAfter } from "@/lib/figures/figure-queue";
import { runImport } from "@/lib/import/run-import";
import { fillBenchDatabase } from "@/lib/bench/fill-bench-database";
import { concurrentEditors, type EditorsOutcome } from "@/lib/bench/concurrent-editors";
import { throughput, type ThroughputOutcome } from "@/lib/bench/throughput";
import { parseGcPause, pausesWithin, type GcPause } from "@/lib/bench/gc-pauses";
import { BACKGROUND_SAMPLE_SQL, backgroundWithin, type BackgroundSample } from "@/lib/bench/background-activity";
import { createApiToken } from "@/lib/auth/session-store";

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    incidents: { type: "string" },
    requests: { type: "string" },
    port: { type: "string", default: "3400" },
    "reuse-data": { type: "boolean", default: false },
    "skip-build": { type: "boolean", default: false },
    "editor-seconds": { type: "string" },
  },
});
const quick = values.quick;
const incidentsWanted = Number(values.incidents ?? (quick ? 50_000 : 1_000_000));
const requestsPerCase = Number(values.requests ?? (quick ? 40 : 200));
const importRows = quick ? 20_000 : 100_000;
/** How long each many-editors case runs: a minute in the full run, a few seconds in CI's quick one. */
const editorSeconds = Number(values["editor-seconds"] ?? (quick ? 8 : 60));
/** How long each throughput case (20 and 50 concurrent clients) runs. */
const throughputSeconds = quick ? 5 : 20;
const port = Number(values.port);
const base = `http://127.0.0.1:${port}`;
const dataDir = path.resolve(".data", quick ? "bench-quick" : "bench");
const distDir = ".next-bench";
const log = (line: string) => console.error(`[bench] ${line}`);
/** Server pauses at least this long are logged (lib/bench/gc-pauses.ts) and lined up with the requests. */
const GC_LOG_MS = 5;
const gcPauses: GcPause[] = [];
/** PostgreSQL's autovacuum workers and checkpoints, sampled every 250 ms (lib/bench/background-activity.ts). */
const backgroundSamples: BackgroundSample[] = [];

/** A read pass: right after the load ("cold"), and right after the import with its figures and the workers' upkeep done. */
type Pass = "cold" | "after import";
type ThroughputPass = "after the cold pass" | "end of run";
/**
 * The slowest requests of a case: when in the sequence (0 = first) and which, so a tail can be told
 * from a slow start or a slow page; `gcMs`, the server's garbage-collection pauses during it (any process).
 */
type Slow = { ms: number; at: number; path: string; gcMs: number; autovacuum: string[] };
type Stat = {
  name: string;
  target: string;
  p50: number;
  p95: number;
  max: number;
  n: number;
  bytes?: number;
  note?: string;
  pass?: Pass;
  slowest?: Slow[];
  /** The server's pauses of ≥ GC_LOG_MS during the case (both processes). */
  gc?: { count: number; ms: number; longest: number };
  /** PostgreSQL's autovacuum tasks seen during the case, and the checkpoints it started meanwhile. */
  background?: { autovacuum: string[]; checkpoints: number };
};
const results: {
  startedAt: string;
  quick: boolean;
  incidents: number;
  claims: number;
  requestsPerCase: number;
  latency: Stat[];
  throughput: (ThroughputOutcome & { pass: ThroughputPass })[];
  editors: EditorsOutcome[];
  export: Record<string, unknown>;
  import: Record<string, unknown>;
  machine: Record<string, unknown>;
} = {
  startedAt: new Date().toISOString(),
  quick,
  incidents: 0,
  claims: 0,
  requestsPerCase,
  latency: [],
  throughput: [],
  editors: [],
  export: {},
  import: {},
  machine: {
    cpus: (await import("node:os")).cpus().length,
    memoryGiB: Math.round((await import("node:os")).totalmem() / 2 ** 30),
    node: process.version,
  },
};

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function timeRequests(name: string, target: string, urls: string[]): Promise<Stat> {
  // One warm-up request, then sequential requests: latency as one user sees it.
  await fetch(urls[0]!).then((r) => r.arrayBuffer());
  const times: number[] = [];
  const spans: [number, number][] = []; // wall-clock, to line up with the server's pauses
  let bytes = 0;
  const caseStarted = Date.now();
  for (const url of urls) {
    const started = performance.now();
    const wallStart = Date.now();
    const response = await fetch(url);
    const body = await response.arrayBuffer();
    times.push(performance.now() - started);
    spans.push([wallStart, Date.now()]);
    if (!response.ok) throw new Error(`${name}: ${url} answered ${response.status}: ${Buffer.from(body).toString().slice(0, 300)}`);
    bytes = Math.max(bytes, body.byteLength);
  }
  await new Promise((resolve) => setTimeout(resolve, 100)); // the last pauses' lines still on their way
  const slowest = times
    .map((ms, at) => ({
      ms: round(ms),
      at,
      path: new URL(urls[at]!).pathname + new URL(urls[at]!).search,
      gcMs: pausesWithin(gcPauses, ...spans[at]!).ms,
      autovacuum: backgroundWithin(backgroundSamples, ...spans[at]!).autovacuum,
    }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5);
  const gc = pausesWithin(gcPauses, caseStarted, Date.now());
  const background = backgroundWithin(backgroundSamples, caseStarted, Date.now());
  times.sort((a, b) => a - b);
  const stat = {
    name,
    target,
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    max: round(times[times.length - 1]!),
    n: times.length,
    bytes,
    slowest,
    gc,
    background,
  };
  log(
    `${name}: p50 ${stat.p50} ms, p95 ${stat.p95} ms (largest body ${bytes} B; slowest ${slowest.map((s) => `#${s.at} ${s.ms}${s.gcMs ? ` (GC ${s.gcMs})` : ""}${s.autovacuum.length ? ` [autovacuum ${s.autovacuum.join(", ")}]` : ""}`).join(", ")}; GC pauses ≥ ${GC_LOG_MS} ms: ${gc.count}, ${gc.ms} ms, longest ${gc.longest}; autovacuum: ${background.autovacuum.join(", ") || "none"}; checkpoints started: ${background.checkpoints})`,
  );
  return stat;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** The Next.js server process under our serve.ts child (the one that holds the memory). */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const all: number[] = [];
  const walk = (pid: number) => (children.get(pid) ?? []).forEach((child) => (all.push(child), walk(child)));
  walk(root);
  return all;
}

function rssMiB(pid: number): number {
  try {
    const match = fs.readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/);
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

function serverRss(root: number): number {
  return Math.max(0, ...descendants(root).map(rssMiB));
}

/** Each server process's RSS: `npm start` runs several (scripts/run-in-cluster.mjs), and a request is served by one of them. */
function serverRssByPid(root: number): Map<number, number> {
  return new Map(descendants(root).map((pid) => [pid, rssMiB(pid)]));
}

async function waitFor(url: string, child: ChildProcess) {
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error("the app exited while starting");
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the app did not answer ${url}`);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "inherit"], env });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited ${code}`))));
  });
}

const embedded = await startEmbeddedPostgres({ dataDir, log });
let app: ChildProcess | null = null;
const pool = new pg.Pool({ connectionString: embedded.url, max: 2 });
// Sampled on a connection of its own, so a case's own queries never wait for it.
const sampler = new pg.Client({ connectionString: embedded.url });
await sampler.connect();
const sampling = setInterval(() => {
  sampler
    .query<{ checkpoints: string; autovacuum: string[] }>(BACKGROUND_SAMPLE_SQL)
    .then(({ rows }) =>
      backgroundSamples.push({ at: Date.now(), autovacuum: rows[0]!.autovacuum, checkpoints: Number(rows[0]!.checkpoints) }),
    )
    .catch(() => {});
}, 250);

/**
 * Waits until the server's workers are idle: no figure or track-record request queued, no VACUUM
 * running, and `alsoDone` true (e.g. the vacuum that follows a large refresh has run: it starts
 * once the queue is empty, so an empty queue alone would return during it).
 */
async function workersIdle(alsoDone: () => Promise<boolean>): Promise<void> {
  for (;;) {
    const { rows } = await pool.query(
      `SELECT (SELECT count(*) FROM "FigureRefreshRequest") + (SELECT count(*) FROM "TrackRecordRefreshRequest") + (SELECT count(*) FROM "TrackRecordSourceRequest") AS n,
              (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND state = 'active' AND query ILIKE 'VACUUM%') AS vacuuming`,
    );
    if (Number(rows[0].n) === 0 && Number(rows[0].vacuuming) === 0 && (await alsoDone())) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
try {
  const count = Number((await pool.query(`SELECT count(*) AS n FROM "Incident"`).catch(() => ({ rows: [{ n: 0 }] }))).rows[0].n);
  if (count !== incidentsWanted || !values["reuse-data"]) {
    log(`Loading ${incidentsWanted} synthetic incidents (bench:data)…`);
    const loaded = await fillBenchDatabase(embedded.url, incidentsWanted, log);
    results.export.loadSeconds = round(loaded.seconds);
    log(`Loaded in ${loaded.seconds.toFixed(1)} s.`);
  } else log(`Reusing the ${count} incidents already loaded.`);
  results.incidents = Number((await pool.query(`SELECT count(*) AS n FROM "Incident"`)).rows[0].n);
  results.claims = Number((await pool.query(`SELECT count(*) AS n FROM "Claim"`)).rows[0].n);

  // Build every time (a stale build would measure old code), unless told the build is current.
  if (!values["skip-build"] || !fs.existsSync(path.join(distDir, "BUILD_ID"))) {
    log("Building the production app…");
    await run(path.resolve("node_modules/.bin/next"), ["build"], { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" });
  }
  // Node itself, not the tsx command: on SIGTERM that relays the signal and kills the script if it
  // has not answered within 30 ms, which on a loaded machine can leave the servers running without it.
  app = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/serve.ts", "start"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      TRIANGULATE_GC_LOG_MS: String(GC_LOG_MS),
      DATABASE_URL: embedded.url,
      PORT: String(port),
      NEXT_DIST_DIR: distDir,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
    },
  });
  // The server's stderr, less its pauses (kept for the cases to line up with their requests).
  readline.createInterface({ input: app.stderr! }).on("line", (line) => {
    const pause = parseGcPause(line);
    if (pause) gcPauses.push(pause);
    else process.stderr.write(`${line}\n`);
  });
  // The server warms its processes up once it listens (scripts/warm-up.ts), as it does for its first
  // visitors: the cold pass starts after that, with the database as the load left it.
  const warmedUp = new Promise<string>((resolve) => {
    let output: string | null = ""; // null once the line is found: the rest is let go
    app!.stdout!.on("data", (chunk: Buffer) => {
      if (output === null) return;
      output += chunk.toString();
      const line = output.split("\n").find((l) => l.includes("Warmed up"));
      if (line) {
        output = null;
        resolve(line.replace(/^\[triangulate\] /, ""));
      }
    });
  });
  await waitFor(`${base}/api/incidents?limit=1`, app);
  log(await warmedUp);
  const rssAtStart = serverRss(app.pid!);

  const random = rng(42);
  const around = (spanDeg: number) =>
    Array.from({ length: requestsPerCase }, () => {
      const region = REGIONS[Math.floor(random() * REGIONS.length)]!;
      const lon = region.lon + (random() - 0.5) * region.spread;
      const lat = region.lat + (random() - 0.5) * region.spread;
      return [lon - spanDeg, lat - spanDeg / 2, lon + spanDeg, lat + spanDeg / 2].map((n) => n.toFixed(3)).join(",");
    });
  const codes = (await pool.query(`SELECT code FROM "Incident" ORDER BY md5(code) LIMIT $1`, [requestsPerCase])).rows.map(
    (r) => r.code as string,
  );
  const countries = [...new Set(REGIONS.map((r) => r.iso3))];
  const times = Array.from({ length: requestsPerCase }, (_, i) => i);

  // A random start date per request defeats the data-version cache: the aggregation's own cost.
  const day0 = Date.UTC(2011, 0, 1);
  const uncached = () => new Date(day0 + Math.floor(random() * 400) * 86_400_000).toISOString().slice(0, 10);
  const sourceSlugs = (await pool.query(`SELECT slug FROM "Source" ORDER BY md5(slug) LIMIT $1`, [requestsPerCase])).rows.map(
    (r) => r.slug as string,
  );
  const slugAt = (i: number) => sourceSlugs[i % sourceSlugs.length]!;
  const filtered = (i: number) => `country=${countries[i % countries.length]}&from=${2011 + (i % 10)}-01-01`;

  /**
   * Every read case once, as one pass. The bench runs two: "cold", right after the load (a new
   * server, nothing cached, the database as the load left it), and "after import", right after
   * the 100,000-row import and its figures — the worker's maintenance (VACUUM of "Incident") done.
   */
  async function readPass(pass: Pass) {
    log(`read pass: ${pass}`);
    const push = (stat: Stat) => results.latency.push({ ...stat, pass });
    push(
      await timeRequests(
        "map · world (zoom 2)",
        "p95 ≤ 150 ms",
        times.map(() => `${base}/api/map?bbox=-180,-85,180,85&zoom=2`),
      ),
    );
    push(
      await timeRequests(
        "map · world, uncached",
        "p95 ≤ 150 ms",
        times.map(() => `${base}/api/map?bbox=-180,-85,180,85&zoom=2&from=${uncached()}`),
      ),
    );
    push(
      await timeRequests(
        "map · region (zoom 6)",
        "p95 ≤ 150 ms",
        around(12).map((b) => `${base}/api/map?bbox=${b}&zoom=6`),
      ),
    );
    // Zoom 8: the undated summary level; with dates, the densest views aggregated from the incidents (covering index).
    push(
      await timeRequests(
        "map · zoom 8",
        "p95 ≤ 150 ms",
        around(3.5).map((b) => `${base}/api/map?bbox=${b}&zoom=8`),
      ),
    );
    push(
      await timeRequests(
        "map · zoom 8, dated (incidents)",
        "p95 ≤ 150 ms",
        around(3.5).map((b) => `${base}/api/map?bbox=${b}&zoom=8&from=${uncached()}&to=2024-12-31`),
      ),
    );
    // Filters beyond dates and countries: one flag or event types, from the facet summary.
    const FLAG_CYCLE = ["contested", "single_source", "open_ended", "parties_only", "official_lower", "breakdown_mismatch"];
    const TYPE_CYCLE = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"].map(encodeURIComponent);
    push(
      await timeRequests(
        "map · world, one flag",
        "p95 ≤ 150 ms",
        times.map((i) => `${base}/api/map?bbox=-180,-85,180,85&zoom=2&flag=${FLAG_CYCLE[i % FLAG_CYCLE.length]}&from=${uncached()}`),
      ),
    );
    push(
      await timeRequests(
        "map · world, event type",
        "p95 ≤ 150 ms",
        times.map((i) => `${base}/api/map?bbox=-180,-85,180,85&zoom=3&eventType=${TYPE_CYCLE[i % TYPE_CYCLE.length]}&from=${uncached()}`),
      ),
    );
    push(
      await timeRequests(
        "map · region, one flag",
        "p95 ≤ 150 ms",
        around(12).map((b, i) => `${base}/api/map?bbox=${b}&zoom=6&flag=${FLAG_CYCLE[i % FLAG_CYCLE.length]}&from=${uncached()}`),
      ),
    );
    push(
      await timeRequests(
        "map · zoom 8, one flag (incidents)",
        "p95 ≤ 150 ms",
        around(3.5).map((b, i) => `${base}/api/map?bbox=${b}&zoom=8&flag=${FLAG_CYCLE[i % FLAG_CYCLE.length]}`),
      ),
    );
    push(
      await timeRequests(
        "map · town (zoom 12)",
        "p95 ≤ 150 ms",
        around(0.2).map((b) => `${base}/api/map?bbox=${b}&zoom=12`),
      ),
    );
    push(
      await timeRequests(
        "list · country + flag",
        "p95 ≤ 100 ms",
        times.map(
          (i) => `${base}/api/incidents?country=${countries[i % countries.length]}&flag=${i % 2 ? "contested" : "single_source"}&limit=50`,
        ),
      ),
    );
    push(
      await timeRequests(
        "timeline · all, by month",
        "p95 ≤ 300 ms",
        times.map(() => `${base}/api/timeline?interval=month`),
      ),
    );
    push(
      await timeRequests(
        "timeline · all, uncached",
        "p95 ≤ 300 ms",
        times.map(() => `${base}/api/timeline?interval=month&from=${uncached()}`),
      ),
    );
    push(
      await timeRequests(
        "timeline · one country",
        "p95 ≤ 300 ms",
        times.map((i) => `${base}/api/timeline?interval=auto&country=${countries[i % countries.length]}`),
      ),
    );
    push(
      await timeRequests(
        "timeline · one flag",
        "p95 ≤ 300 ms",
        times.map((i) => `${base}/api/timeline?interval=month&flag=${FLAG_CYCLE[i % FLAG_CYCLE.length]}&from=${uncached()}`),
      ),
    );
    // Two flags at once: the facet rows per set of flags.
    const flagPair = (i: number) => `flag=${FLAG_CYCLE[i % FLAG_CYCLE.length]}&flag=${FLAG_CYCLE[(i + 1) % FLAG_CYCLE.length]}`;
    push(
      await timeRequests(
        "timeline · two flags",
        "p95 ≤ 300 ms",
        times.map((i) => `${base}/api/timeline?interval=month&${flagPair(i)}&from=${uncached()}`),
      ),
    );
    // The home page counts the incidents of its filter (from the map summaries when they can answer).
    push(
      await timeRequests(
        "home page (HTML)",
        "no budget",
        times.map(() => `${base}/`),
      ),
    );
    push(
      await timeRequests(
        "home page, one flag (HTML)",
        "no budget",
        times.map((i) => `${base}/?flag=${FLAG_CYCLE[i % FLAG_CYCLE.length]}&from=${uncached()}`),
      ),
    );
    push(
      await timeRequests(
        "incident page (HTML)",
        "p95 ≤ 50 ms",
        codes.map((c) => `${base}/incidents/${c}`),
      ),
    );
    push(
      await timeRequests(
        "incident API (JSON)",
        "p95 ≤ 50 ms",
        codes.map((c) => `${base}/api/incidents/${c}`),
      ),
    );
    // Source track records (lib/track-record): stored statistics; filtered ones summed from the stored per-incident rows.
    push(
      await timeRequests(
        "source page (HTML)",
        "p95 ≤ 200 ms",
        times.map((i) => `${base}/sources/${slugAt(i)}`),
      ),
    );
    push(
      await timeRequests(
        "source page, country + dates (HTML)",
        "p95 ≤ 200 ms",
        times.map((i) => `${base}/sources/${slugAt(i)}?${filtered(i)}`),
      ),
    );
    push(
      await timeRequests(
        "track-record API (JSON)",
        "p95 ≤ 200 ms",
        times.map((i) => `${base}/api/sources/${slugAt(i)}/track-record`),
      ),
    );
    push(
      await timeRequests(
        "track-record API, country + dates",
        "p95 ≤ 200 ms",
        times.map((i) => `${base}/api/sources/${slugAt(i)}/track-record?${filtered(i)}`),
      ),
    );
  }
  await readPass("cold");

  // Throughput: many readers at once on the three busiest routes, on loopback. Measured twice:
  // after the cold read pass, and once more at the end of the run, when each server process has
  // rendered thousands of pages (V8 optimises the render path over the first minutes of load:
  // docs/performance.md).
  async function throughputPass(pass: ThroughputPass) {
    const incidentPaths = codes.map((c) => `/incidents/${c}`);
    const apiPaths = codes.map((c, i) => `/api/incidents?country=${countries[i % countries.length]}&limit=50`);
    const mapPaths = around(12).map((b) => `/api/map?bbox=${b}&zoom=6`);
    for (const connections of [20, 50]) {
      for (const [name, paths] of [
        ["incident page (HTML)", incidentPaths],
        ["GET /api/incidents", apiPaths],
        ["GET /api/map", mapPaths],
      ] as const) {
        const outcome = { ...(await throughput(name, base, [...paths], connections, throughputSeconds)), pass };
        results.throughput.push(outcome);
        log(
          `throughput (${pass}) · ${name} · ${connections} clients: ${outcome.perSecond} req/s, p95 ${outcome.p95} ms, ${outcome.non2xx} non-2xx`,
        );
      }
    }
  }
  await throughputPass("after the cold pass");

  // Many editors at once: 20 adding claims to the same 3 incidents, then 20 each to their own.
  {
    const editorsDb = createPrismaClient(embedded.url);
    const editor = await editorsDb.user.upsert({
      where: { email: "bench-editor@bench.triangulate.test" },
      create: { email: "bench-editor@bench.triangulate.test", name: "Bench editor", role: "editor", passwordHash: "!" },
      update: {},
    });
    const { token } = await createApiToken(editorsDb, editor.id, `bench ${results.startedAt}`);
    const claimant = await editorsDb.source.upsert({
      where: { slug: "bench-editors" },
      create: { slug: "bench-editors", name: "Bench editors' source", kind: "witness" },
      update: {},
    });
    await editorsDb.$disconnect();
    const editorCodes = (await pool.query(`SELECT code FROM "Incident" ORDER BY md5(code || 'editors') LIMIT 23`)).rows.map(
      (r) => r.code as string,
    );
    for (const [label, targets] of [
      ["same 3 incidents", editorCodes.slice(0, 3)],
      ["20 different incidents", editorCodes.slice(3)],
    ] as const) {
      log(`20 editors adding claims to ${label} for ${editorSeconds} s…`);
      const outcome = await concurrentEditors({
        base,
        token,
        claimantId: claimant.id,
        codes: [...targets],
        editors: 20,
        seconds: editorSeconds,
        label,
      });
      results.editors.push({ ...outcome, label } as EditorsOutcome & { label: string });
      log(
        `  ${outcome.created} created, ${outcome.conflicts} 409, ${outcome.serverErrors} 5xx, ${outcome.clientErrors} other 4xx, ${outcome.networkErrors} network errors; p95 ${outcome.p95} ms`,
      );
    }
  }

  // Export of everything, next to PostgreSQL's own COPY of the same join. The editors' writes
  // above keep the server's figure and track-record workers busy for a while; their memory is
  // not the export's, so the export starts once they are idle.
  const settleStarted = performance.now();
  await workersIdle(async () => true);
  results.export.workersSettleSeconds = round((performance.now() - settleStarted) / 1000);
  log(`Exporting figures.csv of everything (the workers were idle after ${results.export.workersSettleSeconds} s)…`);
  // Growth is measured from just before the export: the read cases above warm the server's own
  // caches (rendered pages, compiled queries), which is not memory the export holds.
  // Growth is per process (the one that serves the export), not the largest process's RSS against another's.
  const rssBeforeExport = serverRss(app.pid!);
  const rssBeforeByPid = serverRssByPid(app.pid!);
  let growth = 0;
  const sampler = setInterval(() => {
    for (const [pid, rss] of serverRssByPid(app!.pid!)) growth = Math.max(growth, rss - (rssBeforeByPid.get(pid) ?? rss));
  }, 100);
  const exportStarted = performance.now();
  const response = await fetch(`${base}/api/export/figures.csv`);
  let exportBytes = 0;
  let exportRows = 0;
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    exportBytes += value.byteLength;
    for (const byte of value) if (byte === 10) exportRows++;
  }
  const exportSeconds = (performance.now() - exportStarted) / 1000;
  clearInterval(sampler);
  exportRows -= 1; // header
  const client = await pool.connect();
  const copyStarted = performance.now();
  let copyRows = 0;
  await new Promise<void>((resolve, reject) => {
    const stream = client.query(
      copyTo(`COPY (SELECT i.code, i.title, i."dateStart", i."dateEnd", i."datePrecision", i."countryIso3", i.admin1, i.admin2, i."placeName", i.latitude, i.longitude,
        i."locationPrecision", i."eventType", i."subEventType", r.metric, r.category, r.low, r.best, r.high, r.method, array_to_string(r.flags, ';'), r."claimCount",
        r."sourceCount", r."independentSourceCount",
        (SELECT string_agg(DISTINCT s.name, ';') FROM "Claim" c JOIN "Source" s ON s.id = c."claimantId" WHERE c."incidentId" = i.id AND c.metric = r.metric AND c.category = r.category),
        i.grading, r."computedAt"
        FROM "Incident" i JOIN "Reconciliation" r ON r."incidentId" = i.id ORDER BY i.id) TO STDOUT WITH (FORMAT csv, HEADER)`),
    );
    stream.on("data", (chunk: Buffer) => {
      for (const byte of chunk) if (byte === 10) copyRows++;
    });
    stream.on("end", () => resolve());
    stream.on("error", reject);
  });
  const copySeconds = (performance.now() - copyStarted) / 1000;
  client.release();
  copyRows -= 1;
  results.export = {
    ...results.export,
    rows: exportRows,
    bytes: exportBytes,
    seconds: round(exportSeconds),
    rowsPerSecond: Math.round(exportRows / exportSeconds),
    copyRows,
    copySeconds: round(copySeconds),
    copyRowsPerSecond: Math.round(copyRows / copySeconds),
    ratioToCopy: round((exportRows / exportSeconds / (copyRows / copySeconds)) * 100) / 100,
    serverRssAtStartMiB: Math.round(rssAtStart),
    serverRssBeforeExportMiB: Math.round(rssBeforeExport),
    serverRssGrowthMiB: Math.round(growth),
  };
  log(
    `figures.csv: ${exportRows} rows in ${exportSeconds.toFixed(1)} s; COPY: ${copyRows} rows in ${copySeconds.toFixed(1)} s; largest server process ${Math.round(rssBeforeExport)} MiB before it, the serving process grew ${Math.round(growth)} MiB (${Math.round(rssAtStart)} MiB when it started)`,
  );

  // Import of a claims file, next to a raw COPY FROM of the same rows.
  const header =
    "claim_id,incident_code,metric,category,subgroup,value_min,value_max,qualifier,statement,claimant,claimant_kind,document_title,document_url,published_on,stated_on,assessment,active,superseded_by,entered_by,entered_at";
  const importCodes = (
    await pool.query(`SELECT code FROM "Incident" ORDER BY md5(code || $1) LIMIT $2`, [results.startedAt, importRows])
  ).rows.map((r) => r.code as string);
  // The file as one flat text, as an upload arrives: the rows' template strings are not kept
  // (100,000 of them held ~2.3 million string pieces, ~70 MB, that every full GC of the import walked).
  const csv = `${header}\n${importCodes
    .map(
      (code, i) =>
        `,${code},killed,civilians,,${i % 50},${i % 50},exact,"Bench import ${results.startedAt} row ${i}: ${i % 50} civilians were killed.",bench-source-${1 + (i % 300)},,,,,2024-01-0${1 + (i % 9)},not_assessed,,,,`,
    )
    .join("\n")}\n`;
  const fileRows = importCodes.length;
  const db = createPrismaClient(embedded.url);
  // What else PostgreSQL did meanwhile: a checkpoint or an autovacuum competes for the two cores.
  const checkpoints = async () => Number((await pool.query(`SELECT num_timed + num_requested AS n FROM pg_stat_checkpointer`)).rows[0].n);
  const checkpointsBefore = await checkpoints();
  const vacuumed = new Set<string>();
  const watcher = setInterval(() => {
    pool
      .query(`SELECT query FROM pg_stat_activity WHERE backend_type = 'autovacuum worker' AND state = 'active'`)
      .then(({ rows }) => rows.forEach((r) => vacuumed.add(String(r.query))))
      .catch(() => {});
  }, 250);
  // The worker vacuums after refreshing this many incidents (lib/figures/figure-queue.ts); "SourceIncident" is the last table it vacuums.
  const manualVacuums = async () =>
    Number((await pool.query(`SELECT vacuum_count AS n FROM pg_stat_user_tables WHERE relname = 'SourceIncident'`)).rows[0].n);
  const vacuumsBefore = await manualVacuums();
  const importStarted = performance.now();
  const summary = await runImport(db, csv, { format: "claims", fileName: "bench-claims.csv", actorId: null });
  const importSeconds = (performance.now() - importStarted) / 1000;
  clearInterval(watcher);
  log(
    `during the import: ${(await checkpoints()) - checkpointsBefore} checkpoint(s) started; autovacuum: ${[...vacuumed].join("; ") || "none"}`,
  );
  // The figures the import queued, reconciled here as the server would after an upload.
  const figuresStarted = performance.now();
  await startFigureQueue(embedded.url);
  const figuresSeconds = (performance.now() - figuresStarted) / 1000;
  await db.$disconnect();
  if (!summary.imported) throw new Error(`bench import refused: ${JSON.stringify(summary.errors.slice(0, 3))}`);
  const copyClient = await pool.connect();
  await copyClient.query(
    `CREATE TEMP TABLE bench_claims_copy (${header
      .split(",")
      .map((c) => `${c} text`)
      .join(", ")})`,
  );
  const copyInStarted = performance.now();
  await new Promise<void>((resolve, reject) => {
    const stream = copyClient.query(copyFrom(`COPY bench_claims_copy FROM STDIN WITH (FORMAT csv, HEADER)`));
    stream.on("finish", () => resolve());
    stream.on("error", reject);
    stream.end(csv);
  });
  const copyInSeconds = (performance.now() - copyInStarted) / 1000;
  copyClient.release();
  results.import = {
    rows: fileRows,
    claimsCreated: summary.claimsCreated,
    seconds: round(importSeconds),
    rowsPerSecond: Math.round(fileRows / importSeconds),
    figuresQueued: summary.figuresQueued,
    figuresSeconds: round(figuresSeconds),
    rowsPerSecondWithFigures: Math.round(fileRows / (importSeconds + figuresSeconds)),
    copyFromSeconds: round(copyInSeconds),
    copyFromRowsPerSecond: Math.round(fileRows / copyInSeconds),
    // Both against PostgreSQL's own COPY FROM of the same rows: the claims alone, and with their figures.
    ratioToCopyFrom: round((importSeconds ? copyInSeconds / importSeconds : 0) * 1000) / 1000,
    ratioWithFiguresToCopyFrom: round((copyInSeconds / (importSeconds + figuresSeconds)) * 1000) / 1000,
  };
  log(
    `import: ${fileRows} claims in ${importSeconds.toFixed(1)} s (figures of ${summary.figuresQueued} incidents queued, reconciled in ${figuresSeconds.toFixed(1)} s after); COPY FROM: ${copyInSeconds.toFixed(2)} s`,
  );

  // The second read pass, once the server's workers have caught up with the import: no figure or
  // track-record request left, and the vacuum that follows a refresh this large done (it starts
  // once the queue is empty, so an empty queue alone would start the pass during it).
  const upkeepStarted = performance.now();
  await workersIdle(async () => summary.figuresQueued < vacuumAfter.incidents || (await manualVacuums()) > vacuumsBefore);
  results.import.upkeepSeconds = round((performance.now() - upkeepStarted) / 1000);
  log(`the workers' upkeep after the import: ${results.import.upkeepSeconds} s more`);
  await readPass("after import");
  await throughputPass("end of run");
} finally {
  clearInterval(sampling);
  await sampler.end().catch(() => {});
  await pool.end().catch(() => {});
  if (app && app.exitCode === null) {
    const exited = new Promise((r) => app!.once("exit", r));
    app.kill("SIGTERM");
    await exited;
  }
  await embedded.stop();
}

fs.mkdirSync("bench", { recursive: true });
fs.writeFileSync(path.join("bench", "results.json"), `${JSON.stringify(results, null, 2)}\n`);

const pad = (s: string, n: number) => s.padEnd(n);
console.log(
  `\nTriangulate benchmark — ${results.incidents.toLocaleString("en")} incidents, ${results.claims.toLocaleString("en")} claims, ${requestsPerCase} requests per case`,
);
const nameWidth = Math.max(28, ...results.latency.map((c) => c.name.length + 2));
// One row per case: both passes side by side, each p50 / p95.
const passOf = (name: string, pass: Pass) => results.latency.find((s) => s.name === name && s.pass === pass);
const cell = (s: Stat | undefined) => (s ? `${s.p50} / ${s.p95}` : "—");
console.log(`${pad("case", nameWidth)}${pad("cold p50 / p95 ms", 22)}${pad("after import p50 / p95", 26)}${pad("body", 10)}target`);
for (const name of [...new Set(results.latency.map((s) => s.name))]) {
  const cold = passOf(name, "cold");
  const after = passOf(name, "after import");
  console.log(
    `${pad(name, nameWidth)}${pad(cell(cold), 22)}${pad(cell(after), 26)}${pad(`${Math.round((cold?.bytes ?? 0) / 1024)} KiB`, 10)}${cold?.target ?? after?.target}`,
  );
}
for (const t of results.throughput) {
  console.log(
    `throughput (${t.pass}) · ${t.name} · ${t.connections} clients × ${t.seconds} s: ${t.perSecond} req/s, p50 ${t.p50} ms, p95 ${t.p95} ms, ${t.non2xx} non-2xx${t.name.startsWith("incident page") && t.connections === 20 ? " (goal ≥ 100 req/s)" : ""}`,
  );
}
for (const o of results.editors as (EditorsOutcome & { label: string })[]) {
  console.log(
    `20 editors × ${o.seconds} s, claims on ${o.label}: ${o.created} created (${o.perSecond}/s), ${o.conflicts} × 409, ${o.serverErrors} × 5xx (goal 0), ${o.clientErrors} other 4xx; p50 ${o.p50} ms, p95 ${o.p95} ms`,
  );
}
const e = results.export as Record<string, number>;
const im = results.import as Record<string, number>;
console.log(
  `figures.csv export: ${e.rowsPerSecond} rows/s vs COPY ${e.copyRowsPerSecond} rows/s (${Math.round(e.ratioToCopy! * 100)}%; target ≥ 50%); server RSS growth ${e.serverRssGrowthMiB} MiB (target < 200)`,
);
console.log(
  `claims import: ${im.rowsPerSecond} rows/s (target ≥ 20,000) vs COPY FROM ${im.copyFromRowsPerSecond} rows/s (${((im.ratioToCopyFrom ?? 0) * 100).toFixed(1)} % of it); the queued figures of ${im.figuresQueued} incidents took ${im.figuresSeconds} s more (${im.rowsPerSecondWithFigures} rows/s counting them, ${((im.ratioWithFiguresToCopyFrom ?? 0) * 100).toFixed(2)} % of COPY FROM)`,
);
console.log("Written to bench/results.json");
