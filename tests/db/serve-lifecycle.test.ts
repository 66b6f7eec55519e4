// The two-command setup: `npm run dev` on an empty data folder creates, migrates and seeds the
// database; data survives a restart; a second instance on the same folder is refused with a clear
// message; Ctrl-C (SIGINT) stops Next.js and PostgreSQL and leaves no process behind.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DataFolderInUseError, startEmbeddedPostgres } from "@/lib/db/embedded-postgres";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "triangulate-serve-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function serve(port: number): {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  ready: Promise<void>;
  exited: Promise<number | null>;
} {
  const child = spawn(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/serve.ts", "dev"], {
    env: { ...process.env, DATABASE_URL: "", PORT: String(port), TRIANGULATE_DATA_DIR: dataDir, NEXT_DIST_DIR: ".next-e2e" },
  });
  let output = "";
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Triangulate: http://localhost")) resolve();
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", () => reject(new Error(`serve exited early:\n${output}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, ready, exited };
}

async function fetchJson(url: string) {
  for (let i = 0; i < 60; i++) {
    try {
      const response = await fetch(url);
      if (response.ok) return response.json();
    } catch {
      // Next is still compiling the route.
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`no answer from ${url}`);
}

describe("npm run dev on the embedded database", { timeout: 240_000 }, () => {
  it("starts, seeds Kobé, refuses a second instance, stops cleanly on Ctrl-C and keeps its data", async () => {
    const first = serve(3311);
    await first.ready;
    expect(first.output()).toContain("loaded the Kobé seed");
    const body = await fetchJson("http://127.0.0.1:3311/api/incidents/MLI-2025-0001");
    expect(body.figures[0]).toMatchObject({ metric: "killed", category: "civilians", low: 25, best: 34, high: 34 });

    // A second instance on the same folder fails with a clear message and leaves the first alone.
    await expect(startEmbeddedPostgres({ dataDir })).rejects.toBeInstanceOf(DataFolderInUseError);
    const instance = JSON.parse(fs.readFileSync(path.join(dataDir, "instance.json"), "utf8")) as { postgresPid: number };
    expect(isAlive(instance.postgresPid)).toBe(true);

    first.child.kill("SIGINT");
    expect(await first.exited).not.toBeNull();
    expect(isAlive(instance.postgresPid)).toBe(false);
    expect(fs.existsSync(path.join(dataDir, "pg", "postmaster.pid"))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, "instance.json"))).toBe(false);

    // Restart: the data is still there, so the seed is not loaded again.
    const second = serve(3312);
    await second.ready;
    expect(second.output()).not.toContain("loaded the Kobé seed");
    const again = await fetchJson("http://127.0.0.1:3312/api/incidents/MLI-2025-0001");
    expect(again.claims).toHaveLength(body.claims.length);
    second.child.kill("SIGINT");
    await second.exited;
  });
});
