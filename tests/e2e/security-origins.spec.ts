// Requests from elsewhere, over real HTTP and from a real browser: state-changing requests with
// a session cookie must come from the app's own origin (lib/http/csrf.ts), API tokens are exempt,
// and the login limit's client address is the socket's, whatever X-Forwarded-For says.
import { createHash, randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { withAppDatabase } from "./support/app-database";
import { emailFor, signIn, signInPage } from "./support/users";

const EVIL = "http://evil.example";

const acledFile = (id: string) =>
  `event_id_cnty,event_date,event_type,country,location,latitude,longitude,fatalities\n${id},2016-05-04,Battles,Niger,Origin test ${id},14,1,3\n`;

const countWhere = (sql: string, params: unknown[]) =>
  withAppDatabase(async (client) => (await client.query(sql, params)).rows[0].n as number);
const sourcesNamed = (slug: string) => countWhere(`SELECT count(*)::int AS n FROM "Source" WHERE slug = $1`, [slug]);
const incidentsFrom = (acledId: string) => countWhere(`SELECT count(*)::int AS n FROM "Incident" WHERE "acledEventId" = $1`, [acledId]);

test("cross-origin JSON, form and multipart posts with a session cookie get 403 and write nothing; same-origin and token requests work", async ({
  playwright,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const sibling = `${new URL(baseURL!).protocol}//${new URL(baseURL!).hostname}:${Number(new URL(baseURL!).port) + 1}`;
  const editor = await playwright.request.newContext({ baseURL });
  await signIn(editor, "editor", "-origins");

  const refused = [
    [
      "JSON from another site",
      () => editor.post("/api/sources", { headers: { origin: EVIL }, data: { slug: "csrf-json", name: "CSRF JSON", kind: "ngo" } }),
    ],
    // Another port of the same host is the same *site*: SameSite=Lax lets the cookie through, the origin check does not.
    [
      "JSON from another port",
      () => editor.post("/api/sources", { headers: { origin: sibling }, data: { slug: "csrf-port", name: "CSRF port", kind: "ngo" } }),
    ],
    [
      "a urlencoded form",
      () => editor.post("/api/sources", { headers: { origin: EVIL }, form: { slug: "csrf-form", name: "CSRF form", kind: "ngo" } }),
    ],
    [
      "a multipart upload",
      () =>
        editor.post("/api/import", {
          headers: { origin: EVIL },
          multipart: { format: "acled", file: { name: "x.csv", mimeType: "text/csv", buffer: Buffer.from(acledFile("CSRF0001")) } },
        }),
    ],
    [
      "Sec-Fetch-Site cross-site, no Origin",
      () =>
        editor.post("/api/sources", {
          headers: { "sec-fetch-site": "cross-site" },
          data: { slug: "csrf-sfs", name: "CSRF SFS", kind: "ngo" },
        }),
    ],
    ["no Origin and no Sec-Fetch-Site", () => editor.post("/api/sources", { data: { slug: "csrf-bare", name: "CSRF bare", kind: "ngo" } })],
    [
      "a page POST, where server actions land",
      () => editor.post("/settings/tokens", { headers: { origin: EVIL, "next-action": "0".repeat(40) }, form: { name: "csrf token" } }),
    ],
    ["sign-out from another site", () => editor.post("/api/auth/logout", { headers: { origin: EVIL } })],
  ] as const;
  for (const [name, send] of refused) {
    const response = await send();
    expect(response.status(), name).toBe(403);
    expect(await response.text(), name).toMatch(/another (origin|site)|says nothing of where it comes from/);
  }
  for (const slug of ["csrf-json", "csrf-port", "csrf-form", "csrf-sfs", "csrf-bare"]) expect(await sourcesNamed(slug), slug).toBe(0);
  expect(await incidentsFrom("CSRF0001")).toBe(0);
  expect(await countWhere(`SELECT count(*)::int AS n FROM "ApiToken" WHERE name = $1`, ["csrf token"])).toBe(0);
  // The refused sign-out did not sign anyone out.
  expect((await (await editor.get("/api/auth/me")).json()).user?.email).toBe(emailFor("editor", "-origins"));

  // The same requests from the app's own origin work.
  const same = await editor.post("/api/sources", { headers: { origin }, data: { slug: "csrf-same", name: "Same origin", kind: "ngo" } });
  expect(same.status()).toBe(201);
  const upload = await editor.post("/api/import", {
    headers: { origin },
    multipart: { format: "acled", file: { name: "x.csv", mimeType: "text/csv", buffer: Buffer.from(acledFile("CSRF0002")) } },
  });
  expect(upload.status()).toBe(200);
  expect(await incidentsFrom("CSRF0002")).toBe(1);

  // An API token is not a cookie: a script may send it from anywhere.
  const token = `tri_${randomBytes(24).toString("base64url")}`;
  await withAppDatabase((client) =>
    client.query(
      `INSERT INTO "ApiToken" (id, "userId", name, "tokenHash", prefix) SELECT gen_random_uuid(), id, 'origins e2e', $1, $2 FROM "User" WHERE email = $3`,
      [createHash("sha256").update(token).digest("hex"), token.slice(0, 10), emailFor("editor", "-origins")],
    ),
  );
  const script = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  const scripted = await script.post("/api/sources", {
    headers: { origin: EVIL },
    data: { slug: "csrf-token", name: "Token", kind: "ngo" },
  });
  expect(scripted.status()).toBe(201);
  await script.dispose();
  await editor.dispose();
});

test("a page on another port of this host cannot make a signed-in browser import or create anything", async ({ page, baseURL }) => {
  await signInPage(page, "editor", "-origins-browser");
  const app = new URL(baseURL!);
  const attacker = `${app.protocol}//${app.hostname}:${Number(app.port) + 7}`;
  // The attacker's page, served by Playwright (nothing listens on that port): a multipart upload
  // with the visitor's cookies (no CORS preflight for multipart) and a form posted to a JSON route.
  await page.route(`${attacker}/**`, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><title>attack</title>
        <form id="f" method="post" action="${app.origin}/api/sources" target="sink"><input name="slug" value="csrf-browser"><input name="name" value="CSRF"><input name="kind" value="ngo"></form>
        <iframe name="sink"></iframe>
        <script>
          const form = new FormData();
          form.append("format", "acled");
          form.append("file", new Blob([${JSON.stringify(acledFile("CSRF0003"))}], { type: "text/csv" }), "x.csv");
          fetch("${app.origin}/api/import", { method: "POST", body: form, credentials: "include", mode: "no-cors" })
            .finally(() => { document.getElementById("f").submit(); setTimeout(() => { document.title = "done"; }, 1500); });
        </script>`,
    }),
  );
  await page.goto(`${attacker}/attack`);
  await expect(page).toHaveTitle("done");
  expect(await incidentsFrom("CSRF0003")).toBe(0);
  expect(await sourcesNamed("csrf-browser")).toBe(0);

  // The same upload from the app's own page goes through: the refusal above is the origin check.
  await page.goto("/");
  const status = await page.evaluate(async (file) => {
    const form = new FormData();
    form.append("format", "acled");
    form.append("file", new Blob([file], { type: "text/csv" }), "x.csv");
    return (await fetch("/api/import", { method: "POST", body: form })).status;
  }, acledFile("CSRF0004"));
  expect(status).toBe(200);
  expect(await incidentsFrom("CSRF0004")).toBe(1);
});

test("rotating X-Forwarded-For does not reset the per-address login limit (no TRUST_PROXY): the socket's address counts", async ({
  playwright,
  baseURL,
}) => {
  const clear = () => withAppDatabase((client) => client.query(`DELETE FROM "LoginThrottle" WHERE key LIKE 'ip:%'`));
  await clear();
  const context = await playwright.request.newContext({ baseURL });
  try {
    const statuses: number[] = [];
    for (let i = 1; i <= 22; i++) {
      const response = await context.post("/api/auth/login", {
        headers: { "x-forwarded-for": `198.51.100.${i}`, "x-real-ip": `198.51.100.${i}`, "x-triangulate-client-address": `203.0.113.${i}` },
        data: { email: `rotating-${i}@e2e.triangulate.test`, password: "wrong-password" },
      });
      statuses.push(response.status());
    }
    expect(statuses).toEqual([...Array(20).fill(401), 429, 429]);
    const addresses = await withAppDatabase(async (client) =>
      (await client.query(`SELECT DISTINCT ip FROM "LoginAttempt" WHERE email LIKE 'rotating-%'`)).rows.map((r) => r.ip),
    );
    expect(addresses).toEqual(["127.0.0.1"]);
  } finally {
    // Every e2e test signs in from this address: leave it unlimited for them.
    await clear();
    await context.dispose();
  }
});
