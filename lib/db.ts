// The one Prisma client of the process, cached on globalThis so Next's hot reload does not open
// a new pool on every edit. It talks to PostgreSQL through our pg driver adapter (no engine binary).
import "server-only";
import { TriangulatePgAdapterFactory } from "@/lib/db/pg-adapter";
import { rememberDatabaseUrl } from "@/lib/db/raw-pg";
import { databaseUrl } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

const globalForPrisma = globalThis as unknown as { triangulatePrisma?: PrismaClient };

export function createPrismaClient(url: string = databaseUrl()): PrismaClient {
  const client = new PrismaClient({ adapter: new TriangulatePgAdapterFactory(url) });
  // COPY exports and imports open a raw connection beside the client: to the same database.
  rememberDatabaseUrl(client, url);
  return client;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  // Created on first use, so importing this module never requires a database (e.g. during `next build`).
  get(_target, property) {
    const client = (globalForPrisma.triangulatePrisma ??= createPrismaClient());
    const value: unknown = Reflect.get(client, property);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
