// An analyst on the home page: from the map to Kobé's claims, side by side, by mouse and by keyboard.
import { expect, test, type Page } from "@playwright/test";
import { watchPage } from "./support/page-problems";

const KOBE = "Attack on a civilian convoy near Kobé";

function map(page: Page) {
  return page.getByRole("region", { name: /Map of incidents/ });
}

/** The claims of one category in the popup, as tiles side by side. */
function claimsOf(popup: ReturnType<Page["getByRole"]>, category: string) {
  return popup.getByRole("list", { name: `Claims: killed · ${category}` }).getByRole("listitem");
}

test("map → Kobé → the popup shows every claim side by side under the reconciled figures", async ({ page }) => {
  const problems = watchPage(page);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Incidents" })).toBeVisible();

  await map(page)
    .getByRole("button", { name: new RegExp(KOBE) })
    .click();
  const popup = page.getByRole("region", { name: KOBE });
  await expect(popup).toBeVisible();
  await expect(popup).toContainText("Killed, all categories: 44 / 53 / 53");

  const civilians = popup.getByRole("region", { name: "killed · civilians" });
  await expect(civilians).toContainText("Reconciled 25 / 34 / 34");
  await expect(civilians).toContainText("best by source priority");
  await expect(claimsOf(popup, "civilians")).toHaveCount(2);
  await expect(claimsOf(popup, "civilians").filter({ hasText: "Human Rights Watch" })).toContainText(["34"]);
  await expect(claimsOf(popup, "civilians").filter({ hasText: "Human Rights Watch" })).toContainText("date unknown");
  const government = claimsOf(popup, "civilians").filter({ hasText: "Malian government" });
  await expect(government).toContainText("25");
  await expect(government).toContainText("8 Feb 2025");
  await expect(government.getByRole("link", { name: "Kobé attack" })).toHaveAttribute(
    "href",
    "https://en.wikipedia.org/wiki/Kob%C3%A9_attack",
  );

  const wires = claimsOf(popup, "unspecified");
  await expect(wires).toHaveCount(1);
  await expect(wires).toContainText("AFP / RFI");
  await expect(wires).toContainText("≥ 30");
  await expect(wires).toContainText("8–9 Feb 2025");

  // The selection is in the URL, and the list shows which incident the map shows.
  await expect(page).toHaveURL(/selected=MLI-2025-0001/);
  await expect(page.getByRole("button", { name: new RegExp(`Shown on map: ${KOBE}`) })).toHaveAttribute("aria-pressed", "true");

  await popup.getByRole("link", { name: "All claims, sources and history" }).click();
  await expect(page).toHaveURL(/\/incidents\/MLI-2025-0001$/);
  expect(problems.errors).toEqual([]);
  expect(problems.external).toEqual([]);
});

test("a keyboard user reaches Kobé from the list, reads the popup and comes back", async ({ page }) => {
  const problems = watchPage(page);
  await page.goto("/");
  const show = page.getByRole("button", { name: new RegExp(`Show on map: ${KOBE}`) });
  await show.focus();
  await page.keyboard.press("Enter");
  const popup = page.getByRole("region", { name: KOBE });
  await expect(popup).toBeVisible();
  // Focus moves into the popup, onto its heading.
  await expect(popup.getByRole("heading", { name: KOBE })).toBeFocused();
  await expect(claimsOf(popup, "civilians").filter({ hasText: "Malian government" })).toContainText("25");
  await page.keyboard.press("Escape");
  await expect(popup).toBeHidden();
  await expect(page.getByRole("button", { name: new RegExp(`Show on map: ${KOBE}`) })).toBeFocused();

  // The map's own markers are keyboard buttons too.
  const marker = map(page).getByRole("button", { name: new RegExp(KOBE) });
  await marker.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("region", { name: KOBE })).toBeVisible();
  expect(problems.errors).toEqual([]);
});

test("the map asks the server only for its viewport, and a world view stays small", async ({ page, request }) => {
  const mapRequests: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/api/map?")) mapRequests.push(r.url());
  });
  await page.goto("/");
  await expect(map(page).getByRole("button", { name: new RegExp(KOBE) })).toBeVisible();
  expect(mapRequests.length).toBeGreaterThan(0);
  for (const url of mapRequests) expect(new URL(url).searchParams.get("bbox")).toMatch(/^-?[\d.]+,-?[\d.]+,-?[\d.]+,-?[\d.]+$/);

  const world = await request.get("/api/map?bbox=-180,-85,180,85&zoom=2");
  expect(world.status()).toBe(200);
  const body = await world.text();
  expect(JSON.parse(body)).toMatchObject({ mode: "points", total: 1, points: [{ code: "MLI-2025-0001", best: 53, contested: true }] });
  test.info().annotations.push({ type: "world-view /api/map payload", description: `${Buffer.byteLength(body)} bytes` });
  expect(Buffer.byteLength(body)).toBeLessThan(2_000);

  for (const [query, field] of [
    ["zoom=2", "bbox"],
    ["bbox=-180,-85,180,85", "zoom"],
    ["bbox=-180,-85,180,85&zoom=99", "zoom"],
    ["bbox=-180,-85,180,85&zoom=2&minKilled=-3", "minKilled"],
  ] as const) {
    const response = await request.get(`/api/map?${query}`);
    expect(response.status(), query).toBe(400);
    expect(Object.keys((await response.json()).error.fields), query).toContain(field);
  }
  const timeline = await request.get("/api/timeline?interval=fortnight");
  expect(timeline.status()).toBe(400);
  expect(Object.keys((await timeline.json()).error.fields)).toContain("interval");
});

test("with the map area as a filter, panning away empties the list, the count and the timeline", async ({ page }) => {
  // Over the Pacific, far from Kobé.
  await page.goto("/?view=4/-20.0/-150.0");
  await expect(page.getByRole("status").filter({ hasText: "match" })).toHaveText("1 incident matches");
  await page.getByRole("checkbox", { name: /Only incidents in the map area/ }).check();
  await expect(page).toHaveURL(/bbox=/);
  await expect(page.getByRole("status").filter({ hasText: "match" })).toHaveText("0 incidents match the filters");
  await expect(page.getByRole("list", { name: "Filters in force" })).toContainText("In the map area");
  await expect(page.getByRole("region", { name: "Timeline" })).toContainText("No incidents match, so there is nothing to chart.");

  await page.getByRole("list", { name: "Filters in force" }).getByRole("link", { name: "Remove filter In the map area" }).click();
  await expect(page).not.toHaveURL(/bbox=/);
  await expect(page.getByRole("status").filter({ hasText: "match" })).toHaveText("1 incident matches");

  // Over the Sahel, the map area holds Kobé.
  await page.goto("/?view=5/16.0/0.2");
  await page.getByRole("checkbox", { name: /Only incidents in the map area/ }).check();
  await expect(page).toHaveURL(/bbox=/);
  await expect(page.getByRole("status").filter({ hasText: "match" })).toHaveText("1 incident matches the filters");
  await expect(page.getByRole("list", { name: "Incidents" }).getByRole("article", { name: /Kobé/ })).toBeVisible();
});
