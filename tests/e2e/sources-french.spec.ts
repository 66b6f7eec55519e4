// The sources pages in French (?lang=fr): the list, a source's track record and the head-to-head
// page read in French, with no catalogue key left raw. The English specs
// (analysts-sources-track-record, ux-first-time-user) keep checking English.
import { expect, test, type Page } from "@playwright/test";
import { watchPage } from "./support/page-problems";

/** The worker computes the seed's track record when the server starts: wait until nothing is pending. */
async function waitForTrackRecord(page: Page, path: string) {
  await expect(async () => {
    await page.goto(path);
    await expect(page.getByText(/encore en cours de décompte/)).toHaveCount(0, { timeout: 500 });
  }).toPass({ timeout: 45_000 });
}

async function expectNoRawKey(page: Page, english: string[]) {
  const text = await page.locator("main").innerText();
  expect(text).not.toContain("⟦");
  for (const words of english) expect(text).not.toContain(words);
}

test("the sources list in French", async ({ page }) => {
  const problems = watchPage(page);
  await waitForTrackRecord(page, "/sources?lang=fr");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1, name: "Sources et documents" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Toutes les sources \(\d+\)$/ })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Partie au conflit" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Par type de source" })).toBeVisible();
  await expect(page.getByRole("row", { name: /^gouvernement tués · civils/ }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Comparer deux sources face à face" })).toHaveAttribute("href", "/sources/compare");
  await expectNoRawKey(page, ["All sources", "By kind of source", "In words", "lower than the other sources"]);
  expect(problems.external).toEqual([]);
});

test("a source's track record in French", async ({ page }) => {
  await waitForTrackRecord(page, "/sources/mali-government?lang=fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Malian government");
  await expect(page.locator(".lede")).toContainText("gouvernement, partie au conflit");
  await expect(page.locator(".lede")).toContainText("Comment ses bilans de victimes se comparent à ceux des autres sources");
  await expect(page.getByRole("heading", { name: "Comparée aux autres sources" })).toBeVisible();
  const killedCivilians = page.getByRole("article", { name: "tués · civils" });
  // Specs that run earlier add claims to Kobé: the words, not the counts, are checked here.
  await expect(killedCivilians).toContainText(
    /Malian government : (plus bas que les autres sources|plus haut que les autres sources|dans la fourchette des autres sources) pour \d+ incidents? sur \d+/,
  );
  await expect(killedCivilians).toContainText(/Chiffres donnés sur \d+ incidents? ; comparés sur \d+ incidents?/);
  await expect(page.getByRole("heading", { name: /^Incident par incident : / })).toBeVisible();
  await expect(page.getByRole("group", { name: /^Nuage de points : chiffre de Malian government/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Déclarations dans le temps" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Documents \(\d+\)$/ })).toBeVisible();
  await expect(page.getByRole("group", { name: "Seulement les incidents" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Appliquer" })).toBeVisible();
  await expectNoRawKey(page, ["Compared with the other sources", "Claims over time", "Incident by incident", "Only incidents"]);
});

test("two sources head to head in French", async ({ page }) => {
  await waitForTrackRecord(page, "/sources/compare?lang=fr");
  await expect(page.getByRole("heading", { level: 1, name: "Deux sources face à face" })).toBeVisible();
  await expect(page.getByText("Choisissez deux sources à comparer.")).toBeVisible();
  await page.getByLabel("Première source").selectOption({ label: "Malian government" });
  await page.getByLabel("Seconde source").selectOption({ label: "Human Rights Watch" });
  await page.getByRole("button", { name: "Comparer", exact: true }).click();
  const group = page.getByRole("article", { name: "tués · civils" });
  await expect(group).toContainText(/Malian government a donné le chiffre le plus bas pour \d+ incidents? sur \d+, le même pour \d+/);
  await expect(group.getByRole("table", { name: "Plus grands désaccords" })).toBeVisible();
  await expectNoRawKey(page, ["Two sources head to head", "gave the lower figure", "Largest disagreements"]);
});

test("a bad date in a source's link, and in a head-to-head link, is named in French; the two sources are still compared", async ({
  page,
}) => {
  await page.goto("/sources/hrw?lang=fr&country=MLI&from=2025-13-40");
  await expect(page.locator(".notice[role=alert]")).toContainText("Saisie invalide — from : ");
  await expect(page.locator(".notice[role=alert]")).not.toContainText("Invalid input");
  await page.goto("/sources/compare?lang=fr&a=hrw&b=mali-government&from=2025-13-40");
  await expect(page.locator(".notice[role=alert]")).toContainText("Saisie invalide — from : ");
  await expect(page.locator(".notice[role=alert]")).not.toContainText("Invalid input");
  // The two sources chosen are still compared, over every incident.
  await expect(page.getByRole("article", { name: "tués · civils" })).toContainText(/Human Rights Watch a donné le chiffre le plus/);
});
