// Profiles the claims import against a filled database of its own (not .data/bench, which the
// benchmark owns), with the benchmark's file: one new claim on each of --rows different incidents.
//   npx tsx --conditions=react-server scripts/profile-import.ts [--incidents 200000] [--rows 100000] [--data .data/profile-import]
//        [--refill] [--twice] [--before-sql "SQL run on the fresh copy first, for what-ifs"]
//        [--slice ROWS (claims rows per slice)] [--skip-worker (leave the queued figures)]
//        [--cold (do not load the tables the import touches into shared buffers first)]
//        [--heap-snapshot-at MS (write a heap snapshot MS milliseconds into the import)]
// The first run fills the database (fill-bench-database.ts) and keeps it as a template; every run
// then imports into a fresh copy of it, so runs start from the same state. Prints rows/s, the time
// of each progress phase, this process's CPU time, PostgreSQL's (Linux: its processes in /proc) and
// the peak RSS; TRIANGULATE_IMPORT_TIMINGS=1 adds the writer's steps, each with the moment it ended.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import v8 from "node:v8";
import pg from "pg";
import { createPrismaClient } from "@/lib/db";
import { startEmbeddedPostgres, ensureDatabase } from "@/lib/db/embedded-postgres";
import { migrateDeploy } from "@/lib/db/migrate";
import { endRawPools } from "@/lib/db/raw-pg";
import { fillBenchDatabase } from "@/lib/bench/fill-bench-database";
import { startFigureQueue } from "@/lib/figures/figure-queue";
import { claimsSlice } from "@/lib/import/claims-import";
import { runImport } from "@/lib/import/run-import";
import type { ImportProgress } from "@/lib/import/import-types";

const { values } = parseArgs({
  options: {
    incidents: { type: "string", default: "200000" },
    rows: { type: "string", default: "100000" },
    data: { type: "string", default: path.resolve(".data", "profile-import") },
    refill: { type: "boolean", default: false },
    twice: { type: "boolean", default: false },
    "before-sql": { type: "string" },
    slice: { type: "string" },
    "skip-worker": { type: "boolean", default: false },
    cold: { type: "boolean", default: false },
    "heap-snapshot-at": { type: "string" },
  },
});
const incidents = Number(values.incidents);
if (values.slice) claimsSlice.rows = Number(values.slice);
const rows = Number(values.rows);
const log = (line: string) => console.error(`[profile] ${line}`);

/**
 * CPU seconds used so far by each running PostgreSQL process (the embedded server runs here): the
 * import's two connections stay open until the end, so a difference of two readings is what
 * PostgreSQL spent on the import. Empty where /proc is not readable.
 */
function postgresCpu(): Map<string, number> {
  const used = new Map<string, number>();
  const tick = 100; // USER_HZ on Linux
  for (const pid of fs.existsSync("/proc") ? fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name)) : []) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (!stat.includes("(postgres)")) continue;
      used.set(pid, (Number(fields[11]) + Number(fields[12])) / tick); // utime + stime
    } catch {
      // gone meanwhile
    }
  }
  return used;
}

