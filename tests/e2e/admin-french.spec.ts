// The editors' and admins' pages in French (?lang=fr): users, API tokens, import, the claim review
// and the API documentation's own words (its OpenAPI reference stays English, marked lang="en"),
// and the refusal a viewer meets. No catalogue key left raw. The English specs keep checking English.
import { expect, test, type Page } from "@playwright/test";
import { signInPage } from "./support/users";

async function noRawKey(page: Page) {
  expect(await page.locator("main").innerText()).not.toContain("⟦");
}

test("an admin's pages in French: users, tokens, import, review, API documentation", async ({ page }) => {
  await signInPage(page, "admin", "-french");

  await page.goto("/admin/users?lang=fr");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1, name: "Utilisateurs" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Rôle" })).toBeVisible();
  const newUser = page.getByRole("form", { name: "Nouvel utilisateur" });
  await expect(newUser.getByLabel("Mot de passe initial")).toBeVisible();
  await expect(newUser.getByRole("button", { name: "Créer l’utilisateur" })).toBeVisible();
  await noRawKey(page);

  await page.goto("/settings/tokens?lang=fr");
  await expect(page.getByRole("heading", { level: 1, name: "Jetons d’API" })).toBeVisible();
  await expect(page.getByLabel("À quoi sert ce jeton ?")).toBeVisible();
  await expect(page.getByRole("button", { name: "Créer le jeton" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Vos jetons" })).toBeVisible();
  await noRawKey(page);

  await page.goto("/import?lang=fr");
  await expect(page.getByRole("heading", { level: 1, name: "Importer un fichier CSV" })).toBeVisible();
  await expect(page.getByLabel("Fichier CSV")).toBeVisible();
  await expect(page.getByRole("button", { name: "Importer", exact: true })).toBeVisible();
  await expect(page.getByText("N’importer que les lignes valides (signaler les autres)")).toBeVisible();
  await noRawKey(page);

  await page.goto("/incidents/MLI-2025-0001/review?lang=fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Examiner les déclarations : /);
  const civilians = page.getByRole("region", { name: "tués · civils" });
  await expect(civilians.getByRole("heading", { level: 2 })).toContainText("(priorité des sources)");
  await expect(civilians.getByRole("button", { name: "Évaluer" }).first()).toBeVisible();
  await expect(civilians.getByText("Enregistrer une décision sur ce bilan")).toBeVisible();
  await noRawKey(page);

  await page.goto("/api-docs?lang=fr");
  await expect(page.getByRole("heading", { level: 1, name: "Triangulate API" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Tout télécharger" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Schémas" })).toBeVisible();
  await expect(page.locator('.api-reference[lang="en"]')).toHaveCount(1);
  await expect(page.getByRole("navigation", { name: "Points d’accès" })).toBeVisible();
  await noRawKey(page);
});

test("a viewer is refused the import page in French", async ({ page }) => {
  await signInPage(page, "viewer", "-french");
  await page.goto("/import?lang=fr");
  await expect(page.getByRole("heading", { level: 1, name: "Importer" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "Cette page nécessite le rôle éditeur. Demandez à un administrateur si vous devriez l’avoir.",
  );
});
