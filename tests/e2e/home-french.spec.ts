// The home page in French (?lang=fr): heading and count, the filter form and the filters in force,
// the list's cards, the map (its name, zoom buttons and Kobé's popup), the timeline and the Export
// menu, with dates, numbers and country names in French and no catalogue key left raw. The English
// specs (analysts-*, ux-first-time-user) keep checking English.
import { expect, test } from "@playwright/test";
import { watchPage } from "./support/page-problems";

const KOBE = "Attack on a civilian convoy near Kobé";

test("the home page in French: filters, list, map popup, timeline and export, no raw key", async ({ page }) => {
  const problems = watchPage(page);
  await page.goto("/?lang=fr&country=MLI");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1, name: "Incidents" })).toBeVisible();
  await expect(page.locator(".match-count")).toContainText(/correspond(ent)? aux filtres$/);
  for (const name of ["Carte", "Chronologie", "Liste"])
    await expect(page.getByRole("heading", { level: 2, name, exact: true })).toHaveCount(1);

  // The filters in force, and the form in French with the country named in French.
  await expect(page.getByRole("list", { name: "Filtres appliqués" })).toContainText("Pays : Mali");
  await expect(page.getByRole("link", { name: "Retirer le filtre Pays : Mali" })).toBeVisible();
  await page.getByText(/^Filtres \(1 actif\)/).click();
  const form = page.getByRole("form", { name: "Filtrer les incidents" });
  await expect(form.getByLabel("Nombre minimum de tués")).toBeVisible();
  await expect(form.getByRole("group", { name: "Pays" })).toContainText("Mali");
  await expect(form.getByRole("group", { name: "Signalements" })).toContainText("contesté");
  await expect(form.getByRole("button", { name: "Appliquer les filtres" })).toBeVisible();
  await expect(page.getByLabel("Trier")).toContainText("Les plus récents d’abord");

  // Kobé's card: French date, figures' words, the Show-on-map button.
  const card = page.getByRole("article", { name: KOBE });
  await expect(card).toContainText("7 févr. 2025");
  await expect(card).toContainText("tués, toutes catégories (meilleure estimation 53)");
  await expect(card.getByRole("columnheader", { name: "Indicateur · catégorie" })).toBeVisible();
  await expect(card.getByRole("rowheader", { name: "tués · civils" })).toBeVisible();

  // The map: named in French, Leaflet's zoom buttons too; Kobé's popup from the list.
  await expect(page.getByRole("region", { name: /^Carte des incidents/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Zoom avant" })).toBeVisible();
  await card.getByRole("button", { name: `Voir sur la carte : ${KOBE}` }).click();
  const popup = page.getByRole("region", { name: KOBE });
  await expect(popup).toContainText("Tués, toutes catégories : 44 / 53 / 53");
  const civilians = popup.getByRole("region", { name: "tués · civils" });
  await expect(civilians).toContainText("Bilan réconcilié 25 / 34 / 34");
  await expect(civilians).toContainText("meilleure estimation par priorité des sources");
  await expect(popup.getByRole("link", { name: "Toutes les déclarations, les sources et l’historique" })).toBeVisible();

  // The timeline and its table.
  const timeline = page.getByRole("region", { name: "Chronologie", exact: true });
  await expect(timeline.getByRole("radio", { name: "Par mois" })).toBeVisible();
  await timeline.getByText("La chronologie sous forme de tableau").click();
  await expect(timeline.getByRole("columnheader", { name: "Tués (bas / meilleure estimation / haut)" })).toBeVisible();

  // The Export menu.
  await page.getByText("Exporter", { exact: true }).click();
  await expect(page.getByRole("link", { name: "Bilans (CSV)" })).toBeVisible();

  const text = await page.locator("main").innerText();
  expect(text).not.toContain("⟦");
  for (const english of ["Apply filters", "Show on map", "Timeline as a table", "killed, all categories", "Loading"])
    expect(text).not.toContain(english);
  expect(problems.errors).toEqual([]);
});

test("a bad filter in a link: the ignored part said in French", async ({ page }) => {
  await page.goto("/?lang=fr&minKilled=-3");
  await expect(page.locator(".notice[role=alert]")).toHaveText(
    "Une partie de ce lien a été ignorée. Saisie invalide — minKilled : minKilled doit être un nombre entier, zéro ou plus",
  );
});
