// Whether PostgreSQL answers now: GET /api/health asks every time, page and API requests at most
// once a second between them (proxy.ts).
import { db } from "@/lib/db";
import { databaseState, isDatabaseUnavailable, type DatabaseStatus } from "./database-unavailable";

/** A page request reuses an answer this young: one SELECT 1 per second at most, however busy the server. */
const FRESH_MS = 1_000;

async function ping(): Promise<DatabaseStatus> {
  const started = performance.now();
  let up = false;
  // Twice: the first query after PostgreSQL came back may meet a connection the pool has not yet found dead.
  for (let attempt = 0; attempt < 2 && !up; attempt++) {
    try {
      await db.$queryRawUnsafe("SELECT 1");
      up = true;
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
    }
  }
  return { up, checkedAt: Date.now(), latencyMs: Math.round(performance.now() - started) };
}

/** Asks PostgreSQL now (GET /api/health); concurrent callers share one query. */
export async function checkDatabase(): Promise<DatabaseStatus> {
  const s = databaseState();
  s.pending ??= ping().finally(() => {
    s.pending = null;
  });
  s.last = await s.pending;
  return s.last;
}

/** Whether the database answered within the last second (asking it again when not). */
export async function databaseIsUp(): Promise<boolean> {
  const last = databaseState().last;
  if (last && Date.now() - last.checkedAt < FRESH_MS) return last.up;
  return (await checkDatabase()).up;
}