const embedded = await startEmbeddedPostgres({ dataDir: values.data, log });
const adminUrl = embedded.url.replace(/\/triangulate$/, "/postgres");
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
const TEMPLATE = `prof_${incidents}`;
try {
  const has = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [TEMPLATE])).rowCount;
  if (!has || values.refill) {
    log(`filling ${incidents} incidents…`);
    const filled = await fillBenchDatabase(embedded.url, incidents, log);
    log(`filled: ${JSON.stringify(filled)}`);
    await admin.query(`DROP DATABASE IF EXISTS "${TEMPLATE}" WITH (FORCE)`);
    // The fill's last connections may still be closing; a template cannot have any.
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'triangulate' AND pid <> pg_backend_pid()`);
    await admin.query(`CREATE DATABASE "${TEMPLATE}" TEMPLATE triangulate`);
  } else {
    const t = Date.now();
    await admin.query(`DROP DATABASE IF EXISTS triangulate WITH (FORCE)`);
    await admin.query(`CREATE DATABASE triangulate TEMPLATE "${TEMPLATE}"`);
    log(`fresh copy of ${TEMPLATE} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  await ensureDatabase(adminUrl, "triangulate");
  // A template filled before a new migration gets it now.
  await migrateDeploy(embedded.url, { quiet: true });
  const pool = new pg.Pool({ connectionString: embedded.url, max: 1 });
  if (values["before-sql"]) await pool.query(values["before-sql"]);
  await pool.query("ANALYZE");
  if (!values.cold) {
    // A fresh copy starts with cold caches; the benchmark's import follows its reads. Load what the
    // import touches (~1.1 GB at a million incidents, under the 2 GB of shared buffers).
    await pool.query("CREATE EXTENSION IF NOT EXISTS pg_prewarm");
    await pool.query(
      `SELECT pg_prewarm(r) FROM unnest(ARRAY['"Incident"', '"Incident_code_key"', '"Incident_pkey"', '"Claim"', '"Claim_pkey"', '"Claim_incidentId_metric_category_idx"', '"Claim_claimantId_idx"', '"Source"', '"FigureRefreshRequest"']::regclass[]) AS r`,
    );
  }
  const codes = (await pool.query(`SELECT code FROM "Incident" ORDER BY md5(code || 'x') LIMIT $1`, [rows])).rows.map(
    (r) => r.code as string,
  );
  await pool.end();
  const header =
    "claim_id,incident_code,metric,category,subgroup,value_min,value_max,qualifier,statement,claimant,claimant_kind,document_title,document_url,published_on,stated_on,assessment,active,superseded_by,entered_by,entered_at";
  const stamp = new Date().toISOString();
  // One flat text, as an upload arrives (the rows' template strings are not kept: bench.ts).
  const csv = `${header}\n${codes
    .map(
      (code, i) =>
        `,${code},killed,civilians,,${i % 50},${i % 50},exact,"Bench import ${stamp} row ${i}: ${i % 50} civilians were killed.",bench-source-${1 + (i % 300)},,,,,2024-01-0${1 + (i % 9)},not_assessed,,,,`,
    )
    .join("\n")}\n`;

  const db = createPrismaClient(embedded.url);
  for (let run = 0; run < (values.twice ? 2 : 1); run++) {
    // Full-page images: the first change of a page after a checkpoint writes the whole page to the WAL.
    const fullPages = async () => {
      await new Promise((resolve) => setTimeout(resolve, 1_100)); // backends report their WAL statistics within a second
      await admin.query("SELECT pg_stat_clear_snapshot()");
      return Number((await admin.query<{ n: string }>("SELECT wal_fpi::text AS n FROM pg_stat_wal")).rows[0]!.n);
    };
    const fullPagesBefore = await fullPages();
    const phases: [string, number][] = [];
    let last = "";
    const started = performance.now();
    const onProgress = (p: ImportProgress) => {
      if (p.phase !== last) {
        phases.push([p.phase, performance.now()]);
        last = p.phase;
      }
    };
    const rssBefore = process.memoryUsage().rss;
    const cpuBefore = process.cpuUsage();
    const postgresBefore = postgresCpu();
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const walBefore = (await admin.query<{ lsn: string }>("SELECT pg_current_wal_insert_lsn()::text AS lsn")).rows[0]!.lsn;
    if (values["heap-snapshot-at"]) {
      // What the import holds at that moment (the snapshot pauses it: its time is then meaningless).
      setTimeout(() => log(`heap snapshot: ${v8.writeHeapSnapshot()}`), Number(values["heap-snapshot-at"]));
    }
    const summary = await runImport(db, csv, { format: "claims", fileName: "profile-claims.csv", actorId: null, onProgress });
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore); // this process's threads, GC helpers included
    const postgresBusy = [...postgresCpu()].map(([pid, seconds]) => seconds - (postgresBefore.get(pid) ?? 0)).filter((s) => s >= 0.05);
    const importFullPages = (await fullPages()) - fullPagesBefore;
    const queueStarted = performance.now();
    if (!values["skip-worker"]) await startFigureQueue(embedded.url);
    clearInterval(sampler);
    const queueSeconds = (performance.now() - queueStarted) / 1000;
    const timings = phases.map(([phase, at], i) => `${phase} ${(((phases[i + 1]?.[1] ?? performance.now()) - at) / 1000).toFixed(2)} s`);
    const walBytes = Number(
      (await admin.query<{ bytes: string }>("SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), $1::pg_lsn)::text AS bytes", [walBefore]))
        .rows[0]!.bytes,
    );
    log(
      `run ${run + 1}: ${rows} rows in ${seconds.toFixed(2)} s = ${Math.round(rows / seconds)} rows/s; WAL ${Math.round(walBytes / 2 ** 20)} MiB (the import's full-page images: ${importFullPages}); imported=${summary.imported} created=${summary.claimsCreated} present=${summary.claimsAlreadyPresent} figures=${summary.figuresRefreshed} queued=${summary.figuresQueued} errors=${summary.errors.length}`,
    );
    log(
      `  phases: ${timings.join(" · ")}; Node's CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s; PostgreSQL's CPU ${postgresBusy
        .reduce((a, b) => a + b, 0)
        .toFixed(2)} s (${postgresBusy.map((s) => s.toFixed(2)).join(" + ")})`,
    );
    if (summary.figuresQueued && !values["skip-worker"])
      log(`  figures of ${summary.figuresQueued} incidents reconciled by the queue in ${queueSeconds.toFixed(2)} s after the import`);
    log(`  rss ${Math.round(rssBefore / 2 ** 20)} → peak ${Math.round(peak / 2 ** 20)} MiB`);
    if (summary.errors.length) log(JSON.stringify(summary.errors.slice(0, 3)));
  }
  await db.$disconnect();
} finally {
  await endRawPools();
  await admin.end();
  await embedded.stop();
}
