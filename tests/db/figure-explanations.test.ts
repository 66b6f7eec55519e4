// The incident and review pages word a stored rationale in the reader's language from the engine's
// explanation, recomputed from the claims: on the seeded Kobé incident it accounts for every computed
// figure, and its English wording is the stored rationale.
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { englishRationale } from "@/lib/domain/reconcile";
import { storedFigureExplanations } from "@/lib/figures/figure-explanations";
import { rationaleText } from "@/lib/format/localized-rationale";
import { testI18n } from "@/lib/i18n/test-i18n";
import { seedKobe } from "@/lib/seed/seed-database";
import { useTestDb } from "./test-database";

let db: Db;

beforeAll(async () => {
  db = await useTestDb();
  await seedKobe(db);
});

describe("stored figure explanations", () => {
  it("explain every computed figure of the Kobé incident, worded in English as stored", async () => {
    const incident = await db.incident.findFirstOrThrow({ include: { figures: true } });
    const computed = incident.figures.filter((f) => f.method !== "editor");
    expect(computed.length).toBeGreaterThan(0);
    const explanations = await storedFigureExplanations(incident.id, incident.figures, db);
    for (const figure of computed) {
      const parts = explanations[`${figure.metric}:${figure.category}`];
      expect(parts, `${figure.metric}:${figure.category}`).toBeDefined();
      expect(englishRationale(parts!)).toBe(figure.rationale);
      expect(rationaleText(testI18n("en"), parts!)).toBe(figure.rationale);
      expect(rationaleText(testI18n("fr"), parts!)).toMatch(/^Meilleure estimation /);
    }
  });

  it("explain nothing for a stored figure the claims no longer give (a refresh still queued)", async () => {
    const incident = await db.incident.findFirstOrThrow({ include: { figures: true } });
    const stale = incident.figures.map((f) => ({ ...f, best: f.best + 1 }));
    expect(await storedFigureExplanations(incident.id, stale, db)).toEqual({});
  });
});
