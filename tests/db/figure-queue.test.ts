// Large claims imports queue their incidents' figures for a worker (lib/figures/figure-queue.ts).
// What must hold: the import decides by size, the worker reconciles in the importer's name, a
// request made while a worker holds an older one for the same incident is not lost with it, a
// worker never waits for an incident someone holds, a failing batch leaves its requests queued,
// and exports say when figures are still pending.
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db";
import { endRawPools, withRawTransaction } from "@/lib/db/raw-pg";
import { CLAIMS_COLUMNS } from "@/lib/export/columns";
import { dataVersionLabel } from "@/lib/export/export-request";
import { openCopyExport } from "@/lib/export/copy-export";
import { storedFiguresCopyPlan } from "@/lib/export/figures-copy";
import { dataVersion } from "@/lib/export/incident-batches";
import {
  figureQueueIdle,
  figuresPendingSince,
  pendingFigureCount,
  queueFiguresAbove,
  refreshQueuedBatch,
  startFigureQueue,
  vacuumAfter,
} from "@/lib/figures/figure-queue";
import { seedKobe } from "@/lib/seed/seed-database";
import { csv, importText } from "./import-support";
import { createDatabase } from "./test-database";

const KOBE = "MLI-2025-0001";
let url: string;
let db: Db;
beforeAll(async () => {
  ({ url } = await createDatabase());
  db = createPrismaClient(url);
  await seedKobe(db);
  // Four more incidents, so a file can touch five.
  for (let i = 1; i <= 4; i++) {
    await db.incident.create({
      data: {
        code: `NER-2024-000${i}`,
        title: `Queue test ${i}`,
        dateStart: new Date("2024-05-01"),
        dateEnd: new Date("2024-05-01"),
        placeName: `Place ${i}`,
        countryIso3: "NER",
        latitude: 14,
        longitude: 1 + i / 10,
        eventType: "Battles",
      },
    });
  }
}, 60_000);
afterEach(() => {
  queueFiguresAbove.incidents = null;
  vacuumAfter.incidents = 10_000;
});
afterAll(async () => {
  await db.$disconnect();
  await endRawPools();
});

let serial = 0;
/** A claims file with one new claim on each incident named. */
const fileFor = (codes: string[], value = 12) =>
  csv(
    CLAIMS_COLUMNS,
    codes.map((code) =>
      CLAIMS_COLUMNS.map(
        (c) =>
          ({
            incident_code: code,
            metric: "killed",
            category: "civilians",
            value_min: String(value),
            value_max: String(value),
            qualifier: "exact",
            statement: `Queue test ${++serial}: ${value} civilians were killed.`,
            claimant: "afp",
          })[c as string] ?? "",
      ),
    ),
  );
const incidentId = async (code: string) => (await db.incident.findUniqueOrThrow({ where: { code } })).id;
const queueRows = () =>
  db.$queryRaw<
    { incidentId: string; requestedById: string | null }[]
  >`SELECT "incidentId", "requestedById" FROM "FigureRefreshRequest" ORDER BY id`;

