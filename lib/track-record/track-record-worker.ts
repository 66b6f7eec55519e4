// Keeps the stored track record current. Triggers (migration *_source_track_record) queue an
// incident in "TrackRecordRefreshRequest" whenever its stored figures, start date, claimants' kinds
// or documents' relays change; the figure worker (lib/figures/figure-queue.ts) calls
// drainTrackRecords after each drain and at every wake-up. Two steps:
// 1. per incident: its comparison rows ("SourceComparison") computed again from its claims with
//    the reconciliation engine (incident-comparisons.ts), and every source whose rows changed
//    queued in "TrackRecordSourceRequest";
// 2. per queued source: its statistics ("SourceTrackRecord") from all its rows, then those of its
//    kind ("SourceKindTrackRecord").
// Several servers may run this: each transaction first takes a transaction-level advisory lock and
// gives up at once when another server holds it, so one drains while the others skip (no
// in-process state; a crash releases the lock with its transaction). Requests made meanwhile are
// new rows, deleted only once served.
import { pushTo } from "./push-to";
import type pg from "pg";
import { withRawTransaction } from "@/lib/db/raw-pg";
import type { EngineClaim } from "@/lib/domain/reconcile";
import type { Assessment, Category, Metric, Qualifier, SourceKind } from "@/lib/domain/vocabularies";
import { toEngineClaim } from "@/lib/figures/engine-input";
import { incidentComparisons, type ComparisonRow } from "./incident-comparisons";
import { groupsOf, groupStats, statsByGroup, type StatRow, type TrackStats } from "./track-record-stats";

/** The advisory lock that makes one server at a time write the track record. */
const LOCK_KEY = "triangulate:track-record";
/** Incidents per transaction (each costs a few engine runs: ~0.2 ms). */
export const TRACK_RECORD_BATCH = 5_000;

