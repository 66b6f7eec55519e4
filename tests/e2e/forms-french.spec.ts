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

test("the import page words a file's problems in French: its cells, its references and the statement parser's reasons", async ({
  page,
}) => {
  await signInPage(page, "editor", "-forms-fr");
  await page.goto("/import?lang=fr");
  await expect(page.getByRole("heading", { level: 1, name: "Importer un fichier CSV" })).toBeVisible();
  const file = [
    "incident_code,metric,category,value_min,value_max,qualifier,statement,claimant",
    "MLI-2025-0001,killed,civilians,-4,4,range,E2E fr: a negative count.,hrw",
    "MLI-2099-0001,killed,civilians,3,3,exact,E2E fr: an incident nobody recorded.,hrw",
    "MLI-2025-0001,,,,,,L’armée a neutralisé 30 terroristes.,hrw",
  ].join("\n");
  await page.getByLabel("Fichier CSV").setInputFiles({ name: "problemes.csv", mimeType: "text/csv", buffer: Buffer.from(file) });
  await page.getByLabel("N’importer que les lignes valides (signaler les autres)").check();
  await page.getByRole("button", { name: "Importer", exact: true }).click();
  const problems = page.getByRole("table", { name: /^Problèmes/ });
  await expect(problems.getByRole("row", { name: /value_min ne peut pas être négatif/ })).toBeVisible();
  await expect(problems.getByRole("row", { name: /il n’y a pas d’incident MLI-2099-0001 dans cette base/ })).toBeVisible();
  await expect(
    problems.getByRole("row", {
      name: /l’analyseur de déclarations n’a pas pu lire de bilan : « neutralisé » peut signifier tués ou capturés/,
    }),
  ).toBeVisible();
  await expect(problems).not.toContainText(/cannot|there is no|could not|⟦/);
});
