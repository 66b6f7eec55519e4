// Offline Prisma: the Wasm schema engine drives migrations through our pg adapter, so no
// engine binary is ever downloaded. See docs/architecture.md ("Prisma offline").
import path from "node:path";
import { defineConfig } from "prisma/config";
import { TriangulatePgAdapterFactory } from "./lib/db/pg-adapter";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: the Prisma CLI needs a database (npm run db:migrate sets one up).");
    return new TriangulatePgAdapterFactory(url);
  },
});
