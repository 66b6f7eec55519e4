// The filter lives in the URL: the form writes it, a shared link restores the same view.
import { expect, test, type Page } from "@playwright/test";
import { watchPage } from "./support/page-problems";

const KOBE = /Attack on a civilian convoy near Kobé/;

/** The URL once the map has stopped moving (a popup may pan the map to fit, then the URL follows). */
async function settledUrl(page: Page): Promise<string> {
  let previous = "";
  for (let i = 0; i < 20; i++) {
    const current = page.url();
    if (current === previous) return current;
    previous = current;
    await page.waitForTimeout(700);
  }
  throw new Error("the URL kept changing");
}

test("a shared URL restores the same view: filters, map position, open incident, order", async ({ page, browser }) => {
  const problems = watchPage(page);
  // One analyst narrows things down, zooms in and opens Kobé…
  await page.goto("/?country=MLI&flag=contested&claimant=hrw&from=2025-02-01&to=2025-02-28&minKilled=50&sort=most_killed");
  const map = page.getByRole("region", { name: /Map of incidents/ });
  await map.getByRole("button", { name: "Zoom in" }).click();
  await expect(page).toHaveURL(/view=3%2F/);
  await map.getByRole("button", { name: KOBE }).click();
  await expect(page.getByRole("region", { name: "Attack on a civilian convoy near Kobé" })).toContainText("Human Rights Watch");
  await expect(page).toHaveURL(/selected=MLI-2025-0001/);
  const shared = await settledUrl(page);
  const sharedView = new URL(shared).searchParams.get("view");

  // …and sends the link to a colleague, who sees the same thing.
  const colleague = await (await browser.newContext({ viewport: page.viewportSize()! })).newPage();
  const theirProblems = watchPage(colleague);
  await colleague.goto(shared);
  await expect(colleague.getByRole("status").filter({ hasText: "match" })).toHaveText("1 incident matches the filters");
  const chips = colleague.getByRole("list", { name: "Filters in force" });
  for (const text of ["Dates: 1–28 Feb 2025", "Country: Mali", "Claimant: Human Rights Watch", "Flags: contested", "At least 50 killed"])
    await expect(chips).toContainText(text);
  await expect(colleague.getByRole("region", { name: "Attack on a civilian convoy near Kobé" })).toContainText("Malian government");
  await expect(colleague.getByRole("combobox", { name: "Sort" })).toHaveValue("most_killed");
  await expect(colleague.getByRole("region", { name: /Map of incidents/ }).getByRole("button", { name: KOBE })).toBeVisible();
  expect(new URL(await settledUrl(colleague)).searchParams.get("view")).toBe(sharedView);
  // The form shows the same filter.
  await colleague.getByText(/^Filters/).click();
  const form = colleague.getByRole("form", { name: "Filter incidents" });
  await expect(form.getByRole("group", { name: "Flags" }).getByRole("checkbox", { name: "contested" })).toBeChecked();
  await expect(
    form.getByRole("group", { name: "Claimant", exact: true }).getByRole("checkbox", { name: "Human Rights Watch" }),
  ).toBeChecked();
  await expect(form.getByLabel("From")).toHaveValue("2025-02-01");
  await expect(form.getByRole("spinbutton", { name: "Minimum killed" })).toHaveValue("50");
  expect(problems.errors).toEqual([]);
  expect(theirProblems.errors).toEqual([]);
  await colleague.context().close();
});

test("the filter form narrows map, list and count, and each filter can be removed", async ({ page }) => {
  await page.goto("/");
  await page.getByText(/^Filters/).click();
  const form = page.getByRole("form", { name: "Filter incidents" });
  await form.getByRole("spinbutton", { name: "Minimum killed" }).fill("60");
  await form.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/minKilled=60/);
  await expect(page.getByRole("status").filter({ hasText: "match" })).toHaveText("0 incidents match the filters");
  await expect(page.getByText("No incidents match these filters.")).toBeVisible();

  await page.getByRole("link", { name: "Remove filter At least 60 killed" }).click();
  await expect(page).not.toHaveURL(/minKilled/);
  await expect(page.getByRole("article", { name: KOBE })).toBeVisible();

  await page.getByText(/^Filters/).click();
  await form.getByRole("group", { name: "Claimant kind" }).getByRole("checkbox", { name: "government", exact: true }).check();
  await form.getByRole("combobox", { name: "Actor" }).fill("wagner");
  await form.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/claimantKind=government/);
  await expect(page).toHaveURL(/actor=wagner/);
  await expect(page.getByRole("article", { name: KOBE })).toBeVisible();
});

test("the list sorts and pages by cursor; a broken link says what it ignored", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("combobox", { name: "Sort" }).selectOption("most_killed");
  await expect(page).toHaveURL(/sort=most_killed/);
  await expect(page.getByRole("article", { name: KOBE })).toBeVisible();

  await page.goto("/?minKilled=lots&cursor=nonsense");
  await expect(page.getByRole("alert").filter({ hasText: "ignored" })).toContainText("minKilled");
  await expect(page.getByRole("article", { name: KOBE })).toBeVisible();
});
