// The stored track record (lib/track-record) follows claim changes through the triggers and the
// worker, and always equals a recompute from scratch.
import { pushTo } from "@/lib/track-record/push-to";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import pg from "pg";
import { addClaim, assessClaim, retractClaim, supersedeClaim } from "@/lib/claims/claim-commands";
import { createPrismaClient, type Db } from "@/lib/db";
import { withRawTransaction } from "@/lib/db/raw-pg";
import { seedKobe } from "@/lib/seed/seed-database";
import { GRADINGS, type Category, type Metric } from "@/lib/domain/vocabularies";
import { statsByGroup, type TrackStats } from "@/lib/track-record/track-record-stats";
import { computeComparisons, drainTrackRecords, refreshTrackRecordBatch } from "@/lib/track-record/track-record-worker";
import {
  claimsPerMonth,
  SCATTER_LIMIT,
  sourcePageTrackRecord,
  sourceTrackRecord,
  type ScatterPoint,
} from "@/lib/track-record/track-record-queries";
import { incidentFilterSql } from "@/lib/incidents/incident-filter-sql";
import type { IncidentFilter } from "@/lib/validation/incident-filter";
import { createDatabase } from "./test-database";
import { TrackRecordSchema } from "@/lib/api-docs/api-schemas";
import { GET as trackRecordGet } from "@/app/api/sources/[slug]/track-record/route";
import { exportManifest } from "@/lib/export/export-response";
import { openExport } from "@/lib/export/export-registry";

// The read modules are server-only; here they run in the test process.
vi.mock("server-only", () => ({}));

let db: Db;
let url: string;
beforeAll(async () => {
  url = (await createDatabase()).url;
  // The route reads through the app's client (DATABASE_URL).
  process.env.DATABASE_URL = url;
  db = createPrismaClient(url);
  await seedKobe(db);
  // Six more incidents where HRW and the government both give a figure: enough for a ratio.
  const hrw = await db.source.findUniqueOrThrow({ where: { slug: "hrw" } });
  const gov = await db.source.findUniqueOrThrow({ where: { slug: "mali-government" } });
  for (let i = 1; i <= 6; i++) {
    const code = `MLI-2024-01${String(i).padStart(2, "0")}`;
    await db.incident.create({
      data: {
        code,
        title: `Test incident ${i}`,
        dateStart: new Date(`2024-03-0${i}`),
        dateEnd: new Date(`2024-03-0${i}`),
        placeName: "Gao",
        countryIso3: "MLI",
        latitude: 16.27,
        longitude: -0.04,
        eventType: "Violence against civilians",
      },
    });
    const statement = (n: number) => `Test statement: ${n} civilians were killed.`;
    await addClaim(
      db,
      {
        incidentCode: code,
        claimantId: hrw.id,
        metric: "killed",
        category: "civilians",
        valueMin: 10 * i,
        valueMax: 10 * i,
        qualifier: "exact",
        statement: statement(10 * i),
        statedOn: `2024-03-${String(10 + i)}`,
      },
      null,
    );
    await addClaim(
      db,
      {
        incidentCode: code,
        claimantId: gov.id,
        metric: "killed",
        category: "civilians",
        valueMin: 6 * i,
        valueMax: 6 * i,
        qualifier: "exact",
        statement: statement(6 * i),
        statedOn: `2024-03-0${i}`,
      },
      null,
    );
  }
});
afterAll(async () => {
  await db.$disconnect();
});

type StoredStats = { sourceId: string; metric: Metric; category: Category; stats: TrackStats };

async function storedStats(): Promise<StoredStats[]> {
  const rows = await db.sourceTrackRecord.findMany({ orderBy: [{ sourceId: "asc" }, { metric: "asc" }, { category: "asc" }] });
  return rows.map((r) => ({
    sourceId: r.sourceId,
    metric: r.metric,
    category: r.category,
    stats: {
      incidents: r.incidents,
      compared: r.compared,
      lower: r.lower,
      within: r.within,
      higher: r.higher,
      openEnded: r.openEnded,
      midpoints: r.midpoints,
      ratioN: r.ratioN,
      ratio: r.ratioMedian === null ? null : { median: r.ratioMedian, low: r.ratioLow!, high: r.ratioHigh! },
      revised: r.revised,
      revisedUp: r.revisedUp,
      revisedDown: r.revisedDown,
      medianDelayDays: r.medianDelayDays,
    },
  }));
}

