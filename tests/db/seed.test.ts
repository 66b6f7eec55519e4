import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { seedKobe } from "@/lib/seed/seed-database";
import { useTestDb } from "./test-database";

let db: Db;
beforeAll(async () => {
  db = await useTestDb();
  await seedKobe(db);
});

async function figure(metric: string, category: string) {
  const incident = await db.incident.findUniqueOrThrow({ where: { code: "MLI-2025-0001" } });
  return db.reconciliation.findUniqueOrThrow({
    where: { incidentId_metric_category: { incidentId: incident.id, metric: metric as never, category: category as never } },
  });
}

describe("the Kobé seed, reconciled and stored (ARCHITECTURE rule 7)", () => {
  it("stores killed · civilians as 25 / 34 / 34 by source priority, contested, official lower, 2 independent claimants", async () => {
    const f = await figure("killed", "civilians");
    expect({ low: f.low, best: f.best, high: f.high, method: f.method, flags: f.flags, independent: f.independentSourceCount }).toEqual({
      low: 25,
      best: 34,
      high: 34,
      method: "source_priority",
      flags: ["contested", "official_lower"],
      independent: 2,
    });
    expect(f.rationale).toContain("Human Rights Watch");
    // HRW's 13 Malian + 21 foreign add up to its 34.
    expect(f.breakdowns).toEqual([expect.objectContaining({ consistent: true })]);
  });

  it("stores injured · civilians as 13 / 34 / 34", async () => {
    const f = await figure("injured", "civilians");
    expect([f.low, f.best, f.high]).toEqual([13, 34, 34]);
  });

  it("stores killed · unspecified (AFP and RFI, at least 30) with an open high", async () => {
    const f = await figure("killed", "unspecified");
    expect([f.low, f.high]).toEqual([30, null]);
    expect(f.flags).toContain("open_ended");
    expect(f.independentSourceCount).toBe(2);
  });

  it("stores killed · attackers (government, 19 bodies) as parties-only and single-source", async () => {
    const f = await figure("killed", "attackers");
    expect([f.low, f.best, f.high]).toEqual([19, 19, 19]);
    expect(f.flags).toEqual(["single_source", "parties_only"]);
  });

  it("stores killed-or-injured · security forces (RFI, at least 20) with an open high, never feeding killed", async () => {
    const f = await figure("killed_or_injured", "security_forces");
    expect([f.low, f.high]).toEqual([20, null]);
    expect(await db.reconciliation.count({ where: { metric: "killed", category: "security_forces" } })).toBe(0);
  });

  it("stores the headline (killed, all categories) and the union of flags on the incident", async () => {
    const incident = await db.incident.findUniqueOrThrow({ where: { code: "MLI-2025-0001" } });
    expect([incident.headlineLow, incident.headlineBest, incident.headlineHigh, incident.headlineContested]).toEqual([44, 53, 53, true]);
    expect(incident.flags).toEqual(expect.arrayContaining(["contested", "official_lower", "single_source", "parties_only", "open_ended"]));
  });

  it("keeps every claim with its claimant, document and verbatim statement", async () => {
    const claims = await db.claim.findMany({ include: { claimant: true, document: true } });
    expect(claims).toHaveLength(16);
    const government = claims.find((c) => c.claimant.slug === "mali-government" && c.metric === "killed" && c.category === "civilians");
    expect(government?.statement).toContain("causing the death of 25 civilians");
    expect(government?.statedOn?.toISOString().slice(0, 10)).toBe("2025-02-08");
    expect(government?.document?.title).toBe("Kobé attack");
    const breakdown = claims
      .filter((c) => c.claimant.slug === "hrw" && c.metric === "injured" && c.subgroup)
      .map((c) => [c.subgroup, c.valueMin]);
    expect(breakdown.sort()).toEqual([
      ["Malian", 20],
      ["foreign", 14],
    ]);
    const relays = await db.documentRelay.findMany({ include: { document: true, source: true } });
    expect(
      relays
        .filter((r) => r.document.title === "Kobé attack")
        .map((r) => r.source.slug)
        .sort(),
    ).toEqual(["afp", "hrw", "mali-government", "rfi"]);
  });

  it("is idempotent: a second run creates nothing and changes no figure", async () => {
    const before = await db.reconciliation.findMany({ orderBy: [{ metric: "asc" }, { category: "asc" }] });
    const counts = async () => [
      await db.source.count(),
      await db.document.count(),
      await db.incident.count(),
      await db.claim.count(),
      await db.reconciliationRevision.count(),
    ];
    const countsBefore = await counts();
    expect(await seedKobe(db)).toEqual({ incidentsCreated: 0, claimsCreated: 0 });
    expect(await counts()).toEqual(countsBefore);
    const after = await db.reconciliation.findMany({ orderBy: [{ metric: "asc" }, { category: "asc" }] });
    expect(after).toEqual(before);
  });
});
