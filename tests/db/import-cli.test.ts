// `npm run import` as a person runs it: exit codes, progress on stderr, and a process killed
// mid-import leaving the database exactly as it was.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db";
import { CLAIMS_COLUMNS } from "@/lib/export/columns";
import { seedKobe } from "@/lib/seed/seed-database";
import { counts, csv } from "./import-support";
import { createDatabase } from "./test-database";

let url: string;
let db: Db;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "triangulate-import-cli-"));

beforeAll(async () => {
  url = (await createDatabase()).url;
  db = createPrismaClient(url);
  await seedKobe(db);
  return async () => {
    await db.$disconnect();
    fs.rmSync(dir, { recursive: true, force: true });
  };
});

type Run = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

/** Runs the CLI in one node process (no tsx wrapper process), so a signal reaches the importer itself. */
function runCli(args: string[], onStderr?: (text: string, kill: () => void) => void, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/import.ts", ...args], {
      env: { ...process.env, ...env, DATABASE_URL: url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
      onStderr?.(stderr, () => child.kill("SIGKILL"));
    });
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

function writeFile(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const claimRow = (statement: string, valueMin: string) =>
  CLAIMS_COLUMNS.map(
    (c) =>
      ({
        incident_code: "MLI-2025-0001",
        metric: "killed",
        category: "civilians",
        value_min: valueMin,
        value_max: valueMin,
        qualifier: "exact",
        statement,
        claimant: "afp",
      })[c as string] ?? "",
  );

describe("npm run import", () => {
  it("imports, reporting progress on stderr and the summary on stdout (exit 0)", async () => {
    const file = writeFile("good.csv", csv(CLAIMS_COLUMNS, [claimRow("CLI test: two more bodies were found.", "2")]));
    const run = await runCli(["--format", "claims", file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Imported good.csv (claims): 1 of 1 rows");
    expect(run.stdout).toContain("claims: 1 created");
    expect(run.stderr).toContain("validating");
    expect(run.stderr).toContain("writing");
  }, 60_000);

  it("refuses a file with invalid rows, naming row, line and column (exit 1)", async () => {
    const before = await counts(db);
    const file = writeFile(
      "bad.csv",
      csv(CLAIMS_COLUMNS, [claimRow("CLI test: a valid row.", "3"), claimRow("CLI test: an invalid row.", "-3")]),
    );
    const run = await runCli(["--format", "claims", file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("row 2 (line 3), column value_min: value_min cannot be negative");
    expect(run.stdout).toContain("Nothing was imported from bad.csv: 1 of 2 rows are invalid");
    expect(await counts(db)).toEqual(before);
  }, 60_000);

  it("explains its usage (exit 2)", async () => {
    const run = await runCli(["--format", "xml", "whatever.csv"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--format must be one of acled, ucdp, claims");
  }, 60_000);

  /** Runs the CLI on 15,000 new ACLED events and kills it when stderr shows `phase`; waits until PostgreSQL has rolled it back. */
  async function killDuring(prefix: string, phase: string, queueAbove: number) {
    const header = ["event_id_cnty", "event_date", "event_type", "country", "location", "latitude", "longitude", "fatalities"];
    const rows = Array.from({ length: 15_000 }, (_, i) => [
      `${prefix}${i}`,
      "2025-04-01",
      "Battles",
      "Niger",
      `Place ${i}`,
      String(13 + (i % 100) / 100),
      String(2 + (i % 50) / 100),
      String(i % 9),
    ]);
    const file = writeFile(`big-acled-${prefix}.csv`, csv(header, rows));
    const run = await runCli(["--format", "acled", file], (stderr, kill) => stderr.includes(phase) && kill(), {
      IMPORT_QUEUE_FIGURES_ABOVE: String(queueAbove),
    });
    // PostgreSQL rolls back the dead connection's transaction; wait until its lock is gone.
    for (let i = 0; i < 50; i++) {
      const locks = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory'`;
      if (locks[0]!.n === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    return run;
  }

  it("killed mid-import, leaves the database as it was", async () => {
    const before = await counts(db);
    // Incidents and claims are written by then; their figures are being computed in the
    // transaction (the threshold keeps 15,000 incidents from queueing). Pull the plug.
    const run = await killDuring("KIL", "refreshing figures", 1_000_000);
    expect(run.signal).toBe("SIGKILL");
    expect(run.stdout).toBe("");
    expect(await counts(db)).toEqual(before);
    expect(await db.incident.count({ where: { acledEventId: { startsWith: "KIL" } } })).toBe(0);
  }, 120_000);

  it("killed while a large import writes (its figures to be queued), leaves the database and the queue as they were", async () => {
    const before = await counts(db);
    const run = await killDuring("KIQ", "writing", 5_000);
    expect(run.signal).toBe("SIGKILL");
    expect(await counts(db)).toEqual(before);
    expect(await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "FigureRefreshRequest"`).toEqual([{ n: 0 }]);
  }, 120_000);
});
