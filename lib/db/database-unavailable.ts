// How to tell a lost database from a bug, and what the app answers meanwhile: 503 with
// Retry-After instead of 500 (APIs through errorResponse, pages through proxy.ts). The pools drop
// dead connections and open new ones when PostgreSQL is back, so the app recovers by itself
// (lib/db/pg-adapter.ts, lib/db/raw-pg.ts). No database access here: lib/errors.ts imports it.

/** What Retry-After says: PostgreSQL restarts in a few seconds. */
export const RETRY_AFTER_SECONDS = 5;

/** Socket errors of a connection that cannot be opened or was cut. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);
/** PostgreSQL's own: shutting down (57P01–57P03), too many connections, connection failures (class 08). */
const SERVER_CODE = /^(57P0[123]|53300|08\d{3})$/;
/** Prisma's: cannot reach the server, timed out, server closed the connection. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1017"]);
/** The driver adapter's kinds for the same (@prisma/adapter-pg convertDriverError). */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/** pg's plain Errors for a connection that died under it. */
const MESSAGES =
  /Connection terminated|terminating connection|Client has encountered a connection error|connection timeout|Connection refused|the database system is (shutting down|starting up|in recovery mode)|Can't reach database server|Server has closed the connection/i;

/** True when `error` (or what caused it) says the database cannot be reached, rather than that a query was wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length) {
    const e = pending.pop();
    if (!e || typeof e !== "object" || seen.has(e)) continue;
    seen.add(e);
    const { code, kind, message, cause, meta, errors } = e as {
      code?: unknown;
      kind?: unknown;
      message?: unknown;
      cause?: unknown;
      meta?: { driverAdapterError?: unknown };
      errors?: unknown;
    };
    if (typeof code === "string" && (SOCKET_CODES.has(code) || SERVER_CODE.test(code) || PRISMA_CODES.has(code))) return true;
    if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
    if (typeof message === "string" && MESSAGES.test(message)) return true;
    pending.push(cause, meta?.driverAdapterError);
    if (Array.isArray(errors)) pending.push(...errors); // AggregateError (several addresses tried)
  }
  return false;
}

export type DatabaseStatus = { up: boolean; checkedAt: number; latencyMs: number };
// On globalThis: proxy.ts, the routes and the pages may be bundled apart but share one process.
const globalForStatus = globalThis as unknown as {
  triangulateDatabaseStatus?: { last: DatabaseStatus | null; pending: Promise<DatabaseStatus> | null };
};
/** The last answer of PostgreSQL (lib/db/database-availability.ts asks it). */
export const databaseState = () => (globalForStatus.triangulateDatabaseStatus ??= { last: null, pending: null });

/** Called when a request met a lost database: the next page request asks again rather than trust an older "up". */
export function noteDatabaseUnavailable(): void {
  databaseState().last = { up: false, checkedAt: Date.now(), latencyMs: 0 };
}

export const unavailableMessage = "The database is unavailable. Try again shortly.";