/** The statistics computed from scratch: every incident's comparisons, then each source's statistics. */
async function recomputed(): Promise<StoredStats[]> {
  const rows = await withRawTransaction(
    async (client) => {
      const { rows: incidents } = await client.query<{ id: string }>(`SELECT id FROM "Incident"`);
      return computeComparisons(
        client,
        incidents.map((i) => i.id),
      );
    },
    { url },
  );
  const bySource = new Map<string, typeof rows>();
  for (const row of rows) pushTo(bySource, row.sourceId, row);
  const order = (m: Metric, c: Category) =>
    `${["killed", "injured", "killed_or_injured", "missing", "abducted"].indexOf(m)}:${["civilians", "security_forces", "attackers", "unspecified"].indexOf(c)}`;
  return [...bySource.entries()]
    .flatMap(([sourceId, list]) => statsByGroup(list).map((g) => ({ sourceId, ...g })))
    .sort((a, b) =>
      a.sourceId < b.sourceId ? -1 : a.sourceId > b.sourceId ? 1 : order(a.metric, a.category) < order(b.metric, b.category) ? -1 : 1,
    );
}

/** Claims per source and month as stored by the worker, and as counted from the claims now. */
async function claimMonths() {
  const stored = await db.$queryRaw<{ sourceId: string; month: string; claims: number }[]>`
    SELECT "sourceId"::text, to_char(month, 'YYYY-MM') AS month, claims FROM "SourceClaimMonth" WHERE claims > 0 ORDER BY 1, 2`;
  const counted = await db.$queryRaw<{ sourceId: string; month: string; claims: number }[]>`
    SELECT c."claimantId"::text AS "sourceId", to_char(i."dateStart", 'YYYY-MM') AS month, count(*)::int AS claims
      FROM "Claim" c JOIN "Incident" i ON i.id = c."incidentId"
     WHERE c."retractedAt" IS NULL AND i."mergedIntoId" IS NULL GROUP BY 1, 2 ORDER BY 1, 2`;
  return { stored, counted };
}

/** The source's claims per incident as stored, and as counted from the claims and their incidents now. */
async function sourceIncidents() {
  const columns = `"countryIso3", "eventType", "dateStart"::text, "dateEnd"::text`;
  const stored = await db.$queryRawUnsafe<unknown[]>(
    `SELECT "sourceId"::text, "incidentId"::text, claims, ${columns} FROM "SourceIncident" ORDER BY 1, 2`,
  );
  const counted = await db.$queryRawUnsafe<unknown[]>(
    `SELECT c."claimantId"::text AS "sourceId", i.id::text AS "incidentId", count(*)::int AS claims, ${columns.replace(/"(\w+)"/g, 'i."$1"')}
       FROM "Claim" c JOIN "Incident" i ON i.id = c."incidentId" WHERE c."retractedAt" IS NULL AND i."mergedIntoId" IS NULL
      GROUP BY c."claimantId", i.id ORDER BY 1, 2`,
  );
  return { stored, counted };
}

/** The scatter's points read the plain way, for reference: every compared row joined to its incident. */
async function scatterPoints(sourceId: string, metric: Metric, category: Category, filter: IncidentFilter): Promise<ScatterPoint[]> {
  return db.$queryRaw<ScatterPoint[]>`
    SELECT i.code, i.title, i."dateStart"::text AS "dateStart", sc.value, sc.basis::text AS basis, sc."othersLow", sc."othersBest", sc."othersHigh"
      FROM "SourceComparison" sc JOIN "Incident" i ON i.id = sc."incidentId"
     WHERE sc."sourceId" = ${sourceId}::uuid AND sc.metric = ${metric}::"Metric" AND sc.category = ${category}::"Category" AND sc."othersBest" IS NOT NULL
       AND ${incidentFilterSql(filter)}
     ORDER BY i."dateStart" DESC, i.code LIMIT ${SCATTER_LIMIT}`;
}

async function expectStoredEqualsRecompute() {
  expect(await storedStats()).toEqual(await recomputed());
  const { stored, counted } = await claimMonths();
  expect(stored).toEqual(counted);
  const perIncident = await sourceIncidents();
  expect(perIncident.stored.length).toBeGreaterThan(0);
  expect(perIncident.stored).toEqual(perIncident.counted);
  // Every comparison row carries its incident's columns as they are now.
  const [copies] = await db.$queryRaw<{ stale: number }[]>`
    SELECT count(*)::int AS stale FROM "SourceComparison" sc JOIN "Incident" i ON i.id = sc."incidentId"
     WHERE (sc."countryIso3", sc."eventType", sc."dateStart", sc."dateEnd") IS DISTINCT FROM (i."countryIso3", i."eventType", i."dateStart", i."dateEnd")`;
  expect(copies?.stale).toBe(0);
}

async function storedComparisonCount() {
  return db.sourceComparison.count();
}

