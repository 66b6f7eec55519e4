// Quality bars for the analyst pages: no serious or critical accessibility violations (axe), a
// usable phone-size layout (no sideways scrolling, timeline included), sensible titles and
// headings, and how long the home page takes to load on the seed data.
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { watchPage } from "./support/page-problems";

const KOBE = /Attack on a civilian convoy near Kobé/;
const PHONE = { width: 390, height: 844 };

async function expectNoSeriousViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${label}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious).toEqual([]);
}

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test("no serious accessibility violations on the home page, with filters and popup open", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("region", { name: /Map of incidents/ }).getByRole("button", { name: KOBE })).toBeVisible();
  await expect(page.getByRole("region", { name: "Timeline" }).getByRole("slider").first()).toBeVisible();
  await expectNoSeriousViolations(page, "home");
  await page.getByText(/^Filters/).click();
  await page
    .getByRole("region", { name: /Map of incidents/ })
    .getByRole("button", { name: KOBE })
    .click();
  await expect(page.getByRole("region", { name: "Attack on a civilian convoy near Kobé" })).toContainText("Human Rights Watch");
  await expectNoSeriousViolations(page, "home with filters and popup");
  // One h1, and the panels named by headings a screen reader can jump between.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Incidents");
  for (const name of ["Map", "Timeline", "List"]) await expect(page.getByRole("heading", { level: 2, name, exact: true })).toHaveCount(1);
});

test("no serious accessibility violations on the incident page and the 404 page", async ({ page }) => {
  await page.goto("/incidents/MLI-2025-0001");
  await expect(page.getByRole("region", { name: /Map of Kobé/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "When each claim was made" }).getByRole("listitem").first()).toBeVisible();
  await expectNoSeriousViolations(page, "incident");
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  await page.goto("/incidents/MLI-2099-9999");
  await expectNoSeriousViolations(page, "not found");
});

test.describe("on a phone-size screen", () => {
  test.use({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

  test("the map, its popup and the timeline fit; screenshot of the map", async ({ page }) => {
    const problems = watchPage(page);
    await page.goto("/");
    const marker = page.getByRole("region", { name: /Map of incidents/ }).getByRole("button", { name: KOBE });
    await marker.click();
    const popup = page.getByRole("region", { name: "Attack on a civilian convoy near Kobé" });
    await expect(popup).toContainText("Malian government");
    const mapBox = (await page.locator(".map-frame").boundingBox())!;
    const popupBox = (await page.locator(".leaflet-popup").boundingBox())!;
    expect(popupBox.x).toBeGreaterThanOrEqual(mapBox.x - 1);
    expect(popupBox.x + popupBox.width).toBeLessThanOrEqual(mapBox.x + mapBox.width + 1);
    await page.locator(".map-frame").screenshot({ path: path.join("test-results", "phone-map.png") });
    const chart = page.getByRole("region", { name: "Timeline" }).locator(".timeline-chart");
    await chart.scrollIntoViewIfNeeded();
    expect((await chart.boundingBox())!.width).toBeGreaterThan(300);
    await expectNoSidewaysScroll(page);
    await expectNoSeriousViolations(page, "phone home");
    expect(problems.errors).toEqual([]);
  });

  test("the incident page fits; screenshot of it", async ({ page }) => {
    await page.goto("/incidents/MLI-2025-0001");
    await expect(page.getByRole("region", { name: /Map of Kobé/ })).toBeVisible();
    await expect(page.getByRole("article", { name: "killed · civilians" }).getByRole("definition")).toHaveText(["25", "34", "34"]);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: path.join("test-results", "phone-incident.png"), fullPage: true });
    await expectNoSeriousViolations(page, "phone incident");
  });
});

test("the home page loads quickly on the seed data", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("region", { name: /Map of incidents/ }).getByRole("button", { name: KOBE })).toBeVisible();
  // A second, warm visit: what a user sees once the server is up.
  const started = Date.now();
  await page.goto("/");
  await expect(page.getByRole("region", { name: /Map of incidents/ }).getByRole("button", { name: KOBE })).toBeVisible();
  const untilMarker = Date.now() - started;
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    return {
      ttfb: Math.round(nav.responseStart),
      domContentLoaded: Math.round(nav.domContentLoadedEventEnd),
      load: Math.round(nav.loadEventEnd),
    };
  });
  test.info().annotations.push({
    type: "home page load (seed data)",
    description: `TTFB ${timing.ttfb} ms, DOMContentLoaded ${timing.domContentLoaded} ms, load ${timing.load} ms, Kobé marker after ${untilMarker} ms`,
  });
  console.log(
    `home page: TTFB ${timing.ttfb} ms, DOMContentLoaded ${timing.domContentLoaded} ms, load ${timing.load} ms, Kobé marker on the map after ${untilMarker} ms`,
  );
  expect(untilMarker).toBeLessThan(5_000);
});
