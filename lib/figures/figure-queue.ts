// The queue of incidents whose stored figures must be reconciled again, and the worker that
// drains it. A large claims import commits its claims and queues its incidents here instead of
// reconciling 100,000 incidents inside its own transaction (which held one core for ~35 s per
// 100,000 rows: docs/performance.md). Until the worker reaches an incident, its stored figures are
// those of before the import, and every place that shows or exports figures says so
// (figuresPendingSince, pendingFigureCount).
//
// The worker runs in the process that queued the work (the web server after an upload, the
// command line, the benchmark), and in the server at start and every WAKE_UP_MS
// (instrumentation.ts), so a queue left by a stopped process or a failed batch is drained. Each
// batch is one transaction: it takes the oldest requests that nobody holds, nor their incidents
// (FOR UPDATE SKIP LOCKED, so several servers can share the queue and nobody's locks are ever
// waited for), refreshes their incidents as refreshIncidentFigures would, and deletes exactly
// those requests. A request made meanwhile is a new row, so it is never deleted unserved.
import "server-only";
import type pg from "pg";
import type { Db, Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { rawPool, withRawTransaction } from "@/lib/db/raw-pg";
import { databaseUrl, env } from "@/lib/env";
import { refreshFiguresOnConnection } from "./pg-refresh";
import { drainTrackRecords } from "@/lib/track-record/track-record-worker";

/**
 * Above this many incidents (IMPORT_QUEUE_FIGURES_ABOVE, 5,000 by default), an import queues
 * their figures for the worker unless told otherwise, instead of reconciling them in its
 * transaction: ~0.4 ms per incident, so 5,000 hold the import ~2 s longer, and 100,000 about
 * 35 s. (An object so tests can set it; null = the environment's.)
 */
export const queueFiguresAbove: { incidents: number | null } = { incidents: null };

/** Whether an import touching `incidents` incidents queues their figures; `mode` is ImportOptions.figures. */
export function queuesFigures(incidents: number, mode?: "refresh" | "queue"): boolean {
  if (mode) return mode === "queue";
  return incidents > (queueFiguresAbove.incidents ?? env().IMPORT_QUEUE_FIGURES_ABOVE);
}

/** Incidents per worker transaction: short enough that editors waiting on one of them wait ~2 s at most. */
export const FIGURE_QUEUE_BATCH = 5_000;

/** Queues a refresh of every incident given ($1 ids, $2 requester, $3 when), in the caller's transaction. */
const QUEUE_SQL = `INSERT INTO "FigureRefreshRequest" ("incidentId", "requestedById", "requestedAt") SELECT id, $2::uuid, $3::timestamp(3) FROM unnest($1::uuid[]) AS id`;

/** Queues a refresh of every incident given, inside the caller's transaction (a pg connection, or a Prisma transaction). */
export async function queueFigureRefresh(
  client: pg.ClientBase | Tx,
  incidentIds: readonly string[],
  requestedById: string | null,
  at: string,
): Promise<void> {
  const params = [incidentIds, requestedById, at];
  if ("$executeRawUnsafe" in client) await client.$executeRawUnsafe(QUEUE_SQL, ...params);
  else await client.query(QUEUE_SQL, params);
}

export type QueueBatch = { requests: number; incidents: number };

/**
 * One worker transaction: up to `limit` of the oldest free requests, their incidents refreshed, the
 * requests deleted. A request is free when no other worker holds it and nobody holds its incident
 * (an editor's save, a merge, a small import refreshing its incidents): a worker that waited for
 * one of them while holding others could deadlock with it. Skipped requests wait for the next batch.
 */
export async function refreshQueuedBatch(url: string, limit = FIGURE_QUEUE_BATCH): Promise<QueueBatch> {
  return withRawTransaction(
    async (client) => {
      const { rows } = await client.query<{ id: string; incidentId: string; requestedById: string | null }>(
        `SELECT r.id::text, r."incidentId", r."requestedById" FROM "FigureRefreshRequest" r JOIN "Incident" i ON i.id = r."incidentId"
          ORDER BY r.id LIMIT $1 FOR UPDATE OF r, i SKIP LOCKED`,
        [limit],
      );
      if (!rows.length) {
        // Requests for incidents that no longer exist (the join never finds them) are dropped.
        await client.query(
          `DELETE FROM "FigureRefreshRequest" r WHERE NOT EXISTS (SELECT 1 FROM "Incident" i WHERE i.id = r."incidentId")`,
        );
        return { requests: 0, incidents: 0 };
      }
      // An incident asked for twice in one batch is refreshed once, in the name of its first requester.
      const actorOf = new Map<string, string | null>();
      for (const r of rows) if (!actorOf.has(r.incidentId)) actorOf.set(r.incidentId, r.requestedById);
      const byActor = new Map<string | null, string[]>();
      for (const [incidentId, actor] of actorOf) byActor.set(actor, [...(byActor.get(actor) ?? []), incidentId]);
      for (const [actor, incidentIds] of byActor) await refreshFiguresOnConnection(client, incidentIds, actor);
      await client.query(`DELETE FROM "FigureRefreshRequest" WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
      return { requests: rows.length, incidents: actorOf.size };
    },
    { url, begin: "BEGIN ISOLATION LEVEL READ COMMITTED" },
  );
}

type Worker = { running: Promise<void> | null; again: boolean };
const globalForQueue = globalThis as unknown as { triangulateFigureWorkers?: Map<string, Worker> };
const workers = () => (globalForQueue.triangulateFigureWorkers ??= new Map());

/** A failed batch (a deadlock with an editor's save, a lost connection) is tried again this many times before the worker gives up until its next wake-up (WAKE_UP_MS). */
const ATTEMPTS = 3;
const RETRY_DELAY_MS = 1_000;
/** How often the server looks at the queue on its own: a worker that gave up, or requests queued by another process (npm run import against a running app that was stopped mid-way), are picked up within this. */
export const WAKE_UP_MS = 30_000;

/**
 * After a drain that refreshed at least this many incidents, the worker vacuums "Incident" and
 * the track record's per-incident tables at once (an object so tests can set it). Each refresh
 * rewrites its incident's row, so its page is no longer marked all-visible, and the map's and
 * list's index-only scans go to the table for it: right after 100,000 incidents were refreshed, a
 * dated zoom-8 map view took p95 257 ms (budget 150, ~110 ms otherwise) until autovacuum,
 * throttled, caught up minutes later. The worker rewrites the same incidents' track-record rows,
 * whose covering indexes (docs/architecture.md, track record) lose their index-only scans the same
 * way: the filtered source page went from p95 ~93 ms to ~176 ms right after such an import.
 */
export const vacuumAfter = { incidents: 10_000 };

/** The tables a large refresh rewrites, vacuumed together after it. */
const VACUUMED_TABLES = `"Incident", "SourceComparison", "SourceIncident"`;

/** VACUUM (ANALYZE) of the refreshed tables, outside any transaction; a failure is logged, not thrown (the figures are done). */
async function vacuumRefreshedTables(url: string): Promise<void> {
  const started = performance.now();
  const client = await rawPool(url).connect();
  try {
    // A role that does not own the table gets a warning and no vacuum: autovacuum still runs.
    await client.query(`VACUUM (ANALYZE) ${VACUUMED_TABLES}`);
    if (process.env.TRIANGULATE_IMPORT_TIMINGS)
      console.error(`[figure queue] VACUUM (ANALYZE) ${VACUUMED_TABLES}: ${((performance.now() - started) / 1000).toFixed(2)} s`);
  } catch (error) {
    console.error(
      `figure queue: vacuuming ${VACUUMED_TABLES} after the refresh failed (${(error as Error).message}); autovacuum will do it`,
    );
  } finally {
    client.release();
  }
}

async function drain(url: string, worker: Worker): Promise<void> {
  let failures = 0;
  let refreshed = 0;
  do {
    worker.again = false;
    for (;;) {
      let batch: QueueBatch;
      try {
        batch = await refreshQueuedBatch(url);
        failures = 0;
      } catch (error) {
        if (++failures >= ATTEMPTS) throw error;
        console.error(`figure queue: a batch failed (${(error as Error).message}); trying again`);
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS * failures));
        continue;
      }
      refreshed += batch.incidents;
      if (!batch.requests) break;
    }
    // The sources' track records follow the figures just refreshed (lib/track-record/track-record-worker.ts).
    await drainTrackRecords(url).catch((error: unknown) =>
      console.error(`track record: the refresh failed (${(error as Error).message}); tried again at the next wake-up`),
    );
    // Inside the loop: requests queued while it vacuums are served by the next pass.
    if (refreshed >= vacuumAfter.incidents) {
      refreshed = 0;
      await vacuumRefreshedTables(url);
    }
  } while (worker.again);
}

/**
 * Starts draining the queue of the database at `url` in this process, unless a drain is running
 * already (it then makes one more pass, for requests queued after it last looked). Resolves when
 * the queue is empty; never rejects (a failure is logged and the queue waits for the next wake-up).
 */
export function startFigureQueue(url: string = databaseUrl()): Promise<void> {
  const all = workers();
  let worker = all.get(url);
  if (!worker) all.set(url, (worker = { running: null, again: false }));
  if (worker.running) {
    worker.again = true;
    return worker.running;
  }
  const w = worker;
  w.running = drain(url, w)
    .catch((error: unknown) =>
      console.error(
        `figure queue: stopped after ${ATTEMPTS} failed attempts; the queue is kept and tried again within ${WAKE_UP_MS / 1000} s:`,
        error,
      ),
    )
    .finally(() => {
      w.running = null;
    });
  return w.running;
}

/** Resolves when this process's worker for `url` has nothing left to do (at once when none runs). */
export async function figureQueueIdle(url: string = databaseUrl()): Promise<void> {
  for (let running = workers().get(url)?.running; running; running = workers().get(url)?.running) await running;
}

/** How many incidents wait for their figures. */
export async function pendingFigureCount(db: Db): Promise<number> {
  return (await figureQueueStatus(db)).pendingIncidents;
}

/** The queue as GET /api/figure-queue shows it. */
export async function figureQueueStatus(db: Db): Promise<{ pendingIncidents: number; oldestRequestedAt: string | null }> {
  const rows = await db.$queryRaw<
    { n: number; oldest: Date | null }[]
  >`SELECT count(DISTINCT "incidentId")::int AS n, min("requestedAt") AS oldest FROM "FigureRefreshRequest"`;
  return { pendingIncidents: rows[0]?.n ?? 0, oldestRequestedAt: rows[0]?.oldest?.toISOString() ?? null };
}

/** Which of these incidents (by code) wait for their figures. */
export async function pendingAmong(db: Db, codes: string[]): Promise<Set<string>> {
  if (!codes.length) return new Set();
  const rows = await db.$queryRaw<{ code: string }[]>`
    SELECT DISTINCT i.code FROM "FigureRefreshRequest" q JOIN "Incident" i ON i.id = q."incidentId" WHERE i.code = ANY(${codes}::text[])`;
  return new Set(rows.map((r) => r.code));
}

/**
 * The statement behind figuresPendingSince, for an incident given as SQL (its id, or a subquery
 * that finds it, so a caller can run it in the same round as its other reads: incident-detail-read.ts).
 */
export const pendingSinceQuery = (incident: Prisma.Sql) =>
  Prisma.sql`SELECT min("requestedAt") AS at FROM "FigureRefreshRequest" WHERE "incidentId" = ${incident}`;

/** When the incident's oldest waiting request was made; null when its figures are current. */
export async function figuresPendingSince(db: Db, incidentId: string): Promise<Date | null> {
  const rows = await db.$queryRaw<{ at: Date | null }[]>(pendingSinceQuery(Prisma.sql`${incidentId}::uuid`));
  return rows[0]?.at ?? null;
}
