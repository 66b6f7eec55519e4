// While the figure queue has not reached an incident (after a large claims import), its page, the
// API, the home page and its card in the list say that its figures predate the newest claims.
import { expect, test } from "@playwright/test";
import { openAppDatabase, withAppDatabase } from "./support/app-database";

const KOBE = "MLI-2025-0001";

test("an incident whose figures wait for the queue says so on its page, in the API and on the home page", async ({ page, request }) => {
  // A request as a large import leaves it. The server's worker wakes every 30 s: holding Kobé's row
  // keeps a worker that takes the request waiting before it can serve (and delete) it.
  const hold = await openAppDatabase();
  await hold.query("BEGIN");
  await hold.query(`SELECT 1 FROM "Incident" WHERE code = $1 FOR UPDATE`, [KOBE]);
  await withAppDatabase((db) =>
    db.query(`INSERT INTO "FigureRefreshRequest" ("incidentId") SELECT id FROM "Incident" WHERE code = $1`, [KOBE]),
  );
  try {
    await page.goto(`/incidents/${KOBE}`);
    await expect(page.locator(".headline .badge.pending")).toHaveText("being reconciled");
    await expect(page.getByRole("status").filter({ hasText: "Being reconciled" })).toContainText(
      "the figures are still those from before that import",
    );

    const api = await request.get(`/api/incidents/${KOBE}`);
    expect((await api.json()).incident.figuresPendingSince).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    await page.goto("/");
    await expect(page.getByRole("status").filter({ hasText: "being reconciled" })).toHaveText(
      /The figures of 1 incident are being reconciled after an import/,
    );
    // Its card in the list is marked too.
    await expect(page.locator(".headline .badge.pending")).toHaveText("being reconciled");
  } finally {
    // Let go of Kobé first: a worker holding the request finishes with it, then nothing is left.
    await hold.query("ROLLBACK");
    await hold.end();
    await withAppDatabase((db) => db.query(`DELETE FROM "FigureRefreshRequest"`));
  }

  await page.goto(`/incidents/${KOBE}`);
  await expect(page.locator(".headline")).toBeVisible();
  await expect(page.locator(".badge.pending")).toHaveCount(0);
  expect((await (await request.get(`/api/incidents/${KOBE}`)).json()).incident.figuresPendingSince).toBeNull();
});
