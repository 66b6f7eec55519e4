// The claims import writes on its own pg connection (COPY), a slice of rows at a time, and
// refreshes the figures of the incidents it touches (lib/figures/pg-refresh.ts). It must store exactly
// what lib/figures/refresh-figures.ts `refreshIncidentFigures` stores for the same claims, and,
// being one transaction, leave nothing behind when it fails or is killed half-way.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { addClaim, assessClaim, recordDecision, retractClaim, supersedeClaim } from "@/lib/claims/claim-commands";
import { createPrismaClient, type Db } from "@/lib/db";
import { endRawPools, withRawTransaction } from "@/lib/db/raw-pg";
import { CLAIMS_COLUMNS } from "@/lib/export/columns";
import { figuresPendingSince, pendingFigureCount, startFigureQueue } from "@/lib/figures/figure-queue";
import { refreshIncidentFigures } from "@/lib/figures/refresh-figures";
import { claimsSlice } from "@/lib/import/claims-import";
import { refreshFiguresOnConnection } from "@/lib/figures/pg-refresh";
import { seedKobe } from "@/lib/seed/seed-database";
import { counts, csv, importText } from "./import-support";
import { createDatabase } from "./test-database";

const KOBE = "MLI-2025-0001";
const clients: Db[] = [];
const open = (url: string) => {
  const db = createPrismaClient(url);
  clients.push(db);
  return db;
};
const defaultSlice = claimsSlice.rows;
afterEach(() => {
  claimsSlice.rows = defaultSlice;
});
afterAll(async () => {
  await Promise.all(clients.map((db) => db.$disconnect()));
  await endRawPools();
});

const getIncidentFrom = (db: Db, code: string) => db.incident.findUniqueOrThrow({ where: { code } });

const newIncident = (db: Db, code: string, place: string) =>
  db.incident.create({
    data: {
      code,
      title: `Test ${code}`,
      dateStart: new Date("2024-05-01"),
      dateEnd: new Date("2024-05-01"),
      placeName: place,
      countryIso3: "NER",
      latitude: 14,
      longitude: 1.5,
      eventType: "Battles",
    },
  });

/**
 * Kobé (relayed documents, subgroups, open-ended wire reports) with an editor decision and a claim
 * judged not credible; an incident with a superseded and a retracted claim; one with only an
 * open-ended claim; one whose stored figure is stale (its claim retracted behind the figures' back).
 */
