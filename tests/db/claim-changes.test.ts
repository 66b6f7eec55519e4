// Changing claims refreshes the stored figures in the same transaction, writes history and audit,
// and never loses a claim.
import { beforeEach, describe, expect, it } from "vitest";
import { assessClaim, addClaim, recordDecision, retractClaim, supersedeClaim } from "@/lib/claims/claim-commands";
import type { Db } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import { seedKobe } from "@/lib/seed/seed-database";
import { createDatabase } from "./test-database";
import { createPrismaClient } from "@/lib/db";
import { afterEach } from "vitest";

let db: Db;
beforeEach(async () => {
  db = createPrismaClient((await createDatabase()).url);
  await seedKobe(db);
});
afterEach(async () => {
  await db.$disconnect();
});

const CODE = "MLI-2025-0001";

async function killedCivilians() {
  const incident = await db.incident.findUniqueOrThrow({ where: { code: CODE } });
  return db.reconciliation.findUniqueOrThrow({
    where: { incidentId_metric_category: { incidentId: incident.id, metric: "killed", category: "civilians" } },
  });
}

async function governmentKilledClaim() {
  return db.claim.findFirstOrThrow({ where: { claimant: { slug: "mali-government" }, metric: "killed", category: "civilians" } });
}

describe("superseding a claim", () => {
  it("replaces the claimant's figure in the reconciliation, keeps both claims and records the change", async () => {
    const old = await governmentKilledClaim();
    const { claim } = await supersedeClaim(
      db,
      {
        claimId: old.id,
        expectedVersion: old.version,
        metric: "killed",
        category: "civilians",
        valueMin: 32,
        valueMax: 32,
        qualifier: "exact",
        statement: "A later statement put the toll at 32 civilians.",
        statedOn: "2025-02-20",
      },
      null,
    );
    const f = await killedCivilians();
    expect([f.low, f.best, f.high]).toEqual([32, 34, 34]);
    expect(f.usedClaimIds).toContain(claim.id);
    expect(f.excluded).toContainEqual({ claimId: old.id, reason: "superseded" });
    // Both claims are kept; the old one points forward.
    expect(await db.claim.count({ where: { id: { in: [old.id, claim.id] } } })).toBe(2);
    expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).supersedesId).toBe(old.id);
    const revision = await db.reconciliationRevision.findFirstOrThrow({
      where: { metric: "killed", category: "civilians", before: { not: { equals: null } } as never },
      orderBy: { at: "desc" },
    });
    expect((revision.before as { low: number }).low).toBe(25);
    expect((revision.after as { low: number }).low).toBe(32);
    expect(await db.auditEvent.count({ where: { action: "claim.supersede", entityId: claim.id } })).toBe(1);
  });

  it("refuses to supersede a claim twice, and a stale version, keeping the figures as they were", async () => {
    const old = await governmentKilledClaim();
    const values = {
      metric: "killed",
      category: "civilians",
      valueMin: 30,
      valueMax: 30,
      qualifier: "exact",
      statement: "Revised toll: 30 civilians.",
    } as const;
    await supersedeClaim(db, { claimId: old.id, expectedVersion: old.version, ...values }, null);
    const figureAfterFirst = await killedCivilians();
    await expect(supersedeClaim(db, { claimId: old.id, expectedVersion: old.version, ...values }, null)).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect((await killedCivilians()).low).toBe(figureAfterFirst.low);
    expect(await db.claim.count({ where: { supersedesId: old.id } })).toBe(1);
  });
});