async function tryLock(client: pg.ClientBase): Promise<boolean> {
  const { rows } = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked`, [LOCK_KEY]);
  return rows[0]!.locked;
}

const ISO_TIMESTAMP = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;
const day = (text: string | null) => (text === null ? null : new Date(`${text}T00:00:00Z`));

type ClaimRow = {
  id: string;
  incidentId: string;
  metric: Metric;
  category: Category;
  subgroup: string | null;
  valueMin: number;
  valueMax: number | null;
  qualifier: Qualifier;
  statedOn: string | null;
  createdAt: string;
  supersedesId: string | null;
  assessment: Assessment;
  retractedAt: string | null;
  claimantId: string;
  claimantName: string;
  claimantKind: SourceKind;
  claimantIsParty: boolean;
  documentSourceId: string | null;
  relays: string[] | null;
};

/** The claims of these incidents as the engine reads them (through engine-input.ts toEngineClaim, as every figure refresh does). */
export async function loadEngineClaimsRaw(client: pg.ClientBase, incidentIds: readonly string[]): Promise<Map<string, EngineClaim[]>> {
  const { rows } = await client.query<ClaimRow>(
    `SELECT c.id, c."incidentId", c.metric::text AS metric, c.category::text AS category, c.subgroup, c."valueMin", c."valueMax",
            c.qualifier::text AS qualifier, c."statedOn"::text AS "statedOn", to_char(c."createdAt", ${ISO_TIMESTAMP}) AS "createdAt",
            c."supersedesId", c.assessment::text AS assessment, c."retractedAt"::text AS "retractedAt",
            s.id AS "claimantId", s.name AS "claimantName", s.kind::text AS "claimantKind", s."isParty" AS "claimantIsParty",
            d."sourceId" AS "documentSourceId",
            (SELECT array_agg(r."sourceId"::text ORDER BY r."sourceId") FROM "DocumentRelay" r WHERE r."documentId" = c."documentId") AS relays
       FROM "Claim" c JOIN "Source" s ON s.id = c."claimantId" LEFT JOIN "Document" d ON d.id = c."documentId"
      WHERE c."incidentId" = ANY($1::uuid[])`,
    [incidentIds],
  );
  const byIncident = new Map<string, EngineClaim[]>();
  for (const r of rows) {
    const claim = toEngineClaim({
      id: r.id,
      metric: r.metric,
      category: r.category,
      subgroup: r.subgroup,
      valueMin: r.valueMin,
      valueMax: r.valueMax,
      qualifier: r.qualifier,
      statedOn: day(r.statedOn),
      createdAt: new Date(r.createdAt),
      supersedesId: r.supersedesId,
      assessment: r.assessment,
      retractedAt: r.retractedAt === null ? null : new Date(0),
      claimant: { id: r.claimantId, name: r.claimantName, kind: r.claimantKind, isParty: r.claimantIsParty },
      document:
        r.documentSourceId === null ? null : { sourceId: r.documentSourceId, relays: (r.relays ?? []).map((sourceId) => ({ sourceId })) },
    });
    pushTo(byIncident, r.incidentId, claim);
  }
  return byIncident;
}

/**
 * The incident's columns copied onto its track-record rows, named as on "Incident" so the incident
 * filter's SQL reads them as it reads an incident (track-record-queries.ts).
 */
export type IncidentColumns = { countryIso3: string; eventType: string; dateStart: string; dateEnd: string };
export type StoredComparison = ComparisonRow & { incidentId: string } & IncidentColumns;

/** The comparison rows of these incidents, computed from the database as it is now. */
export async function computeComparisons(client: pg.ClientBase, incidentIds: readonly string[]): Promise<StoredComparison[]> {
  const { rows: incidents } = await client.query<{ id: string } & IncidentColumns>(
    `SELECT id, "countryIso3", "eventType", "dateStart"::text AS "dateStart", "dateEnd"::text AS "dateEnd"
       FROM "Incident" WHERE id = ANY($1::uuid[]) AND "mergedIntoId" IS NULL`,
    [incidentIds],
  );
  const claims = await loadEngineClaimsRaw(
    client,
    incidents.map((i) => i.id),
  );
  const rows: StoredComparison[] = [];
  for (const [i, incident] of incidents.entries()) {
    const { id, ...columns } = incident;
    for (const row of incidentComparisons(claims.get(id) ?? [], incident.dateStart)) rows.push({ incidentId: id, ...row, ...columns });
    // The worker runs inside the app server: let requests through between slices of engine runs.
    if (i % 250 === 249) await yieldToRequests();
  }
  return rows;
}

/** One turn of the event loop, so a long computation in the server does not hold requests up. */
const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

const COMPARISON_COLUMNS = `"incidentId", "sourceId", metric, category, value, basis, "othersLow", "othersBest", "othersHigh", "othersSources", "firstValue", revision, "firstStatedOn", "delayDays", "countryIso3", "eventType", "dateStart", "dateEnd"`;

/** Writes comparison rows (one INSERT of arrays, whatever their number). */
export async function insertComparisons(client: pg.ClientBase, rows: readonly StoredComparison[]): Promise<void> {
  if (!rows.length) return;
  const col = <K extends keyof StoredComparison>(key: K) => rows.map((r) => r[key]);
  await client.query(
    `INSERT INTO "SourceComparison" (${COMPARISON_COLUMNS})
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::"Metric"[], $4::"Category"[], $5::float8[], $6::"FigureBasis"[], $7::int[], $8::int[], $9::int[], $10::int[],
                          $11::float8[], $12::"Revision"[], $13::date[], $14::int[], $15::bpchar[], $16::text[], $17::date[], $18::date[])`,
    [
      col("incidentId"),
      col("sourceId"),
      col("metric"),
      col("category"),
      col("value"),
      col("basis"),
      col("othersLow"),
      col("othersBest"),
      col("othersHigh"),
      col("othersSources"),
      col("firstValue"),
      col("revision"),
      col("firstStatedOn"),
      col("delayDays"),
      col("countryIso3"),
      col("eventType"),
      col("dateStart"),
      col("dateEnd"),
    ],
  );
}

/** Counts the standing claims of each source on these incidents afresh ("SourceIncident"), with the incidents' columns. */
async function replaceSourceIncidents(client: pg.ClientBase, incidentIds: readonly string[]): Promise<void> {
  await client.query(`DELETE FROM "SourceIncident" WHERE "incidentId" = ANY($1::uuid[])`, [incidentIds]);
  await client.query(
    `INSERT INTO "SourceIncident" ("sourceId", "incidentId", claims, "countryIso3", "eventType", "dateStart", "dateEnd")
     SELECT c."claimantId", i.id, count(*)::int, i."countryIso3", i."eventType", i."dateStart", i."dateEnd"
       FROM "Claim" c JOIN "Incident" i ON i.id = c."incidentId"
      WHERE c."incidentId" = ANY($1::uuid[]) AND c."retractedAt" IS NULL AND i."mergedIntoId" IS NULL
      GROUP BY c."claimantId", i.id`,
    [incidentIds],
  );
}

export type TrackRecordBatch = { requests: number; incidents: number; sources: number };

/** Step 1 for up to `limit` queued requests, in one transaction; null when another server holds the lock. */
export async function refreshTrackRecordBatch(url: string | undefined, limit = TRACK_RECORD_BATCH): Promise<TrackRecordBatch | null> {
  return withRawTransaction(
    async (client) => {
      if (!(await tryLock(client))) return null;
      const { rows: requests } = await client.query<{ id: string; incidentId: string }>(
        `SELECT id::text, "incidentId" FROM "TrackRecordRefreshRequest" ORDER BY id LIMIT $1`,
        [limit],
      );
      if (!requests.length) return { requests: 0, incidents: 0, sources: 0 };
      const incidentIds = [...new Set(requests.map((r) => r.incidentId))];
      const rows = await computeComparisons(client, incidentIds);
      const { rows: before } = await client.query<{ sourceId: string }>(
        `DELETE FROM "SourceComparison" WHERE "incidentId" = ANY($1::uuid[]) RETURNING "sourceId"`,
        [incidentIds],
      );
      await insertComparisons(client, rows);
      await replaceSourceIncidents(client, incidentIds);
      // Every source that had or has a row here: its statistics may have moved. And every claimant
      // of these incidents, whether or not its claims count (retracted, not credible): its claims
      // per month may have moved (an incident's start, a claim moved by a merge).
      const { rows: claimants } = await client.query<{ sourceId: string }>(
        `SELECT DISTINCT "claimantId" AS "sourceId" FROM "Claim" WHERE "incidentId" = ANY($1::uuid[])`,
        [incidentIds],
      );
      const sources = [...new Set([...before, ...rows, ...claimants].map((r) => r.sourceId))];
      if (sources.length) await client.query(`INSERT INTO "TrackRecordSourceRequest" ("sourceId") SELECT unnest($1::uuid[])`, [sources]);
      await client.query(`DELETE FROM "TrackRecordRefreshRequest" WHERE id = ANY($1::bigint[])`, [requests.map((r) => r.id)]);
      return { requests: requests.length, incidents: incidentIds.length, sources: sources.length };
    },
    { url, begin: "BEGIN ISOLATION LEVEL READ COMMITTED" },
  );
}

const STAT_COLUMNS = `incidents, compared, lower, within, higher, "openEnded", midpoints, "ratioN", "ratioMedian", "ratioLow", "ratioHigh", revised, "revisedUp", "revisedDown", "medianDelayDays"`;
const STAT_TYPES = ["int", "int", "int", "int", "int", "int", "int", "int", "float8", "float8", "float8", "int", "int", "int", "float8"];

/** The columns of "SourceComparison" (aliased `a`) that the statistics read. */
export const statRowSql = (a: string) =>
  `${a}.metric::text AS metric, ${a}.category::text AS category, ${a}.value, ${a}.basis::text AS basis, ${a}."othersLow", ${a}."othersBest", ${a}."othersHigh", ${a}.revision::text AS revision, ${a}."delayDays"`;

type GroupedRow = StatRow & { metric: Metric; category: Category };
type StatsRecord = { key: string; metric: Metric; category: Category; stats: TrackStats };

function statValues(stats: TrackStats): unknown[] {
  return [
    stats.incidents,
    stats.compared,
    stats.lower,
    stats.within,
    stats.higher,
    stats.openEnded,
    stats.midpoints,
    stats.ratioN,
    stats.ratio?.median ?? null,
    stats.ratio?.low ?? null,
    stats.ratio?.high ?? null,
    stats.revised,
    stats.revisedUp,
    stats.revisedDown,
    stats.medianDelayDays,
  ];
}

/** Counts the standing claims of these sources per month of their incidents' start, afresh. */
async function replaceClaimMonths(client: pg.ClientBase, sourceIds: string[]): Promise<void> {
  await client.query(`DELETE FROM "SourceClaimMonth" WHERE "sourceId" = ANY($1::uuid[])`, [sourceIds]);
  await client.query(
    `INSERT INTO "SourceClaimMonth" ("sourceId", month, claims)
     SELECT c."claimantId", date_trunc('month', i."dateStart")::date, count(*)::int
       FROM "Claim" c JOIN "Incident" i ON i.id = c."incidentId"
      WHERE c."claimantId" = ANY($1::uuid[]) AND c."retractedAt" IS NULL AND i."mergedIntoId" IS NULL
      GROUP BY 1, 2`,
    [sourceIds],
  );
}

/** Replaces the statistics of every key in `keys` by `records`: one DELETE and one INSERT of arrays. */
async function replaceStats(
  client: pg.ClientBase,
  table: "SourceTrackRecord" | "SourceKindTrackRecord",
  keyColumn: string,
  keyType: string,
  keys: string[],
  records: StatsRecord[],
): Promise<void> {
  await client.query(`DELETE FROM "${table}" WHERE "${keyColumn}" = ANY($1::${keyType}[])`, [keys]);
  if (!records.length) return;
  const values = records.map((r) => statValues(r.stats));
  const columns = [
    records.map((r) => r.key),
    records.map((r) => r.metric),
    records.map((r) => r.category),
    ...STAT_TYPES.map((_, i) => values.map((v) => v[i])),
  ];
  const types = [keyType, '"Metric"', '"Category"', ...STAT_TYPES];
  await client.query(
    `INSERT INTO "${table}" ("${keyColumn}", metric, category, ${STAT_COLUMNS}) SELECT * FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(", ")})`,
    columns,
  );
}

/**
 * Step 2: the statistics of every queued source and of their kinds; null when another server holds
 * the lock. Kind by kind: the rows of every source of the kind are read once (ordered by source),
 * giving both the kind's statistics and those of its queued sources.
 */
export async function refreshTrackRecordAggregates(url: string | undefined): Promise<{ sources: number; kinds: number } | null> {
  return withRawTransaction(
    async (client) => {
      if (!(await tryLock(client))) return null;
      const { rows: requests } = await client.query<{ id: string; sourceId: string | null; kind: SourceKind | null }>(
        `SELECT id::text, "sourceId", kind::text AS kind FROM "TrackRecordSourceRequest" ORDER BY id`,
      );
      if (!requests.length) return { sources: 0, kinds: 0 };
      const sourceIds = [...new Set(requests.flatMap((r) => (r.sourceId ? [r.sourceId] : [])))];
      const { rows: sources } = await client.query<{ id: string; kind: SourceKind }>(
        `SELECT id, kind::text AS kind FROM "Source" WHERE id = ANY($1::uuid[])`,
        [sourceIds],
      );
      const queued = new Set(sources.map((s) => s.id));
      const kinds = [...new Set([...sources.map((s) => s.kind), ...requests.flatMap((r) => (r.kind ? [r.kind] : []))])];
      const sourceRecords: StatsRecord[] = [];
      const kindRecords: StatsRecord[] = [];
      for (const kind of kinds) {
        const { rows } = await client.query<GroupedRow & { sourceId: string }>(
          `SELECT sc."sourceId", ${statRowSql("sc")} FROM "SourceComparison" sc JOIN "Source" s ON s.id = sc."sourceId" WHERE s.kind = $1::"SourceKind"`,
          [kind],
        );
        const bySource = new Map<string, GroupedRow[]>();
        for (const row of rows) if (queued.has(row.sourceId)) pushTo(bySource, row.sourceId, row);
        for (const [sourceId, list] of bySource) {
          sourceRecords.push(...statsByGroup(list).map((g) => ({ key: sourceId, ...g })));
          await yieldToRequests();
        }
        // A kind's rows (~257,000 at 1M incidents) took 340–470 ms in one block: a group at a time,
        // with requests served in between (docs/performance.md, "Run K").
        for (const group of groupsOf(rows)) {
          kindRecords.push({ key: kind, ...groupStats(group) });
          await yieldToRequests();
        }
      }
      // Queued sources without rows (or deleted) lose their statistics.
      await replaceStats(client, "SourceTrackRecord", "sourceId", "uuid", sourceIds, sourceRecords);
      await replaceClaimMonths(client, sourceIds);
      await replaceStats(client, "SourceKindTrackRecord", "kind", '"SourceKind"', kinds, kindRecords);
      await client.query(`DELETE FROM "TrackRecordSourceRequest" WHERE id = ANY($1::bigint[])`, [requests.map((r) => r.id)]);
      return { sources: sources.length, kinds: kinds.length };
    },
    { url, begin: "BEGIN ISOLATION LEVEL READ COMMITTED" },
  );
}

/** Serves every queued request (both steps); returns at once when another server is at it. Throws on failure (the caller logs it). */
export async function drainTrackRecords(url?: string): Promise<void> {
  for (;;) {
    const batch = await refreshTrackRecordBatch(url);
    if (!batch) return;
    if (!batch.requests) break;
  }
  await refreshTrackRecordAggregates(url);
}
