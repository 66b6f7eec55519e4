// The timeline across incidents: brushing a date range filters the map, the count and the list.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { watchPage } from "./support/page-problems";

const KOBE = /Attack on a civilian convoy near Kobé/;

async function drag(page: Page, handle: Locator, toX: number) {
  await handle.scrollIntoViewIfNeeded();
  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(toX, box.y + box.height / 2, { steps: 12 });
  await page.mouse.up();
}

test("brushing the timeline filters the list and the map at once", async ({ page }) => {
  const problems = watchPage(page);
  await page.goto("/");
  const list = page.getByRole("list", { name: "Incidents" });
  await expect(list.getByRole("article", { name: KOBE })).toBeVisible();
  await expect(page.getByRole("region", { name: /Map of incidents/ }).getByRole("button", { name: KOBE })).toBeVisible();

  const timeline = page.getByRole("region", { name: "Timeline" });
  const handles = timeline.getByRole("slider", { name: "Date range" });
  await expect(handles).toHaveCount(2);
  // Move the start handle most of the way right: past Kobé's week (7 February 2025).
  const end = (await handles.last().boundingBox())!;
  await drag(page, handles.first(), end.x - 40);

  await expect(page).toHaveURL(/from=2025-0[2-3]-\d\d&to=2025-\d\d-\d\d/);
  const from = new URL(page.url()).searchParams.get("from")!;
  expect(from > "2025-02-09").toBe(true);
  await expect(page.getByRole("status").filter({ hasText: "match" })).toHaveText(/^0 incidents match/);
  await expect(page.getByText("No incidents match these filters.")).toBeVisible();
  await expect(page.getByRole("region", { name: /Map of incidents/ }).getByRole("button", { name: KOBE })).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Filters in force" })).toContainText("Dates:");

  // All dates again.
  await timeline.getByRole("button", { name: "All dates" }).click();
  await expect(page).not.toHaveURL(/from=/);
  await expect(list.getByRole("article", { name: KOBE })).toBeVisible();

  // The handles also move with the arrow keys, a week at a time. The axis pads a lone incident to
  // twelve weeks (30 Dec 2024 – 23 Mar 2025) with Kobé's week, 3–9 February, sixth.
  await handles.last().focus();
  for (let i = 0; i < 6; i++) await page.keyboard.press("ArrowLeft");
  await expect(page).toHaveURL(/to=2025-02-09/);
  await expect(list.getByRole("article", { name: KOBE })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "match" })).toHaveText(/^1 incident matches/);
  await page.keyboard.press("ArrowLeft");
  await expect(page).toHaveURL(/to=2025-02-02/);
  await expect(page.getByText("No incidents match these filters.")).toBeVisible();
  expect(problems.errors).toEqual([]);
});

test("the timeline can be read as a table and switched between weeks and months", async ({ page }) => {
  await page.goto("/");
  const timeline = page.getByRole("region", { name: "Timeline" });
  await timeline.getByText("Timeline as a table").click();
  const row = timeline.getByRole("row", { name: /3 Feb 2025/ });
  await expect(row).toContainText("44 / 53 / 53");
  await timeline.getByRole("radio", { name: "Per month" }).check();
  await expect(timeline.getByRole("row", { name: /Feb 2025/ })).toContainText("44 / 53 / 53");
  await expect(page).toHaveURL(/interval=month/);
});