async function richState(db: Db) {
  await seedKobe(db);
  await recordDecision(
    db,
    { incidentCode: KOBE, metric: "injured", category: "civilians", best: 30, rationale: "Test: hospital lists give thirty." },
    null,
  );
  const government = await db.claim.findFirstOrThrow({
    where: { claimant: { slug: "mali-government" }, metric: "killed", category: "attackers" },
  });
  await assessClaim(
    db,
    { claimId: government.id, expectedVersion: government.version, assessment: "not_credible", reason: "No bodies were shown." },
    null,
  );

  const witness = await db.source.create({ data: { slug: "rt-witness", name: "A witness", kind: "witness" } });
  const army = await db.source.create({ data: { slug: "rt-army", name: "The army", kind: "government", isParty: true } });
  await newIncident(db, "NER-2024-0001", "Tillabéri");
  const { claim: first } = await addClaim(
    db,
    {
      incidentCode: "NER-2024-0001",
      claimantId: witness.id,
      metric: "killed",
      category: "civilians",
      valueMin: 5,
      valueMax: 5,
      qualifier: "exact",
      statement: "Five villagers were killed.",
      statedOn: "2024-05-01",
    },
    null,
  );
  await supersedeClaim(
    db,
    {
      claimId: first.id,
      expectedVersion: first.version,
      metric: "killed",
      category: "civilians",
      valueMin: 7,
      valueMax: 7,
      qualifier: "exact",
      statement: "Seven villagers were killed, the witness later said.",
      statedOn: "2024-05-03",
    },
    null,
  );
  const { claim: wrong } = await addClaim(
    db,
    {
      incidentCode: "NER-2024-0001",
      claimantId: army.id,
      metric: "killed",
      category: "attackers",
      valueMin: 12,
      valueMax: 15,
      qualifier: "range",
      statement: "Between 12 and 15 terrorists were neutralised.",
    },
    null,
  );
  await retractClaim(db, { claimId: wrong.id, expectedVersion: wrong.version, reason: "Entered against the wrong incident." }, null);
  const { claim: armyLatest } = await addClaim(
    db,
    {
      incidentCode: "NER-2024-0001",
      claimantId: army.id,
      metric: "killed",
      category: "security_forces",
      valueMin: 2,
      valueMax: 2,
      qualifier: "exact",
      statement: "Two soldiers died.",
      statedOn: "2024-05-02",
    },
    null,
  );

  await newIncident(db, "NER-2024-0002", "Ayorou");
  await addClaim(
    db,
    {
      incidentCode: "NER-2024-0002",
      claimantId: witness.id,
      metric: "missing",
      category: "civilians",
      valueMin: 10,
      valueMax: null,
      qualifier: "at_least",
      statement: "At least ten people are missing.",
    },
    null,
  );

  await newIncident(db, "NER-2024-0003", "Téra");
  const { claim: doomed } = await addClaim(
    db,
    {
      incidentCode: "NER-2024-0003",
      claimantId: witness.id,
      metric: "abducted",
      category: "civilians",
      valueMin: 4,
      valueMax: 4,
      qualifier: "exact",
      statement: "Four drivers were taken.",
    },
    null,
  );
  await db.claim.update({
    where: { id: doomed.id },
    data: { retractedAt: new Date(), retractedReason: "Test: behind the figures' back." },
  });
  // The army's claim on the first incident: the file links an older claim to it.
  return { armyLatest: armyLatest.id };
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
  const claims = await db.claim.findMany({ orderBy: { id: "asc" }, omit: { updatedAt: true, assessedAt: true } });
  return {
    sqlNulls,
    figures: figures.map(({ id: _id, computedAt: _at, usedClaimIds, ...rest }) => ({ ...rest, usedClaimIds: [...usedClaimIds].sort() })),
    revisions: revisions.map(({ id: _id, at: _at, ...rest }) => rest),
    incidents,
    claims,
  };
}

/** Writes into `to` the sources, documents and claims the import wrote into `from`, as they are there. */
async function replayImport(from: Db, to: Db) {
  const known = new Set((await to.claim.findMany({ select: { id: true } })).map((c) => c.id));
  const sourceIds = new Set((await to.source.findMany({ select: { id: true } })).map((s) => s.id));
  const documentIds = new Set((await to.document.findMany({ select: { id: true } })).map((d) => d.id));
  await to.source.createMany({ data: (await from.source.findMany()).filter((s) => !sourceIds.has(s.id)) });
  await to.document.createMany({ data: (await from.document.findMany()).filter((d) => !documentIds.has(d.id)) });
  const all = await from.claim.findMany();
  const added = all.filter((c) => !known.has(c.id));
  // New claims first without their links (a link may point at another new claim), then every link as it is in `from`.
  await to.claim.createMany({ data: added.map((c) => ({ ...c, supersedesId: null })) });
  for (const c of all)
    if (c.supersedesId) await to.claim.update({ where: { id: c.id }, data: { supersedesId: c.supersedesId, version: c.version } });
  const linked = all.filter((c) => c.supersedesId && known.has(c.id));
  return [...new Set([...added, ...linked].map((c) => c.incidentId))].sort();
}

const row = (cells: Partial<Record<(typeof CLAIMS_COLUMNS)[number], string>>) => CLAIMS_COLUMNS.map((c) => cells[c] ?? "");