describe("figures refresh on every change", () => {
  it("a refresh that changes nothing writes no revision, even for figures with exclusions", async () => {
    const { refreshIncidentFigures } = await import("@/lib/figures/refresh-figures");
    const incident = await db.incident.findUniqueOrThrow({ where: { code: CODE } });
    const before = await db.reconciliationRevision.count();
    // Kobé's killed · civilians excludes HRW's repeated report and the breakdown claims.
    expect(((await killedCivilians()).excluded as unknown[]).length).toBeGreaterThan(0);
    await db.$transaction((tx) => refreshIncidentFigures(tx, incident.id, null));
    expect(await db.reconciliationRevision.count()).toBe(before);
  });

  it("adding a claim from a new claimant widens the figure in the same transaction", async () => {
    const incident = await db.incident.findUniqueOrThrow({ where: { code: CODE } });
    const source = await db.source.create({ data: { slug: "local-witness", name: "A survivor", kind: "witness" } });
    await addClaim(
      db,
      {
        incidentCode: CODE,
        claimantId: source.id,
        metric: "killed",
        category: "civilians",
        valueMin: 40,
        valueMax: 40,
        qualifier: "exact",
        statement: "Test statement: 40 civilians were killed.",
      },
      null,
    );
    const f = await killedCivilians();
    expect([f.low, f.best, f.high]).toEqual([25, 34, 40]);
    expect(f.sourceCount).toBe(3);
    const refreshed = await db.incident.findUniqueOrThrow({ where: { id: incident.id } });
    expect(refreshed.headlineHigh).toBe(59); // 40 civilians + 19 attackers
  });

  it("judging the government's claim not credible removes it from the figure and the flags", async () => {
    const claim = await governmentKilledClaim();
    await assessClaim(
      db,
      { claimId: claim.id, expectedVersion: claim.version, assessment: "not_credible", reason: "Test: contradicted by witness accounts." },
      null,
    );
    const f = await killedCivilians();
    expect([f.low, f.best, f.high]).toEqual([34, 34, 34]);
    expect(f.flags).not.toContain("contested");
    expect(f.excluded).toContainEqual({ claimId: claim.id, reason: "not_credible" });
  });

  it("retracting every claim of a figure removes the figure but keeps the claims and the history", async () => {
    const claim = await db.claim.findFirstOrThrow({ where: { metric: "killed", category: "attackers" } });
    await retractClaim(
      db,
      { claimId: claim.id, expectedVersion: claim.version, reason: "Test: entered against the wrong incident." },
      null,
    );
    expect(await db.reconciliation.count({ where: { metric: "killed", category: "attackers" } })).toBe(0);
    expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).retractedReason).toContain("wrong incident");
    const last = await db.reconciliationRevision.findFirstOrThrow({
      where: { metric: "killed", category: "attackers" },
      orderBy: { at: "desc" },
    });
    expect(last.after).toBeNull();
    expect((await db.incident.findUniqueOrThrow({ where: { code: CODE } })).headlineBest).toBe(34);
  });

  it("an editor decision overrides the method and is stored with its rationale", async () => {
    await recordDecision(
      db,
      {
        incidentCode: CODE,
        metric: "killed",
        category: "civilians",
        best: 30,
        rationale: "Test rationale: HRW's count includes two people who died later.",
      },
      null,
    );
    const f = await killedCivilians();
    expect(f.method).toBe("editor");
    expect([f.low, f.best, f.high]).toEqual([25, 30, 34]);
    expect(f.rationale).toContain("died later");
  });

  it("a stale version is refused with 409 and changes nothing", async () => {
    const claim = await governmentKilledClaim();
    await assessClaim(db, { claimId: claim.id, expectedVersion: claim.version, assessment: "credible" }, null);
    const error = await assessClaim(
      db,
      { claimId: claim.id, expectedVersion: claim.version, assessment: "duplicate", reason: "Stale edit" },
      null,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).status).toBe(409);
    expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).assessment).toBe("credible");
  });

  it("invalid input is refused naming the field, and nothing is written", async () => {
    const source = await db.source.findUniqueOrThrow({ where: { slug: "afp" } });
    const before = await db.claim.count();
    const error = await addClaim(
      db,
      {
        incidentCode: CODE,
        claimantId: source.id,
        metric: "killed",
        category: "civilians",
        valueMin: -3,
        valueMax: null,
        qualifier: "at_least",
        statement: "x",
      },
      null,
    ).catch((e: unknown) => e);
    expect(String(error)).toMatch(/valueMin/);
    expect(await db.claim.count()).toBe(before);
  });
});
