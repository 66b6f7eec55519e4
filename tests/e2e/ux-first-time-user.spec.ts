// What a first-time analyst or editor trips on (issue 21): the popup, the keyboard on the map,
// place names, the timeline's legibility, form errors, labels and menus, navigation, citing and
// printing an incident, the phone layout, exports.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { watchPage } from "./support/page-problems";
import { signIn, signInPage } from "./support/users";

const KOBE = /Attack on a civilian convoy near Kobé/;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

const map = (page: Page) => page.getByRole("region", { name: /Map of incidents/ });

/** Opens Kobé's popup from the list, as a reader does. */
async function openKobePopup(page: Page) {
  await page.goto("/");
  await page.getByRole("button", { name: new RegExp(`Show on map: ${KOBE.source}`) }).click();
  const popup = page.getByRole("region", { name: KOBE });
  await expect(popup.getByRole("table", { name: "Killed, by source" })).toBeVisible();
  return popup;
}

for (const [name, viewport] of [
  ["desktop", DESKTOP],
  ["phone", PHONE],
] as const) {
  test(`the popup opens on one row per source: HRW 34 · Malian government 25 · AFP / RFI ≥ 30, visible without scrolling (${name})`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    const popup = await openKobePopup(page);
    const rows = popup.getByRole("table", { name: "Killed, by source" }).getByRole("row");
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(0)).toContainText(/Human Rights Watch\s*34 civilians/);
    await expect(rows.nth(1)).toContainText(/Malian government\s*25 civilians, 19 attackers/);
    await expect(rows.nth(2)).toContainText(/AFP \/ RFI\s*≥ 30 unspecified/);
    // Inside the popup's visible box, with its content not scrolled.
    const box = (await page.locator(".leaflet-popup-content").boundingBox())!;
    const viewportHeight = viewport.height;
    for (let i = 0; i < 3; i++) {
      const row = (await rows.nth(i).boundingBox())!;
      expect(row.y, `row ${i} top`).toBeGreaterThanOrEqual(box.y - 1);
      expect(row.y + row.height, `row ${i} bottom`).toBeLessThanOrEqual(Math.min(box.y + box.height, viewportHeight) + 1);
    }
    expect(await page.locator(".leaflet-popup-content").evaluate((el) => el.scrollTop)).toBe(0);
    await page.screenshot({ path: test.info().outputPath(`popup-${name}.png`) });
  });
}

test("Esc closes the popup opened from a marker, and focus returns to the marker", async ({ page }) => {
  // Close enough in that Kobé stands alone (other tests add incidents nearby).
  await page.goto("/?view=8/15.96/0.23");
  const marker = map(page).getByRole("button", { name: KOBE });
  await marker.click();
  const popup = page.getByRole("region", { name: KOBE });
  await expect(popup).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(popup).toBeHidden();
  expect(await page.evaluate(() => document.activeElement?.classList.contains("incident-marker-host"))).toBe(true);
});

test("a skip link leads past the header; Enter on a group zooms to where it splits and keeps focus on a marker", async ({
  page,
  baseURL,
}) => {
  // Two incidents a few kilometres apart in Chad (2018: older than everything the other tests read).
  await signIn(page.request, "editor", "-ux-cluster");
  for (const [title, lat, lon] of [
    ["E2E cluster: clash north of Bol", 13.46, 14.71],
    ["E2E cluster: clash east of Bol", 13.47, 14.77],
  ] as const) {
    const created = await page.request.post("/api/incidents", {
      // Origin as a browser sends it: cookie-authenticated writes must come from the app's own origin.
      headers: { origin: new URL(baseURL!).origin },
      data: { title, dateStart: "2018-04-02", placeName: "Bol", countryIso3: "TCD", latitude: lat, longitude: lon, eventType: "Battles" },
    });
    expect(created.status(), await created.text()).toBe(201);
  }
  await page.goto("/?view=3/13.5/14.7");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("#main-content")).toBeFocused();

  const group = map(page)
    .getByRole("button", { name: /^2 incidents here, 0 killed/ })
    .first();
  await group.focus();
  await page.keyboard.press("Enter");
  // Straight to the expansion zoom (the two split), not one step from 3.
  await expect(
    map(page)
      .getByRole("button", { name: /E2E cluster: clash north of Bol/ })
      .first(),
  ).toBeVisible();
  // The address follows the map once it has moved (it read view=3 until then): wait for it.
  await expect.poll(() => Number(new URL(page.url()).searchParams.get("view")?.split("/")[0])).toBeGreaterThanOrEqual(7);
  await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("incident-marker-host") ?? false)).toBe(true);
});

