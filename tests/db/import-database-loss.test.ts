// `npm run import` when PostgreSQL stops in the middle: a clear message and exit status 1, not a
// crash on an unhandled 'error' event; and nothing of the file is written.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db";
import { startEmbeddedPostgres, type EmbeddedHandle } from "@/lib/db/embedded-postgres";
import { migrateDeploy } from "@/lib/db/migrate";
import { csv } from "./import-support";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "triangulate-import-loss-"));
let postgres: EmbeddedHandle | undefined;
afterAll(async () => {
  await postgres?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("npm run import while the database goes away", () => {
  it("exits 1 with a message saying so, and the restarted database holds nothing of the file", async () => {
    postgres = await startEmbeddedPostgres({ dataDir: path.join(dir, "data") });
    await migrateDeploy(postgres.url, { quiet: true });
    const header = ["event_id_cnty", "event_date", "event_type", "country", "location", "latitude", "longitude", "fatalities"];
    const rows = Array.from({ length: 15_000 }, (_, i) => [
      `LOSS${i}`,
      "2025-04-01",
      "Battles",
      "Niger",
      `Place ${i}`,
      String(13 + (i % 100) / 100),
      String(2 + (i % 50) / 100),
      String(i % 9),
    ]);
    const file = path.join(dir, "acled.csv");
    fs.writeFileSync(file, csv(header, rows));

    let stopping: Promise<void> | undefined;
    const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ["--conditions=react-server", "--import", "tsx", "scripts/import.ts", "--format", "acled", file],
        {
          env: { ...process.env, DATABASE_URL: postgres!.url, IMPORT_QUEUE_FIGURES_ABOVE: "1000000" },
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
      child.stderr.on("data", (d: Buffer) => {
        stderr += d.toString();
        // Rows are being written: stop PostgreSQL under it.
        if (!stopping && stderr.includes("writing")) stopping = postgres!.stop();
      });
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stdout, stderr }));
    });
    await stopping;
    expect(stopping).toBeDefined();
    expect(run.stderr).not.toMatch(/Unhandled 'error' event|uncaught/i);
    expect(run.stderr).toContain("The database went away during the import");
    expect(run.stderr).toContain("Nothing of this file was imported");
    expect(run.code, run.stderr + run.stdout).toBe(1);

    postgres = await startEmbeddedPostgres({ dataDir: path.join(dir, "data") });
    const db = createPrismaClient(postgres.url);
    try {
      expect(await db.incident.count({ where: { acledEventId: { startsWith: "LOSS" } } })).toBe(0);
    } finally {
      await db.$disconnect();
    }
  }, 180_000);
});
