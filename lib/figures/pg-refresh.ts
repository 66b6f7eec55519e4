// Refreshes the stored figures of many incidents on a direct pg connection (the claims import's
// transaction, the figure queue's worker), reading and writing with a handful of set-based
// statements whatever the number of incidents: the incidents are staged in a temporary table, their claims, decisions and stored
// figures come out with one COPY or query each, the engine runs here, and the changes go back
// with COPY (new figures, revisions) and one UPDATE … FROM a staged table each (changed figures,
// incident headlines: statement-level triggers on "Incident" fire once per plan written).
//
// What is written is exactly what refresh-figures.ts writes: the engine input is built as
// engine-input.ts builds it (toEngineClaim), the decisions are the latest non-withdrawn ones, and
// the plan is figure-plan.ts's. tests/db/bulk-refresh.test.ts and import-refresh.test.ts check the
// rows against the one-by-one refresh.
import "server-only";
import type pg from "pg";
import type { EngineClaim } from "@/lib/domain/reconcile";
import type { Assessment, Category, Method, Metric, Qualifier, SourceKind } from "@/lib/domain/vocabularies";
import { editorDecisionOf } from "./engine-input";
import { planRefresh, type FigureRefreshPlan, type IncidentDecisions, type StoredFigure } from "./figure-plan";
import { copyRowsIn, copyRowsOut } from "@/lib/db/pg-copy";
import { stepTimer } from "@/lib/db/step-timer";

/** How Prisma reads a TIMESTAMP(3): as UTC, written back by toISOString(). */
const ISO_TIMESTAMP = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

type Claimant = EngineClaim["claimant"];

/** The elements of an array in COPY text form whose elements never need quotes (uuids, enum labels). */
function plainArray(text: string | null): string[] {
  if (text === null || text === "{}") return [];
  return text.slice(1, -1).split(",");
}

const int = (text: string | null) => (text === null ? null : Number(text));

/** A temporary table of incident ids (gone at commit or rollback): the join key of every read below. */
async function stageIncidents(client: pg.ClientBase, table: string, ids: readonly string[]): Promise<void> {
  await client.query(`DROP TABLE IF EXISTS "${table}"`);
  await client.query(`CREATE TEMP TABLE "${table}" (id uuid PRIMARY KEY) ON COMMIT DROP`);
  await copyRowsIn(
    client,
    table,
    ["id"],
    ids.map((id) => [id]),
  );
  await client.query(`ANALYZE "${table}"`);
}

/** Locks the staged incidents in id order (as refreshIncidentFigures locks its one), so a concurrent refresh waits for us. */
async function lockIncidents(client: pg.ClientBase, table: string): Promise<void> {
  await client.query(`SELECT 1 FROM "Incident" i WHERE i.id IN (SELECT id FROM "${table}") ORDER BY i.id FOR UPDATE`);
}

/** Every source, as the engine sees a claimant. (Sources are few: hundreds, not millions.) */
async function loadClaimants(client: pg.ClientBase): Promise<Map<string, Claimant>> {
  const { rows } = await client.query<{ id: string; name: string; kind: SourceKind; isParty: boolean }>(
    `SELECT id, name, kind::text AS kind, "isParty" FROM "Source"`,
  );
  return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, kind: r.kind, isParty: r.isParty }]));
}

/**
 * The claims of the staged incidents as the engine reads them (engine-input.ts `toEngineClaim`):
 * relayed sources only when the claimant publishes the document itself.
 */
async function loadEngineClaimsOf(
  client: pg.ClientBase,
  table: string,
  claimants: Map<string, Claimant>,
): Promise<Map<string, EngineClaim[]>> {
  const byIncident = new Map<string, EngineClaim[]>();
  await copyRowsOut(
    client,
    `SELECT c.id, c."incidentId", c."claimantId", c.metric, c.category, c.subgroup, c."valueMin", c."valueMax", c.qualifier,
            to_char(c."statedOn", 'YYYY-MM-DD'), to_char(c."createdAt", ${ISO_TIMESTAMP}), c."supersedesId", c.assessment, c."retractedAt" IS NOT NULL,
            CASE WHEN d."sourceId" = c."claimantId" THEN (SELECT array_agg(r."sourceId") FROM "DocumentRelay" r WHERE r."documentId" = d.id) END
       FROM "Claim" c JOIN "${table}" t ON t.id = c."incidentId" LEFT JOIN "Document" d ON d.id = c."documentId"`,
    (f) => {
      const claimant = claimants.get(f[2]!);
      if (!claimant) throw new Error(`claim ${f[0]} names a source this connection does not know (${f[2]})`);
      const claim: EngineClaim = {
        id: f[0]!,
        metric: f[3] as Metric,
        category: f[4] as Category,
        subgroup: f[5] ?? null,
        valueMin: Number(f[6]),
        valueMax: int(f[7] ?? null),
        qualifier: f[8] as Qualifier,
        statedOn: f[9] ?? null,
        createdAt: f[10]!,
        claimant,
        relaysSourceIds: plainArray(f[14] ?? null),
        supersedesId: f[11] ?? null,
        assessment: f[12] as Assessment,
        retracted: f[13] === "t",
      };
      const incidentId = f[1]!;
      let list = byIncident.get(incidentId);
      if (!list) byIncident.set(incidentId, (list = []));
      list.push(claim);
    },
  );
  return byIncident;
}

