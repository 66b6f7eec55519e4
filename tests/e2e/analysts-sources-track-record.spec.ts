// Source track records on the Kobé seed (named to run before the specs that add claims: it reads the seed alone): the source page and the head-to-head page, by role and
// label as an analyst uses them, with axe; their forms without JavaScript; the API and sources.csv.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { watchPage } from "./support/page-problems";

async function expectNoSeriousViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${label}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious).toEqual([]);
}

/** The worker computes the seed's track record when the server starts: wait until nothing is pending. */
async function waitForTrackRecord(page: Page, path: string) {
  await expect(async () => {
    await page.goto(path);
    await expect(page.getByText(/still being counted/)).toHaveCount(0, { timeout: 500 });
  }).toPass({ timeout: 45_000 });
}

test("a source page says plainly that Kobé alone is one incident, shows the scatter, and takes the URL filters", async ({ page }) => {
  const problems = watchPage(page);
  await waitForTrackRecord(page, "/sources");
  // The kinds table: governments were lower than the others on Kobé.
  await expect(page.getByRole("row", { name: /^government killed · civilians 1 1 \/ 0 \/ 0/ })).toBeVisible();
  await expectNoSeriousViolations(page, "sources list");
  await page.getByRole("link", { name: "Malian government" }).click();
  await expect(page).toHaveURL(/\/sources\/mali-government$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Malian government");

  const killedCivilians = page.getByRole("article", { name: "killed · civilians" });
  await expect(killedCivilians).toContainText("lower than the other sources on 1 of 1 incident");
  await expect(killedCivilians).toContainText("only 1 incident to compare, too few for a typical ratio");
  await expect(killedCivilians).toContainText("With a single incident there is no pattern to speak of");
  // No ratio at all: neither "typically" nor a "…×".
  await expect(killedCivilians).not.toContainText("typically");
  await expect(killedCivilians).not.toContainText("×");
  // Its attackers figure is its alone: nothing to compare with.
  await expect(page.getByRole("article", { name: "killed · attackers" })).toContainText(
    "no other independent source gave a figure on the 1 incident it reported: nothing to compare with.",
  );

  // The scatter: one point, a link to the incident; the same as a table.
  await expect(page.getByRole("heading", { name: "Incident by incident: killed · civilians" })).toBeVisible();
  await expect(
    page.getByRole("group", { name: /Scatter: Malian government's figure/ }).locator('a[href="/incidents/MLI-2025-0001"]'),
  ).toHaveCount(1);
  await page.getByText("The same incidents as a table").click();
  await expect(page.getByRole("row", { name: /MLI-2025-0001.*25.*34 \/ 34 \/ 34/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Claims over time" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Documents \(\d+\)$/ })).toBeVisible();
  await expectNoSeriousViolations(page, "source page");

  // "The government's figures in Mali in 2025" is one link, built by the form.
  await page.getByLabel("Country").selectOption("MLI");
  await page.getByLabel("From").fill("2025-01-01");
  await page.getByLabel("To").fill("2025-12-31");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/country=MLI/);
  await expect(page).toHaveURL(/from=2025-01-01/);
  await expect(page.getByRole("article", { name: "killed · civilians" })).toContainText("1 of 1 incident");
  await expect(page.locator(".lede")).toContainText("in Mali, from 1 Jan 2025 to 31 Dec 2025");
  await page.goto("/sources/mali-government?to=2024-12-31");
  await expect(page.getByText("No active figure from Malian government on these incidents.")).toBeVisible();
  // A bad filter is named, not a crash.
  await page.goto("/sources/mali-government?from=2025-13-01");
  await expect(page.locator("p.notice[role=alert]")).toContainText("from is not a real calendar date");
  expect((await page.goto("/sources/no-such-source"))?.status()).toBe(404);
  expect(problems.external).toEqual([]);
});

test("the claims table of an incident links each claimant to its track record", async ({ page }) => {
  await page.goto("/incidents/MLI-2025-0001");
  await page.getByRole("columnheader").getByRole("link", { name: "Human Rights Watch" }).click();
  await expect(page).toHaveURL(/\/sources\/hrw$/);
});

test("two sources head to head, with their largest disagreement linked to its incident", async ({ page }) => {
  await waitForTrackRecord(page, "/sources/compare");
  await expect(page.getByText("Choose two sources to compare.")).toBeVisible();
  await page.getByLabel("First source").selectOption({ label: "Malian government" });
  await page.getByLabel("Second source").selectOption({ label: "Human Rights Watch" });
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(/a=mali-government&b=hrw/);
  const group = page.getByRole("article", { name: "killed · civilians" });
  await expect(group).toContainText("Malian government gave the lower figure on 1 of 1 incident");
  await expect(group).toContainText("too few incidents for a typical ratio");
  await expect(group.getByRole("row", { name: /MLI-2025-0001.*25.*34/ })).toBeVisible();
  await expectNoSeriousViolations(page, "compare page");
  await group.getByRole("link", { name: "MLI-2025-0001" }).click();
  await expect(page).toHaveURL(/\/incidents\/MLI-2025-0001$/);
  await page.goto("/sources/compare?a=hrw&b=hrw");
  await expect(page.locator("p.notice[role=alert]")).toHaveText("Choose two different sources.");
});

test.describe("before any JavaScript runs", () => {
  test.use({ javaScriptEnabled: false });

  test("the compare and filter forms work as plain forms", async ({ page }) => {
    await page.goto("/sources/compare");
    await page.getByLabel("First source").selectOption({ label: "AFP" });
    await page.getByLabel("Second source").selectOption({ label: "RFI" });
    await page.getByRole("button", { name: "Compare" }).click();
    await expect(page.getByRole("article", { name: "killed · unspecified" })).toContainText(
      "AFP gave the lower figure on 0 of 1 incident, the same on 1",
    );
    await page.goto("/sources/hrw");
    await page.getByLabel("Country").selectOption("MLI");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/\/sources\/hrw\?country=MLI/);
    await expect(page.getByRole("article", { name: "killed · civilians" })).toContainText(
      "higher than the other sources on 1 of 1 incident",
    );
  });
});

test("GET /api/sources/{slug}/track-record and sources.csv", async ({ request }) => {
  const response = await request.get("/api/sources/hrw/track-record?country=MLI&from=2025-01-01&to=2025-12-31");
  expect(response.status()).toBe(200);
  type Item = { metric: string; category: string; summary: string };
  const body = (await response.json()) as { source: { slug: string }; filter: string; pending: boolean; method: string; items: Item[] };
  expect(body.source).toMatchObject({ slug: "hrw", name: "Human Rights Watch", kind: "ngo", isParty: false });
  expect(body.method).toContain("correlation, not proof of intent");
  expect(body.filter).toBe("from=2025-01-01&to=2025-12-31&country=MLI");
  const killed = body.items.find((i) => i.metric === "killed" && i.category === "civilians")!;
  expect(killed).toMatchObject({ incidents: 1, compared: 1, higher: 1, ratio: null });
  expect(killed.summary).toContain("too few for a typical ratio");
  expect((await request.get("/api/sources/no-such-source/track-record")).status()).toBe(404);
  const bad = await request.get("/api/sources/hrw/track-record?metric=dead");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.fields).toHaveProperty("metric");

  const csv = await request.get("/api/export/sources.csv?country=MLI");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["x-triangulate-filter"]).toBe("country=MLI");
  expect(csv.headers()["x-triangulate-method"]).toContain("leave-one-out");
  const lines = (await csv.text()).trim().split("\r\n");
  expect(lines[0]).toMatch(/^source,source_name,source_kind,is_party,metric,category,incidents,compared,/);
  expect(lines.some((l) => l.startsWith("mali-government,Malian government,government,true,killed,civilians,1,1,1,0,0,"))).toBe(true);
  const manifest = await (await request.get("/api/export/manifest?file=sources.csv")).json();
  expect(manifest).toMatchObject({ file: "sources.csv", sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
});
