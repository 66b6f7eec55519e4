// The database a direct pg connection of an import must reach: the one behind the Prisma client
// the caller passed (the app's client, the command line's, a test's), so the import never writes
// to another database than the one the caller meant.
import type { Db } from "@/lib/db";

type AdapterLike = { connectionString?: unknown; config?: { connectionString?: unknown } };

/**
 * The connection string of a client made by lib/db.ts `createPrismaClient` (its adapter factory
 * holds it). Undefined for any other client: the direct connection then uses DATABASE_URL.
 */
export function importDatabaseUrl(db: Db): string | undefined {
  // Prisma keeps the driver adapter factory in its engine config; lib/db.ts makes it from the URL.
  const adapter = (db as unknown as { _engineConfig?: { adapter?: AdapterLike } })._engineConfig?.adapter;
  const url = adapter?.connectionString ?? adapter?.config?.connectionString;
  return typeof url === "string" && url ? url : undefined;
}
