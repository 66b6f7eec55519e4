// The PostgreSQL driver adapter shared by the app's Prisma client and the offline Prisma CLI
// (prisma.config.ts). It works around two upstream bugs of @prisma/adapter-pg 6.19 (prisma/orm#27403):
//  1. result columns of the catalog types "char" (oid 18) and name (oid 19) are rejected as
//     unsupported; the Wasm schema engine reads them while introspecting, so we report them as text;
//  2. the stock shadow database reuses the main connection and drops the database before closing
//     its own pool; we create a throw-away database from a config object and drop it WITH (FORCE)
//     after its pool has ended.
//  3. executeScript() splits a migration on every ";" — even inside comments, strings and function
//     bodies — and runs the pieces one by one outside any transaction; we send the script whole,
//     which PostgreSQL runs as one implicit transaction (a failed migration leaves nothing behind).
// The 6.19 Wasm engine still panics while introspecting PostgreSQL 18 (`migrate diff --from-migrations`),
// so scripts/db-new-migration.ts diffs schema files instead and never introspects.
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

const TEXT_OID = 25;
const CATALOG_OIDS_READ_AS_TEXT = new Set([18, 19]);

type FieldLike = { dataTypeID: number };
type ResultLike = { fields?: FieldLike[] };

function retypeCatalogColumns<T>(result: T): T {
  // A multi-statement script yields an array of results.
  const results = (Array.isArray(result) ? result : [result]) as ResultLike[];
  for (const r of results) {
    for (const field of r?.fields ?? []) {
      if (CATALOG_OIDS_READ_AS_TEXT.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    }
  }
  return result;
}

/** pg.Client whose query results never carry the "char"/name oids the adapter rejects. */
class CatalogSafeClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    // A connection that loses its server can emit 'error'; the adapter listens only while a client
    // is idle or in a transaction, and an unheard 'error' event ends the process. Its query fails
    // with the error anyway, and the pool drops the dead client (pg-pool checks it on release).
    this.on("error", () => {});
  }

  // pg's query() has many overloads (promise, callback, submittable); we only post-process results.
  override query(...args: unknown[]): never {
    const [config] = args;
    const isSubmittable = typeof (config as { submit?: unknown } | null)?.submit === "function";
    if (isSubmittable) return (super.query as (...a: unknown[]) => never)(...args);
    const last = args[args.length - 1];
    if (typeof last === "function") {
      const callback = last as (err: unknown, res: unknown) => void;
      const wrapped = (err: unknown, res: unknown) => callback(err, err ? res : retypeCatalogColumns(res));
      return (super.query as (...a: unknown[]) => never)(...args.slice(0, -1), wrapped);
    }
    const pending = (super.query as (...a: unknown[]) => Promise<unknown>)(...args);
    return pending.then(retypeCatalogColumns) as never;
  }
}

export function poolConfig(connectionString: string): pg.PoolConfig {
  // keepAlive: a connection whose server vanished without closing it (a host gone) is found dead by the OS.
  return { connectionString, Client: CatalogSafeClient, max: Number(process.env.PG_POOL_MAX ?? 10), keepAlive: true };
}

/** Connection parameters as an object, so a shadow database can be named without string surgery. */
function connectionParts(connectionString: string): pg.ClientConfig {
  const url = new URL(connectionString);
  return {
    host: decodeURIComponent(url.hostname),
    port: url.port ? Number(url.port) : 5432,
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.replace(/^\//, "")) || "postgres",
  };
}

type ScriptRunner = { executeScript(script: string): Promise<void>; underlyingDriver(): unknown };

function runScriptsWhole<T extends ScriptRunner>(adapter: T): T {
  const pool = adapter.underlyingDriver() as pg.Pool;
  const rethrow = (adapter as unknown as { onError(error: unknown): never }).onError.bind(adapter);
  adapter.executeScript = async (script: string) => {
    try {
      await pool.query(script);
    } catch (error) {
      rethrow(error);
    }
  };
  return adapter;
}

export class TriangulatePgAdapterFactory extends PrismaPg {
  constructor(private readonly connectionString: string) {
    super(poolConfig(connectionString));
  }

  override async connect() {
    return runScriptsWhole(await super.connect());
  }

  override async connectToShadowDb() {
    const parts = connectionParts(this.connectionString);
    const database = `prisma_shadow_${randomUUID().replace(/-/g, "")}`;
    const admin = new pg.Client(parts);
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${database}"`);
    } finally {
      await admin.end();
    }
    const shadow = new PrismaPg({ ...parts, database, Client: CatalogSafeClient });
    const adapter = runScriptsWhole(await shadow.connect());
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      const dropper = new pg.Client(parts);
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    };
    return adapter;
  }
}
