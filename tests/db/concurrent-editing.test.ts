// Many editors on one incident at once: no deadlock, no 500, nothing anyone saved reverted.
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { addClaim, assessClaim, recordDecision, retractClaim, supersedeClaim } from "@/lib/claims/claim-commands";
import { ConflictError } from "@/lib/errors";
import { figureSnapshot, storedFigureSnapshot } from "@/lib/figures/figure-snapshot";
import { loadDecisions, loadEngineClaims } from "@/lib/figures/engine-input";
import { reconcileIncident } from "@/lib/domain/reconcile";
import { createIncident, updateIncident } from "@/lib/incidents/incident-commands";
import { createDocument, createSource } from "@/lib/sources/source-commands";
import { seedKobe } from "@/lib/seed/seed-database";
import { useTestDb } from "./test-database";

let db: Db;
let sourceIds: string[] = [];
let documentId: string;

beforeAll(async () => {
  db = await useTestDb();
  await seedKobe(db);
  const sources = await Promise.all(
    Array.from({ length: 4 }, (_, i) =>
      createSource(db, { slug: `concurrent-${i}`, name: `Concurrent source ${i}`, kind: i % 2 ? "local_media" : "ngo" }, null),
    ),
  );
  sourceIds = sources.map((s) => s.id);
  documentId = (await createDocument(db, { sourceId: sourceIds[0]!, title: "A report", relaysSourceIds: [] }, null)).id;
});

const incidentValues = {
  title: "Convoy attacked near a market",
  summary: "",
  dateStart: "2025-03-01",
  dateEnd: "2025-03-01",
  placeName: "Test place",
  countryIso3: "MLI",
  latitude: 16.2,
  longitude: -0.1,
  locationPrecision: 2,
  eventType: "Battles",
  actors: [{ name: "An armed group", role: "alleged_perpetrator" as const }],
};

/** What the figures of an incident would be if computed now from its claims: the stored ones must equal it. */
async function recomputed(incidentId: string) {
  const claims = (await loadEngineClaims(db, [incidentId])).get(incidentId) ?? [];
  const figures = reconcileIncident(claims, { decisions: (await loadDecisions(db, [incidentId])).get(incidentId) ?? {} });
  return figures
    .map((f) => ({ metric: f.metric, category: f.category, ...figureSnapshot(f) }))
    .sort((a, b) => `${a.metric}${a.category}`.localeCompare(`${b.metric}${b.category}`));
}
async function stored(incidentId: string) {
  const rows = await db.reconciliation.findMany({ where: { incidentId } });
  return rows
    .map((r) => ({ metric: r.metric, category: r.category, ...storedFigureSnapshot(r) }))
    .sort((a, b) => `${a.metric}${a.category}`.localeCompare(`${b.metric}${b.category}`));
}

describe("many editors on one incident", () => {
  it("10 concurrent writers (claims, assessments, decisions) all succeed, and the stored figures equal a recompute", async () => {
    const incident = await createIncident(db, incidentValues, null);
    const first = await addClaim(
      db,
      {
        incidentCode: incident.code,
        claimantId: sourceIds[1]!,
        metric: "killed",
        category: "civilians",
        valueMin: 9,
        valueMax: 9,
        qualifier: "exact",
        statement: "Nine killed.",
      },
      null,
    );
    const writers = Array.from({ length: 10 }, (_, i) => {
      if (i === 9)
        return assessClaim(
          db,
          { claimId: first.claim.id, expectedVersion: 1, assessment: "credible", reason: "Matches the hospital count." },
          null,
        );
      if (i === 8)
        return recordDecision(
          db,
          {
            incidentCode: incident.code,
            metric: "injured",
            category: "civilians",
            best: 5,
            low: 4,
            high: 6,
            rationale: "The hospital list of the wounded.",
            expectedDecisionId: null,
          },
          null,
        );
      return addClaim(
        db,
        {
          incidentCode: incident.code,
          claimantId: sourceIds[i % 4]!,
          documentId: i % 4 === 0 ? documentId : null,
          metric: i % 2 ? "killed" : "injured",
          category: "civilians",
          subgroup: `writer ${i}`,
          valueMin: 10 + i,
          valueMax: 10 + i,
          qualifier: "exact",
          statement: `Writer ${i}: ${10 + i} people.`,
        },
        null,
      );
    });
    const results = await Promise.allSettled(writers);
    const failures = results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason));
    expect(failures).toEqual([]);
    expect(await db.claim.count({ where: { incidentId: incident.id } })).toBe(9);
    expect(await stored(incident.id)).toEqual(await recomputed(incident.id));
  });
});

