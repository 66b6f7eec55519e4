// A researcher downloads exports through the UI and checks what they cite.
import { createHash } from "node:crypto";
import fs from "node:fs";
import { expect, test } from "@playwright/test";

test("the Export menu downloads figures.csv with a dated name and Kobé's figures", async ({ page }) => {
  await page.goto("/api-docs");
  await page.getByText("Export", { exact: true }).click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Figures (CSV)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^triangulate-figures-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = fs.readFileSync((await download.path())!, "utf8");
  const [header, ...rows] = text.trimEnd().split("\r\n");
  expect(header!.split(",").slice(0, 3)).toEqual(["incident_code", "title", "date_start"]);
  const kobe = rows.find((r) => r.startsWith("MLI-2025-0001,") && r.includes(",killed,civilians,"));
  expect(kobe).toContain(",25,34,34,source_priority,contested;official_lower,");
});

test("a download carries the filter, and the manifest fingerprints the same bytes", async ({ page, request }) => {
  await page.goto("/api-docs");
  await page.getByText("Export", { exact: true }).click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Claims (CSV)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^triangulate-claims-\d{4}-\d{2}-\d{2}\.csv$/);

  const response = await request.get("/api/export/figures.csv?country=MLI&flag=contested&method=conservative");
  expect(response.status()).toBe(200);
  expect(response.headers()["x-triangulate-filter"]).toBe("country=MLI&flag=contested");
  expect(response.headers()["x-triangulate-method"]).toBe("conservative");
  expect(response.headers()["content-disposition"]).toMatch(
    /triangulate-figures-conservative-MLI-contested-[0-9a-f]{6}-\d{4}-\d{2}-\d{2}\.csv/,
  );
  const body = await response.body();
  const manifest = await (await request.get("/api/export/manifest?file=figures.csv&country=MLI&flag=contested&method=conservative")).json();
  expect(manifest.sha256).toBe(createHash("sha256").update(body).digest("hex"));
  expect(manifest).toMatchObject({ filter: "country=MLI&flag=contested", method: "conservative" });
  expect(body.toString("utf8")).toContain(",killed,civilians,25,25,34,conservative,");
});

test("the home page's Export menu carries the current filter", async ({ page }) => {
  await page.goto("/?country=MLI&sort=oldest");
  const menu = page.locator("details.export-menu");
  await expect(menu).toHaveCount(1);
  await menu.getByText("Export", { exact: true }).click();
  await expect(menu.getByRole("link", { name: "Figures (CSV)" })).toHaveAttribute("href", "/api/export/figures.csv?country=MLI");
  const [download] = await Promise.all([page.waitForEvent("download"), menu.getByRole("link", { name: "Incidents (GeoJSON)" }).click()]);
  const geojson = JSON.parse(fs.readFileSync((await download.path())!, "utf8"));
  expect(geojson.type).toBe("FeatureCollection");
  expect(geojson.features.every((f: { properties: { countryIso3: string } }) => f.properties.countryIso3 === "MLI")).toBe(true);
});

test("the API is documented: OpenAPI document and its readable page", async ({ page, request }) => {
  const doc = await (await request.get("/api/openapi.json")).json();
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths)).toEqual(
    expect.arrayContaining([
      "/api/incidents",
      "/api/incidents/{code}",
      "/api/sources",
      "/api/export/figures.csv",
      "/api/export/claims.csv",
    ]),
  );
  await page.goto("/api-docs");
  await expect(page.getByRole("heading", { name: "Triangulate API" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /GET \/api\/export\/figures\.csv/ })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "independent_sources" }).first()).toBeVisible();
});
