// Editors import files on the upload page and with API tokens; nobody else can.
import { expect, test } from "@playwright/test";
import { signIn, signInPage } from "./support/users";

// Events of 2019 in Niger: older than Kobé, so the lists other tests read keep Kobé on top.
const ACLED = [
  "event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,actor2,iso,country,admin1,location,latitude,longitude,geo_precision,source,notes,fatalities,timestamp",
  'NIG90001,2019-05-14,1,Battles,Armed clash,Military Forces of Niger (2011-),JNIM,562,Niger,Tillaberi,Tongo Tongo,14.7,1.95,2,RFI,"E2E: clash near Tongo Tongo, ""several"" dead",28,1558000000',
  "NIG90002,2019-06-02,1,Violence against civilians,Attack,Unidentified Armed Group (Niger),Civilians (Niger),562,Niger,Tillaberi,Ayorou,14.73,0.92,1,AFP,E2E: attack on a market,7,1559000000",
].join("\n");

test("an editor imports an ACLED file on the upload page and sees the summary; a bad file is refused row by row", async ({ page }) => {
  await signInPage(page, "editor", "-import");
  await page.goto("/import");
  await page.getByLabel("Format", { exact: true }).selectOption("acled");
  await page.getByLabel("CSV file").setInputFiles({ name: "acled-niger-2019.csv", mimeType: "text/csv", buffer: Buffer.from(ACLED) });
  await page.getByRole("button", { name: "Import" }).click();
  const result = page.getByRole("region", { name: "Imported" });
  await expect(result).toBeVisible();
  await expect(result).toContainText("2 created, 0 matched");
  await expect(result).toContainText("2 created, 0 already present");

  // The same file again adds nothing.
  await page.getByLabel("CSV file").setInputFiles({ name: "acled-niger-2019.csv", mimeType: "text/csv", buffer: Buffer.from(ACLED) });
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("region", { name: "Imported" })).toContainText("0 created, 2 matched");

  const bad = [
    "incident_code,metric,category,value_min,value_max,qualifier,statement,claimant",
    "MLI-2025-0001,killed,civilians,-4,4,range,E2E: a negative count.,hrw",
    'MLI-2025-0001,killed,civilians,3,3,exact,"E2E: line one,\nline two",hrw',
  ].join("\n");
  await page.getByLabel("Format", { exact: true }).selectOption("claims");
  await page.getByLabel("CSV file").setInputFiles({ name: "bad-claims.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
  await page.getByRole("button", { name: "Import" }).click();
  const refused = page.getByRole("region", { name: "Nothing was imported" });
  await expect(refused).toBeVisible();
  await expect(refused.getByRole("alert")).toContainText("1 of 2 rows are invalid");
  const problem = refused.getByRole("row", { name: /value_min cannot be negative/ });
  await expect(problem).toContainText("value_min");
  await expect(problem.getByRole("cell").first()).toHaveText("1");

  const niger = await (await page.request.get("/api/incidents?country=NER&from=2019-01-01&to=2019-12-31")).json();
  expect(niger.items).toHaveLength(2);
  const clash = niger.items.find((i: { title: string }) => i.title === "Armed clash in Tongo Tongo");
  expect(clash.figures[0]).toMatchObject({ metric: "killed", category: "unspecified", low: 28, best: 28, high: 28 });
});

test("only editors may import: 401 without sign-in, 403 for a viewer, and nothing arrives", async ({ playwright, baseURL }) => {
  const file =
    "event_id_cnty,event_date,event_type,country,location,latitude,longitude,fatalities\nNIG90009,2019-07-01,Battles,Niger,Refused,14,1,3\n";
  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.post("/api/import?format=acled", { headers: { "content-type": "text/csv" }, data: file })).status()).toBe(401);
  // Origin as a browser sends it, so the refusal is the role check (not the cross-origin one).
  const viewer = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Origin: new URL(baseURL!).origin } });
  await signIn(viewer, "viewer", "-import");
  expect((await viewer.post("/api/import?format=acled", { headers: { "content-type": "text/csv" }, data: file })).status()).toBe(403);
  // The upload page sends anonymous visitors to sign in.
  expect((await anonymous.get("/import")).url()).toContain("/login?next=%2Fimport");
  expect((await (await anonymous.get("/api/incidents?country=NER&from=2019-07-01&to=2019-07-01")).json()).items).toEqual([]);
  await anonymous.dispose();
  await viewer.dispose();
});

