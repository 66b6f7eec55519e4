// A reconciled figure's rationale in the reader's language: on Kobé's page and its review page in
// French, the computed rationale reads in French (worded from the engine's explanation, no longer
// the stored English marked lang="en"); in English it is the stored text, as before.
import { expect, test } from "@playwright/test";
import { signInPage } from "./support/users";

const FRENCH =
  "Meilleure estimation 34 : le chiffre avancé par Human Rights Watch. Parmi les chiffres crédibles, la priorité des sources place en tête le niveau 1 sur 4 : enquêteurs indépendants et Nations unies.";
const ENGLISH =
  "Best 34 is Human Rights Watch's figure: source priority ranks independent investigators and the UN (tier 1 of 4) highest among the credible figures.";

test("Kobé's rationale in French on the incident page, and as stored in English", async ({ page }) => {
  await page.goto("/incidents/MLI-2025-0001?lang=fr");
  const civilians = page.getByRole("region", { name: "Bilans réconciliés" }).getByRole("article", { name: "tués · civils" });
  await expect(civilians).toContainText(`Méthode : priorité des sources. ${FRENCH}`);
  await expect(civilians.locator('[lang="en"]')).toHaveCount(0);
  await expect(civilians).not.toContainText("source priority ranks");

  await page.goto("/incidents/MLI-2025-0001?lang=en");
  const english = page.getByRole("article", { name: "killed · civilians" });
  await expect(english).toContainText(`Method: source priority. ${ENGLISH}`);
});

test("Kobé's rationale in French on the review page", async ({ page }) => {
  await signInPage(page, "admin", "-rationale");
  await page.goto("/incidents/MLI-2025-0001/review?lang=fr");
  const civilians = page.getByRole("region", { name: "tués · civils" });
  await expect(civilians.getByText(FRENCH)).toBeVisible();
  await expect(civilians.locator('[lang="en"]')).toHaveCount(0);
});
