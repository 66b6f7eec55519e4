// Several editors at once, through the UI and over real HTTP: a stale save merges instead of
// reverting, a field both changed is asked; uploads are taken whole or refused whole.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { signIn, signInPage } from "./support/users";

const INCIDENT = {
  title: "Roadside attack (concurrency test)",
  summary: "",
  dateStart: "2016-03-04",
  dateEnd: "2016-03-04",
  placeName: "Test place",
  countryIso3: "TCD",
  latitude: 14.2,
  longitude: 1.5,
  locationPrecision: 2,
  eventType: "Battles",
  actors: [],
};

async function newIncident(request: APIRequestContext, title: string): Promise<string> {
  // Origin as a browser sends it: cookie-authenticated writes must come from the app's own origin.
  const response = await request.post("/api/incidents", {
    headers: { origin: `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}` },
    data: { ...INCIDENT, title },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { code: string }).code;
}

async function claimCount(request: APIRequestContext, code: string): Promise<number> {
  const detail = (await (await request.get(`/api/incidents/${code}`)).json()) as { claims: unknown[] };
  return detail.claims.length;
}

test("editor B's stale save keeps editor A's title, and the history shows both fields before → after", async ({ browser }) => {
  const a = await browser.newPage();
  const b = await browser.newPage();
  await signInPage(a, "editor");
  await signInPage(b, "editor", "-two");
  const code = await newIncident(a.request, "Attack on a convoy (merge test)");
  for (const page of [a, b]) {
    await page.goto(`/incidents/${code}/edit`);
    await page.waitForLoadState("networkidle");
  }

  await a.getByLabel("Title").fill("Convoy attack near Tongo Tongo (merge test)");
  await a.getByRole("button", { name: "Save changes" }).click();
  await expect(a).toHaveURL(new RegExp(`/incidents/${code}$`));

  await b.getByLabel("Summary").fill("Three lorries were hit.");
  await b.getByRole("button", { name: "Save changes" }).click();
  await expect(b).toHaveURL(new RegExp(`/incidents/${code}$`));
  await expect(b.getByRole("heading", { level: 1 })).toContainText("Convoy attack near Tongo Tongo (merge test)");

  const detail = (await (await b.request.get(`/api/incidents/${code}`)).json()) as { incident: { title: string; summary: string } };
  expect(detail.incident).toMatchObject({ title: "Convoy attack near Tongo Tongo (merge test)", summary: "Three lorries were hit." });

  const history = (await (await b.request.get(`/api/incidents/${code}/history`)).json()) as {
    items: { action?: string; changes?: { field: string; before: string; after: string }[] }[];
  };
  const edits = history.items.filter((i) => i.action === "incident.update");
  expect(edits.map((e) => e.changes)).toEqual([
    [{ field: "summary", label: "Summary", before: "(empty)", after: "“Three lorries were hit.”" }],
    [
      {
        field: "title",
        label: "Title",
        before: "“Attack on a convoy (merge test)”",
        after: "“Convoy attack near Tongo Tongo (merge test)”",
      },
    ],
  ]);
  await expect(b.getByText("Title: “Attack on a convoy (merge test)” → “Convoy attack near Tongo Tongo (merge test)”")).toBeVisible();
  await expect(b.getByText("Summary: (empty) → “Three lorries were hit.”")).toBeVisible();
});

test("a field both editors changed is shown side by side and the editor chooses", async ({ browser }) => {
  const a = await browser.newPage();
  const b = await browser.newPage();
  await signInPage(a, "editor");
  await signInPage(b, "editor", "-two");
  const code = await newIncident(a.request, "Ambush (choice test)");
  for (const page of [a, b]) {
    await page.goto(`/incidents/${code}/edit`);
    await page.waitForLoadState("networkidle");
  }

  await a.getByLabel("Title").fill("Ambush on the Ayorou road (choice test)");
  await a.getByLabel("Place name").fill("Ayorou");
  await a.getByRole("button", { name: "Save changes" }).click();
  await expect(a).toHaveURL(new RegExp(`/incidents/${code}$`));

  await b.getByLabel("Title").fill("Ambush near Ayorou (choice test)");
  await b.getByRole("button", { name: "Save changes" }).click();
  const choices = b.getByRole("region", { name: "Changed by you and someone else" });
  await expect(choices).toBeVisible();
  const title = choices.getByRole("group", { name: "Title" });
  await expect(title).toContainText("Theirs: Ambush on the Ayorou road (choice test)");
  await expect(title).toContainText("Yours: Ambush near Ayorou (choice test)");
  // Their place name, which B did not touch, is already in the form.
  await expect(b.getByLabel("Place name")).toHaveValue("Ayorou");
  await title.getByRole("radio", { name: /Theirs/ }).check();
  await expect(b.getByLabel("Title")).toHaveValue("Ambush on the Ayorou road (choice test)");
  await b.getByRole("button", { name: "Save with these choices" }).click();
  await expect(b).toHaveURL(new RegExp(`/incidents/${code}$`));
  const detail = (await (await b.request.get(`/api/incidents/${code}`)).json()) as { incident: { title: string; placeName: string } };
  expect(detail.incident).toMatchObject({ title: "Ambush on the Ayorou road (choice test)", placeName: "Ayorou" });
});

test("POST /api/claims refuses more claims than its documented limit with 413 naming it, and writes none", async ({
  playwright,
  baseURL,
}) => {
  const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Origin: new URL(baseURL!).origin } });
  await signIn(request, "editor", "-batch");
  const code = await newIncident(request, "Batch limit test");
  const created = await request.post("/api/sources", {
    data: { slug: "batch-limit-test", name: "Batch limit test source", kind: "witness" },
  });
  expect(created.status()).toBe(201);
  const { source } = (await created.json()) as { source: { id: string } };
  const claim = (i: number) => ({
    incidentCode: code,
    claimantId: source.id,
    metric: "killed",
    category: "civilians",
    subgroup: `part ${i}`,
    valueMin: 1,
    valueMax: 1,
    qualifier: "exact",
    statement: `One killed (${i}).`,
  });
  const refused = await request.post("/api/claims", { data: { claims: Array.from({ length: 201 }, (_, i) => claim(i)) } });
  expect(refused.status()).toBe(413);
  expect(((await refused.json()) as { error: { message: string } }).error.message).toContain("at most 200 claims");
  expect(await claimCount(request, code)).toBe(0);
  expect((await request.post("/api/claims", { data: { claims: Array.from({ length: 200 }, (_, i) => claim(i)) } })).status()).toBe(201);
  expect(await claimCount(request, code)).toBe(200);
  await request.dispose();
});

