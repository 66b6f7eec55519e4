// An export written by one COPY (SELECT …) TO STDOUT on a direct pg connection (lib/db/raw-pg.ts):
// PostgreSQL formats every row, JavaScript only turns LF record ends into CRLF and passes bytes on.
//
// It runs in one READ ONLY REPEATABLE READ transaction, so the fingerprint read first (for the
// response headers and the manifest) and the COPY see one snapshot. The bytes are pulled: the
// next piece is read from the pg socket only when the consumer asks for it (the socket stays
// paused otherwise), so a slow HTTP client slows PostgreSQL down instead of filling memory.
// The connection is given back when the COPY ends (COMMIT), fails (ROLLBACK), or the consumer
// stops early: a COPY cannot be stopped half-way and the connection reused, so it is closed,
// which ends the server's backend and its transaction.
import "server-only";
import { to as copyTo } from "pg-copy-streams";
import { rawPool } from "@/lib/db/raw-pg";
import { CrlfRecordEnds } from "./crlf-records";
import { SNAPSHOT_TIMEOUT_MS } from "./snapshot";

export type CopyPlan = {
  /** SET LOCAL statements run first in the transaction. */
  settings: readonly string[];
  /** The header record, written before the COPY's rows (with its CRLF). */
  header: string;
  /** One row: "incidents" (int) and "lastUpdated" (ISO text or NULL). */
  /** One row: incidents, lastUpdated, figuresPending (see pendingFiguresSql). */
  versionSql: string;
  /** COPY (…) TO STDOUT WITH (FORMAT csv), values inlined (COPY takes no parameters). */
  copySql: string;
};

/** The export's fingerprint; figuresPending counts its incidents whose figures the queue has not reconciled yet (their figures predate claims listed beside them). */
export type DataVersion = { incidents: number; lastUpdated: string | null; figuresPending: number };
export type ByteChunk = { bytes: Uint8Array; rows: number };

/** How far the COPY stream reads ahead of its consumer before it leaves the socket unread. */
const COPY_HIGH_WATER_MARK = 256 * 1024;

/** How many incidents matching `where` (SQL over the alias i) wait for the figure queue (lib/figures/figure-queue.ts). */
export function pendingFiguresSql(where: string): string {
  return `SELECT count(DISTINCT q."incidentId")::int FROM "FigureRefreshRequest" q JOIN "Incident" i ON i.id = q."incidentId" WHERE ${where}`;
}

type Item = { version: DataVersion } | { chunk: ByteChunk };

async function* runCopy(plan: CopyPlan, url: string | undefined): AsyncGenerator<Item> {
  const client = await rawPool(url).connect();
  let released = false;
  const release = (destroy: boolean) => {
    if (released) return;
    released = true;
    client.release(destroy);
  };
  // A reader that stops reading without cancelling must not hold the connection for ever.
  const timer = setTimeout(() => release(true), SNAPSHOT_TIMEOUT_MS);
  timer.unref?.();
  let copy: ReturnType<typeof copyTo> | null = null;
  let copyEnded = false;
  let committed = false;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    for (const setting of plan.settings) await client.query(setting);
    const version = await client.query<DataVersion>(plan.versionSql);
    const row = version.rows[0];
    yield { version: { incidents: row?.incidents ?? 0, lastUpdated: row?.lastUpdated ?? null, figuresPending: row?.figuresPending ?? 0 } };

    yield { chunk: { bytes: Buffer.from(plan.header, "utf8"), rows: 0 } };
    copy = client.query(copyTo(plan.copySql, { highWaterMark: COPY_HIGH_WATER_MARK }));
    // Errors surface through the iteration below; this listener only keeps a late one (the
    // connection closed after an early stop) from becoming an uncaught 'error' event.
    copy.on("error", () => {});
    const records = new CrlfRecordEnds();
    for await (const piece of copy as AsyncIterable<Buffer>) {
      const converted = records.convert(piece);
      if (converted.bytes.length) yield { chunk: converted };
    }
    copyEnded = true;
    records.finish();
    await client.query("COMMIT");
    committed = true;
  } finally {
    clearTimeout(timer);
    if (committed) release(false);
    else if (copy && !copyEnded) {
      // Stopped (or failed) half-way through the COPY: close the connection. pg destroys the
      // socket of a client with a query in flight, the server's backend then ends and rolls back.
      release(true);
    } else {
      await client.query("ROLLBACK").then(
        () => release(false),
        () => release(true),
      );
    }
  }
}

/**
 * Opens a COPY export: starts its transaction and reads the fingerprint (so headers can carry it),
 * and returns the bytes, which the caller must consume or `return()` to release the connection.
 */
export async function openCopyExport(
  plan: CopyPlan,
  url?: string,
): Promise<{ dataVersion: DataVersion; chunks: AsyncGenerator<ByteChunk> }> {
  const items = runCopy(plan, url);
  const first = await items.next();
  if (first.done || !("version" in first.value)) throw new Error("COPY export produced no fingerprint");
  async function* chunks(): AsyncGenerator<ByteChunk> {
    try {
      for (;;) {
        const next = await items.next();
        if (next.done) return;
        if ("chunk" in next.value) yield next.value.chunk;
      }
    } finally {
      await items.return(undefined);
    }
  }
  const iterator = chunks();
  // A consumer that stops before its first pull must release the connection too (returning a
  // generator that never started does not run its finally blocks).
  const originalReturn = iterator.return.bind(iterator);
  iterator.return = async (value) => {
    await items.return(undefined);
    return originalReturn(value);
  };
  return { dataVersion: first.value.version, chunks: iterator };
}
