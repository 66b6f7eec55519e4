// The launcher `npm start` runs Next.js with: several processes answer on one port, a stop signal
// stops them all, and a worker that fails takes the others down with its exit code.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "@/lib/http/free-port";
import { workerCount } from "./run-in-cluster.mjs";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "run-in-cluster-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
// A stand-in for `next start`: answers its own pid; /fail makes it exit with code 3; with IGNORE_SIGTERM
// it does not stop on SIGTERM (as Next.js waits for open connections).
const worker = path.join(dir, "worker.mjs");
fs.writeFileSync(
  worker,
  `import http from "node:http";
if (process.env.IGNORE_SIGTERM) process.on("SIGTERM", () => {});
http.createServer((req, res) => {
  res.end(String(process.pid));
  if (req.url === "/fail") setTimeout(() => process.exit(3), 10);
}).listen(Number(process.env.PORT), "127.0.0.1");
`,
);

/** One request on its own connection (a kept-alive one would stay with one worker). */
function get(port: number, pathname = "/"): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path: pathname, agent: false }, (res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => (body += chunk.toString()));
        res.on("end", () => resolve(body));
      })
      .on("error", reject);
  });
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function startCluster(concurrency: number, env: Record<string, string> = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, [path.resolve("scripts/run-in-cluster.mjs"), worker], {
    env: { ...process.env, PORT: String(port), WEB_CONCURRENCY: String(concurrency), ...env },
    stdio: "ignore",
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  // Up once every worker answers: the primary deals connections out in turn.
  const pids = new Set<string>();
  for (let i = 0; i < 200 && pids.size < concurrency; i++) {
    try {
      pids.add(await get(port));
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return { child, port, exited, pids: [...pids].map(Number) };
}

describe("run-in-cluster", { timeout: 30_000 }, () => {
  it("answers from several processes on one port and stops them all on SIGTERM", async () => {
    const { child, port, exited, pids } = await startCluster(3);
    expect(pids).toHaveLength(3);
    expect(pids).not.toContain(child.pid);
    const answers = new Set<string>();
    for (let i = 0; i < 12; i++) answers.add(await get(port));
    expect(answers.size).toBe(3);

    child.kill("SIGTERM");
    expect(await exited).toEqual({ code: null, signal: "SIGTERM" });
    for (const pid of pids) expect(isAlive(pid)).toBe(false);
  });

  it("kills the workers still running once the grace after SIGTERM is over, and only then exits", async () => {
    const { child, exited, pids } = await startCluster(2, { IGNORE_SIGTERM: "1", TRIANGULATE_STOP_GRACE_MS: "500" });
    expect(pids).toHaveLength(2);
    child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 200));
    // Within the grace, the workers (and so the launcher) are still there.
    for (const pid of pids) expect(isAlive(pid)).toBe(true);
    expect(child.exitCode).toBeNull();
    expect(await exited).toEqual({ code: null, signal: "SIGTERM" });
    for (const pid of pids) expect(isAlive(pid)).toBe(false);
  });

  it("stops every worker, with the failed one's exit code, when one exits on its own", async () => {
    const { port, exited, pids } = await startCluster(2);
    expect(pids).toHaveLength(2);
    await get(port, "/fail");
    expect(await exited).toEqual({ code: 3, signal: null });
    for (const pid of pids) expect(isAlive(pid)).toBe(false);
  });
});

describe("workerCount", () => {
  it("takes WEB_CONCURRENCY when it is a positive whole number, else the cores (at most 4)", () => {
    expect(workerCount({ WEB_CONCURRENCY: "3" }, 2)).toBe(3);
    expect(workerCount({}, 2)).toBe(2);
    expect(workerCount({}, 64)).toBe(4);
    expect(workerCount({}, 1)).toBe(1);
    for (const bad of ["0", "-2", "1.5", "two", ""]) expect(workerCount({ WEB_CONCURRENCY: bad }, 4)).toBe(4);
  });
});
