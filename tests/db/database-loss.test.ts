// PostgreSQL stopped under a running app: /api/health, an API and a page answer 503 with
// Retry-After (not 500); when PostgreSQL is back on the same port and data folder the app answers
// 200 again by itself; and SIGTERM stops the app within 5 s, also when its own embedded
// PostgreSQL died under it (it used to wait for its 15 s forced exit).
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedHandle } from "@/lib/db/embedded-postgres";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "triangulate-db-loss-"));
const PORT = 3321;
const base = `http://127.0.0.1:${PORT}`;
let postgres: EmbeddedHandle | undefined;
let app: ReturnType<typeof spawn> | undefined;

afterAll(async () => {
  if (app && app.exitCode === null) app.kill("SIGKILL");
  await postgres?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function get(pathname: string) {
  const response = await fetch(`${base}${pathname}`, { redirect: "manual" });
  return {
    status: response.status,
    retryAfter: response.headers.get("retry-after"),
    type: response.headers.get("content-type") ?? "",
    body: await response.text(),
  };
}

/** Waits until `pathname` answers `status` (the dev server compiles each route on first use). */
async function until(pathname: string, status: number, seconds = 180) {
  let last: unknown;
  for (let i = 0; i < seconds; i++) {
    try {
      const answer = await get(pathname);
      if (answer.status === status) return answer;
      last = answer.status;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`${pathname} never answered ${status} (last: ${String(last)})`);
}

describe("the app while its database goes away and comes back", { timeout: 600_000 }, () => {
  it("answers 503 with Retry-After meanwhile, 200 again afterwards without a restart, and stops within 5 s", async () => {
    postgres = await startEmbeddedPostgres({ dataDir });
    const port = postgres.port;
    let output = "";
    app = spawn(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/serve.ts", "dev"], {
      env: {
        ...process.env,
        DATABASE_URL: postgres.url,
        PORT: String(PORT),
        NEXT_DIST_DIR: ".next-db-tests/database-loss",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    });
    app.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    app.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<void>((resolve) => app!.on("exit", () => resolve()));

    // Up: every route compiled once while the database answers.
    const healthy = await until("/api/health", 200);
    expect(JSON.parse(healthy.body)).toMatchObject({ status: "ok", database: { status: "ok" } });
    await until("/api/incidents?limit=1", 200);
    await until("/", 200);

    await postgres.stop();
    const health = await get("/api/health");
    expect(health.status).toBe(503);
    expect(health.retryAfter).toBe("5");
    expect(JSON.parse(health.body)).toMatchObject({ status: "unavailable", app: "ok", database: { status: "unavailable" } });
    const api = await get("/api/incidents?limit=1");
    expect(api).toMatchObject({ status: 503, retryAfter: "5" });
    expect(JSON.parse(api.body)).toEqual({
      error: { code: "database_unavailable", message: "The database is unavailable. Try again shortly." },
    });
    const page = await get("/incidents/MLI-2025-0001");
    expect(page).toMatchObject({ status: 503, retryAfter: "5" });
    expect(page.type).toContain("text/html");
    expect(page.body).toContain("The database is unavailable");
    // The security headers are there on the 503 too.
    const headers = (await fetch(`${base}/`)).headers;
    expect(headers.get("content-security-policy")).toContain("frame-ancestors 'none'");

    // Back on the same port and folder: the same server process answers again.
    postgres = await startEmbeddedPostgres({ dataDir, port });
    await until("/api/health", 200, 10);
    expect((await get("/api/incidents?limit=1")).status).toBe(200);
    expect((await get("/")).status).toBe(200);
    expect(output).not.toMatch(/Unhandled|uncaughtException/);

    const stopping = Date.now();
    app.kill("SIGTERM");
    await exited;
    expect(Date.now() - stopping).toBeLessThan(5_000);
  });

  it("stops within 5 s on SIGTERM after its embedded PostgreSQL died", async () => {
    const ownData = path.join(dataDir, "embedded");
    let output = "";
    const serve = spawn(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/serve.ts", "dev"], {
      env: {
        ...process.env,
        DATABASE_URL: "",
        PORT: String(PORT + 1),
        TRIANGULATE_DATA_DIR: ownData,
        NEXT_DIST_DIR: ".next-db-tests/database-loss-embedded",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    });
    const exited = new Promise<void>((resolve) => serve.on("exit", () => resolve()));
    try {
      await new Promise<void>((resolve, reject) => {
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes("Triangulate: http://localhost")) resolve();
        };
        serve.stdout.on("data", onData);
        serve.stderr.on("data", onData);
        serve.on("exit", () => reject(new Error(`serve exited early:\n${output}`)));
      });
      const { postgresPid } = JSON.parse(fs.readFileSync(path.join(ownData, "instance.json"), "utf8")) as { postgresPid: number };
      process.kill(postgresPid, "SIGKILL");
      await new Promise((r) => setTimeout(r, 500));
      const stopping = Date.now();
      serve.kill("SIGTERM");
      await exited;
      expect(Date.now() - stopping).toBeLessThan(5_000);
    } finally {
      if (serve.exitCode === null) serve.kill("SIGKILL");
    }
  });
});
