// `npm run dev` / `npm start`: starts Triangulate with its database.
// Without DATABASE_URL it runs an embedded PostgreSQL whose data lives in .data/ (git-ignored):
// it applies the committed migrations, loads the Kobé seed into an empty database, then starts
// Next.js on PORT (default 3000). Ctrl-C stops Next.js and PostgreSQL cleanly.
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import exitHook from "async-exit-hook";
import { createPrismaClient } from "@/lib/db";
import { DataFolderInUseError, dataDirectory, startEmbeddedPostgres, type EmbeddedHandle } from "@/lib/db/embedded-postgres";
import { migrateDeploy } from "@/lib/db/migrate";
import { isEmpty, seedKobe } from "@/lib/seed/seed-database";
import { workerCount } from "./run-in-cluster.mjs";
import { waitForPort, warmUp } from "./warm-up";

const mode = process.argv[2] === "start" ? "start" : "dev";
const port = process.env.PORT ?? "3000";
const log = (line: string) => console.log(`[triangulate] ${line}`);

if (mode === "start" && !fs.existsSync(path.join(process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) {
  console.error("[triangulate] No production build found: run `npm run build` first (or use `npm run dev`).");
  process.exit(1);
}

let embedded: EmbeddedHandle | null = null;
let next: ChildProcess | null = null;
/** Set once we asked Next.js to stop: its exit is then expected, whatever its code (`next dev` exits 0). */
let stopping = false;

exitHook.forceExitTimeout(15_000);
exitHook((done) => {
  // Stop the web server first so no request is cut off by the database going away, then PostgreSQL.
  const stopNext = new Promise<void>((resolve) => {
    if (!next || next.exitCode !== null) return resolve();
    stopping = true;
    next.once("exit", () => resolve());
    next.kill("SIGTERM");
  });
  void stopNext
    .then(() => embedded?.stop())
    .catch((error: unknown) => console.error(error))
    .finally(() => done());
});

async function main() {
  let databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    log("Using the database at DATABASE_URL.");
  } else {
    const dataDir = dataDirectory();
    const started = Date.now();
    embedded = await startEmbeddedPostgres({ dataDir, log });
    databaseUrl = embedded.url;
    log(
      `Embedded PostgreSQL ready in ${Date.now() - started} ms (data in ${path.relative(process.cwd(), dataDir) || dataDir}, port ${embedded.port}).`,
    );
  }

  await migrateDeploy(databaseUrl, { quiet: true });
  log("Migrations applied.");
  const db = createPrismaClient(databaseUrl);
  let warmUpPaths: string[] = [];
  try {
    if (await isEmpty(db)) {
      const report = await seedKobe(db);
      log(`Empty database: loaded the Kobé seed (${report.incidentsCreated} incident, ${report.claimsCreated} claims).`);
    }
    if (mode === "start") {
      // The pages warmed up (scripts/warm-up.ts): the home page, the latest incident's and a source's.
      const incident = await db.incident.findFirst({
        where: { mergedIntoId: null },
        orderBy: { updatedAt: "desc" },
        select: { code: true },
      });
      const source = await db.source.findFirst({ orderBy: { slug: "asc" }, select: { slug: true } });
      warmUpPaths = ["/", ...(incident ? [`/incidents/${incident.code}`] : []), ...(source ? [`/sources/${source.slug}`] : [])];
    }
  } finally {
    await db.$disconnect();
  }

  const spawnOptions: SpawnOptions = {
    stdio: "inherit",
    // Telemetry would try to reach the internet; the app must work offline. A 32 MB young
    // generation (V8's default is 16): an import of 100,000 claims, which runs in this server,
    // spent ~1 s of its ~5 s collecting garbage, ~0.4 s less with it (docs/performance.md). `npm run
    // import` and `npm run bench` run with the same flag (package.json).
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      ...process.env,
      // Sees each request before Next does: stamps the client's address, answers undecodable paths 400.
      NODE_OPTIONS: [
        process.env.NODE_OPTIONS,
        "--max-semi-space-size=32",
        `--import=${pathToFileURL(path.resolve("scripts", "guard-requests.mjs")).href}`,
      ]
        .filter(Boolean)
        .join(" "),
      TRIANGULATE_STAMPS_CLIENT_ADDRESS: "1",
      DATABASE_URL: databaseUrl,
      PORT: port,
    },
  };
  // `start` runs several Next.js processes on the port (scripts/run-in-cluster.mjs); `dev` one.
  const nextArgs = [mode, "--port", port];
  next =
    mode === "start"
      ? spawn(
          process.execPath,
          [path.resolve("scripts", "run-in-cluster.mjs"), path.resolve("node_modules", "next", "dist", "bin", "next"), ...nextArgs],
          spawnOptions,
        )
      : spawn(path.resolve("node_modules", ".bin", "next"), nextArgs, spawnOptions);
  next.on("exit", (code, signal) => {
    // We asked it to stop, or the signal went to the whole process group (143 = 128 + SIGTERM).
    if (stopping || signal === "SIGTERM" || code === 143) return;
    log(`Next.js exited (${signal ?? code}); stopping.`);
    process.exitCode = code ?? 1;
    process.kill(process.pid, "SIGTERM");
  });
  log(`Triangulate: http://localhost:${port}`);
  if (mode === "start") void warmProcesses(warmUpPaths);
}

/** Each Next.js process renders the pages people read most ~20 times before they do (scripts/warm-up.ts). */
async function warmProcesses(paths: string[]) {
  const started = Date.now();
  const processes = workerCount();
  if (!(await waitForPort(Number(port), 120_000))) return;
  const { requests, ok } = await warmUp({ port: Number(port), paths, rounds: 20 * processes, parallel: processes });
  log(
    `Warmed up ${processes} process${processes > 1 ? "es" : ""} in ${((Date.now() - started) / 1000).toFixed(1)} s (${ok} of ${requests} pages answered).`,
  );
}

main().catch(async (error: unknown) => {
  if (error instanceof DataFolderInUseError) console.error(`[triangulate] ${error.message}`);
  else console.error("[triangulate] Could not start:", error);
  // A folder that belongs to another process must not be touched on the way out.
  if (!(error instanceof DataFolderInUseError)) await embedded?.stop().catch(() => {});
  process.exit(1);
});
