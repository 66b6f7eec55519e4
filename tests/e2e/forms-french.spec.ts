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
  // An address naming a report this reader cannot see: said so, until the next import.
  await page.goto("/import?lang=fr&report=not-a-report");
  await expect(page.getByRole("heading", { level: 1, name: "Importer un fichier CSV" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText(/^Le compte rendu de cet import n’est plus disponible/);
  const file = [
    "incident_code,metric,category,value_min,value_max,qualifier,statement,claimant",
    "MLI-2025-0001,killed,civilians,-4,4,range,E2E fr: a negative count.,hrw",
    "MLI-2099-0001,killed,civilians,3,3,exact,E2E fr: an incident nobody recorded.,hrw",
    "MLI-2025-0001,,,,,,L’armée a neutralisé 30 terroristes.,hrw",
    "MLI-2025-0001,,,,,,Five civilians were killed and seven wounded.,hrw",
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
  // The figures a statement gave, their metric and category in French (the quoted words are the source's).
  await expect(
    problems.getByRole("row", { name: /la déclaration donne 2 bilans \(tués · civils : « Five civilians were killed »/ }),
  ).toBeVisible();
  await expect(problems).not.toContainText(/cannot|there is no|could not|⟦/);
  await expect(page.getByText(/n’est plus disponible/)).toHaveCount(0);
  expect(new URL(page.url()).search).toBe("");
  // On a phone the value a person has to fix stays in the table.
  await page.setViewportSize({ width: 393, height: 851 });
  await expect(problems.getByRole("columnheader", { name: "Valeur" })).toBeVisible();
  await expect(problems.getByRole("cell", { name: "-4", exact: true })).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 720 });

  // A chosen file that is empty is read, and refused as empty (not "choose a file").
  await page.getByLabel("Fichier CSV").setInputFiles({ name: "vide.csv", mimeType: "text/csv", buffer: Buffer.alloc(0) });
  await page.getByRole("button", { name: "Importer", exact: true }).click();
  const empty = page.getByRole("region", { name: "Rien n’a été importé" });
  await expect(empty.getByRole("alert")).toHaveText(
    "Le fichier lui-même ne peut pas être importé tel quel : voyez le problème ci-dessous.",
  );
  await expect(empty.getByRole("table")).toContainText("Le fichier est vide : il lui faut une ligne d’en-tête qui nomme les colonnes.");

  // A spreadsheet chosen by mistake (a NUL byte): refused before any row is read, said in French.
  const binary = Buffer.from("incident_code,statement,claimant\nMLI-2025-0001,PK\u0003\u0004\u0000,hrw\n", "latin1");
  await page.getByLabel("Fichier CSV").setInputFiles({ name: "classeur.csv", mimeType: "text/csv", buffer: binary });
  await page.getByRole("button", { name: "Importer", exact: true }).click();
  await expect(page.locator("#import-status").getByRole("alert")).toHaveText(
    /^Ce n’est pas un fichier CSV texte \(la ligne 2 contient un caractère NUL\) : est-ce un tableur \?/,
  );
});
