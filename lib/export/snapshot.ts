// Exports read in batches, but a researcher's file must describe one state of the data: a
// figure row and the claims row it was computed from must not straddle an editor's save.
// So an export runs inside one read-only REPEATABLE READ transaction (PostgreSQL gives it a
// single snapshot), and hands its batches out one at a time as the HTTP client asks for them.
//
// Prisma's interactive transaction is callback-shaped: it commits when the callback returns.
// The producer therefore runs inside the callback and passes each batch through a handoff of
// capacity one (the next batch is prepared while the previous one is being sent, and no more:
// memory stays flat however slow the client). When the consumer stops early (the download is
// cancelled), the producer is told and the transaction rolls back.
import "server-only";
import type { Db, Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

/** How long one export may hold its snapshot. A slow client that takes longer gets a cut-off file. */
export const SNAPSHOT_TIMEOUT_MS = 60 * 60_000;

class Cancelled extends Error {
  constructor() {
    super("export cancelled by its reader");
  }
}

class Handoff<T> {
  private item: { value: T } | null = null;
  private finished = false;
  private failure: { error: unknown } | null = null;
  private cancelled = false;
  private wakeTaker: (() => void) | null = null;
  private wakePutter: (() => void) | null = null;

  async put(value: T): Promise<void> {
    while (this.item && !this.cancelled) await new Promise<void>((resolve) => (this.wakePutter = resolve));
    if (this.cancelled) throw new Cancelled();
    this.item = { value };
    this.wake("taker");
  }

  async take(): Promise<IteratorResult<T>> {
    while (!this.item && !this.finished) await new Promise<void>((resolve) => (this.wakeTaker = resolve));
    if (this.item) {
      const { value } = this.item;
      this.item = null;
      this.wake("putter");
      return { value, done: false };
    }
    if (this.failure) throw this.failure.error;
    return { value: undefined, done: true };
  }

  finish(failure?: { error: unknown }) {
    this.finished = true;
    if (failure) this.failure = failure;
    this.wake("taker");
  }

  cancel() {
    this.cancelled = true;
    this.wake("putter");
  }

  private wake(who: "taker" | "putter") {
    const wake = who === "taker" ? this.wakeTaker : this.wakePutter;
    if (who === "taker") this.wakeTaker = null;
    else this.wakePutter = null;
    wake?.();
  }
}

/** Yields what `produce` yields, all of it read in one consistent, read-only snapshot. */
export async function* readInSnapshot<T>(db: Db, produce: (tx: Tx) => AsyncIterable<T>): AsyncGenerator<T> {
  const handoff = new Handoff<T>();
  const transaction = db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe("SET TRANSACTION READ ONLY");
      for await (const item of produce(tx)) await handoff.put(item);
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: SNAPSHOT_TIMEOUT_MS, maxWait: 30_000 },
  );
  transaction.then(
    () => handoff.finish(),
    (error: unknown) => handoff.finish(error instanceof Cancelled ? undefined : { error }),
  );
  try {
    for (;;) {
      const next = await handoff.take();
      if (next.done) return;
      yield next.value;
    }
  } finally {
    handoff.cancel();
    await transaction.catch(() => {});
  }
}
