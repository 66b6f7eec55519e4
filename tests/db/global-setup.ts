// Starts one real embedded PostgreSQL for the database test tier and prepares a template database
// with every committed migration applied. Each test file clones the template (fast), so files are
// isolated and can run in parallel.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedHandle } from "@/lib/db/embedded-postgres";
import { migrateDeploy } from "@/lib/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    pgServerUrl: string;
  }
}

let server: EmbeddedHandle | undefined;
let dataDir: string | undefined;

export const TEMPLATE_DATABASE = "triangulate_template";

export function databaseUrl(serverUrl: string, name: string) {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function setup(project: TestProject) {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "triangulate-db-tests-"));
  server = await startEmbeddedPostgres({ dataDir });
  const serverUrl = databaseUrl(server.url, "postgres");
  await ensureDatabase(serverUrl, TEMPLATE_DATABASE);
  await migrateDeploy(databaseUrl(serverUrl, TEMPLATE_DATABASE), { quiet: true });
  project.provide("pgServerUrl", serverUrl);
}

export async function teardown() {
  await server?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}
