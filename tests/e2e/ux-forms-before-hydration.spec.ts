// Forms pressed before the page has hydrated (a slow phone, a first visit): the browser posts
// them natively. They must post to a server action, never GET the page with the input in the URL.
// Here the JavaScript bundles are blocked outright, so no form can be handled by client code.
import { expect, test, type Page } from "@playwright/test";
import { ensureUser, signInPage } from "./support/users";

/** Blocks every script of the app: what a browser that has not loaded them yet does on submit. */
async function withoutJavaScript(page: Page): Promise<string[]> {
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  await page.route(/\/_next\/static\/.*\.js(\?|$)/, (route) => route.abort());
  return urls;
}

test("signing in before hydration posts the form: no password in any URL, and the user is signed in", async ({ page }) => {
  const { email, password } = ensureUser("editor", "-nojs");
  const urls = await withoutJavaScript(page);
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
  expect(urls.filter((url) => url.includes("password="))).toEqual([]);
  expect(urls.filter((url) => url.includes(encodeURIComponent(password)) || url.includes(password))).toEqual([]);
});

test("a wrong password before hydration shows the error, keeps the email and never puts the password in a URL", async ({ page }) => {
  const { email } = ensureUser("viewer", "-nojs-wrong");
  const urls = await withoutJavaScript(page);
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not-the-password-123");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("The email or password is wrong.");
  await expect(page.getByLabel("Email")).toHaveValue(email);
  expect(urls.filter((url) => url.includes("password=") || url.includes("not-the-password"))).toEqual([]);
});

test("a new incident saved before hydration: an empty last day is no error, a missing place is named in the label's words", async ({
  page,
}) => {
  await signInPage(page, "editor");
  const urls = await withoutJavaScript(page);
  await page.goto("/incidents/new");
  const form = page.getByRole("form", { name: "New incident" });
  await form.getByLabel("Title").fill("Ambush near Ménaka (no-JS entry)");
  await form.getByLabel("First day").fill("2025-03-02");
  await form.getByLabel("Latitude").fill("15.91");
  await form.getByLabel("Longitude").fill("2.4");
  await form.getByLabel("Country (ISO3)").fill("MLI");
  await form.getByRole("button", { name: "Create incident" }).click();

  // The place is missing: its message sits by the field, in the field's words; what was typed is kept.
  const back = page.getByRole("form", { name: "New incident" });
  await expect(back.getByText("Place name is required")).toBeVisible();
  await expect(back.getByLabel("Title")).toHaveValue("Ambush near Ménaka (no-JS entry)");
  await expect(back).not.toContainText("placeName");
  await expect(back.locator("#field-dateEnd-error")).toHaveCount(0);

  await back.getByRole("textbox", { name: /^Place name/ }).fill("Ménaka");
  await back.getByRole("button", { name: "Create incident" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ambush near Ménaka (no-JS entry)" })).toBeVisible();
  // One day: the last day defaulted to the first.
  await expect(page.getByText(/2 Mar 2025 \(known to the day\)/)).toBeVisible();
  expect(urls.filter((url) => /[?&](title|placeName|latitude)=/.test(url))).toEqual([]);
});

test("every form of the app posts (or is a GET filter form with a real action): none falls back to GET with its input", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signInPage(page, "admin");
  const pages = [
    "/login",
    "/",
    "/incidents/new",
    "/incidents/MLI-2025-0001/edit",
    "/incidents/MLI-2025-0001/review",
    "/incidents/MLI-2025-0001/claims/new",
    "/sources",
    "/import",
    "/admin/users",
    "/settings/tokens",
  ];
  for (const path of pages) {
    await page.goto(path);
    const forms = await page.locator("form").evaluateAll((all) =>
      all.map((f) => ({
        method: (f.getAttribute("method") ?? "get").toLowerCase(),
        action: f.getAttribute("action"),
        label: f.getAttribute("aria-label") ?? f.className,
        password: f.querySelector("input[type=password]") !== null,
      })),
    );
    expect(forms.length, path).toBeGreaterThan(0);
    for (const form of forms) {
      if (form.method === "get") {
        // Filters and sort: GET on purpose, with a real action, and never a secret.
        expect(form.action, `${path} ${form.label}`).toBeTruthy();
        expect(form.password, `${path} ${form.label}`).toBe(false);
      } else {
        expect(form.method, `${path} ${form.label}`).toBe("post");
      }
    }
  }
});

test("an import posted before hydration lands on the import page with its result, never on the API's JSON", async ({ page, browser }) => {
  await signInPage(page, "editor", "-nojs-import");
  const urls = await withoutJavaScript(page);
  await page.goto("/import");

  // Refused: one invalid row, so nothing is written; the page names the row and the column.
  const bad = [
    "incident_code,metric,category,value_min,value_max,qualifier,statement,claimant",
    "MLI-2025-0001,killed,civilians,-4,4,range,E2E no-JS: a negative count.,hrw",
    "MLI-2025-0001,killed,civilians,3,3,exact,E2E no-JS: a valid row.,hrw",
  ].join("\n");
  await page.getByLabel("CSV file").setInputFiles({ name: "nojs-bad-claims.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page).toHaveURL(/\/import\?report=[0-9a-f-]{36}$/);
  const refused = page.getByRole("region", { name: "Nothing was imported" });
  await expect(refused.getByRole("alert")).toContainText("1 of 2 rows are invalid");
  await expect(refused.getByRole("row", { name: /value_min cannot be negative/ })).toContainText("value_min");
  await expect(page.getByRole("heading", { level: 1, name: "Import a CSV file" })).toBeVisible();
  const kobe = await (await page.request.get("/api/incidents/MLI-2025-0001")).json();
  expect(JSON.stringify(kobe)).not.toContain("E2E no-JS");

  // Imported: the summary, and a link to the new incident (Mauritania, 2015: no other test reads it).
  const acled = [
    "event_id_cnty,event_date,event_type,iso,country,location,latitude,longitude,fatalities,source,notes",
    "MRT90001,2015-08-11,Battles,478,Mauritania,Bassikounou,15.87,-5.96,4,RFI,E2E no-JS: clash near Bassikounou",
  ].join("\n");
  await page.getByLabel("Format", { exact: true }).selectOption("acled");
  await page.getByLabel("CSV file").setInputFiles({ name: "nojs-acled.csv", mimeType: "text/csv", buffer: Buffer.from(acled) });
  await page.getByRole("button", { name: "Import" }).click();
  const imported = page.getByRole("region", { name: "Imported" });
  await expect(imported).toContainText("1 created, 0 matched");
  await expect(imported).toContainText("nojs-acled.csv");
  const report = page.url();
  expect(await page.locator("body").innerText()).not.toContain('"imported"');
  await imported.getByRole("link", { name: /^MRT-2015-/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Bassikounou");

  // The report comes back on reload, for its editor only.
  await page.goto(report);
  await expect(page.getByRole("region", { name: "Imported" })).toContainText("1 created, 0 matched");
  const colleague = await browser.newPage();
  await signInPage(colleague, "editor", "-nojs-import-2");
  await colleague.goto(report);
  await expect(colleague.getByRole("status")).toContainText("This import's report is no longer available");
  await expect(colleague.getByRole("region", { name: "Imported" })).toHaveCount(0);
  await colleague.close();
  expect(urls.filter((url) => url.includes("/api/import") && !url.endsWith("/api/import"))).toEqual([]);
});
