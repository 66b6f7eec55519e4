// Two app servers on one PostgreSQL, as behind a load balancer: a second `next start` of the same
// build beside the test server. A sign-in on one is valid on the other, and a write through one is
// seen at once by the other, through its map and timeline caches too (lib/cache/data-version-cache.ts
// checks the database's data version on every read).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signIn } from "./support/users";

const firstPort = Number(process.env.E2E_PORT ?? 3100);
const secondPort = firstPort + 1000;
const first = `http://127.0.0.1:${firstPort}`;
const second = `http://127.0.0.1:${secondPort}`;
let server: ChildProcess | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const instance = JSON.parse(fs.readFileSync(path.resolve("tests", ".tmp", "e2e-data", "instance.json"), "utf8")) as { url: string };
  const distDir = process.env.E2E_DEV ? ".next-e2e-second" : ".next-e2e";
  server = spawn(path.resolve("node_modules/.bin/next"), [process.env.E2E_DEV ? "dev" : "start", "--port", String(secondPort)], {
    env: {
      ...process.env,
      DATABASE_URL: instance.url,
      NEXT_DIST_DIR: distDir,
      NEXT_TELEMETRY_DISABLED: "1",
      IMPORT_QUEUE_FIGURES_ABOVE: "2",
    },
    stdio: "ignore",
  });
  for (let i = 0; i < 110; i++) {
    const ok = await fetch(`${second}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error("the second server did not start");
});

test.afterAll(() => {
  server?.kill("SIGTERM");
});

const WORLD_MAP = "/api/map?bbox=-180,-85,180,85&zoom=2";
const TIMELINE = "/api/timeline?interval=month";

test("a write through one server is seen at once through the other, caches included", async ({ request }) => {
  // Cookies ignore ports: the session made on the first server goes to the second one too.
  await signIn(request, "editor");
  const me = await request.get(`${second}/api/auth/me`);
  expect(me.status()).toBe(200);

  // The second server answers (and caches) the world map and the timeline, twice.
  const mapBefore = await (await request.get(`${second}${WORLD_MAP}`)).json();
  expect(await (await request.get(`${second}${WORLD_MAP}`)).json()).toEqual(mapBefore);
  const timelineBefore = await (await request.get(`${second}${TIMELINE}`)).json();
  await request.get(`${second}${TIMELINE}`);

  const created = await request.post(`${first}/api/incidents`, {
    headers: { origin: first },
    data: {
      title: "Seen from the other server",
      summary: "Created on one server, read on the other.",
      dateStart: "2025-03-03",
      dateEnd: "2025-03-03",
      placeName: "Gao",
      countryIso3: "MLI",
      latitude: 16.27,
      longitude: -0.04,
      locationPrecision: 2,
      eventType: "Battles",
      actors: [],
    },
  });
  expect(created.status()).toBe(201);
  const { code } = (await created.json()) as { code: string };

  // At once, no waiting: the very next reads on the second server include it.
  const mapAfter = await (await request.get(`${second}${WORLD_MAP}`)).json();
  expect(mapAfter.total).toBe(mapBefore.total + 1);
  const timelineAfter = await (await request.get(`${second}${TIMELINE}`)).json();
  expect(timelineAfter.total).toBe(timelineBefore.total + 1);
  expect((await request.get(`${second}/api/incidents/${code}`)).status()).toBe(200);

  // And back: an edit through the second server is what the first one shows, and a stale save on the first is refused.
  const values = {
    title: "Edited on the second server",
    summary: "Created on one server, read on the other.",
    dateStart: "2025-03-03",
    dateEnd: "2025-03-03",
    placeName: "Gao",
    countryIso3: "MLI",
    latitude: 16.27,
    longitude: -0.04,
    locationPrecision: 2,
    eventType: "Battles",
    actors: [],
  };
  expect(
    (
      await request.patch(`${second}/api/incidents/${code}`, { headers: { origin: second }, data: { ...values, expectedVersion: 1 } })
    ).status(),
  ).toBe(200);
  expect((await (await request.get(`${first}/api/incidents/${code}`)).json()).incident.title).toBe("Edited on the second server");
  expect(
    (
      await request.patch(`${first}/api/incidents/${code}`, {
        headers: { origin: first },
        data: { ...values, title: "Stale", expectedVersion: 1 },
      })
    ).status(),
  ).toBe(409);
});