describe("the claims import's figures", () => {
  it.each([
    ["in one slice", 10_000, "refresh"],
    ["a row at a time", 1, "refresh"],
    ["slices of three rows", 3, "refresh"],
    ["queued, then reconciled by the worker", 10_000, "queue"],
    ["queued, a row at a time", 1, "queue"],
  ] as const)(
    "are exactly what refreshIncidentFigures stores, for incidents with claims of every kind (%s)",
    async (_name, sliceSize, mode) => {
      claimsSlice.rows = sliceSize;
      const base = await createDatabase();
      const setup = createPrismaClient(base.url);
      const { armyLatest } = await richState(setup);
      const existing = await setup.claim.findFirstOrThrow({
        where: { claimant: { slug: "hrw" }, metric: "killed", category: "civilians", subgroup: null, document: { title: "Kobé attack" } },
      });
      const kobeExport = {
        incident_code: KOBE,
        metric: existing.metric,
        category: existing.category,
        value_min: String(existing.valueMin),
        value_max: String(existing.valueMax),
        qualifier: existing.qualifier,
        statement: existing.statement,
        claimant: "hrw",
      };
      await setup.$disconnect();
      const reference = await createDatabase({ template: base.name });
      const dbImport = open(base.url);
      const dbReference = open(reference.url);

      const older = "5f0c2a4e-1111-4c3b-9d7e-0a1b2c3d4e01";
      const newer = "5f0c2a4e-2222-4c3b-9d7e-0a1b2c3d4e02";
      const file = csv(CLAIMS_COLUMNS, [
        // Kobé: a new claimant (created), a publisher relaying HRW, an encyclopedia relaying four sources, a claim already there.
        row({
          incident_code: KOBE,
          metric: "killed",
          category: "civilians",
          value_min: "40",
          value_max: "40",
          qualifier: "exact",
          statement: "Forty people died, the station said.",
          claimant: "rt-radio",
          claimant_kind: "local_media",
          document_title: "Evening bulletin",
          stated_on: "2025-02-10",
        }),
        row({
          incident_code: KOBE,
          metric: "killed",
          category: "civilians",
          value_min: "35",
          qualifier: "at_least",
          statement: "At least 35 civilians were killed, HRW says.",
          claimant: "mirage-news",
          document_title:
            "Mirage News republication of Human Rights Watch on the 7 February 2025 convoy attack (untitled in the seed text)",
        }),
        row({
          incident_code: KOBE,
          metric: "injured",
          category: "civilians",
          value_min: "30",
          value_max: "30",
          qualifier: "approximately",
          statement: "About thirty were wounded.",
          claimant: "wikipedia",
          document_title: "Kobé attack",
          entered_at: "2025-03-01T12:00:00.123Z",
        }),
        row(kobeExport),
        // The superseded/retracted incident: a new pair linked in the file, and an older claim linked to a claim of the database.
        row({
          claim_id: older,
          incident_code: "NER-2024-0001",
          metric: "injured",
          category: "civilians",
          value_min: "3",
          value_max: "3",
          qualifier: "exact",
          statement: "Three were hurt.",
          claimant: "rt-witness",
          stated_on: "2024-05-01",
          superseded_by: newer,
        }),
        row({
          claim_id: newer,
          incident_code: "NER-2024-0001",
          metric: "injured",
          category: "civilians",
          value_min: "6",
          value_max: "6",
          qualifier: "exact",
          statement: "Six were hurt, in the end.",
          claimant: "rt-witness",
          stated_on: "2024-05-04",
        }),
        row({
          incident_code: "NER-2024-0001",
          metric: "killed",
          category: "security_forces",
          value_min: "1",
          value_max: "1",
          qualifier: "exact",
          statement: "One soldier died, the first count said.",
          claimant: "rt-army",
          stated_on: "2024-05-01",
          superseded_by: armyLatest,
        }),
        row({
          incident_code: "NER-2024-0001",
          metric: "killed",
          category: "security_forces",
          value_min: "20",
          qualifier: "more_than",
          statement: "More than twenty soldiers died.",
          claimant: "rt-army",
          assessment: "not_credible",
        }),
        // Open-ended only: a bounded claim joins.
        row({
          incident_code: "NER-2024-0002",
          metric: "missing",
          category: "civilians",
          value_min: "0",
          value_max: "50",
          qualifier: "at_most",
          statement: "Up to 50 may be missing.",
          claimant: "afp",
          stated_on: "2024-05-02",
        }),
        // The stale incident: its old figure goes, a new one comes.
        row({
          incident_code: "NER-2024-0003",
          metric: "killed",
          category: "civilians",
          value_min: "1",
          value_max: "1",
          qualifier: "exact",
          statement: "One driver was shot.",
          claimant: "rt-witness",
          assessment: "credible",
        }),
      ]);

      const since = new Date();
      const before = await stored(dbImport, since);
      const summary = await importText(dbImport, "claims", file, { figures: mode });
      expect(summary.errors).toEqual([]);
      expect(summary).toMatchObject({
        imported: true,
        claimsCreated: 9,
        claimsAlreadyPresent: 1,
        claimsSuperseded: 2,
        sourcesCreated: ["rt-radio"],
        documentsCreated: 1,
      });
      expect([summary.figuresRefreshed, summary.figuresQueued]).toEqual(mode === "queue" ? [0, 4] : [4, 0]);
      if (mode === "queue") {
        // Committed claims, untouched figures, four incidents waiting and saying so.
        const waiting = await stored(dbImport, since);
        expect(waiting.claims.length).toBe(before.claims.length + 9);
        expect({ figures: waiting.figures, revisions: waiting.revisions, incidents: waiting.incidents }).toEqual({
          figures: before.figures,
          revisions: [],
          incidents: before.incidents,
        });
        expect(await pendingFigureCount(dbImport)).toBe(4);
        const kobe = await getIncidentFrom(dbImport, KOBE);
        expect(await figuresPendingSince(dbImport, kobe.id)).toBeInstanceOf(Date);
        await startFigureQueue(base.url);
        expect(await pendingFigureCount(dbImport)).toBe(0);
        expect(await figuresPendingSince(dbImport, kobe.id)).toBeNull();
      }

      const touched = await replayImport(dbImport, dbReference);
      expect(touched).toHaveLength(4);
      await dbReference.$transaction(async (tx) => {
        for (const id of touched) await refreshIncidentFigures(tx, id, null);
      });

      const expected = await stored(dbReference, since);
      const actual = await stored(dbImport, since);
      expect(expected.revisions.some((r) => r.after === null)).toBe(true);
      expect(expected.revisions.some((r) => r.before === null)).toBe(true);
      expect(expected.figures.some((f) => f.method === "editor")).toBe(true);
      expect(expected.figures.some((f) => f.independentSourceCount < f.sourceCount)).toBe(true);
      expect(actual).toEqual(expected);

      // Every touched incident moved its updatedAt, as refreshIncidentFigures moves it; the others did not.
      const moved = await dbImport.incident.findMany({ where: { updatedAt: { gte: since } }, select: { id: true } });
      expect(moved.map((i) => i.id).sort()).toEqual(touched);

      // Nothing is left for a one-by-one refresh to change.
      const again = new Date();
      await dbImport.$transaction(async (tx) => {
        for (const id of touched) await refreshIncidentFigures(tx, id, null);
      });
      expect(await dbImport.reconciliationRevision.count({ where: { at: { gte: again } } })).toBe(0);
    },
    60_000,
  );

  it("refreshFiguresOnConnection stores what refreshIncidentFigures stores, stale figures included", async () => {
    const base = await createDatabase();
    const setup = createPrismaClient(base.url);
    await richState(setup);
    // More changes behind the figures' back.
    const kobe = await setup.incident.findUniqueOrThrow({ where: { code: KOBE } });
    const witness = await setup.source.findUniqueOrThrow({ where: { slug: "rt-witness" } });
    await setup.claim.createMany({
      data: [
        {
          incidentId: kobe.id,
          claimantId: witness.id,
          metric: "killed",
          category: "civilians",
          valueMin: 41,
          valueMax: 41,
          qualifier: "exact",
          statement: "Forty-one died.",
        },
        {
          incidentId: kobe.id,
          claimantId: witness.id,
          metric: "abducted",
          category: "unspecified",
          valueMin: 3,
          valueMax: null,
          qualifier: "at_least",
          statement: "At least three were taken.",
        },
      ],
    });
    const ids = (await setup.incident.findMany({ select: { id: true } })).map((i) => i.id);
    await setup.$disconnect();
    const reference = await createDatabase({ template: base.name });
    const dbPg = open(base.url);
    const dbReference = open(reference.url);

    const since = new Date();
    await dbReference.$transaction(async (tx) => {
      for (const id of ids) await refreshIncidentFigures(tx, id, null);
    });
    await withRawTransaction((client) => refreshFiguresOnConnection(client, ids, null), { url: base.url });
    const expected = await stored(dbReference, since);
    expect(expected.revisions.length).toBeGreaterThanOrEqual(3);
    expect(await stored(dbPg, since)).toEqual(expected);

    // And again, with nothing changed: no revision on either side.
    const again = new Date();
    await withRawTransaction((client) => refreshFiguresOnConnection(client, ids, null), { url: base.url });
    expect(await dbPg.reconciliationRevision.count({ where: { at: { gte: again } } })).toBe(0);
  }, 60_000);
});