test("the offline basemap names places, incidents and groups look different, and the attribution shows no flag", async ({ page }) => {
  const problems = watchPage(page);
  await page.goto("/?view=4/15.5/0");
  await expect(map(page).locator(".place-label.capital .place-name", { hasText: "Bamako" })).toBeVisible();
  await expect(map(page).locator(".place-label.country .place-name", { hasText: /^Mali$/ })).toBeVisible();
  const attribution = map(page).locator(".leaflet-control-attribution");
  await expect(attribution).toContainText(/^Leaflet/);
  await expect(attribution.locator("svg, img")).toHaveCount(0);
  // Close in, Kobé stands alone: an incident is a disc.
  await page.goto("/?view=8/15.96/0.23");
  const incidentRadius = await map(page)
    .locator(".incident-marker")
    .first()
    .evaluate((el) => getComputedStyle(el).borderRadius);
  expect(incidentRadius).toBe("50%");
  // The legend's group symbol is drawn like the map's groups: not a circle.
  const groupRadius = await page.locator(".legend-swatch.cluster-marker").evaluate((el) => getComputedStyle(el).borderRadius);
  expect(groupRadius).not.toBe("50%");
  expect(problems.external).toEqual([]);
});

test("the timeline: legend text passes contrast (axe), both axes are labelled, the handles carry no clipped labels", async ({ page }) => {
  await page.goto("/");
  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline.getByRole("slider").first()).toBeVisible();
  const results = await new AxeBuilder({ page }).include(".timeline-panel").withRules(["color-contrast"]).analyze();
  expect(results.violations.flatMap((v) => v.nodes.map((n) => n.target.join(" ")))).toEqual([]);
  await expect(timeline.locator(".recharts-legend-item-text > span").first()).toHaveCSS("color", "rgb(61, 70, 80)");
  await expect(timeline.locator(".recharts-label", { hasText: "Killed" })).toHaveCount(1);
  await expect(timeline.locator(".recharts-label", { hasText: "Incidents" })).toHaveCount(1);
  const handle = timeline.getByRole("slider", { name: "Date range" }).last();
  await handle.focus();
  await page.keyboard.press("ArrowLeft");
  // No words at the handles (they overlapped and were cut): the toolbar says the range instead.
  expect((await timeline.locator(".recharts-brush-texts text").allTextContents()).filter((t) => t.trim())).toEqual([]);
  await expect(timeline.getByText(/^Dates: \d+ \w+ \d{4} – \d+ \w+ \d{4}/)).toBeVisible();
});

test("form errors sit by their field in the label's words, focus moves to the first, and a disabled button looks disabled", async ({
  page,
}) => {
  await signInPage(page, "editor", "-ux-forms");
  await page.goto("/incidents/new");
  const form = page.getByRole("form", { name: "New incident" });
  await expect(form.locator(".leaflet-container")).toBeVisible(); // hydrated
  await form.getByLabel("First day").fill("2025-03-02");
  await form.getByRole("button", { name: "Create incident" }).click();
  await expect(form.getByLabel("Title")).toBeFocused();
  await expect(form.locator("#field-title-error")).toHaveText(/^Title must be at least 3 characters/);
  await expect(form.locator("#field-placeName-error")).toHaveText(/^Place name is required/);
  await expect(form.locator("#field-dateEnd-error")).toHaveCount(0);
  await expect(form).not.toContainText(/placeName|countryIso3|dateEnd/);
  await expect(form.getByRole("alert")).toHaveText(/fields need correcting/);
  // Region (admin 1) and grading explain themselves.
  await expect(form.getByText("The country's first-level division")).toBeVisible();
  await expect(form.getByText(/How well the incident itself is attested/)).toBeVisible();

  await page.goto("/incidents/MLI-2025-0001/claims/new");
  const save = page.getByRole("button", { name: /^Save/ });
  await expect(save).toBeDisabled();
  await expect(save).toHaveCSS("cursor", "not-allowed");
  await expect(save).toHaveCSS("background-color", "rgb(209, 213, 219)");
});