test.describe("uploads", () => {
  test.setTimeout(240_000);
  const HEADER = "incident_code,metric,category,subgroup,value_min,value_max,qualifier,statement,claimant,claimant_kind";
  // Long statements keep the row count (and so the import's database work) small while the file is
  // well over Next's 10 MB default body limit: the size is what is under test, not throughput.
  const padding = "x".repeat(2_600);
  const rows = (code: string, count: number, slug: string) => {
    const lines = [HEADER];
    for (let i = 0; i < count; i++)
      lines.push(`${code},killed,civilians,part ${i},1,1,exact,Upload test ${i}: one person was killed ${padding},${slug},witness`);
    return `${lines.join("\n")}\n`;
  };

  test("a 12 MB claims file is imported whole, as raw CSV and as multipart", async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Origin: new URL(baseURL!).origin } });
    await signIn(request, "editor", "-upload");
    for (const kind of ["raw", "multipart"] as const) {
      const code = await newIncident(request, `Upload test (${kind})`);
      const count = 5_000;
      const file = rows(code, count, `upload-${kind}`);
      expect(file.length).toBeGreaterThan(12 * 1024 * 1024);
      const response =
        kind === "raw"
          ? await request.post("/api/import?format=claims", { headers: { "content-type": "text/csv" }, data: file, timeout: 180_000 })
          : await request.post("/api/import", {
              multipart: { format: "claims", file: { name: "claims.csv", mimeType: "text/csv", buffer: Buffer.from(file) } },
              timeout: 180_000,
            });
      expect(response.status(), await response.text()).toBe(200);
      expect(((await response.json()) as { claimsCreated: number }).claimsCreated).toBe(count);
      expect(await claimCount(request, code)).toBe(count);
    }
    await request.dispose();
  });

  test("a file over the limit is refused with 413 and nothing is written: raw, chunked and multipart", async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Origin: new URL(baseURL!).origin } });
    await signIn(request, "editor", "-upload");
    const code = await newIncident(request, "Upload test (too large)");
    const file = rows(code, 40_000, "upload-too-large");
    expect(file.length).toBeGreaterThan(100 * 1024 * 1024);

    const raw = await request.post("/api/import?format=claims", { headers: { "content-type": "text/csv" }, data: file, timeout: 120_000 });
    expect(raw.status()).toBe(413);
    expect(((await raw.json()) as { error: { message: string } }).error.message).toMatch(/larger than 100 MB/);

    const multipart = await request.post("/api/import", {
      multipart: { format: "claims", file: { name: "claims.csv", mimeType: "text/csv", buffer: Buffer.from(file) } },
      timeout: 120_000,
    });
    expect(multipart.status()).toBe(413);

    // Without a Content-Length (chunked), the limit is enforced while the body streams in.
    const cookies = (await request.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const bytes = Buffer.from(file);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < bytes.length; offset += 1 << 20) controller.enqueue(bytes.subarray(offset, offset + (1 << 20)));
        controller.close();
      },
    });
    const chunked = await fetch(`${baseURL}/api/import?format=claims`, {
      method: "POST",
      headers: { "content-type": "text/csv", cookie: cookies, origin: baseURL! },
      body: stream,
      duplex: "half",
    } as RequestInit & { duplex: "half" }).catch((error: unknown) => error);
    // The server may close the connection after answering 413 while we are still sending.
    if (chunked instanceof Response) expect(chunked.status).toBe(413);

    expect(await claimCount(request, code)).toBe(0);
    await request.dispose();
  });
});