async function statsOf(slug: string, metric: Metric = "killed", category: Category = "civilians") {
  const source = await db.source.findUniqueOrThrow({ where: { slug } });
  return (await storedStats()).find((s) => s.sourceId === source.id && s.metric === metric && s.category === category)?.stats;
}

async function pendingRequests() {
  return (await db.trackRecordRefreshRequest.count()) + (await db.trackRecordSourceRequest.count());
}

describe("stored track record", () => {
  it("is queued by the figures' triggers and, once drained, equals a recompute", async () => {
    expect(await db.trackRecordRefreshRequest.count()).toBeGreaterThan(0);
    await drainTrackRecords(url);
    expect(await pendingRequests()).toBe(0);
    expect(await storedComparisonCount()).toBeGreaterThan(0);
    await expectStoredEqualsRecompute();
    // The government is lower than HRW on all 7 incidents (Kobé 25 vs 34, then 6i vs 10i): a ratio from 5 on.
    const gov = await statsOf("mali-government");
    expect(gov).toMatchObject({ compared: 7, lower: 7, within: 0, higher: 0 });
    expect(gov!.ratio!.median).toBeCloseTo(0.6);
    // Kobé's attackers figure is the government's alone: counted, not compared.
    expect(await statsOf("mali-government", "killed", "attackers")).toMatchObject({ incidents: 1, compared: 0, ratio: null });
  });

  it("follows an added claim", async () => {
    const afp = await db.source.findUniqueOrThrow({ where: { slug: "afp" } });
    await addClaim(
      db,
      {
        incidentCode: "MLI-2024-0101",
        claimantId: afp.id,
        metric: "killed",
        category: "civilians",
        valueMin: 8,
        valueMax: 8,
        qualifier: "exact",
        statement: "Test statement: 8 civilians were killed.",
      },
      null,
    );
    expect(await db.trackRecordRefreshRequest.count()).toBeGreaterThan(0);
    await drainTrackRecords(url);
    await expectStoredEqualsRecompute();
    // AFP's 8 against the others (HRW 10 and the government 6, best 10 by source priority): within.
    expect(await statsOf("afp")).toMatchObject({ compared: 1, within: 1 });
  });

  it("follows a superseded claim, and records the revision's direction", async () => {
    const incident = await db.incident.findUniqueOrThrow({ where: { code: "MLI-2025-0001" } });
    const old = await db.claim.findFirstOrThrow({
      where: { incidentId: incident.id, claimant: { slug: "mali-government" }, metric: "killed", category: "civilians" },
    });
    await supersedeClaim(
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
    await drainTrackRecords(url);
    await expectStoredEqualsRecompute();
    expect(await statsOf("mali-government")).toMatchObject({ revised: 1, revisedUp: 1, revisedDown: 0 });
    const row = await db.sourceComparison.findFirstOrThrow({
      where: { incidentId: incident.id, metric: "killed", category: "civilians", sourceId: old.claimantId },
    });
    expect(row).toMatchObject({ value: 32, firstValue: 25, revision: "up", othersBest: 34 });
  });

  it("follows a retracted claim and an assessment", async () => {
    const hrwClaim = await db.claim.findFirstOrThrow({ where: { incident: { code: "MLI-2024-0106" }, claimant: { slug: "hrw" } } });
    await retractClaim(db, { claimId: hrwClaim.id, expectedVersion: hrwClaim.version, reason: "Entered on the wrong incident." }, null);
    await drainTrackRecords(url);
    await expectStoredEqualsRecompute();
    expect(await statsOf("mali-government")).toMatchObject({ compared: 6 });

    const govClaim = await db.claim.findFirstOrThrow({
      where: { incident: { code: "MLI-2024-0105" }, claimant: { slug: "mali-government" } },
    });
    await assessClaim(
      db,
      {
        claimId: govClaim.id,
        expectedVersion: govClaim.version,
        assessment: "not_credible",
        reason: "Contradicted by the hospital's list.",
      },
      null,
    );
    await drainTrackRecords(url);
    await expectStoredEqualsRecompute();
    // Five compared incidents left for the government, no more on 0105 for HRW either.
    expect(await statsOf("mali-government")).toMatchObject({ compared: 5, lower: 5 });
    expect(await db.sourceComparison.count({ where: { incidentId: govClaim.incidentId, sourceId: govClaim.claimantId } })).toBe(0);
  });

  it("claims over time follow an incident's new start date, and the source page reads them stored", async () => {
    const hrw = await db.source.findUniqueOrThrow({ where: { slug: "hrw" } });
    const before = await claimsPerMonth(db, hrw.id, {});
    expect(before.map((m) => m.month)).toContain("2024-03");
    await db.incident.update({
      where: { code: "MLI-2024-0101" },
      data: { dateStart: new Date("2023-07-01"), dateEnd: new Date("2023-07-01") },
    });
    await drainTrackRecords(url);
    await expectStoredEqualsRecompute();
    const after = await claimsPerMonth(db, hrw.id, {});
    expect(after.find((m) => m.month === "2023-07")?.claims).toBe(1);
    expect(after.find((m) => m.month === "2024-03")!.claims).toBe(before.find((m) => m.month === "2024-03")!.claims - 1);
    // A filter counts from the claims themselves, and agrees.
    expect(await claimsPerMonth(db, hrw.id, { country: ["MLI"] })).toEqual(after);
  });

  it("a source page reads its statistics and scatter together, filtered or not, as the separate reads give them", async () => {
    const hrw = await db.source.findUniqueOrThrow({ where: { slug: "hrw" } });
    for (const filter of [{}, { country: ["MLI"] }, { country: ["MLI"], from: "2024-03-03" }]) {
      const page = await sourcePageTrackRecord(db, hrw.id, filter, {});
      expect(page.groups).toEqual(await sourceTrackRecord(db, hrw.id, filter));
      // Unasked, the scatter shows the group with the most compared incidents: killed civilians here.
      expect(page.chosen).toMatchObject({ metric: "killed", category: "civilians" });
      const expected = await scatterPoints(hrw.id, "killed", "civilians", filter);
      expect(expected.length).toBeGreaterThan(0);
      expect(page.points).toEqual(expected);
    }
    // From 3 March 2024, most recent first, with their titles (5 and 6 lost the government's
    // figure in the tests above, so nothing compares there).
    const from3 = await sourcePageTrackRecord(db, hrw.id, { country: ["MLI"], from: "2024-03-03" }, {});
    expect(from3.points.map((p) => p.title)).toEqual(["Attack on a civilian convoy near Kobé", "Test incident 4", "Test incident 3"]);
    // Country, dates and event type are read from the rows' own copies of their incident's columns;
    // a filter key beyond those joins the incidents. Every grading selects the same incidents, so
    // both ways must agree.
    for (const filter of [
      { country: ["MLI"] },
      { country: ["MLI"], from: "2024-03-03", to: "2025-12-31" },
      { eventType: ["Violence against civilians"] },
    ]) {
      const joined = { ...filter, grading: [...GRADINGS] };
      const [own, viaIncidents] = [
        await sourcePageTrackRecord(db, hrw.id, filter, {}),
        await sourcePageTrackRecord(db, hrw.id, joined, {}),
      ];
      expect(own.groups.length).toBeGreaterThan(0);
      expect(own).toEqual(viaIncidents);
      expect(await sourceTrackRecord(db, hrw.id, filter)).toEqual(await sourceTrackRecord(db, hrw.id, joined));
      const months = await claimsPerMonth(db, hrw.id, filter);
      expect(months.length).toBeGreaterThan(0);
      expect(months).toEqual(await claimsPerMonth(db, hrw.id, joined));
    }
    // A group asked for by name is the one shown, even a smaller one.
    const injured = await sourcePageTrackRecord(db, hrw.id, { country: ["MLI"] }, { metric: "injured", category: "civilians" });
    expect(injured.chosen).toMatchObject({ metric: "injured", category: "civilians" });
    expect(injured.points).toEqual(await scatterPoints(hrw.id, "injured", "civilians", { country: ["MLI"] }));
  });

  it("the copies of an incident's country and event type follow its edits", async () => {
    const hrw = await db.source.findUniqueOrThrow({ where: { slug: "hrw" } });
    const battles = { eventType: ["Battles"] };
    expect((await sourcePageTrackRecord(db, hrw.id, battles, {})).groups).toEqual([]);
    await db.incident.update({ where: { code: "MLI-2024-0104" }, data: { eventType: "Battles", countryIso3: "NER" } });
    expect(await pendingRequests()).toBeGreaterThan(0);
    await drainTrackRecords(url);
    const page = await sourcePageTrackRecord(db, hrw.id, battles, {});
    expect(page.points.map((p) => p.code)).toEqual(["MLI-2024-0104"]);
    expect(await claimsPerMonth(db, hrw.id, battles)).toEqual([{ month: "2024-03", claims: 1 }]);
    expect(await claimsPerMonth(db, hrw.id, { country: ["NER"] })).toEqual([{ month: "2024-03", claims: 1 }]);
    expect((await sourcePageTrackRecord(db, hrw.id, { country: ["MLI"] }, {})).points.map((p) => p.code)).not.toContain("MLI-2024-0104");
    await expectStoredEqualsRecompute();
    // Back as it was, for the tests below.
    await db.incident.update({ where: { code: "MLI-2024-0104" }, data: { eventType: "Violence against civilians", countryIso3: "MLI" } });
    await drainTrackRecords(url);
    expect((await sourcePageTrackRecord(db, hrw.id, battles, {})).groups).toEqual([]);
  });

  it("a source's kind change queues its incidents and moves it between kinds", async () => {
    await db.source.update({ where: { slug: "afp" }, data: { kind: "international_media" } });
    expect(await db.trackRecordSourceRequest.count({ where: { kind: "wire_agency" } })).toBe(1);
    await drainTrackRecords(url);
    await expectStoredEqualsRecompute();
    expect(await db.sourceKindTrackRecord.count({ where: { kind: "wire_agency" } })).toBe(0);
    expect(await db.sourceKindTrackRecord.count({ where: { kind: "international_media" } })).toBeGreaterThan(0);
  });

  it("only one server drains at a time: a second one skips while the lock is held", async () => {
    const hrw = await db.source.findUniqueOrThrow({ where: { slug: "hrw" } });
    await addClaim(
      db,
      {
        incidentCode: "MLI-2024-0102",
        claimantId: hrw.id,
        metric: "injured",
        category: "civilians",
        valueMin: 3,
        valueMax: 3,
        qualifier: "exact",
        statement: "Test statement: 3 civilians were injured.",
      },
      null,
    );
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    try {
      await other.query(`BEGIN; SELECT pg_advisory_xact_lock(hashtext('triangulate:track-record'))`);
      expect(await refreshTrackRecordBatch(url)).toBeNull();
      expect(await db.trackRecordRefreshRequest.count()).toBeGreaterThan(0);
      await other.query("COMMIT");
    } finally {
      await other.end();
    }
    await drainTrackRecords(url);
    expect(await pendingRequests()).toBe(0);
    await expectStoredEqualsRecompute();
  });
});

describe("reading the stored track record", () => {
  const get = (slug: string, query = "") =>
    trackRecordGet(new Request(`http://localhost/api/sources/${slug}/track-record${query}`), { params: Promise.resolve({ slug }) });

  it("GET /api/sources/{slug}/track-record matches its documented schema, filtered or not", async () => {
    await drainTrackRecords(url);
    const all = TrackRecordSchema.parse(await (await get("mali-government")).json());
    const stored = await statsOf("mali-government");
    const killed = all.items.find((i) => i.metric === "killed" && i.category === "civilians")!;
    expect(killed).toMatchObject({ compared: stored!.compared, lower: stored!.lower, ratio: stored!.ratio });
    // Filtered to 2024, Kobé (2025) drops out; the statistics are summed from the stored rows.
    const in2024 = TrackRecordSchema.parse(await (await get("mali-government", "?to=2024-12-31&country=MLI")).json());
    expect(in2024.filter).toBe("to=2024-12-31&country=MLI");
    const killed2024 = in2024.items.find((i) => i.metric === "killed" && i.category === "civilians")!;
    expect(killed2024.compared).toBe(stored!.compared - 1);
    expect(in2024.items.some((i) => i.category === "attackers")).toBe(false);
    // A filter that keeps everything gives exactly the stored numbers.
    const everything = TrackRecordSchema.parse(await (await get("mali-government", "?from=1900-01-01")).json());
    expect(everything.items).toEqual(all.items);
  });

  it("answers 404 for an unknown source and 400 naming a bad parameter", async () => {
    expect((await get("no-such-source")).status).toBe(404);
    const bad = await get("hrw", "?from=2025-02-30");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields).toHaveProperty("from");
    expect((await get("hrw", "?sort=newest")).status).toBe(400);
  });

  it("sources.csv writes one row per source × metric × category, the same filtered as stored", async () => {
    const text = async (query: { from?: string }) => {
      const opened = await openExport(db, "sources.csv", query, null, { databaseUrl: url });
      let out = "";
      for await (const chunk of opened.chunks) out += Buffer.from(chunk.bytes).toString("utf8");
      return out;
    };
    const stored = await text({});
    const rows = stored.trim().split("\r\n");
    expect(rows[0]!.split(",")).toHaveLength(22);
    expect(rows.length - 1).toBe(await db.sourceTrackRecord.count());
    expect(await text({ from: "1900-01-01" })).toBe(stored);
    const manifest = await exportManifest(db, "sources.csv", {}, null);
    expect(manifest.rows).toBe(rows.length - 1);
    expect(manifest.method).toContain("leave-one-out");
  });
});
