// Editors at work, through the UI as a person would.
import { expect, test, type Page } from "@playwright/test";
import { ensureUser, signInPage } from "./support/users";

async function signInThroughForm(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a wrong password shows an error, and repeated failures engage the rate limit", async ({ page }) => {
  const { email } = ensureUser("viewer", "-ratelimit");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await signInThroughForm(page, email, `wrong-password-${attempt}`);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("The email or password is wrong.");
  }
  await signInThroughForm(page, email, "wrong-password-6");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Too many failed sign-ins");
  // Even the right password is refused while the limit holds.
  await signInThroughForm(page, email, "e2e-password-not-secret");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Too many failed sign-ins");
});

test("a viewer sees no edit controls and cannot open editor pages", async ({ page }) => {
  await signInPage(page, "viewer");
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Sign in" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "New incident" })).toHaveCount(0);
  await page.goto("/incidents/MLI-2025-0001/review");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("needs the editor role");
  await expect(page.getByRole("button", { name: /Assess|Retract|Supersede/ })).toHaveCount(0);
});

test("an editor signs in, creates an incident and adds two conflicting claims from different claimants", async ({ page }) => {
  const { email, password } = ensureUser("editor");
  await signInThroughForm(page, email, password);
  await expect(page.getByRole("link", { name: "New incident" })).toBeVisible();

  await page.getByRole("link", { name: "New incident" }).click();
  await page.getByLabel("Title").fill("Kobe convoy ambush");
  // The duplicate check finds the seeded Kobé attack despite the missing accent.
  await expect(page.getByRole("region", { name: "Possible duplicates" })).toContainText("MLI-2025-0001");
  await page.getByLabel("Title").fill("Attack on a market in Ansongo (test)");
  await page.getByLabel("First day").fill("2025-03-02");
  await page.getByLabel("Last day").fill("2025-03-02");
  await page.getByLabel("Search places (offline gazetteer)").fill("Ansongo");
  await page
    .getByRole("button", { name: /^Ansongo/ })
    .first()
    .click();
  await expect(page.getByLabel("Country (ISO3)")).toHaveValue("MLI");
  await page.getByRole("button", { name: "Create incident" }).click();
  await expect(page).toHaveURL(/\/incidents\/MLI-2025-\d{4}$/);
  const code = page.url().split("/").pop()!;

  // First claimant: Human Rights Watch, 12 civilians.
  await page.goto(`/incidents/${code}/claims/new`);
  await page.getByLabel("Claimant (whose figure it is)").selectOption({ label: "Human Rights Watch (NGO)" });
  await page.getByLabel("Statement (verbatim)").fill("At least 12 civilians were killed in the market.");
  await page.getByRole("button", { name: "Read figures from the statement" }).click();
  await expect(page.getByRole("group", { name: "Figure 1" }).getByLabel("From (lowest)")).toHaveValue("12");
  await page.getByRole("button", { name: "Save 1 claim" }).click();
  await expect(page).toHaveURL(new RegExp(`/incidents/${code}$`));

  // Second claimant: the Malian government, 4 civilians: the intervals do not overlap.
  await page.goto(`/incidents/${code}/claims/new`);
  await page.getByLabel("Claimant (whose figure it is)").selectOption({ label: "Malian government (government)" });
  await page.getByLabel("Statement (verbatim)").fill("Four civilians died, the ministry said.");
  await page.getByRole("button", { name: "Read figures from the statement" }).click();
  await expect(page.getByRole("group", { name: "Figure 1" }).getByLabel("From (lowest)")).toHaveValue("4");
  await page.getByRole("button", { name: "Save 1 claim" }).click();
  await expect(page).toHaveURL(new RegExp(`/incidents/${code}$`));

  // The incident page shows the reconciled figure and explains the disagreement.
  const civilians = page.getByRole("article", { name: "killed · civilians" });
  await expect(civilians.getByRole("definition")).toHaveText(["4", "12", "12"]);
  await expect(page.getByRole("list", { name: "Flags: killed · civilians" })).toContainText(/contested/i);

  // The map's popup for the new incident shows both claims side by side under the same figure.
  await page.goto("/");
  // Both incidents sit near Gao and cluster at world zoom: the list's button opens the popup.
  await page
    .getByRole("article", { name: /Attack on a market in Ansongo/ })
    .getByRole("button", { name: /Show on map/ })
    .click();
  const popup = page.getByRole("region", { name: "Attack on a market in Ansongo (test)" });
  await expect(popup.getByRole("region", { name: "killed · civilians" })).toContainText("Reconciled 4 / 12 / 12");
  await expect(popup.getByRole("list", { name: "Claims: killed · civilians" }).getByRole("listitem")).toHaveCount(2);

  const api = await (await page.request.get(`/api/incidents/${code}`)).json();
  const figure = api.figures.find((f: { metric: string; category: string }) => f.metric === "killed" && f.category === "civilians");
  expect(figure).toMatchObject({ low: 4, best: 12, high: 12 });
  expect(figure.flags).toEqual(expect.arrayContaining(["contested", "official_lower", "open_ended"]));
});

test("two editors edit the same claim: the second gets the conflict and keeps their input", async ({ browser }) => {
  const first = await browser.newPage();
  const second = await browser.newPage();
  await signInPage(first, "editor");
  await signInPage(second, "editor", "-two");
  for (const page of [first, second]) await page.goto("/incidents/MLI-2025-0001/review");

  const claim = (page: Page) => page.getByRole("listitem", { name: /^RFI: ≥ 20/ });
  await claim(first).getByRole("button", { name: "Assess" }).click();
  await claim(second).getByRole("button", { name: "Assess" }).click();

  await claim(first).getByLabel("Assessment").selectOption("credible");
  await claim(first).getByLabel("Reason").fill("Matches later reporting.");
  await claim(first).getByRole("button", { name: "Save assessment" }).click();
  // Saved once the form has closed ("credible" alone also matches the menu's options).
  await expect(claim(first).getByRole("button", { name: "Save assessment" })).toHaveCount(0);
  await expect(claim(first)).toContainText("credible");

  await claim(second).getByLabel("Assessment").selectOption("not_credible");
  await claim(second).getByLabel("Reason").fill("Second editor's reasoning, typed carefully.");
  await claim(second).getByRole("button", { name: "Save assessment" }).click();
  const alert = claim(second).getByRole("alert");
  await expect(alert).toContainText("Someone else changed this claim");
  await expect(alert).toContainText("credible");
  // What the second editor typed is still there.
  await expect(claim(second).getByLabel("Reason")).toHaveValue("Second editor's reasoning, typed carefully.");
  await expect(claim(second).getByLabel("Assessment")).toHaveValue("not_credible");
});
