// The warm-up `npm start` runs (scripts/warm-up.ts): every process of the cluster gets each page
// about `rounds / processes` times, in both languages, and a server that fails or is not there
// does not stop it.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "@/lib/http/free-port";
import { waitForPort, warmUp } from "./warm-up";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "warm-up-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
// A stand-in for `next start` that writes down every request it answers: path and language, by process.
const worker = path.join(dir, "worker.mjs");
fs.writeFileSync(
  worker,
  `import fs from "node:fs";
import http from "node:http";
http.createServer((req, res) => {
  fs.appendFileSync(${JSON.stringify(dir)} + "/seen-" + process.pid, req.url + " " + req.headers["accept-language"] + "\\n");
  res.statusCode = req.url === "/broken" ? 500 : 200;
  res.end("x".repeat(10000));
}).listen(Number(process.env.PORT), "127.0.0.1");
`,
);

describe("warmUp", { timeout: 30_000 }, () => {
  it("deals each page out to every process of the cluster, in English and French, counting the answers", async () => {
    const port = await freePort();
    const cluster = spawn(process.execPath, [path.resolve("scripts/run-in-cluster.mjs"), worker], {
      env: { ...process.env, PORT: String(port), WEB_CONCURRENCY: "2" },
      stdio: "ignore",
    });
    try {
      expect(await waitForPort(port, 10_000)).toBe(true);
      for (const f of fs.readdirSync(dir).filter((f) => f.startsWith("seen-"))) fs.rmSync(path.join(dir, f)); // waitForPort's own

      const result = await warmUp({ port, paths: ["/", "/incidents/MLI-2025-0001", "/broken"], rounds: 40, parallel: 2 });
      expect(result).toEqual({ requests: 120, ok: 80 });

      const seen = fs
        .readdirSync(dir)
        .filter((f) => f.startsWith("seen-"))
        .map((f) => fs.readFileSync(path.join(dir, f), "utf8").trim().split("\n"));
      expect(seen).toHaveLength(2);
      for (const lines of seen) {
        // Each process got about half of each page's 40 requests, in both languages.
        for (const page of ["/", "/incidents/MLI-2025-0001"]) {
          const asked = lines.filter((l) => l.startsWith(`${page} `));
          expect(asked.length).toBeGreaterThanOrEqual(10);
          expect(new Set(asked.map((l) => l.split(" ")[1]))).toEqual(new Set(["en", "fr"]));
        }
      }
      expect(seen.flat()).toHaveLength(120);
    } finally {
      cluster.kill("SIGTERM");
    }
  });

  it("gives up on a port where nothing answers, and lets failed requests go", async () => {
    const port = await freePort();
    expect(await waitForPort(port, 600)).toBe(false);
    expect(await warmUp({ port, paths: ["/"], rounds: 3, parallel: 2, timeoutMs: 1_000 })).toEqual({ requests: 3, ok: 0 });
  });

  it("lets a request go when the server does not answer in time", async () => {
    const server = http.createServer(() => {}).listen(0, "127.0.0.1"); // never answers
    await new Promise((r) => server.once("listening", r));
    const { port } = server.address() as AddressInfo;
    try {
      expect(await warmUp({ port, paths: ["/"], rounds: 2, parallel: 1, timeoutMs: 200 })).toEqual({ requests: 2, ok: 0 });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
