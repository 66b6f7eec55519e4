// How command-line tools (migrate, seed, import, user creation, bench) find their database:
// DATABASE_URL when set; otherwise the embedded PostgreSQL of the running app (through the data
// folder's instance.json); otherwise an embedded PostgreSQL they start and stop themselves.
import "server-only";
import { dataDirectory, readRunningInstance, startEmbeddedPostgres } from "./embedded-postgres";

/** `runningApp` is true when the app that owns the database is up (and so has applied the migrations). */
export async function withCliDatabase<T>(task: (databaseUrl: string, where: { runningApp: boolean }) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return task(process.env.DATABASE_URL, { runningApp: false });
  const running = readRunningInstance();
  if (running?.url) return task(running.url, { runningApp: true });
  const embedded = await startEmbeddedPostgres({ dataDir: dataDirectory(), log: (line) => console.error(line) });
  try {
    return await task(embedded.url, { runningApp: false });
  } finally {
    await embedded.stop();
  }
}
