// A fresh database per test file, cloned from the migrated template.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db";
import { rememberDatabaseUrl } from "@/lib/db/raw-pg";
import { TEMPLATE_DATABASE, databaseUrl } from "./global-setup";

export async function adminQuery(sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: inject("pgServerUrl") });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

export async function createDatabase(options: { template?: string | null } = {}): Promise<{ url: string; name: string }> {
  const name = `t_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
  const template = options.template === undefined ? TEMPLATE_DATABASE : options.template;
  await adminQuery(template ? `CREATE DATABASE "${name}" TEMPLATE "${template}"` : `CREATE DATABASE "${name}"`);
  return { url: databaseUrl(inject("pgServerUrl"), name), name };
}

/** A Prisma client on a new migrated database, closed after the file's tests. */
export async function useTestDb(): Promise<Db> {
  const { url } = await createDatabase();
  const db = createPrismaClient(url);
  // COPY exports open their own connections: to this database, not DATABASE_URL's.
  rememberDatabaseUrl(db, url);
  afterAll(async () => {
    await db.$disconnect();
  });
  return db;
}
