import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientAddressFrom, parseTrustProxy } from "./client-address.mjs";

describe("TRUST_PROXY", () => {
  it("is off unless it names a header, with 1–10 hops", () => {
    for (const off of [undefined, "", "false", "0"]) expect(parseTrustProxy(off)).toBeNull();
    expect(parseTrustProxy("x-forwarded-for")).toEqual({ header: "x-forwarded-for", hops: 1 });
    expect(parseTrustProxy("X-Forwarded-For:2")).toEqual({ header: "x-forwarded-for", hops: 2 });
    expect(parseTrustProxy("x-real-ip")).toEqual({ header: "x-real-ip", hops: 1 });
    for (const bad of ["true", "x-forwarded-for:0", "x-forwarded-for:11", "x forwarded", "x-forwarded-for:a"])
      expect(() => parseTrustProxy(bad), bad).toThrow(/TRUST_PROXY/);
  });

  it("without a trusted proxy, the address is the socket's whatever the headers say", () => {
    expect(clientAddressFrom("::ffff:10.1.2.3", "1.1.1.1", null)).toBe("10.1.2.3");
  });

  it("with N trusted proxies, the address is the one the N-th proxy from us wrote, never what the client wrote", () => {
    const one = { header: "x-forwarded-for", hops: 1 };
    expect(clientAddressFrom("10.0.0.1", "6.6.6.6, 203.0.113.7", one)).toBe("203.0.113.7");
    expect(clientAddressFrom("10.0.0.1", ["6.6.6.6", "203.0.113.7"], one)).toBe("203.0.113.7");
    expect(clientAddressFrom("10.0.0.1", "6.6.6.6, 203.0.113.7, 10.0.0.2", { header: "x-forwarded-for", hops: 2 })).toBe("203.0.113.7");
    // A request that bypassed the proxy (no header) counts under the socket's address; so does garbage.
    expect(clientAddressFrom("10.0.0.1", undefined, one)).toBe("10.0.0.1");
    expect(clientAddressFrom("10.0.0.1", "not-an-address", one)).toBe("10.0.0.1");
  });
});

describe("the request guard in the server process (real HTTP)", () => {
  let server: ChildProcess | null = null;
  afterEach(() => {
    server?.kill();
    server = null;
  });

  /** A plain Node HTTP server with the preload serve.ts gives Next.js; it answers with the headers it sees. */
  async function startServer(trustProxy: string | undefined): Promise<string> {
    const preload = pathToFileURL(path.resolve("scripts", "guard-requests.mjs")).href;
    const program = `require("node:http").createServer((q, s) => s.end(JSON.stringify(q.headers))).listen(0, "127.0.0.1", function () { console.log(this.address().port) })`;
    server = spawn(process.execPath, ["--import", preload, "-e", program], {
      env: { ...process.env, TRUST_PROXY: trustProxy ?? "" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const [chunk] = (await once(server.stdout!, "data")) as [Buffer];
    return `http://127.0.0.1:${chunk.toString().trim()}`;
  }

  const seen = async (base: string, headers: Record<string, string>) =>
    (await (await fetch(base, { headers })).json()) as Record<string, string | undefined>;

  it("uses the socket and drops client-written forwarding headers when no proxy is trusted", async () => {
    const base = await startServer(undefined);
    for (const spoof of ["1.2.3.4", "5.6.7.8"]) {
      const headers = await seen(base, { "x-forwarded-for": spoof, "x-real-ip": spoof, [CLIENT_ADDRESS_HEADER]: spoof });
      expect(headers[CLIENT_ADDRESS_HEADER]).toBe("127.0.0.1");
      expect(headers["x-forwarded-for"]).toBeUndefined();
      expect(headers["x-real-ip"]).toBeUndefined();
    }
  });

  it("answers 400 to a path that does not decode, before the app sees it", async () => {
    const base = await startServer(undefined);
    for (const bad of ["/api/incidents/%ED%A0%80", "/incidents/%", "/x/%C0%AF"]) {
      const response = await fetch(`${base}${bad}`);
      expect(response.status, bad).toBe(400);
      expect(await response.text(), bad).toMatch(/not valid percent-encoded UTF-8/);
    }
    expect((await fetch(`${base}/incidents/MLI-2025-0001?q=%ED%A0%80`)).status).toBe(200);
  });

  it("honours the header TRUST_PROXY names, taking the proxy's entry", async () => {
    const base = await startServer("x-forwarded-for");
    expect((await seen(base, { "x-forwarded-for": "6.6.6.6, 198.51.100.4" }))[CLIENT_ADDRESS_HEADER]).toBe("198.51.100.4");
    expect((await seen(base, { [CLIENT_ADDRESS_HEADER]: "6.6.6.6" }))[CLIENT_ADDRESS_HEADER]).toBe("127.0.0.1");
  });
});