test("sources: kind menus in words, Relays as tick boxes, the document URL labelled; the header links Import and API tokens", async ({
  page,
}) => {
  await signInPage(page, "editor", "-ux-sources");
  await page.goto("/sources");
  const kind = page.getByRole("form", { name: "New source" }).getByLabel("Kind");
  await expect(kind.locator("option")).toContainText(["NGO (non-governmental organisation)", "UN agency or mission"]);
  expect(await kind.locator("option").allTextContents()).not.toContain("ngo");
  const documentForm = page.getByRole("form", { name: "New document" });
  await expect(
    documentForm.getByRole("group", { name: "Relays (cites or republishes)" }).getByRole("checkbox", { name: "Human Rights Watch" }),
  ).toBeVisible();
  await expect(documentForm.getByLabel(/URL of the document/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Import" })).toHaveAttribute("href", "/import");
  await expect(page.getByRole("link", { name: "API tokens" })).toHaveAttribute("href", "/settings/tokens");
});

test("an import's result links the incidents it touched", async ({ page }) => {
  await signInPage(page, "editor", "-ux-import");
  await page.goto("/import");
  const claims = [
    "incident_code,metric,category,value_min,value_max,qualifier,statement,claimant,stated_on",
    "MLI-2025-0001,injured,civilians,30,30,exact,E2E: thirty injured (ux),afp,2025-02-10",
  ].join("\n");
  await page.getByLabel("Format", { exact: true }).selectOption("claims");
  await page.getByLabel("CSV file").setInputFiles({ name: "ux-claims.csv", mimeType: "text/csv", buffer: Buffer.from(claims) });
  await page.getByRole("button", { name: "Import" }).click();
  const result = page.getByRole("region", { name: "Imported" });
  await expect(result.getByRole("link", { name: "MLI-2025-0001" })).toHaveAttribute("href", "/incidents/MLI-2025-0001");
});

test("the incident page: cite it (text, BibTeX, CSL-JSON), print it as a clean brief, read who said what on a phone", async ({ page }) => {
  await page.goto("/incidents/MLI-2025-0001");
  const cite = page.getByRole("region", { name: "Cite this incident" });
  await expect(cite).toContainText(/\/incidents\/MLI-2025-0001\. Retrieved \d+ \w+ \d{4}\./);
  await expect(cite).toContainText(/record version \d+ of \d{4}-\d{2}-\d{2}/);
  await expect(cite.getByLabel("BibTeX")).toHaveValue(/^@misc\{triangulate_MLI_2025_0001_v\d+,/);
  const csl = JSON.parse(await cite.getByLabel(/CSL-JSON/).inputValue()) as { type: string; URL: string }[];
  expect(csl[0]).toMatchObject({ type: "dataset", URL: expect.stringMatching(/\/incidents\/MLI-2025-0001$/) });
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await cite.getByRole("button", { name: "Copy BibTeX" }).click();
  await expect(cite.getByRole("status").filter({ hasText: "Copied." })).toBeVisible();

  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".site-header")).toBeHidden();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeHidden();
  await expect(page.locator(".leaflet-control-zoom")).toBeHidden();
  await expect(page.getByRole("heading", { name: "Change history" })).toBeHidden();
  await expect(page.getByRole("heading", { name: "Who said what" })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("incident-print.png"), fullPage: true });
  // One A4 page: Chromium's PDF has one "/Type /Page" object per page.
  const pdf = (await page.pdf({ format: "A4" })).toString("latin1");
  expect(pdf.match(/\/Type\s*\/Page[^s]/g)?.length, "the printed brief fits one A4 page").toBe(1);
  await page.emulateMedia({ media: "screen" });

  await page.setViewportSize(PHONE);
  const cards = page.getByRole("list", { name: "Claims by source" });
  await expect(cards).toBeVisible();
  await expect(page.getByRole("table", { name: /Claims by metric and category/ })).toBeHidden();
  for (const [source, figure] of [
    ["Human Rights Watch", "34"],
    ["Malian government", "25"],
    ["AFP", "≥ 30"],
    ["RFI", "≥ 30"],
  ] as const) {
    const card = cards.getByRole("listitem").filter({ has: page.getByRole("heading", { name: new RegExp(`^${source}`) }) });
    await expect(card).toContainText(figure);
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("exports: the menu says the filter in words, and a filtered file's name says which filter", async ({ page, request }) => {
  await page.goto("/?country=MLI");
  await page.getByText("Export", { exact: true }).click();
  const panel = page.locator(".export-menu-panel");
  await expect(panel).toContainText("Country: Mali");
  await expect(panel).not.toContainText("country=MLI");
  const response = await request.get("/api/export/claims.csv?country=MLI");
  expect(response.headers()["content-disposition"]).toMatch(/filename="triangulate-claims-MLI-[0-9a-f]{6}-\d{4}-\d{2}-\d{2}\.csv"/);
  const ged = await request.get("/api/export/ged.csv?country=MLI");
  const [header, kobe] = (await ged.text()).split("\r\n");
  expect(header!.split(",")).toEqual(expect.arrayContaining(["year", "type_of_violence", "side_a", "side_b", "country", "country_id"]));
  expect(kobe).toContain(",432,");
});
