// Interactive write transactions that survive many editors at once (docs/architecture.md,
// "Concurrent editing"). Every writer takes the incident row lock first, so waits queue instead of
// deadlocking; what PostgreSQL still aborts (a deadlock with a path we do not control, a
// serialization failure) or a transaction that could not get a connection in time is retried a
// bounded number of times from the start, with a small random back-off.
import type { Db, Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

/** SQLSTATEs after which running the whole transaction again is safe and likely to succeed. */
const RETRYABLE_SQLSTATES = new Set(["40P01", "40001", "55P03"]);
/** Prisma's codes for a write conflict or deadlock (P2034) and a transaction that never started (P2028). */
const RETRYABLE_PRISMA_CODES = new Set(["P2034", "P2028"]);

export const WRITE_ATTEMPTS = 5;
// Twenty editors on one incident queue on its row lock: each waits for the others' short
// transactions. These bounds leave room for that queue while still failing a stuck transaction.
const MAX_WAIT_MS = 10_000;
const TIMEOUT_MS = 20_000;

function sqlState(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const record = current as Record<string, unknown>;
    for (const key of ["originalCode", "code"]) {
      const value = record[key];
      if (typeof value === "string" && /^[0-9A-Z]{5}$/.test(value) && !value.startsWith("P")) return value;
    }
    const meta = record.meta as Record<string, unknown> | undefined;
    current = record.cause ?? meta?.driverAdapterError ?? undefined;
  }
  return undefined;
}

export function isRetryableWriteError(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError && RETRYABLE_PRISMA_CODES.has(error.code)) return true;
  const state = sqlState(error);
  if (state && RETRYABLE_SQLSTATES.has(state)) return true;
  const message = error instanceof Error ? error.message : "";
  return /deadlock detected|could not serialize access|Unable to start a transaction in the given time/i.test(message);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` in one transaction, again from the start when PostgreSQL aborted it for a reason
 * a retry resolves. `work` must not have effects outside the database (they would repeat).
 */
export async function writeTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>, attempts = WRITE_ATTEMPTS): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(work, { maxWait: MAX_WAIT_MS, timeout: TIMEOUT_MS });
    } catch (error) {
      if (attempt >= attempts || !isRetryableWriteError(error)) throw error;
      await pause(20 * 2 ** attempt * (0.5 + Math.random()));
    }
  }
}

/**
 * Locks an incident's row for the rest of the transaction. Every writer of an incident's claims,
 * decisions or figures calls this before its first insert or update that references the
 * incident: a foreign-key insert takes a KEY SHARE lock on the row, and two transactions holding
 * KEY SHARE that both then ask FOR UPDATE deadlock. Several incidents: in id order.
 */
export async function lockIncidents(tx: Tx, incidentIds: string[]): Promise<void> {
  const ids = [...new Set(incidentIds)].sort();
  if (ids.length === 0) return;
  await tx.$executeRaw`SELECT 1 FROM "Incident" WHERE "id" = ANY(${ids}::uuid[]) ORDER BY "id" FOR UPDATE`;
}