test("an editor's API token imports from a script until it is revoked", async ({ page, playwright, baseURL }) => {
  await signInPage(page, "editor", "-tokens");
  await page.goto("/settings/tokens");
  await page.getByLabel("What is the token for?").fill("E2E nightly GED import");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByLabel("Token", { exact: true }).inputValue();
  expect(token).toMatch(/^tri_/);

  const script = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  const ged =
    "id,date_start,date_end,date_prec,where_prec,latitude,longitude,country,where_description,type_of_violence,side_a,side_b,best,low,high\n990001,2018-03-01,2018-03-01,1,2,13.5,2.1,Niger,E2E: near Niamey,3,ISGS,Civilians,12,10,15\n";
  const imported = await script.post("/api/import?format=ucdp&fileName=ged-e2e.csv", {
    headers: { "content-type": "text/csv" },
    data: ged,
  });
  expect(imported.status()).toBe(200);
  expect(await imported.json()).toMatchObject({ imported: true, incidentsCreated: 1, claimsCreated: 1 });

  await page.getByRole("button", { name: "Revoke E2E nightly GED import" }).click();
  await expect(page.getByRole("row", { name: /E2E nightly GED import/ })).toContainText("revoked");
  const afterRevoke = await script.post("/api/import?format=ucdp", { headers: { "content-type": "text/csv" }, data: ged });
  expect(afterRevoke.status()).toBe(401);
  await script.dispose();
});

test("a claims file touching more incidents than IMPORT_QUEUE_FIGURES_ABOVE commits its claims, and the page follows the worker until the figures are reconciled", async ({
  page,
  request,
  baseURL,
}) => {
  // The e2e server queues above 2 incidents (playwright.config.ts). Three incidents of its own, in 2017.
  await signInPage(page, "editor", "-queue");
  const events = [
    "event_id_cnty,event_date,event_type,sub_event_type,actor1,actor2,iso,country,admin1,location,latitude,longitude,geo_precision,source,notes,fatalities",
    "NIG80001,2017-03-02,Battles,Armed clash,Military Forces of Niger (2011-),ISGS,562,Niger,Tillaberi,Ayorou,14.73,0.92,1,AFP,E2E: queue test one,3",
    "NIG80002,2017-03-09,Battles,Armed clash,Military Forces of Niger (2011-),ISGS,562,Niger,Tillaberi,Tera,14.01,0.75,1,AFP,E2E: queue test two,4",
    "NIG80003,2017-03-16,Battles,Armed clash,Military Forces of Niger (2011-),ISGS,562,Niger,Tillaberi,Tongo Tongo,14.7,1.95,1,AFP,E2E: queue test three,5",
  ].join("\n");
  const created = await page.context().request.post("/api/import?format=acled&fileName=acled-queue.csv", {
    headers: { "content-type": "text/csv", origin: new URL(baseURL!).origin },
    data: events,
  });
  // Three incidents: more than two, so their figures are queued too (dataset files queue like claims files).
  expect(await created.json()).toMatchObject({ imported: true, incidentsCreated: 3, figuresRefreshed: 0, figuresQueued: 3 });
  const list = await (await request.get("/api/incidents?country=NER&from=2017-03-01&to=2017-03-31&limit=10")).json();
  const codes = (list.items as { code: string }[]).map((i) => i.code).sort();
  expect(codes).toHaveLength(3);

  const claims = [
    "incident_code,metric,category,value_min,value_max,qualifier,statement,claimant",
    ...codes.map(
      (code, i) => `${code},killed,civilians,${20 + i},${20 + i},exact,"E2E: ${20 + i} villagers were killed, a witness said.",hrw`,
    ),
  ].join("\n");
  await page.goto("/import");
  await page.getByLabel("Format", { exact: true }).selectOption("claims");
  await page.getByLabel("CSV file").setInputFiles({ name: "queue-claims.csv", mimeType: "text/csv", buffer: Buffer.from(claims) });
  await page.getByRole("button", { name: "Import" }).click();
  const result = page.getByRole("region", { name: "Imported" });
  await expect(result).toContainText("3 created, 0 already present");
  await expect(result).toContainText("queued for 3 incidents");
  await expect(result.getByRole("status")).toHaveText("All figures are reconciled.");

  // The worker stored the new figures: HRW's 20 is now the civilians' best.
  const incident = await (await request.get(`/api/incidents/${codes[0]}`)).json();
  expect(incident.incident.figuresPendingSince).toBeNull();
  const civilians = (incident.figures as { metric: string; category: string; best: number; claimCount: number }[]).find(
    (f) => f.metric === "killed" && f.category === "civilians",
  );
  expect(civilians).toMatchObject({ best: 20, claimCount: 1 });
  expect((await (await request.get("/api/figure-queue")).json()).pendingIncidents).toBe(0);
});