/** The latest non-withdrawn decision per staged incident and group (as engine-input.ts `loadDecisions`). */
async function loadDecisionsOf(client: pg.ClientBase, table: string): Promise<Map<string, IncidentDecisions>> {
  const { rows } = await client.query<{
    incidentId: string;
    metric: Metric;
    category: Category;
    best: number;
    low: number | null;
    high: number | null;
    rationale: string;
    decidedById: string | null;
    decidedAt: string;
  }>(
    `SELECT DISTINCT ON (d."incidentId", d.metric, d.category) d."incidentId", d.metric::text AS metric, d.category::text AS category, d.best, d.low, d.high, d.rationale,
            d."decidedById", to_char(d."decidedAt", ${ISO_TIMESTAMP}) AS "decidedAt"
       FROM "ReconciliationDecision" d JOIN "${table}" t ON t.id = d."incidentId"
      WHERE d."withdrawnAt" IS NULL
      ORDER BY d."incidentId", d.metric, d.category, d."decidedAt" DESC, d.id DESC`,
  );
  const out = new Map<string, IncidentDecisions>();
  for (const row of rows) {
    const decisions = out.get(row.incidentId) ?? {};
    decisions[`${row.metric}:${row.category}`] = editorDecisionOf(row);
    out.set(row.incidentId, decisions);
  }
  return out;
}

/** The stored figures of the staged incidents, with the columns the refresh compares. */
async function loadStoredFiguresOf(client: pg.ClientBase, table: string): Promise<Map<string, StoredFigure[]>> {
  const out = new Map<string, StoredFigure[]>();
  await copyRowsOut(
    client,
    `SELECT r.id, r."incidentId", r.metric, r.category, r.low, r.best, r.high, r.method, r.rationale, r.flags, r."claimCount", r."sourceCount",
            r."independentSourceCount", r."usedClaimIds", r.excluded
       FROM "Reconciliation" r JOIN "${table}" t ON t.id = r."incidentId"`,
    (f) => {
      const figure: StoredFigure = {
        id: f[0]!,
        incidentId: f[1]!,
        metric: f[2] as Metric,
        category: f[3] as Category,
        low: Number(f[4]),
        best: Number(f[5]),
        high: int(f[6] ?? null),
        method: f[7] as Method,
        rationale: f[8]!,
        flags: plainArray(f[9] ?? null) as StoredFigure["flags"],
        claimCount: Number(f[10]),
        sourceCount: Number(f[11]),
        independentSourceCount: Number(f[12]),
        usedClaimIds: plainArray(f[13] ?? null),
        excluded: JSON.parse(f[14]!) as unknown,
      };
      let list = out.get(figure.incidentId);
      if (!list) out.set(figure.incidentId, (list = []));
      list.push(figure);
    },
  );
  return out;
}

const FIGURE_VALUE_COLUMNS = [
  "low",
  "best",
  "high",
  "method",
  "rationale",
  "flags",
  "claimCount",
  "sourceCount",
  "independentSourceCount",
  "usedClaimIds",
  "excluded",
  "breakdowns",
  "decidedById",
  "computedAt",
] as const;
const FIGURE_VALUE_TYPES =
  'low int, best int, high int, method text, rationale text, flags text[], "claimCount" int, "sourceCount" int, "independentSourceCount" int, "usedClaimIds" uuid[], excluded jsonb, breakdowns jsonb, "decidedById" uuid, "computedAt" timestamp(3)';
const REVISION_COLUMNS = ["id", "incidentId", "metric", "category", "before", "after", "actorId", "at"] as const;

type Values = FigureRefreshPlan["updates"][number];
const json = (value: unknown) => (value === null ? null : JSON.stringify(value));
const figureValues = (v: Values) => [
  v.low,
  v.best,
  v.high,
  v.method,
  v.rationale,
  v.flags,
  v.claimCount,
  v.sourceCount,
  v.independentSourceCount,
  v.usedClaimIds,
  json(v.excluded),
  json(v.breakdowns),
  v.decidedById,
  v.computedAt,
];

