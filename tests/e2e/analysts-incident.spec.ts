// The incident page: who said what about Kobé, where they disagree, and why the figures are what they are.
import { expect, test } from "@playwright/test";
import { watchPage } from "./support/page-problems";

const KOBE = "Attack on a civilian convoy near Kobé";

test("from the list to Kobé's page: 25 / 34 / 34 and the disagreement explained", async ({ page }) => {
  const problems = watchPage(page);
  await page.goto("/");
  await page.getByRole("article", { name: KOBE }).getByRole("link", { name: KOBE }).click();
  await expect(page).toHaveURL(/\/incidents\/MLI-2025-0001$/);
  await expect(page).toHaveTitle(`${KOBE} (MLI-2025-0001) · Triangulate`);
  await expect(page.getByRole("heading", { level: 1, name: KOBE })).toBeVisible();

  const civilians = page.getByRole("article", { name: "killed · civilians" });
  await expect(civilians.getByRole("definition")).toHaveText(["25", "34", "34"]);
  await expect(civilians).toContainText("Method: source priority.");
  await expect(civilians).toContainText(
    "The sources' figures do not overlap, so they cannot all be right: Malian government 25, Human Rights Watch 34.",
  );
  await expect(civilians).toContainText(
    "The government's figure is lower than the independent ones: Malian government 25, against Human Rights Watch 34.",
  );
  await expect(civilians).toContainText("Malian 13 + foreign 21 = 34; its total is 34 — the parts add up.");
  await civilians.getByText(/claims not counted/).click();
  await expect(civilians).toContainText("counted once");

  // Who said what: one column per claimant.
  const table = page.getByRole("table", { name: "Claims by metric and category and by claimant" });
  // The total's row, not its "of whom" subgroup rows.
  const row = table.getByRole("row", { name: /^killed · civilians(?!,)/ });
  await expect(row.getByRole("cell").nth(0)).toContainText("34");
  await expect(row.getByRole("cell").nth(3)).toContainText("25");
  await expect(row.getByRole("cell").nth(3)).toContainText("8 Feb 2025");
  await expect(row.getByRole("cell").last()).toContainText("25 / 34 / 34");
  await expect(table.getByRole("row", { name: /^killed · unspecified/ })).toContainText("≥ 30");
  expect(problems.errors).toEqual([]);
  expect(problems.external).toEqual([]);
});

test("the claim timeline, location, sources and history of Kobé", async ({ page }) => {
  await page.goto("/incidents/MLI-2025-0001");
  const timeline = page.getByRole("region", { name: "When each claim was made" });
  const claims = timeline.getByRole("list").last();
  await expect(claims.getByRole("listitem").filter({ hasText: "Malian government: 25" })).toContainText("stated 8 Feb 2025");
  await expect(claims.getByRole("listitem").filter({ hasText: "AFP: ≥ 30" })).toContainText("stated 8–9 Feb 2025");
  await expect(claims.getByRole("listitem").filter({ hasText: "RFI: ≥ 30" })).toContainText("stated 8–9 Feb 2025");
  await expect(claims.getByRole("listitem").filter({ hasText: "Human Rights Watch: 34" })).toContainText("date unknown");
  await expect(timeline).toContainText("“date unknown” lane rather than on a guessed date");
  await timeline.getByRole("radio", { name: "injured", exact: true }).check();
  await expect(timeline.getByRole("listitem").filter({ hasText: "Malian government: 13" })).toBeVisible();

  await expect(page.getByText(/^MLI-2025-0001 · .*, Mali$/)).toBeVisible();
  const location = page.getByRole("region", { name: "Location" });
  await expect(location).toContainText("precision 5 of 7 (UCDP): linear feature or area between places");
  await expect(location.getByRole("region", { name: /Map of Kobé/ })).toBeVisible();

  const sources = page.getByRole("region", { name: "Sources and documents" });
  await expect(sources.getByRole("listitem").filter({ hasText: "Published by Wikipedia" })).toContainText(
    "Relays Human Rights Watch, AFP, RFI, Malian government.",
  );
  await expect(sources.getByRole("listitem").filter({ hasText: /^Malian government/ })).toContainText("party to the conflict");

  const history = page.getByRole("region", { name: "Change history" });
  await expect(history).toContainText("Claim recorded from the seed texts: Malian government — killed · civilians: 25");
  await expect(history).toContainText("Figure killed · civilians reconciled: 25 / 34 / 34 (low / best / high), by source priority");
});

test("an unknown incident is a 404 page that says so", async ({ page }) => {
  const response = await page.goto("/incidents/MLI-2099-9999");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/not found/i);
});