describe("saving over a newer version merges instead of reverting", () => {
  it("keeps the title another editor saved when you changed only the summary, and records both in the history", async () => {
    const incident = await createIncident(db, { ...incidentValues, title: "Attack on a convoy" }, null);
    // Editor A: the title.
    await updateIncident(db, incident.code, { ...incidentValues, title: "Kobé convoy attack", expectedVersion: 1 }, null);
    // Editor B, still on version 1: only the summary.
    const saved = await updateIncident(
      db,
      incident.code,
      { ...incidentValues, title: "Attack on a convoy", summary: "Three lorries were hit.", expectedVersion: 1 },
      null,
    );
    const after = await db.incident.findUniqueOrThrow({ where: { id: incident.id } });
    expect(after.title).toBe("Kobé convoy attack");
    expect(after.summary).toBe("Three lorries were hit.");
    expect(after.version).toBe(3);
    expect(saved.merge.keptTheirs).toEqual(["title"]);
    const last = await db.auditEvent.findFirstOrThrow({
      where: { entityId: incident.id, action: "incident.update" },
      orderBy: { at: "desc" },
    });
    expect(last.before).toMatchObject({ summary: "", title: "Kobé convoy attack" });
    expect(last.after).toMatchObject({ summary: "Three lorries were hit.", title: "Kobé convoy attack", mergedFromVersion: 1 });
  });

  it("asks when both changed the same field, showing base, theirs and yours, and writes nothing", async () => {
    const incident = await createIncident(db, { ...incidentValues, title: "Attack on a convoy" }, null);
    await updateIncident(db, incident.code, { ...incidentValues, title: "Kobé convoy attack", latitude: 15.9, expectedVersion: 1 }, null);
    const error = await updateIncident(
      db,
      incident.code,
      { ...incidentValues, title: "Attack near Kobé", summary: "Mine.", expectedVersion: 1 },
      null,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    const conflict = error as ConflictError;
    expect(conflict.details.conflicts).toEqual([
      { field: "title", base: "Attack on a convoy", theirs: "Kobé convoy attack", yours: "Attack near Kobé" },
    ]);
    // The proposal keeps their latitude (only they changed it) and your summary.
    expect(conflict.details.proposal).toMatchObject({ latitude: 15.9, summary: "Mine.", version: 2 });
    const after = await db.incident.findUniqueOrThrow({ where: { id: incident.id } });
    expect([after.title, after.summary, after.version]).toEqual(["Kobé convoy attack", "", 2]);
  });
});

describe("claims and decisions on a stale version", () => {
  it("an assessment made after a retraction by someone else goes through (different fields)", async () => {
    const incident = await createIncident(db, incidentValues, null);
    const { claim } = await addClaim(
      db,
      {
        incidentCode: incident.code,
        claimantId: sourceIds[2]!,
        metric: "killed",
        category: "civilians",
        valueMin: 3,
        valueMax: 3,
        qualifier: "exact",
        statement: "Three.",
      },
      null,
    );
    await retractClaim(db, { claimId: claim.id, expectedVersion: 1, reason: "Entered twice." }, null);
    const assessed = await assessClaim(
      db,
      { claimId: claim.id, expectedVersion: 1, assessment: "duplicate", reason: "Same as the wire's." },
      null,
    );
    expect(assessed.claim.assessment).toBe("duplicate");
    expect(assessed.claim.retractedAt).not.toBeNull();
  });

  it("two different assessments of one claim: the second is asked, with theirs and yours", async () => {
    const incident = await createIncident(db, incidentValues, null);
    const { claim } = await addClaim(
      db,
      {
        incidentCode: incident.code,
        claimantId: sourceIds[2]!,
        metric: "killed",
        category: "civilians",
        valueMin: 3,
        valueMax: 3,
        qualifier: "exact",
        statement: "Three.",
      },
      null,
    );
    await assessClaim(db, { claimId: claim.id, expectedVersion: 1, assessment: "credible", reason: "" }, null);
    const error = await assessClaim(
      db,
      { claimId: claim.id, expectedVersion: 1, assessment: "not_credible", reason: "Party to the conflict." },
      null,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).details.conflicts?.[0]).toMatchObject({
      field: "assessment",
      theirs: { assessment: "credible" },
      yours: { assessment: "not_credible" },
    });
    expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).assessment).toBe("credible");
    // The same assessment twice is no conflict.
    await expect(
      assessClaim(db, { claimId: claim.id, expectedVersion: 1, assessment: "credible", reason: "" }, null),
    ).resolves.toBeTruthy();
  });

  it("a newer figure is refused once another editor superseded the claim, showing theirs and yours", async () => {
    const incident = await createIncident(db, incidentValues, null);
    const { claim } = await addClaim(
      db,
      {
        incidentCode: incident.code,
        claimantId: sourceIds[2]!,
        metric: "killed",
        category: "civilians",
        valueMin: 3,
        valueMax: 3,
        qualifier: "exact",
        statement: "Three.",
      },
      null,
    );
    const base = {
      claimId: claim.id,
      expectedVersion: 1,
      metric: "killed",
      category: "civilians",
      qualifier: "exact",
      statedOn: null,
    } as const;
    await supersedeClaim(db, { ...base, valueMin: 5, valueMax: 5, statement: "Five." }, null);
    const error = await supersedeClaim(db, { ...base, valueMin: 6, valueMax: 6, statement: "Six." }, null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).details.conflicts?.[0]).toMatchObject({
      field: "supersededBy",
      theirs: { valueMin: 5 },
      yours: { valueMin: 6 },
    });
  });

  it("two different decisions on one figure: the second is asked; the same decision twice is not", async () => {
    const incident = await createIncident(db, incidentValues, null);
    await addClaim(
      db,
      {
        incidentCode: incident.code,
        claimantId: sourceIds[2]!,
        metric: "killed",
        category: "civilians",
        valueMin: 3,
        valueMax: 3,
        qualifier: "exact",
        statement: "Three.",
      },
      null,
    );
    const decision = {
      incidentCode: incident.code,
      metric: "killed",
      category: "civilians",
      best: 3,
      low: 3,
      high: 3,
      rationale: "Only one source so far.",
      expectedDecisionId: null,
    } as const;
    await recordDecision(db, decision, null);
    await expect(recordDecision(db, decision, null)).resolves.toBeTruthy();
    const error = await recordDecision(db, { ...decision, best: 4, high: 4 }, null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).details.conflicts?.[0]).toMatchObject({ field: "decision", theirs: { best: 3 }, yours: { best: 4 } });
    expect(await db.reconciliationDecision.count({ where: { incidentId: incident.id } })).toBe(1);
  });
});
