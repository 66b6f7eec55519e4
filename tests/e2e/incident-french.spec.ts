// Kobé's page in French (?lang=fr): every section reads in French — figures, flags explained,
// who said what, the timeline, sources and documents, the citation and the history — with dates,
// numbers and the country through Intl in French, no catalogue key left raw, and no serious axe
// violation. The English specs (analysts-incident, ux-first-time-user) keep checking English.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { watchPage } from "./support/page-problems";

const KOBE = "Attack on a civilian convoy near Kobé";

test("Kobé's page in French: every section, French dates, no raw key, no serious axe violation", async ({ page }) => {
  const problems = watchPage(page);
  await page.goto("/incidents/MLI-2025-0001?lang=fr");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1, name: KOBE })).toBeVisible();

  // The header: the day in French, the date precision in words, the country named in French.
  await expect(page.getByText(/^MLI-2025-0001 · 7 févr\. 2025 \(date connue au jour près\) · .*, Mali$/)).toBeVisible();
  await expect(page.locator(".headline")).toContainText("tués, toutes catégories (bas / meilleure estimation / haut)");
  await expect(page.getByRole("link", { name: "← Tous les incidents" })).toBeVisible();

  const summary = page.getByRole("region", { name: "Résumé" });
  await expect(summary.getByRole("term").first()).toHaveText(/^(Auteur présumé|Cible|Escorte|Autre)$/);
  const location = page.getByRole("region", { name: "Lieu" });
  await expect(location).toContainText("précision 5 sur 7 (UCDP) : tracé linéaire ou zone entre deux lieux");
  await expect(location.getByRole("region", { name: /^Carte de Kobé/ })).toBeVisible();

  // Reconciled figures, with the flags explained in French.
  const figures = page.getByRole("region", { name: "Bilans réconciliés" });
  const civilians = figures.getByRole("article", { name: "tués · civils" });
  await expect(civilians.getByRole("term")).toHaveText(["Bas", "Meilleure estimation", "Haut"]);
  await expect(civilians.getByRole("definition")).toHaveText(["25", "34", "34"]);
  await expect(civilians).toContainText("Méthode : priorité des sources.");
  await expect(civilians.getByRole("list", { name: "Signalements : tués · civils" })).toContainText("contesté");
  await expect(civilians).toContainText(/déclarations? de \d+ sources?, dont \d+ indépendantes?\./);
  await expect(civilians).toContainText(
    "Human Rights Watch : Malian 13 + foreign 21 = 34 ; son total est de 34 — les parties concordent avec le total.",
  );
  await civilians.getByText(/non prises? en compte, et pourquoi/).click();
  await expect(civilians).toContainText("compté une seule fois");

  // Who said what: the table and its French words, dates in French.
  const claims = page.getByRole("region", { name: "Qui a dit quoi" });
  const table = claims.getByRole("table", { name: "Déclarations par indicateur et catégorie et par source" });
  await expect(table.getByRole("columnheader", { name: "Indicateur · catégorie" })).toBeVisible();
  const row = table.getByRole("row", { name: /^tués · civils(?!,)/ });
  await expect(row.getByRole("cell").nth(3)).toContainText("25");
  await expect(row.getByRole("cell").nth(3)).toContainText("8 févr. 2025");
  await expect(row.getByRole("cell").last()).toContainText("25 / 34 / 34");
  await expect(table.getByRole("row", { name: /^tués · civils, dont/ }).first()).toBeVisible();
  await expect(table.getByRole("row", { name: /^tués · non précisé/ })).toContainText("≥ 30");

  // The timeline: its list and legend in French.
  const timeline = page.getByRole("region", { name: "Date de chaque déclaration" });
  const points = timeline.getByRole("list").last();
  await expect(points.getByRole("listitem").filter({ hasText: "Malian government : 25" })).toContainText("déclaré le 8 févr. 2025");
  await expect(points.getByRole("listitem").filter({ hasText: "AFP : ≥ 30" })).toContainText("déclaré le 8–9 févr. 2025");
  await expect(points.getByRole("listitem").filter({ hasText: "Human Rights Watch : 34" })).toContainText("date inconnue");
  await expect(timeline).toContainText("dans la colonne « date inconnue » plutôt qu’à une date supposée");
  await timeline.getByRole("radio", { name: "blessés", exact: true }).check();
  await expect(timeline.getByRole("listitem").filter({ hasText: "Malian government : 13" })).toBeVisible();

  // Sources and documents.
  const sources = page.getByRole("region", { name: "Sources et documents" });
  await expect(sources.getByRole("heading", { name: "Documents", exact: true })).toBeVisible();
  await expect(sources.getByRole("listitem").filter({ hasText: "Publié par Wikipedia" })).toContainText(
    "Relaie Human Rights Watch, AFP, RFI, Malian government.",
  );
  await expect(sources.getByRole("listitem").filter({ hasText: /^Malian government/ })).toContainText("gouvernement · partie au conflit");
  await expect(sources).toContainText("Priorité : enquêteurs indépendants et Nations unies.");

  // The citation box: French words, the retrieval date written in French.
  const cite = page.getByRole("region", { name: "Citer cet incident" });
  await expect(cite).toContainText(/version \d+ de la fiche, du \d{4}-\d{2}-\d{2}/);
  await expect(cite).toContainText(
    /\/incidents\/MLI-2025-0001\. Consulté le \d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}\./,
  );
  await expect(cite.getByRole("button", { name: "Copier le BibTeX" })).toBeVisible();
  await expect(cite.getByLabel("BibTeX")).toHaveValue(/urldate = \{\d{4}-\d{2}-\d{2}\}/);

  // The history: the seed's lines in French.
  const history = page.getByRole("region", { name: "Historique des modifications" });
  await expect(history).toContainText("Déclaration enregistrée à partir des textes de référence : Malian government — tués · civils : 25");
  await expect(history).toContainText(
    "Bilan tués · civils réconcilié : 25 / 34 / 34 (bas / meilleure estimation / haut), par priorité des sources",
  );
  await expect(history.locator("time").first()).toHaveText(/^\d{1,2} [a-zéû]+\.? \d{4}/);

  // Nothing left in English or as a raw key, and accessible.
  const text = await page.locator("main").innerText();
  expect(text).not.toContain("⟦");
  for (const english of [
    "Who said what",
    "Reconciled figures",
    "Change history",
    "Cite this incident",
    "Retrieved",
    "stated ",
    "claims not counted",
  ])
    expect(text).not.toContain(english);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious).toEqual([]);
  expect(problems.errors).toEqual([]);
  expect(problems.external).toEqual([]);
});

test("the history API answers in French only when the request asks for it", async ({ request }) => {
  const english = (await (await request.get("/api/incidents/MLI-2025-0001/history")).json()) as { items: { text: string; kind: string }[] };
  expect(english.items.map((i) => i.text)).toContain("Claim recorded from the seed texts: Malian government — killed · civilians: 25");
  const french = (await (
    await request.get("/api/incidents/MLI-2025-0001/history", { headers: { "Accept-Language": "fr-FR,fr;q=0.9" } })
  ).json()) as { items: { text: string; kind: string }[] };
  expect(french.items.map((i) => i.text)).toContain(
    "Déclaration enregistrée à partir des textes de référence : Malian government — tués · civils : 25",
  );
  // Codes stay codes.
  expect(new Set(french.items.map((i) => i.kind))).toEqual(new Set(english.items.map((i) => i.kind)));
});

test("an unknown incident's 404 page in French", async ({ page }) => {
  const response = await page.goto("/incidents/MLI-2099-9999?lang=fr");
  expect(response?.status()).toBe(404);
  await expect(page).toHaveTitle("Incident introuvable · Triangulate");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("introuvable");
});
