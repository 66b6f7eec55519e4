// Every figure writer must store exactly what the one-by-one refreshIncidentFigures stores: the
// same figures, revisions, headlines and flags. They share one plan (lib/figures/figure-plan.ts);
// this checks the paths around it: the bulk refresh inside a Prisma transaction (ACLED/UCDP
// imports) and the refresh on a direct pg connection (claims imports, the figure queue).
import { afterAll, describe, expect, it } from "vitest";
import { addClaim, recordDecision } from "@/lib/claims/claim-commands";
import { createPrismaClient, type Db } from "@/lib/db";
import { endRawPools, withRawTransaction } from "@/lib/db/raw-pg";
import { refreshFiguresOnConnection } from "@/lib/figures/pg-refresh";
import { refreshFiguresInBulk, refreshIncidentFigures } from "@/lib/figures/refresh-figures";
import { seedKobe } from "@/lib/seed/seed-database";
import { createDatabase } from "./test-database";

const KOBE = "MLI-2025-0001";
afterAll(() => endRawPools());

/** Kobé with an editor decision, a second incident, then changes written behind the figures' back. */
async function staleState(db: Db) {
  await seedKobe(db);
  await recordDecision(
    db,
    { incidentCode: KOBE, metric: "injured", category: "civilians", best: 30, rationale: "Test: hospital lists give thirty." },
    null,
  );
  const kobe = await db.incident.findUniqueOrThrow({ where: { code: KOBE } });
  const other = await db.incident.create({
    data: {
      code: "NER-2024-0001",
      title: "Second",
      dateStart: new Date("2024-03-01"),
      dateEnd: new Date("2024-03-01"),
      placeName: "Tillabéri",
      countryIso3: "NER",
      latitude: 14,
      longitude: 1.5,
      eventType: "Battles",
    },
  });
  const gone = await db.incident.create({
    data: {
      code: "NER-2024-0002",
      title: "Third",
      dateStart: new Date("2024-03-02"),
      dateEnd: new Date("2024-03-02"),
      placeName: "Ayorou",
      countryIso3: "NER",
      latitude: 14.7,
      longitude: 0.9,
      eventType: "Battles",
    },
  });
  const witness = await db.source.create({ data: { slug: "bulk-witness", name: "A witness", kind: "witness" } });
  const army = await db.source.create({ data: { slug: "bulk-army", name: "The army", kind: "government", isParty: true } });
  const { claim: doomed } = await addClaim(
    db,
    {
      incidentCode: "NER-2024-0002",
      claimantId: witness.id,
      metric: "killed",
      category: "civilians",
      valueMin: 4,
      valueMax: 4,
      qualifier: "exact",
      statement: "Four villagers were killed.",
    },
    null,
  );
  // Behind the figures' back: new claims, and a retraction, with no refresh.
  await db.claim.createMany({
    data: [
      {
        incidentId: kobe.id,
        claimantId: witness.id,
        metric: "killed",
        category: "civilians",
        valueMin: 40,
        valueMax: 40,
        qualifier: "exact",
        statement: "Forty died, a survivor said.",
      },
      {
        incidentId: kobe.id,
        claimantId: witness.id,
        metric: "injured",
        category: "civilians",
        valueMin: 25,
        valueMax: null,
        qualifier: "at_least",
        statement: "At least 25 were hurt.",
      },
      {
        incidentId: other.id,
        claimantId: army.id,
        metric: "killed",
        category: "attackers",
        valueMin: 12,
        valueMax: 15,
        qualifier: "range",
        statement: "Between 12 and 15 terrorists were neutralised.",
      },
      {
        incidentId: other.id,
        claimantId: witness.id,
        metric: "killed",
        category: "security_forces",
        valueMin: 3,
        valueMax: 3,
        qualifier: "exact",
        statement: "Three soldiers died.",
      },
    ],
  });
  await db.claim.update({ where: { id: doomed.id }, data: { retractedAt: new Date(), retractedReason: "Test." } });
  return [kobe.id, other.id, gone.id];
}

async function stored(db: Db, since: Date) {
  const figures = await db.reconciliation.findMany({ orderBy: [{ incidentId: "asc" }, { metric: "asc" }, { category: "asc" }] });
  const revisions = await db.reconciliationRevision.findMany({
    where: { at: { gte: since } },
    orderBy: [{ incidentId: "asc" }, { metric: "asc" }, { category: "asc" }],
  });
  const incidents = await db.incident.findMany({
    orderBy: { code: "asc" },
    select: { code: true, headlineLow: true, headlineBest: true, headlineHigh: true, headlineContested: true, flags: true },
  });
  const sqlNulls = await db.$queryRaw<{ before: number; after: number }[]>`
    SELECT count(*) FILTER (WHERE "before" IS NULL)::int AS "before", count(*) FILTER (WHERE "after" IS NULL)::int AS "after" FROM "ReconciliationRevision" WHERE "at" >= ${since}`;
  return {
    sqlNulls,
    figures: figures.map(({ id: _id, computedAt: _at, usedClaimIds, ...rest }) => ({ ...rest, usedClaimIds: [...usedClaimIds].sort() })),
    revisions: revisions.map(({ id: _id, at: _at, ...rest }) => rest),
    incidents,
  };
}

describe("figure writers", () => {
  it("the bulk refresh and the refresh on a pg connection store the same figures, revisions, headlines and flags as refreshIncidentFigures", async () => {
    const one = await createDatabase();
    let dbOne = createPrismaClient(one.url);
    const ids = await staleState(dbOne);
    await dbOne.$disconnect();
    const bulk = await createDatabase({ template: one.name });
    const onConnection = await createDatabase({ template: one.name });
    dbOne = createPrismaClient(one.url);
    const dbBulk = createPrismaClient(bulk.url);
    const dbPg = createPrismaClient(onConnection.url);
    const refreshOnConnection = () =>
      withRawTransaction((client) => refreshFiguresOnConnection(client, ids, null), { url: onConnection.url });
    try {
      const since = new Date();
      await dbOne.$transaction(async (tx) => {
        for (const id of ids) await refreshIncidentFigures(tx, id, null);
      });
      const progress: number[] = [];
      await dbBulk.$transaction((tx) => refreshFiguresInBulk(tx, ids, null, (done) => progress.push(done)));
      expect(progress).toEqual([3]);
      await refreshOnConnection();

      const expected = await stored(dbOne, since);
      expect(expected.revisions.length).toBeGreaterThanOrEqual(5);
      expect(expected.figures.some((f) => f.method === "editor")).toBe(true);
      expect(expected.revisions.some((r) => r.after === null)).toBe(true);
      expect(await stored(dbBulk, since)).toEqual(expected);
      expect(await stored(dbPg, since)).toEqual(expected);
      // Refreshing again without any change behaves the same way in both.
      const again = new Date();
      await dbOne.$transaction(async (tx) => {
        for (const id of ids) await refreshIncidentFigures(tx, id, null);
      });
      await dbBulk.$transaction((tx) => refreshFiguresInBulk(tx, ids, null));
      await refreshOnConnection();
      expect(await dbBulk.reconciliationRevision.count({ where: { at: { gte: again } } })).toBe(
        await dbOne.reconciliationRevision.count({ where: { at: { gte: again } } }),
      );
      expect(await stored(dbBulk, again)).toEqual(await stored(dbOne, again));
      expect(await stored(dbPg, again)).toEqual(await stored(dbOne, again));
    } finally {
      await dbOne.$disconnect();
      await dbBulk.$disconnect();
      await dbPg.$disconnect();
    }
  });
});
