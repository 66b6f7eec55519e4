// Each of the claims import's two connections runs one statement at a time, and every moment one
// waits for this thread (planning a slice, building COPY text) is added to the import. A lane
// queues a connection's work and starts the next job in the same turn the last one ends, before
// anyone awaiting that job runs. Jobs run in the order given. After a failure, nothing more runs.

export type ConnectionLane = {
  /** Queues `job`; the promise settles as the job does (or rejects at once if the lane failed or closed). */
  run: <T>(job: () => Promise<T>) => Promise<T>;
  /** Resolves once nothing is queued or running; rejects with the first failure. */
  idle: () => Promise<void>;
  /** Starts nothing more (queued jobs are rejected) and resolves when the running job ends; never rejects. */
  close: () => Promise<void>;
};

type Queued = { job: () => Promise<unknown>; resolve: (value: unknown) => void; reject: (error: unknown) => void };

export class LaneClosedError extends Error {
  constructor() {
    super("the import's connection was closed before this step ran");
  }
}

export function connectionLane(): ConnectionLane {
  const queued: Queued[] = [];
  let running: Promise<void> | null = null;
  let failure: { error: unknown } | null = null;
  let closed = false;
  let waiting: { resolve: () => void; reject: (error: unknown) => void }[] = [];

  const wake = () => {
    if (running || queued.length) return;
    const waiters = waiting;
    waiting = [];
    for (const w of waiters) {
      if (failure) w.reject(failure.error);
      else w.resolve();
    }
  };

  const next = (): void => {
    if (running) return;
    const item = queued.shift();
    if (!item) return wake();
    if (failure || closed) {
      item.reject(failure ? failure.error : new LaneClosedError());
      return next();
    }
    // The next job starts before the finished job's own awaiters run (they are resolved after `next`).
    running = item.job().then(
      (value) => {
        running = null;
        next();
        item.resolve(value);
      },
      (error: unknown) => {
        failure ??= { error };
        running = null;
        next();
        item.reject(error);
      },
    );
  };

  return {
    run: <T>(job: () => Promise<T>) =>
      new Promise<T>((resolve, reject) => {
        if (failure) return reject(failure.error);
        if (closed) return reject(new LaneClosedError());
        queued.push({ job, resolve: resolve as (value: unknown) => void, reject });
        next();
      }),
    idle: () =>
      new Promise<void>((resolve, reject) => {
        waiting.push({ resolve, reject });
        wake();
      }),
    close: async () => {
      closed = true;
      next(); // rejects whatever is queued, if nothing runs
      while (running) await running;
      for (const item of queued.splice(0)) item.reject(new LaneClosedError());
      wake();
    },
  };
}