describe("a claims import that fails half-way", () => {
  const file = () =>
    csv(CLAIMS_COLUMNS, [
      row({
        incident_code: KOBE,
        metric: "killed",
        category: "civilians",
        value_min: "41",
        value_max: "41",
        qualifier: "exact",
        statement: "Forty-one died, a new source said.",
        claimant: "rt-new-source",
        claimant_kind: "witness",
        document_title: "A new page",
      }),
      row({
        incident_code: KOBE,
        metric: "injured",
        category: "civilians",
        value_min: "12",
        value_max: "12",
        qualifier: "exact",
        statement: "Twelve were hurt.",
        claimant: "afp",
      }),
    ]);

  async function failingDatabase(trigger: string) {
    const { url } = await createDatabase();
    const db = open(url);
    await seedKobe(db);
    await db.$executeRawUnsafe(
      `CREATE FUNCTION test_fail_revisions() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${trigger}; RETURN NULL; END $$`,
    );
    await db.$executeRawUnsafe(
      `CREATE TRIGGER test_fail_revisions AFTER INSERT ON "ReconciliationRevision" FOR EACH STATEMENT EXECUTE FUNCTION test_fail_revisions()`,
    );
    return { url, db };
  }

  it("rolls back everything it wrote when a statement fails after the claims are in", async () => {
    const { db } = await failingDatabase(`RAISE EXCEPTION 'test: the revisions cannot be written'`);
    const before = await counts(db);
    await expect(importText(db, "claims", file())).rejects.toThrow(/the revisions cannot be written/);
    expect(await counts(db)).toEqual(before);
    expect(await db.source.count({ where: { slug: "rt-new-source" } })).toBe(0);

    await db.$executeRawUnsafe(`DROP TRIGGER test_fail_revisions ON "ReconciliationRevision"`);
    const summary = await importText(db, "claims", file());
    expect(summary).toMatchObject({ imported: true, claimsCreated: 2, sourcesCreated: ["rt-new-source"], documentsCreated: 1 });
    expect(await counts(db)).toMatchObject({ claims: before.claims + 2, sources: before.sources + 1, audits: before.audits + 1 });
  }, 60_000);

  it("killed while writing figures (npm run import), leaves the database as it was", async () => {
    // The revisions' insert waits, so the kill lands after the claims, sources and documents are written.
    const { url, db } = await failingDatabase(`PERFORM pg_sleep(8)`);
    const before = await counts(db);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "triangulate-import-kill-"));
    const csvFile = path.join(dir, "claims.csv");
    fs.writeFileSync(csvFile, file());
    try {
      const run = await new Promise<{ signal: NodeJS.Signals | null; stdout: string }>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          ["--conditions=react-server", "--import", "tsx", "scripts/import.ts", "--format", "claims", csvFile],
          { env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "pipe", "pipe"] },
        );
        let stdout = "";
        let stderr = "";
        let waiting: ReturnType<typeof setInterval> | null = null;
        child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
        child.stderr.on("data", (d: Buffer) => {
          stderr += d.toString();
          if (stderr.includes("refreshing figures") && !waiting) {
            // Kill once PostgreSQL is inside the revisions' insert (the sleeping trigger).
            waiting = setInterval(() => {
              void (async () => {
                const admin = new pg.Client({ connectionString: url });
                await admin.connect();
                const busy = await admin.query(
                  `SELECT 1 FROM pg_stat_activity WHERE wait_event = 'PgSleep' AND datname = current_database()`,
                );
                await admin.end();
                if (busy.rowCount) {
                  clearInterval(waiting!);
                  child.kill("SIGKILL");
                }
              })();
            }, 200);
          }
        });
        child.on("error", reject);
        child.on("close", (_code, signal) => {
          if (waiting) clearInterval(waiting);
          resolve({ signal, stdout });
        });
      });
      expect(run.signal).toBe("SIGKILL");
      expect(run.stdout).toBe("");
      // PostgreSQL notices the dead connection, cancels the sleeping statement and rolls back.
      // (It only notices when the sleep ends: allow for that.)
      for (let i = 0; i < 150; i++) {
        const busy = await db.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;
        if (busy[0]!.n === 0) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(await counts(db)).toEqual(before);
      expect(await db.source.count({ where: { slug: "rt-new-source" } })).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
