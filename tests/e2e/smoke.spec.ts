import { expect, test } from "@playwright/test";

test("the home page lists Kobé with its headline figure and logs no console errors", async ({ page }) => {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  // Offline by design: any request leaving localhost is a bug.
  const external: string[] = [];
  page.on("request", (request) => {
    const host = new URL(request.url()).hostname;
    if (!["127.0.0.1", "localhost"].includes(host) && !request.url().startsWith("data:")) external.push(request.url());
  });

  await page.goto("/");
  await expect(page).toHaveTitle(/Triangulate/);
  const kobe = page.getByRole("article", { name: /Kobé/ });
  await expect(kobe).toBeVisible();
  await expect(kobe.getByText("MLI-2025-0001")).toBeVisible();
  await expect(kobe.getByText("contested").first()).toBeVisible();
  await expect(kobe.getByRole("row", { name: /killed · civilians/ })).toContainText("25 / 34 / 34");
  expect(problems).toEqual([]);
  expect(external).toEqual([]);
});