describe("the figure queue", () => {
  it("takes the figures of imports touching more incidents than the threshold; smaller ones refresh at once", async () => {
    queueFiguresAbove.incidents = 2;
    const small = await importText(db, "claims", fileFor([KOBE, "NER-2024-0001"]), { databaseUrl: url });
    expect(small).toMatchObject({ imported: true, figuresRefreshed: 2, figuresQueued: 0 });
    expect(await pendingFigureCount(db)).toBe(0);

    const large = await importText(db, "claims", fileFor(["NER-2024-0001", "NER-2024-0002", "NER-2024-0003"], 7), { databaseUrl: url });
    expect(large).toMatchObject({ imported: true, claimsCreated: 3, figuresRefreshed: 0, figuresQueued: 3 });
    expect(await pendingFigureCount(db)).toBe(3);
    const waiting = await db.incident.findUniqueOrThrow({ where: { code: "NER-2024-0002" } });
    expect(waiting.headlineBest).toBeNull();
    // The import's audit event records it.
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "import" }, orderBy: { at: "desc" } });
    expect(event.after).toMatchObject({ figuresQueued: 3 });

    await startFigureQueue(url);
    expect(await pendingFigureCount(db)).toBe(0);
    const done = await db.incident.findUniqueOrThrow({ where: { code: "NER-2024-0002" } });
    expect(done.headlineBest).toBe(7);
    // NER-2024-0001 has claims of 12 and 7 from the same claimant (AFP): the figure reconciles both.
    const both = await db.reconciliation.findFirstOrThrow({
      where: { incidentId: await incidentId("NER-2024-0001"), metric: "killed", category: "civilians" },
    });
    expect(both.claimCount).toBe(2);
  }, 60_000);

  it("recognises claims already present without reading them for the engine", async () => {
    const text = fileFor(["NER-2024-0003", "NER-2024-0004", KOBE], 3);
    const first = await importText(db, "claims", text, { databaseUrl: url, figures: "queue" });
    expect(first).toMatchObject({ claimsCreated: 3, claimsAlreadyPresent: 0, figuresQueued: 3 });
    const second = await importText(db, "claims", text, { databaseUrl: url, figures: "queue" });
    expect(second).toMatchObject({ imported: true, claimsCreated: 0, claimsAlreadyPresent: 3, figuresQueued: 0 });
    await startFigureQueue(url);
  }, 60_000);

  it("reconciles in the name of the person who imported", async () => {
    const editor = await db.user.create({
      data: { email: "queue-editor@example.org", name: "Queue editor", role: "editor", passwordHash: "x" },
    });
    const since = new Date();
    const summary = await importText(db, "claims", fileFor(["NER-2024-0004"], 21), {
      databaseUrl: url,
      figures: "queue",
      actorId: editor.id,
    });
    expect(summary.figuresQueued).toBe(1);
    expect(await queueRows()).toEqual([{ incidentId: await incidentId("NER-2024-0004"), requestedById: editor.id }]);
    await startFigureQueue(url);
    const revisions = await db.reconciliationRevision.findMany({ where: { at: { gte: since } } });
    expect(revisions.length).toBeGreaterThan(0);
    expect(new Set(revisions.map((r) => r.actorId))).toEqual(new Set([editor.id]));
  }, 60_000);

  it("keeps a request made while a worker holds an older one for the same incident", async () => {
    const kobe = await incidentId(KOBE);
    await db.$executeRaw`INSERT INTO "FigureRefreshRequest" ("incidentId") VALUES (${kobe}::uuid)`;
    // A worker in another transaction has taken that request and not committed yet…
    let release!: () => void;
    let taken!: () => void;
    const takenPromise = new Promise<void>((resolve) => (taken = resolve));
    const held = withRawTransaction(
      async (client) => {
        await client.query(`SELECT id FROM "FigureRefreshRequest" ORDER BY id FOR UPDATE`);
        taken();
        await new Promise<void>((resolve) => (release = resolve));
      },
      { url },
    );
    await takenPromise;
    // …when new claims for Kobé queue it again.
    await db.$executeRaw`INSERT INTO "FigureRefreshRequest" ("incidentId") VALUES (${kobe}::uuid)`;
    // A second worker skips the held request and serves the new one; the held one is still there.
    expect(await refreshQueuedBatch(url)).toEqual({ requests: 1, incidents: 1 });
    expect(await pendingFigureCount(db)).toBe(1);
    release();
    await held;
    // The first worker ended without deleting (as one that failed would): its request waits, and is served next.
    expect(await figuresPendingSince(db, kobe)).toBeInstanceOf(Date);
    expect(await refreshQueuedBatch(url)).toEqual({ requests: 1, incidents: 1 });
    expect(await refreshQueuedBatch(url)).toEqual({ requests: 0, incidents: 0 });
    expect(await figuresPendingSince(db, kobe)).toBeNull();
  }, 60_000);

  it("skips a request whose incident someone holds, rather than wait (an editor's save, a merge, a small import refreshing its incidents)", async () => {
    const kobe = await incidentId(KOBE);
    const other = await incidentId("NER-2024-0001");
    await db.$executeRaw`INSERT INTO "FigureRefreshRequest" ("incidentId") VALUES (${kobe}::uuid), (${other}::uuid), (${"00000000-0000-4000-8000-000000000000"}::uuid)`;
    let release!: () => void;
    let locked!: () => void;
    const lockedPromise = new Promise<void>((resolve) => (locked = resolve));
    const held = withRawTransaction(
      async (client) => {
        await client.query(`SELECT 1 FROM "Incident" WHERE id = $1 FOR UPDATE`, [kobe]);
        locked();
        await new Promise<void>((resolve) => (release = resolve));
      },
      { url },
    );
    await lockedPromise;
    // Served: the free incident. Skipped: Kobé, held. (A worker that waited would hang here.)
    expect(await refreshQueuedBatch(url)).toEqual({ requests: 1, incidents: 1 });
    // Nothing free is left: the request for an incident that does not exist is dropped, Kobé's kept.
    expect(await refreshQueuedBatch(url)).toEqual({ requests: 0, incidents: 0 });
    expect(await pendingFigureCount(db)).toBe(1);
    expect(await figuresPendingSince(db, kobe)).toBeInstanceOf(Date);
    release();
    await held;
    expect(await refreshQueuedBatch(url)).toEqual({ requests: 1, incidents: 1 });
    expect(await pendingFigureCount(db)).toBe(0);
  }, 60_000);

  it("vacuums the incidents and their track-record rows after refreshing many of them, so index-only scans need not visit their rows", async () => {
    // Vacuums so far of each table the refresh rewrites, as "Incident:2 SourceComparison:2 SourceIncident:2".
    const vacuums = async () =>
      (
        await db.$queryRaw<{ relname: string; n: number }[]>`
          SELECT relname, vacuum_count::int AS n FROM pg_stat_user_tables
          WHERE relname IN ('Incident', 'SourceComparison', 'SourceIncident') ORDER BY relname`
      )
        .map((r) => `${r.relname}:${r.n}`)
        .join(" ");
    const plusOne = (counts: string) => counts.replace(/:(\d+)/g, (_, n: string) => `:${Number(n) + 1}`);
    // How many table rows an index-only scan of every incident code still had to read.
    const heapFetches = async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query("BEGIN");
        for (const scan of ["seqscan", "bitmapscan"]) await client.query(`SET LOCAL enable_${scan} = off`);
        const { rows } = await client.query<{ "QUERY PLAN": { Plan: { "Node Type": string; "Heap Fetches": number } }[] }>(
          `EXPLAIN (ANALYZE, FORMAT JSON) SELECT code FROM "Incident" ORDER BY code`,
        );
        const plan = rows[0]!["QUERY PLAN"][0]!.Plan;
        expect(plan["Node Type"]).toBe("Index Only Scan");
        return plan["Heap Fetches"];
      } finally {
        await client.query("ROLLBACK");
        await client.end();
      }
    };
    const codes = [KOBE, "NER-2024-0001", "NER-2024-0002", "NER-2024-0003", "NER-2024-0004"];
    // Below the threshold: no vacuum.
    vacuumAfter.incidents = 6;
    await importText(db, "claims", fileFor(codes), { figures: "queue" });
    let before = await vacuums();
    await startFigureQueue(url);
    expect(await vacuums()).toBe(before);
    expect(await heapFetches()).toBeGreaterThan(0); // the refreshed rows left their pages not all-visible
    // At the threshold: vacuumed once the queue is empty.
    vacuumAfter.incidents = 5;
    await importText(db, "claims", fileFor(codes, 13), { figures: "queue" });
    before = await vacuums();
    await startFigureQueue(url);
    expect(await pendingFigureCount(db)).toBe(0);
    expect(await vacuums()).toBe(plusOne(before));
    expect(await heapFetches()).toBe(0);
  }, 60_000);

  it("leaves the requests of a failed batch queued, and says so in exports until they are served", async () => {
    const ner = await incidentId("NER-2024-0002");
    await db.$executeRaw`INSERT INTO "FigureRefreshRequest" ("incidentId") VALUES (${ner}::uuid)`;
    // A statement that fails inside the batch (a bad search path for the worker's connection) rolls it back whole.
    const broken = `${url}${url.includes("?") ? "&" : "?"}options=-c%20search_path%3Dnowhere`;
    await expect(refreshQueuedBatch(broken)).rejects.toThrow();
    expect(await pendingFigureCount(db)).toBe(1);

    const version = await db.$transaction((tx) => dataVersion(tx, {}));
    expect(version.figuresPending).toBe(1);
    expect(dataVersionLabel(version)).toMatch(/^incidents=5; last-updated=\S+; figures-pending=1$/);
    // Counted within the export's filter: an export of Mali alone is not affected.
    expect((await db.$transaction((tx) => dataVersion(tx, { country: ["MLI"] }))).figuresPending).toBe(0);
    expect((await db.$transaction((tx) => dataVersion(tx, { country: ["NER"] }))).figuresPending).toBe(1);
    // The same in the COPY export of figures.csv.
    const copied = async (country: string) => {
      const opened = await openCopyExport({ ...storedFiguresCopyPlan({ country: [country] }), header: "x" }, url);
      await opened.chunks.return(undefined);
      return opened.dataVersion.figuresPending;
    };
    expect([await copied("NER"), await copied("MLI")]).toEqual([1, 0]);

    void startFigureQueue(url);
    await figureQueueIdle(url);
    const after = await db.$transaction((tx) => dataVersion(tx, {}));
    expect(after.figuresPending).toBe(0);
    expect(dataVersionLabel(after)).not.toContain("figures-pending");
  }, 60_000);

  it("refuses an invalid file at once while another import holds the import lock, and imports the valid rows of a file whose incident_code cell holds junk", async () => {
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    try {
      await holder.query(`SELECT pg_advisory_lock(hashtext('triangulate:import'))`);
      const bad = csv(CLAIMS_COLUMNS, [
        CLAIMS_COLUMNS.map(
          (c) =>
            ({
              incident_code: KOBE,
              metric: "killed",
              category: "civilians",
              value_min: "-1",
              qualifier: "exact",
              statement: "Queue test: a negative count.",
              claimant: "afp",
            })[c as string] ?? "",
        ),
      ]);
      const refused = await importText(db, "claims", bad, { databaseUrl: url });
      expect(refused.imported).toBe(false);
      expect(refused.errors.map((e) => e.column)).toEqual(["value_min"]);
    } finally {
      await holder.end();
    }
    // A NUL character in a code never reaches PostgreSQL: the row is refused, the others imported.
    const text = fileFor(["NER-2024-0001", "NER-2024-0002"], 9).replace("NER-2024-0002", "NER-2024-\u00000002");
    const summary = await importText(db, "claims", text, { databaseUrl: url, validOnly: true });
    expect(summary).toMatchObject({ imported: true, claimsCreated: 1, invalidRows: 1 });
    expect(summary.errors[0]).toMatchObject({ row: 2, column: "incident_code" });
  }, 60_000);

  it("queues the figures of a large ACLED file too: its new incidents show no figure until the worker has run", async () => {
    queueFiguresAbove.incidents = 2;
    const header = "event_id_cnty,event_date,event_type,location,latitude,longitude,fatalities,iso,country";
    const events = [1, 2, 3].map((i) => `QUE${i},2023-04-0${i},Battles,Queue place ${i},14.${i},1.${i},${i * 10},562,Niger`);
    const summary = await importText(db, "acled", [header, ...events].join("\n"), { databaseUrl: url });
    expect(summary).toMatchObject({ imported: true, incidentsCreated: 3, figuresRefreshed: 0, figuresQueued: 3 });
    const created = await db.incident.findMany({
      where: { acledEventId: { in: ["QUE1", "QUE2", "QUE3"] } },
      orderBy: { acledEventId: "asc" },
    });
    expect(created.map((i) => i.headlineBest)).toEqual([null, null, null]);
    expect(await pendingFigureCount(db)).toBe(3);
    await startFigureQueue(url);
    const after = await db.incident.findMany({
      where: { acledEventId: { in: ["QUE1", "QUE2", "QUE3"] } },
      orderBy: { acledEventId: "asc" },
    });
    expect(after.map((i) => i.headlineBest)).toEqual([10, 20, 30]);
  }, 60_000);
});
