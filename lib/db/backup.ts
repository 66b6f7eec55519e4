// Logical backup and restore in Node: the embedded PostgreSQL 18 ships no pg_dump, and the
// system's older one refuses a newer server. A backup is one gzip'd file:
//   line 1: a JSON manifest (format version, the applied migrations, every table with its columns
//           and row count, every sequence's value);
//   then each table's rows in COPY text format, in the manifest's order (COPY text writes one line
//           per row, escaping newlines inside values, so a table ends after exactly `rows` lines).
// Everything is read in one REPEATABLE READ, READ ONLY transaction: one snapshot, consistent while
// the app keeps writing (as pg_dump does; DEFERRABLE would only matter at SERIALIZABLE).
// A restore goes into an empty database: the code's migrations (which must be the backup's), then
// every table by COPY with triggers and foreign keys off (session_replication_role = replica: the
// summary tables are restored as saved rather than recomputed by triggers), then the sequences,
// then VACUUM ANALYZE.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { migrateDeploy } from "./migrate";

export const BACKUP_FORMAT = "triangulate-backup";
export const BACKUP_VERSION = 1;

export type BackupManifest = {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  postgres: string;
  migrations: { name: string; checksum: string }[];
  tables: { name: string; columns: string[]; rows: number }[];
  sequences: { name: string; lastValue: string; isCalled: boolean }[];
};

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The migrations this code knows, by name, with the checksum Prisma records (sha256 of migration.sql). */
export function codeMigrations(directory = path.resolve("prisma", "migrations")): Map<string, string> {
  const known = new Map<string, string>();
  for (const name of fs.readdirSync(directory).sort()) {
    const file = path.join(directory, name, "migration.sql");
    if (fs.existsSync(file)) known.set(name, crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex"));
  }
  return known;
}

async function readManifest(client: pg.ClientBase): Promise<BackupManifest> {
  const { rows: version } = await client.query<{ v: string }>(`SHOW server_version`);
  const { rows: migrations } = await client.query<{ name: string; checksum: string }>(
    `SELECT migration_name AS name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  const { rows: tables } = await client.query<{ name: string; columns: string[] }>(
    `SELECT c.relname AS name, array_agg(a.attname::text ORDER BY a.attnum) AS columns
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'
      GROUP BY c.relname ORDER BY c.relname`,
  );
  // No table may change shape or be dropped while we read it (as pg_dump does); writes go on.
  for (const t of tables) await client.query(`LOCK TABLE ${ident(t.name)} IN ACCESS SHARE MODE`);
  const counted: BackupManifest["tables"] = [];
  for (const t of tables) {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${ident(t.name)}`);
    counted.push({ name: t.name, columns: t.columns, rows: Number(rows[0]!.n) });
  }
  const { rows: sequenceNames } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY 1`,
  );
  const sequences: BackupManifest["sequences"] = [];
  for (const s of sequenceNames) {
    const { rows } = await client.query<{ last_value: string; is_called: boolean }>(
      `SELECT last_value::text, is_called FROM ${ident(s.name)}`,
    );
    sequences.push({ name: s.name, lastValue: rows[0]!.last_value, isCalled: rows[0]!.is_called });
  }
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: new Date().toISOString(),
    postgres: version[0]!.v,
    migrations,
    tables: counted,
    sequences,
  };
}

/** Writes a backup of the database at `url` to `file`; returns its manifest. */
export async function backupDatabase(
  url: string,
  file: string,
  options: { afterTable?: (name: string) => Promise<void> } = {},
): Promise<BackupManifest> {
  const client = new pg.Client({ connectionString: url });
  // A lost connection fails the running query; the event itself must not crash the process.
  client.on("error", () => {});
  await client.connect();
  const gzip = zlib.createGzip({ level: 6 });
  const partial = `${file}.partial`;
  const written = pipeline(gzip, fs.createWriteStream(partial));
  // Keep a write failure (disk full) from being unhandled while we are still reading.
  written.catch(() => {});
  const write = async (chunk: Buffer | string) => {
    if (!gzip.write(chunk))
      await new Promise<void>((resolve, reject) => {
        gzip.once("drain", resolve);
        written.catch(reject);
      });
  };
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    const manifest = await readManifest(client);
    await write(`${JSON.stringify(manifest)}\n`);
    for (const table of manifest.tables) {
      if (!table.rows) continue;
      const columns = table.columns.map(ident).join(", ");
      for await (const chunk of client.query(copyTo(`COPY ${ident(table.name)} (${columns}) TO STDOUT`)) as AsyncIterable<Buffer>)
        await write(chunk);
      // Tests commit writes here, to prove they stay out of the snapshot.
      await options.afterTable?.(table.name);
    }
    await client.query("COMMIT");
    gzip.end();
    await written;
    fs.renameSync(partial, file);
    return manifest;
  } catch (error) {
    gzip.destroy();
    await written.catch(() => {});
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Reads a gunzipped stream as a manifest line, then as runs of whole lines. */
class LineReader {
  private buffered: Buffer = Buffer.alloc(0);
  constructor(private readonly source: AsyncIterator<Buffer>) {}

  private async more(): Promise<boolean> {
    const next = await this.source.next();
    if (next.done) return false;
    this.buffered = this.buffered.length ? Buffer.concat([this.buffered, next.value]) : next.value;
    return true;
  }

  async line(limit = 64 * 2 ** 20): Promise<string> {
    for (;;) {
      const end = this.buffered.indexOf(10);
      if (end >= 0) {
        const text = this.buffered.subarray(0, end).toString("utf8");
        this.buffered = this.buffered.subarray(end + 1);
        return text;
      }
      if (this.buffered.length > limit || !(await this.more()))
        throw new BackupError("This file is not a Triangulate backup (no manifest line).");
    }
  }

  /** Exactly `count` lines, as byte pieces (newlines included). */
  async *lines(count: number, what: string): AsyncGenerator<Buffer> {
    let left = count;
    while (left > 0) {
      if (!this.buffered.length && !(await this.more()))
        throw new BackupError(`The backup ends in the middle of ${what}: the file is truncated.`);
      let at = -1;
      while (left > 0) {
        const next = this.buffered.indexOf(10, at + 1);
        if (next < 0) break;
        at = next;
        left--;
      }
      const piece = left > 0 ? this.buffered : this.buffered.subarray(0, at + 1);
      this.buffered = left > 0 ? Buffer.alloc(0) : this.buffered.subarray(at + 1);
      yield piece;
    }
  }

  async atEnd(): Promise<boolean> {
    return !this.buffered.length && !(await this.more());
  }
}

/** Reads only the manifest of a backup file. */
export async function readBackupManifest(file: string): Promise<BackupManifest> {
  const input = fs.createReadStream(file).pipe(zlib.createGunzip());
  try {
    return parseManifest(await new LineReader(input[Symbol.asyncIterator]()).line());
  } finally {
    input.destroy();
  }
}

function parseManifest(line: string): BackupManifest {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(line) as BackupManifest;
  } catch {
    throw new BackupError("This file is not a Triangulate backup (its first line is not a manifest).");
  }
  if (manifest?.format !== BACKUP_FORMAT) throw new BackupError("This file is not a Triangulate backup.");
  if (manifest.version !== BACKUP_VERSION)
    throw new BackupError(`This backup has format version ${manifest.version}; this Triangulate reads version ${BACKUP_VERSION}.`);
  return manifest;
}

/** Refuses a backup whose migrations are not exactly this code's (unknown, edited, or missing ones). */
export function checkMigrations(manifest: BackupManifest, known = codeMigrations()): void {
  const unknown = manifest.migrations.filter((m) => !known.has(m.name));
  if (unknown.length) {
    throw new BackupError(
      `This backup was made by a newer Triangulate: it has migrations this code does not know (${unknown.map((m) => m.name).join(", ")}). Restore it with that version.`,
    );
  }
  const edited = manifest.migrations.filter((m) => known.get(m.name) !== m.checksum);
  if (edited.length)
    throw new BackupError(`The migrations ${edited.map((m) => m.name).join(", ")} differ from the ones this backup was made with.`);
  const saved = new Set(manifest.migrations.map((m) => m.name));
  const newer = [...known.keys()].filter((name) => !saved.has(name));
  if (newer.length) {
    throw new BackupError(
      `This backup was made before the migrations ${newer.join(", ")}: restore it with the Triangulate version that made it, then start this version (it applies them).`,
    );
  }
}

/** Names of the tables in the database's public schema (an empty database has none). */
async function existingTables(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
  return rows.map((r) => r.name);
}

export type RestoreReport = { tables: number; rows: number; manifest: BackupManifest };

/**
 * Restores `file` into the database at `url`, which must be empty (no table in its public schema)
 * unless `force` (then the public schema is dropped and created again first).
 */
export async function restoreDatabase(
  url: string,
  file: string,
  options: { force?: boolean; log?: (line: string) => void } = {},
): Promise<RestoreReport> {
  const log = options.log ?? (() => {});
  if (!fs.existsSync(file)) throw new BackupError(`No such file: ${file}`);
  const input = fs.createReadStream(file).pipe(zlib.createGunzip());
  const reader = new LineReader(input[Symbol.asyncIterator]());
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  try {
    const manifest = parseManifest(
      await reader.line().catch((error: unknown) => {
        throw error instanceof BackupError
          ? error
          : new BackupError(`This file is not a Triangulate backup (${(error as Error).message}).`);
      }),
    );
    checkMigrations(manifest);
    await client.connect();
    const tables = await existingTables(client);
    if (tables.length) {
      if (!options.force) {
        throw new BackupError(
          `The database is not empty (${tables.length} tables, e.g. ${tables.slice(0, 3).join(", ")}). Restore into an empty database, or add --force to replace everything in it.`,
        );
      }
      log("--force: dropping everything in the database's public schema.");
      await client.query(`DROP SCHEMA public CASCADE; CREATE SCHEMA public`);
    }
    log(`Applying ${manifest.migrations.length} migrations…`);
    await migrateDeploy(url, { quiet: true });
    let rows = 0;
    await client.query("BEGIN");
    try {
      // Triggers (the summary tables' upkeep) and foreign keys off: rows go in as they were saved.
      await client.query("SET LOCAL session_replication_role = replica").catch((error: Error) => {
        throw new BackupError(
          `Restoring needs a role that may set session_replication_role (a superuser or the database's owner with that right): ${error.message}`,
        );
      });
      for (const table of manifest.tables) {
        if (!table.rows) continue;
        const started = performance.now();
        const copy = client.query(copyFrom(`COPY ${ident(table.name)} (${table.columns.map(ident).join(", ")}) FROM STDIN`));
        await pipeline(Readable.from(reader.lines(table.rows, `table ${table.name}`)), copy as unknown as Writable);
        if (copy.rowCount !== table.rows)
          throw new BackupError(`Table ${table.name}: ${copy.rowCount} rows restored, the backup says ${table.rows}.`);
        rows += table.rows;
        log(`${table.name}: ${table.rows} rows (${((performance.now() - started) / 1000).toFixed(1)} s)`);
      }
      if (!(await reader.atEnd())) throw new BackupError("The backup holds more data than its manifest lists: the file is damaged.");
      for (const s of manifest.sequences)
        await client.query(`SELECT setval($1::regclass, $2::bigint, $3)`, [ident(s.name), s.lastValue, s.isCalled]);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
    log("VACUUM ANALYZE…");
    await client.query("VACUUM ANALYZE");
    return { tables: manifest.tables.length, rows, manifest };
  } finally {
    input.destroy();
    await client.end().catch(() => {});
  }
}
