// The editing forms in French (?lang=fr): sign-in, a new incident and the claims form read in
// French, and a field's problem is worded in French beside it (the API's message stays English;
// the form words it from the problem's code). No catalogue key shows raw (⟦…⟧).
import { expect, test } from "@playwright/test";
import { signInPage } from "./support/users";

test("sign-in in French, with a French field error", async ({ page }) => {
  await page.goto("/login?lang=fr");
  await expect(page.getByRole("heading", { level: 1, name: "Connexion" })).toBeVisible();
  const form = page.getByRole("form", { name: "Connexion" });
  await form.getByLabel("Mot de passe").fill("not-the-password");
  await form.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Adresse e-mail : saisissez une adresse e-mail valide");
  await expect(page.getByRole("main")).not.toContainText("⟦");
});

test("a new incident in French: labels, hints and field errors in French", async ({ page }) => {
  await signInPage(page, "editor", "-forms-fr");
  await page.goto("/incidents/new?lang=fr");
  await expect(page.getByRole("heading", { level: 1, name: "Nouvel incident" })).toBeVisible();
  const form = page.getByRole("form", { name: "Nouvel incident" });
  await expect(form.locator(".leaflet-container")).toBeVisible(); // hydrated
  await form.getByLabel("Premier jour").fill("2025-03-02");
  await expect(form.getByText("Division de premier niveau du pays, par ex. Gao au Mali")).toBeVisible();
  await form.getByRole("button", { name: "Créer l’incident" }).click();
  await expect(form.locator("#field-title-error")).toHaveText("Titre : au moins 3 caractères");
  await expect(form.locator("#field-placeName-error")).toHaveText("Nom du lieu : champ obligatoire");
  await expect(form.getByRole("alert")).toHaveText(/champs sont à corriger/);
  await expect(form).not.toContainText(/placeName|countryIso3|must be|⟦/);
});

test("the claims form in French", async ({ page }) => {
  await signInPage(page, "editor", "-forms-fr");
  await page.goto("/incidents/MLI-2025-0001/claims/new?lang=fr");
  await expect(page.getByRole("heading", { level: 1, name: /^Ajouter des revendications à / })).toBeVisible();
  const form = page.getByRole("form", { name: "Ajouter des revendications" });
  await expect(form.getByRole("button", { name: "Lire les chiffres de la déclaration" })).toBeVisible();
  await form.getByRole("button", { name: "Ajouter un chiffre à la main" }).click();
  const figure = form.getByRole("group", { name: "Chiffre 1" });
  await expect(figure.getByLabel("Indicateur")).toBeVisible();
  await expect(figure.getByLabel("De (valeur basse)")).toBeVisible();
  await expect(form.getByRole("button", { name: "Enregistrer 1 revendication" })).toBeVisible();
  await expect(page.getByRole("main")).not.toContainText("⟦");
});