/** Writes a refresh plan: new figures and revisions by COPY, changed figures and headlines by one UPDATE each. */
async function writeRefreshPlan(client: pg.ClientBase, plan: FigureRefreshPlan): Promise<void> {
  const step = stepTimer("figures");
  if (plan.creates.length) {
    await copyRowsIn(
      client,
      "Reconciliation",
      ["id", "incidentId", "metric", "category", ...FIGURE_VALUE_COLUMNS],
      plan.creates.map((c) => [c.id, c.incidentId, c.metric, c.category, ...figureValues(c)]),
    );
  }
  step("create");
  if (plan.updates.length) {
    await client.query(`DROP TABLE IF EXISTS import_figure_updates`);
    await client.query(`CREATE TEMP TABLE import_figure_updates (id uuid PRIMARY KEY, ${FIGURE_VALUE_TYPES}) ON COMMIT DROP`);
    await copyRowsIn(
      client,
      "import_figure_updates",
      ["id", ...FIGURE_VALUE_COLUMNS],
      plan.updates.map((u) => [u.id, ...figureValues(u)]),
    );
    // The ids again as an array: the planner then looks the rows up by index instead of reading the
    // whole table to hash-join it (a million incidents: 0.4 s per statement, against 0.05 s).
    await client.query(
      `UPDATE "Reconciliation" r
          SET low = u.low, best = u.best, high = u.high, method = u.method::"Method", rationale = u.rationale, flags = u.flags::"Flag"[],
              "claimCount" = u."claimCount", "sourceCount" = u."sourceCount", "independentSourceCount" = u."independentSourceCount",
              "usedClaimIds" = u."usedClaimIds", excluded = u.excluded, breakdowns = u.breakdowns, "decidedById" = u."decidedById", "computedAt" = u."computedAt"
         FROM import_figure_updates u WHERE r.id = u.id AND r.id = ANY($1::uuid[])`,
      [plan.updates.map((u) => u.id)],
    );
  }
  step("update");
  if (plan.deletes.length) await client.query(`DELETE FROM "Reconciliation" WHERE id = ANY($1::uuid[])`, [plan.deletes]);
  step("delete");
  if (plan.revisions.length) {
    await copyRowsIn(
      client,
      "ReconciliationRevision",
      REVISION_COLUMNS,
      plan.revisions.map((r) => [r.id, r.incidentId, r.metric, r.category, json(r.before), json(r.after), r.actorId, r.at]),
    );
  }
  step("revisions");
  if (plan.headlines.length) {
    await client.query(`DROP TABLE IF EXISTS import_headlines`);
    await client.query(
      `CREATE TEMP TABLE import_headlines (id uuid PRIMARY KEY, low int, best int, high int, contested boolean, flags text[], "updatedAt" timestamp(3)) ON COMMIT DROP`,
    );
    await copyRowsIn(
      client,
      "import_headlines",
      ["id", "low", "best", "high", "contested", "flags", "updatedAt"],
      plan.headlines.map((h) => [h.id, h.headlineLow, h.headlineBest, h.headlineHigh, h.headlineContested, h.flags, h.updatedAt]),
    );
    // One statement for every incident: statement-level triggers on "Incident" see them all at once.
    await client.query(
      `UPDATE "Incident" i
          SET "headlineLow" = h.low, "headlineBest" = h.best, "headlineHigh" = h.high, "headlineContested" = h.contested, flags = h.flags::"Flag"[], "updatedAt" = h."updatedAt"
         FROM import_headlines h WHERE i.id = h.id AND i.id = ANY($1::uuid[])`,
      [plan.headlines.map((h) => h.id)],
    );
  }
  step("headlines");
}

/**
 * Refreshes the figures of the given incidents on `client`, inside the caller's transaction:
 * lock, read, reconcile, write (the claims import's and the figure worker's refresh; the tests
 * compare it with refreshIncidentFigures).
 */
export async function refreshFiguresOnConnection(
  client: pg.ClientBase,
  incidentIds: readonly string[],
  actorId: string | null,
): Promise<FigureRefreshPlan> {
  const ids = [...new Set(incidentIds)].sort();
  await stageIncidents(client, "refresh_incidents", ids);
  await lockIncidents(client, "refresh_incidents");
  const claims = await loadEngineClaimsOf(client, "refresh_incidents", await loadClaimants(client));
  const decisions = await loadDecisionsOf(client, "refresh_incidents");
  const stored = await loadStoredFiguresOf(client, "refresh_incidents");
  const { plan } = planRefresh(ids, { claims, decisions, stored }, actorId, new Date().toISOString());
  await writeRefreshPlan(client, plan);
  return plan;
}