test("an editor whose session ended while the page was open is told so, with a link to sign in that leads back here", async ({ page }) => {
  await signInPage(page, "editor", "-import");
  await page.goto("/import");
  await page.context().clearCookies();
  await page.getByLabel("CSV file").setInputFiles({ name: "late.csv", mimeType: "text/csv", buffer: Buffer.from(ACLED) });
  await page.getByLabel("Format", { exact: true }).selectOption("acled");
  await page.getByRole("button", { name: "Import" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "no longer signed in" });
  await expect(alert).toContainText("You are no longer signed in: sign in again, then choose the file again.");
  await alert.getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/login\?next=%2Fimport$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("the form posted by a browser itself is answered with a page: 303 to the report, to sign in, or to the refusal", async ({
  playwright,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const form = (name: string) => ({
    file: { name, mimeType: "text/csv", buffer: Buffer.from("event_id_cnty,event_date\nMRT90009,2015-08-12\n") },
    format: "acled",
  });
  const asBrowser = { Accept: "text/html,application/xhtml+xml", "Sec-Fetch-Mode": "navigate", Origin: origin };
  const post = (context: Awaited<ReturnType<typeof playwright.request.newContext>>, headers: Record<string, string>) =>
    context.post("/api/import", { multipart: form("no-js.csv"), headers, maxRedirects: 0 });

  const anonymous = await playwright.request.newContext({ baseURL });
  const signedOut = await post(anonymous, asBrowser);
  expect(signedOut.status()).toBe(303);
  expect(signedOut.headers().location).toBe("/login?next=%2Fimport");

  const viewer = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Origin: origin } });
  await signIn(viewer, "viewer", "-import");
  const refused = await post(viewer, asBrowser);
  expect(refused.status()).toBe(303);
  expect(refused.headers().location).toBe("/import");

  const editor = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Origin: origin } });
  await signIn(editor, "editor", "-import");
  const answered = await post(editor, asBrowser);
  expect(answered.status()).toBe(303);
  expect(answered.headers().location).toMatch(/^\/import\?report=[0-9a-f-]{36}$/);
  const page = await (await editor.get(answered.headers().location!)).text();
  expect(page).toContain("Nothing was imported");
  expect(page).toContain("The header lacks the columns");

  // A script asking for JSON still gets the API's answer, with the problem's code.
  const script = await post(editor, { Accept: "application/json" });
  expect(script.status()).toBe(422);
  const body = await script.json();
  expect(body.errors[0].problem.code).toBe("missing_columns");
  expect(body.errors[0].message).toMatch(/^The header lacks the columns event_type, location/);
  // The cross-origin check holds for the browser's own post too.
  expect((await post(editor, { ...asBrowser, Origin: "https://evil.example" })).status()).toBe(403);
  for (const context of [anonymous, viewer, editor]) await context.dispose();
});
