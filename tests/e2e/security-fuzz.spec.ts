// Hostile input over real HTTP: thousands of generated malformed requests (fast-check) to every
// route under app/api and to the pages, anonymous and with an editor's and an admin's session.
// None may be answered 5xx, no answer may show a stack trace or SQL, and nothing may be written.
import fc from "fast-check";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { withAppDatabase } from "./support/app-database";
import { listRoutes, malformedPageRequest, malformedRequest, type Malformed, type Who } from "./support/malformed-requests";
import { signIn } from "./support/users";

const PER_ROUTE_METHOD = 50; // × every route and method × 3 callers: well over 5,000 requests
const PAGES_PER_CALLER = 100;
const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
const PARALLEL = 6;

/** What an answer must never show: a stack frame, SQL, the driver's or the database's words. */
const LEAKS = [
  /\n\s+at .+:\d+:\d+/, // a stack frame
  /PrismaClient|prisma\.\w+\.\w+\(/,
  /invalid byte sequence|syntax error at or near|violates \w+(?: \w+)? constraint|unsupported Unicode escape/i,
  /\bSELECT\b[^<>]{0,80}\bFROM\b|\bINSERT INTO\b|\bUPDATE "\w+" SET\b/, // SQL, as written (upper case)
];
const leakIn = (text: string) =>
  LEAKS.map((re) => re.exec(text)?.[0]).find(Boolean) ?? (text.includes(process.cwd()) ? process.cwd() : null);

const TABLES = [
  "Incident",
  "Claim",
  "Source",
  "Document",
  "DocumentRelay",
  "User",
  "Session",
  "ApiToken",
  "AuditEvent",
  "ReconciliationDecision",
  "LoginAttempt",
];

async function rowCounts(): Promise<Record<string, number>> {
  return withAppDatabase(async (client) => {
    const counts: Record<string, number> = {};
    for (const table of TABLES) counts[table] = (await client.query(`SELECT count(*)::int AS n FROM "${table}"`)).rows[0].n;
    return counts;
  });
}

test("thousands of malformed requests to every route and page: no 5xx, no stack or SQL in any answer, nothing written", async ({
  playwright,
  baseURL,
}) => {
  test.setTimeout(600_000);
  const origin = new URL(baseURL!).origin;
  const routes = listRoutes();
  // The table of routes is read from app/: this fails when a route has no handler we can fuzz.
  expect(routes.length).toBeGreaterThanOrEqual(20);
  for (const route of routes) expect(route.methods.length, route.template).toBeGreaterThan(0);

  const contexts: Record<Who, APIRequestContext> = {
    anonymous: await playwright.request.newContext({ baseURL }),
    editor: await playwright.request.newContext({ baseURL }),
    admin: await playwright.request.newContext({ baseURL }),
  };
  await signIn(contexts.editor, "editor", "-fuzz");
  await signIn(contexts.admin, "admin", "-fuzz");
  const before = await rowCounts();

  const jobs: { who: Who; request: Malformed; label: string }[] = [];
  let seed = SEED;
  for (const who of ["anonymous", "editor", "admin"] as const) {
    for (const route of routes) {
      // Signing out would end the session the rest of the fuzz uses; anonymous callers still send it garbage.
      const methods = route.template === "/api/auth/logout" && who !== "anonymous" ? [] : [...route.methods, "PUT", "DELETE"];
      for (const method of methods) {
        const count = route.methods.includes(method) ? PER_ROUTE_METHOD : 5;
        for (const request of fc.sample(malformedRequest(route, method, who, origin), { numRuns: count, seed: seed++ }))
          jobs.push({ who, request, label: `${method} ${route.template}` });
      }
    }
    for (const request of fc.sample(malformedPageRequest(origin), { numRuns: PAGES_PER_CALLER, seed: seed++ }))
      jobs.push({ who, request, label: "page" });
  }

  const failures: string[] = [];
  const fail = (line: string) => {
    if (failures.length < 30) console.log(`fuzz problem: ${line}`);
    failures.push(line);
  };
  const statuses: Record<number, number> = {};
  const timeByLabel: Record<string, number> = {};
  let next = 0;
  const started = Date.now();
  async function worker() {
    while (next < jobs.length) {
      const { who, request, label } = jobs[next++]!;
      const headers = Object.fromEntries(Object.entries(request.headers).filter(([, v]) => v !== ""));
      const sent = Date.now();
      let status = 0;
      let text = "";
      try {
        const response = await contexts[who].fetch(request.url, {
          method: request.method,
          headers,
          data: request.body,
          maxRedirects: 0,
          timeout: 60_000,
        });
        status = response.status();
        text = await response.text();
      } catch (error) {
        fail(`${who} ${request.method} ${request.url} (${label}): no answer: ${String(error).slice(0, 200)}`);
        continue;
      }
      statuses[status] = (statuses[status] ?? 0) + 1;
      timeByLabel[label] = (timeByLabel[label] ?? 0) + (Date.now() - sent);
      if (status >= 500)
        fail(
          `${who} ${request.method} ${request.url} (${label}) → ${status}: ${text.slice(0, 200)} — body ${JSON.stringify(request.body)?.slice(0, 200)}`,
        );
      else if (leakIn(text)) fail(`${who} ${request.method} ${request.url} (${label}) → ${status} shows internals: ${leakIn(text)}`);
      // Mutations are malformed by construction: none may succeed.
      // (The basemap is a static file: it answers any method with the file, and writes nothing.)
      if (
        request.method !== "GET" &&
        status >= 200 &&
        status < 300 &&
        request.url.startsWith("/api/") &&
        !(label === "POST /api/auth/logout" && who === "anonymous")
      ) {
        fail(`${who} ${request.method} ${request.url} (${label}) → ${status}: a malformed mutation was accepted`);
      }
    }
  }
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const fiveXX = Object.entries(statuses)
    .filter(([s]) => Number(s) >= 500)
    .reduce((n, [, c]) => n + c, 0);
  console.log(
    `fuzz: ${jobs.length} malformed requests (seed ${SEED}) to ${routes.length} routes and the pages in ${seconds} s; ${fiveXX} answered 5xx; statuses ${JSON.stringify(statuses)}`,
  );

  const slowest = Object.entries(timeByLabel)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([label, ms]) => `${label} ${(ms / 1000).toFixed(1)} s`);
  console.log(`fuzz: most time in ${slowest.join(", ")}`);
  expect(jobs.length).toBeGreaterThanOrEqual(5000);
  expect(failures.slice(0, 20), `${failures.length} problems`).toEqual([]);
  // Nothing written: the same rows in every table (sign-in attempts included: none was evaluated).
  expect(await rowCounts()).toEqual(before);
  // The sessions still work (no request signed them out or broke them).
  expect((await (await contexts.editor.get("/api/auth/me")).json()).user?.role).toBe("editor");
  for (const context of Object.values(contexts)) await context.dispose();
});
