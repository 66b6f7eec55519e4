// Direct pg connections for the two things Prisma cannot do: COPY … TO STDOUT (exports) and
// COPY … FROM STDIN (bulk imports). Everything else goes through the Prisma client in lib/db.ts.
// One small pool per database URL, created on first use and kept for the life of the process.
import "server-only";
import pg from "pg";
import { databaseUrl } from "@/lib/env";

const globalForRawPg = globalThis as unknown as { triangulateRawPools?: Map<string, pg.Pool> };

/** Bulk work holds a connection for seconds to minutes: a few are enough (a claims import takes two), and they must not starve Prisma's pool. */
const RAW_POOL_MAX = 4;

export function rawPool(url: string = databaseUrl()): pg.Pool {
  const pools = (globalForRawPg.triangulateRawPools ??= new Map());
  let pool = pools.get(url);
  if (!pool) {
    pool = new pg.Pool({ connectionString: url, max: RAW_POOL_MAX, keepAlive: true });
    // An idle client that loses its server (restart) must not crash the process.
    // (The server ending idle sessions at shutdown lands here too: one line is enough.)
    pool.on("error", (error: Error) => console.error(`raw pg pool: idle connection lost: ${error.message}`));
    // A checked-out connection that loses its server can emit 'error' too, and pg-pool listens only
    // while a client is idle: unheard, the event would end the process. Its running query fails
    // with that error anyway, and the pool drops the dead client on release.
    pool.on("connect", (client: pg.PoolClient) => client.on("error", () => {}));
    pools.set(url, pool);
  }
  return pool;
}

const databaseUrls = new WeakMap<object, string>();

/**
 * Records which database a Prisma client talks to, so work that pairs it with a raw connection
 * (a COPY export) opens that connection to the same database. Unrecorded clients, such as the
 * app's own, are taken to use DATABASE_URL.
 */
export function rememberDatabaseUrl(client: object, url: string): void {
  databaseUrls.set(client, url);
}

/** The URL recorded for a Prisma client, if any (see rememberDatabaseUrl). */
export function databaseUrlOf(client: object): string | undefined {
  return databaseUrls.get(client);
}

/** Runs `work` on one connection inside a transaction; commits when it resolves, rolls back when it throws. */
export async function withRawTransaction<T>(
  work: (client: pg.PoolClient) => Promise<T>,
  options: { url?: string; begin?: string } = {},
): Promise<T> {
  const client = await rawPool(options.url).connect();
  let broken = false;
  try {
    await client.query(options.begin ?? "BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

/** Closes every raw pool (scripts and tests call this before exiting). */
export async function endRawPools(): Promise<void> {
  const pools = globalForRawPg.triangulateRawPools;
  if (!pools) return;
  await Promise.all([...pools.values()].map((p) => p.end().catch(() => {})));
  pools.clear();
}
