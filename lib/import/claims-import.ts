// Claims rows (the claims.csv export format) → claims on existing incidents.
//
// References, all checked before anything is written:
// - incident_code must name an incident in this database (a merged incident's code leads to
//   the incident it was merged into); claims files do not create incidents.
// - claimant is a source slug. An unknown slug is created as a source when claimant_kind is
//   given (named after its slug: rename it in the sources list), else the row is refused.
// - document_title (+ document_url) names a document; among documents with that title the
//   claimant's own, else the one with the same URL, else the only one is used. None → a new
//   document published by the claimant.
// - superseded_by names the claim that replaces this one: a claim_id of the file or of the
//   database, of the same incident and claimant.
// Idempotency: a claim is already present when the database (or an earlier row) has a claim
// with the same incident, claimant, metric, category, subgroup, statement and stated_on, or
// the row's claim_id. Such rows change nothing.
// Provenance: claim_id and entered_at are kept (so a re-imported export is identical, and the
// engine's "most recent claim" tie-break is unchanged); entered_by is kept when it names exactly
// one user here, else the claim is entered by the importing user.
//
// How it stays fast (100,000 rows onto 100,000 incidents): it runs on a direct pg connection
// (run-import.ts opens the one transaction) and every step is one statement, or one per slice of
// 25,000 incidents, whatever the number of rows: lookups by `= ANY($1)` (the incidents looked up
// and locked while run-import.ts validates the rows), the incidents staged in a temporary table,
// the new claims written with COPY FROM in incident order. Then the figures, one of two ways:
// - up to `queueFiguresAbove` incidents, reconciled here: the incidents' claims read once with
//   COPY TO (serving both the "already present" check and the engine), the figures planned from
//   the claims in hand and written as pg-refresh.ts writes them, PostgreSQL writing one slice
//   while the engine plans the next;
// - above it, queued for the worker (lib/figures/figure-queue.ts), and only the claims the file
//   repeats are looked up (findPresentClaims). Reconciling 100,000 incidents here held the import
//   ~35 s (rewriting 100,000 "Incident" rows with 16 indexes and the summary triggers); queued,
//   the import takes ~6 s (scripts/profile-import.ts, 1,000,000 incidents, 2 cores) and the
//   worker the ~35 s after it, in transactions of 5,000 incidents.
import { createHash, randomUUID } from "node:crypto";
import type pg from "pg";
import type { EngineClaim } from "@/lib/domain/reconcile";
import type { ClaimsRow } from "@/lib/validation/claims-row";
import { emptyRefreshPlan, planIncidentRefresh, type IncidentDecisions, type StoredFigure } from "@/lib/figures/figure-plan";
import { copyRowsIn } from "./pg-copy";
import { INCIDENT_CODE } from "@/lib/validation/incident";
import { queueFigureRefresh, queuesFigures } from "@/lib/figures/figure-queue";
import { loadClaimants, loadDecisionsOf, loadEngineClaimsOf, loadStoredFiguresOf, stageIncidents, writeRefreshPlan, type Claimant } from "./pg-refresh";
import type { CsvRow } from "./csv-file";
import type { PgWriteContext, ValidRow } from "./run-import";
import { stepTimer } from "./step-timer";

const md5 = (text: string) => createHash("md5").update(text, "utf8").digest("hex");

/**
 * What makes two claims the same claim. The statement enters as its md5 (PostgreSQL computes the
 * same digest for stored claims, so statements never travel back). Unambiguous: every part but
 * the subgroup is free of tabs, so the parts can be told apart from both ends.
 */
type KeyParts = { incidentId: string; claimantId: string; metric: string; category: string; subgroup: string | null; statementMd5: string; statedOn: string | null };
const claimKey = (k: KeyParts) => `${k.incidentId}\t${k.claimantId}\t${k.metric}\t${k.category}\t${k.subgroup === null ? "\u0000" : `=${k.subgroup}`}\t${k.statementMd5}\t${k.statedOn ?? ""}`;

type Planned = {
  row: ValidRow<ClaimsRow>;
  incidentId: string;
  /** Known when the claimant exists; new sources get theirs at write time. */
  claimantSlug: string;
  claimId: string;
  /** false = the claim is already present (in the database or earlier in the file). */
  create: boolean;
  /** Computed once, when first needed. */
  statementMd5?: string;
};

const byIncident = (a: Planned, b: Planned) => (a.incidentId < b.incidentId ? -1 : a.incidentId > b.incidentId ? 1 : 0);

const plannedKeyParts = (p: Planned, claimantId: (slug: string) => string): KeyParts => {
  const v = p.row.value;
  p.statementMd5 ??= md5(v.statement);
  return { incidentId: p.incidentId, claimantId: claimantId(p.claimantSlug), metric: v.metric, category: v.category, subgroup: v.subgroup, statementMd5: p.statementMd5, statedOn: v.statedOn };
};

/**
 * The stored claims that have one of `keys` (claimKey → claim id), without reading every claim of
 * the incidents: each key is looked up through the (incident, metric, category) index. (OFFSET 0
 * keeps the lookup a nested loop: joined flat, the planner hashes the whole claims table and
 * digests every statement in it — 2 s at 3.4 million claims, against 0.3 s.)
 */
async function findPresentClaims(client: pg.ClientBase, keys: KeyParts[]): Promise<Map<string, string>> {
  if (!keys.length) return new Map();
  const column = <K extends keyof KeyParts>(name: K) => keys.map((k) => k[name]);
  const { rows } = await client.query<KeyParts & { id: string }>(
    `SELECT DISTINCT c.id, c."incidentId", c."claimantId", c.metric::text AS metric, c.category::text AS category, c.subgroup, k."statementMd5", to_char(c."statedOn", 'YYYY-MM-DD') AS "statedOn"
       FROM unnest($1::uuid[], $2::uuid[], $3::"Metric"[], $4::"Category"[], $5::text[], $6::text[], $7::date[]) AS k("incidentId", "claimantId", metric, category, subgroup, "statementMd5", "statedOn")
       CROSS JOIN LATERAL (SELECT c.* FROM "Claim" c WHERE c."incidentId" = k."incidentId" AND c.metric = k.metric AND c.category = k.category AND c."claimantId" = k."claimantId" OFFSET 0) c
      WHERE c.subgroup IS NOT DISTINCT FROM k.subgroup AND c."statedOn" IS NOT DISTINCT FROM k."statedOn" AND md5(c.statement) = k."statementMd5"`,
    [column("incidentId"), column("claimantId"), column("metric"), column("category"), column("subgroup"), column("statementMd5"), column("statedOn")],
  );
  return new Map(rows.map((r) => [claimKey(r), r.id]));
}

type NamedClaim = { id: string; incidentId: string; claimantId: string; metric: string; category: string; subgroup: string | null; statementMd5: string; statedOn: string | null; supersedesId: string | null };
type IncidentRef = { id: string; mergedIntoId: string | null };

const CLAIM_COLUMNS = [
  "id", "incidentId", "claimantId", "documentId", "metric", "category", "subgroup", "valueMin", "valueMax", "qualifier", "statement", "statedOn", "statedOnEnd",
  "assessment", "assessmentReason", "assessedById", "assessedAt", "createdById", "createdAt", "updatedAt",
] as const;


/** Incidents planned (engine + comparison) and written per slice; see "write" below. (An object so tests can make slices small.) */
export const refreshSlice = { incidents: 25_000 };

/** Lets the event loop run (the COPY of the claims streams meanwhile). */
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Incidents found by code, and the incidents they were merged into; `looked` = every code asked for. */
type IncidentIndex = { byCode: Map<string, IncidentRef>; byId: Map<string, IncidentRef>; looked: Set<string> };

/**
 * Incidents by code, following merges (at most ten hops, as an editor's link would). The rows are
 * locked as they are found, in id order as every writer locks incidents (the figure worker,
 * refreshIncidentFigures, merges): their claims are checked next, and nobody may refresh their
 * figures or merge them until we commit. (The incidents merges lead to are locked by a second
 * statement, so only a file naming merged incidents locks out of one id order: rare, and a
 * deadlock then fails the import with PostgreSQL's message rather than hanging it. One statement
 * that looks up and locks is ~0.5 s faster at 100,000 codes than looking up first.)
 */
async function lookUpIncidents(client: pg.ClientBase, codes: string[], index: IncidentIndex = { byCode: new Map(), byId: new Map(), looked: new Set() }): Promise<IncidentIndex> {
  const { rows } = await client.query<IncidentRef & { code: string }>(`SELECT id, code, "mergedIntoId" FROM "Incident" WHERE code = ANY($1::text[]) ORDER BY id FOR UPDATE`, [codes]);
  for (const code of codes) index.looked.add(code);
  for (const r of rows) {
    index.byCode.set(r.code, r);
    index.byId.set(r.id, r);
  }
  let wanted = [...new Set(rows.flatMap((r) => (r.mergedIntoId ? [r.mergedIntoId] : [])))].filter((id) => !index.byId.has(id));
  for (let hop = 0; hop < 10 && wanted.length; hop++) {
    const found = (await client.query<IncidentRef>(`SELECT id, "mergedIntoId" FROM "Incident" WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [wanted])).rows;
    for (const r of found) index.byId.set(r.id, r);
    wanted = [...new Set(found.flatMap((r) => (r.mergedIntoId ? [r.mergedIntoId] : [])))].filter((id) => !index.byId.has(id));
  }
  return index;
}

/**
 * Begun by run-import.ts before validation, from the raw incident_code cells. Only well-formed
 * codes are sent (a valid row's code is its cell), so a malformed cell cannot fail the query.
 */
export function startIncidentLookup(client: pg.ClientBase, rows: readonly CsvRow[]): Promise<IncidentIndex> {
  return lookUpIncidents(client, [...new Set(rows.map((r) => r.cells.incident_code ?? "").filter((code) => INCIDENT_CODE.test(code)))]);
}

async function resolveIncidents(client: pg.ClientBase, codes: string[], early: Promise<unknown> | null): Promise<(code: string) => string | null> {
  const index = early ? ((await early) as IncidentIndex) : undefined;
  const missing = index ? codes.filter((code) => !index.looked.has(code)) : codes;
  const { byCode, byId } = missing.length || !index ? await lookUpIncidents(client, missing, index) : index;
  return (code) => {
    let incident: IncidentRef | undefined = byCode.get(code);
    for (let hops = 0; incident?.mergedIntoId && hops < 10; hops++) {
      const target = byId.get(incident.mergedIntoId);
      if (!target) break;
      incident = target;
    }
    return incident?.id ?? null;
  };
}

export async function writeClaims(ctx: PgWriteContext<ClaimsRow>): Promise<void> {
  const { client, options, summary } = ctx;
  const rows = ctx.rows;
  const step = stepTimer("claims import");
  ctx.progress({ phase: "checking references", done: 0, total: rows.length });

  // ── incidents (following merges) ──
  const resolveIncident = await resolveIncidents(client, [...new Set(rows.map((r) => r.value.incidentCode))], ctx.early);
  step("incidents by code");

  // ── sources ──
  const slugs = [...new Set(rows.map((r) => r.value.claimant))];
  const sources = (await client.query<{ id: string; slug: string }>(`SELECT id, slug FROM "Source" WHERE slug = ANY($1::text[])`, [slugs])).rows;
  const sourceIdBySlug = new Map(sources.map((s) => [s.slug, s.id]));
  const newSources = new Map<string, { id: string; kind: NonNullable<ClaimsRow["claimantKind"]> }>();

  // ── users named in entered_by ──
  const names = [...new Set(rows.flatMap((r) => (r.value.enteredBy ? [r.value.enteredBy] : [])))];
  const users = names.length ? (await client.query<{ id: string; name: string }>(`SELECT id, name FROM "User" WHERE name = ANY($1::text[])`, [names])).rows : [];
  const userByName = new Map<string, string | null>();
  for (const u of users) userByName.set(u.name, userByName.has(u.name) ? null : u.id); // null = ambiguous

  // ── claims the file names by id ──
  const namedIds = [...new Set(rows.flatMap((r) => [r.value.claimId, r.value.supersededBy].filter((v): v is string => v !== null)))];
  const namedClaims = namedIds.length
    ? (
        await client.query<NamedClaim>(
          `SELECT id, "incidentId", "claimantId", metric::text AS metric, category::text AS category, subgroup, md5(statement) AS "statementMd5",
                  to_char("statedOn", 'YYYY-MM-DD') AS "statedOn", "supersedesId"
             FROM "Claim" WHERE id = ANY($1::uuid[])`,
          [namedIds],
        )
      ).rows
    : [];
  const dbClaimById = new Map(namedClaims.map((c) => [c.id, c]));
  step("sources, users, named claims");

  // ── plan each row ──
  const planned: Planned[] = [];
  for (const row of rows) {
    const v = row.value;
    const incidentId = resolveIncident(v.incidentCode);
    if (!incidentId) {
      ctx.reject(row, "incident_code", `there is no incident ${v.incidentCode} in this database: import or create the incident first`, v.incidentCode);
      continue;
    }
    if (!sourceIdBySlug.has(v.claimant) && !newSources.has(v.claimant)) {
      if (!v.claimantKind) {
        ctx.reject(row, "claimant", `there is no source "${v.claimant}": create it first, or give claimant_kind so the import can create it`, v.claimant);
        continue;
      }
      newSources.set(v.claimant, { id: randomUUID(), kind: v.claimantKind });
    }
    planned.push({ row, incidentId, claimantSlug: v.claimant, claimId: v.claimId ?? randomUUID(), create: true });
  }
  const claimantId = (slug: string) => sourceIdBySlug.get(slug) ?? newSources.get(slug)!.id;
  step("plan rows");

  // ── the incidents' claims (their rows are locked already), read once ──
  const incidentIds = [...new Set(planned.map((p) => p.incidentId))].sort();
  const queue = queuesFigures(incidentIds.length, options.figures);
  // The engine's reads join on the staged ids; the queue needs only the list.
  if (!queue) await stageIncidents(client, "import_incidents", incidentIds);
  step("stage incidents");
  const existingByKey = new Map<string, string>();
  let claimants = new Map<string, Claimant>();
  let engineClaims = new Map<string, EngineClaim[]>();
  if (queue) {
    // The worker reads the claims when it reconciles; here only the ones the file repeats are needed.
    const keys = planned.filter((p) => sourceIdBySlug.has(p.claimantSlug)).map((p) => plannedKeyParts(p, claimantId));
    step("claim keys");
    for (const [key, id] of await findPresentClaims(client, keys)) existingByKey.set(key, id);
    step("find claims already present");
  } else {
    claimants = await loadClaimants(client);
    engineClaims = await loadEngineClaimsOf(client, "import_incidents", claimants, (claim, extras) => {
      existingByKey.set(
        claimKey({ incidentId: extras.incidentId, claimantId: claim.claimant.id, metric: claim.metric, category: claim.category, subgroup: claim.subgroup, statementMd5: extras.statementMd5, statedOn: claim.statedOn }),
        claim.id,
      );
    });
    step("read claims");
  }

  // ── what is already present ──
  const plannedByKey = new Map<string, Planned>();
  /** claim_id in the file → the id the claim has in the database once imported. */
  const fileIds = new Map<string, string>();
  for (const p of planned) {
    const v = p.row.value;
    const key = claimKey(plannedKeyParts(p, claimantId));
    const named = v.claimId ? dbClaimById.get(v.claimId) : undefined;
    if (named && claimKey(named) !== key) {
      ctx.reject(p.row, "claim_id", `claim ${v.claimId} already exists with different content (incident, claimant, metric, category, subgroup, statement or stated_on differ): leave claim_id empty to add a new claim`, v.claimId ?? undefined);
      continue;
    }
    const present = named?.id ?? existingByKey.get(key) ?? plannedByKey.get(key)?.claimId;
    if (present) {
      p.create = false;
      p.claimId = present;
    } else {
      if (v.claimId && fileIds.has(v.claimId)) {
        ctx.reject(p.row, "claim_id", `claim_id ${v.claimId} is used by two different rows`, v.claimId);
        continue;
      }
      plannedByKey.set(key, p);
    }
    if (v.claimId) fileIds.set(v.claimId, p.claimId);
  }
  existingByKey.clear();
  plannedByKey.clear();
  step("already present");

  // ── supersession links: row A says "superseded_by B", so B.supersedesId = A ──
  type Link = { planned: Planned; newerId: string };
  const links: Link[] = [];
  const supersedesTaken = new Map<string, string>(); // newer claim → older one it supersedes
  for (const c of namedClaims) if (c.supersedesId) supersedesTaken.set(c.id, c.supersedesId);
  const plannedById = new Map(planned.map((p) => [p.claimId, p]));
  for (const p of planned) {
    const target = p.row.value.supersededBy;
    if (!target || ctx.isRejected(p.row)) continue;
    const newerId = fileIds.get(target) ?? (dbClaimById.has(target) ? target : null);
    if (!newerId) {
      ctx.reject(p.row, "superseded_by", `superseded_by names claim ${target}, which is neither in the file nor in the database`, target);
      continue;
    }
    const newer = plannedById.get(newerId);
    const newerDb = dbClaimById.get(newerId);
    const newerIncident = newer?.incidentId ?? newerDb?.incidentId;
    const newerClaimant = newer ? claimantId(newer.claimantSlug) : newerDb?.claimantId;
    if (newerId === p.claimId) ctx.reject(p.row, "superseded_by", "a claim cannot supersede itself", target);
    else if (newerIncident !== p.incidentId || newerClaimant !== claimantId(p.claimantSlug)) {
      ctx.reject(p.row, "superseded_by", "a claim can only be superseded by a claim of the same incident and claimant", target);
    } else if (supersedesTaken.has(newerId) && supersedesTaken.get(newerId) !== p.claimId) {
      ctx.reject(p.row, "superseded_by", `claim ${newerId} already supersedes another claim`, target);
    } else {
      supersedesTaken.set(newerId, p.claimId);
      links.push({ planned: p, newerId });
    }
  }
  // A link to a row that was refused cannot be made: refuse the linking row too (and so on, down the chain).
  for (let changed = true; changed; ) {
    changed = false;
    for (const link of links) {
      const newer = plannedById.get(link.newerId);
      if (!ctx.isRejected(link.planned.row) && newer && ctx.isRejected(newer.row)) {
        ctx.reject(link.planned.row, "superseded_by", `superseded_by names claim ${link.newerId}, whose row is invalid`, link.newerId);
        changed = true;
      }
    }
  }
  ctx.checkpoint();
  step("links, checkpoint");

  // ── write: sources, documents ──
  const now = new Date().toISOString();
  const accepted = planned.filter((p) => !ctx.isRejected(p.row));
  const toCreate = accepted.filter((p) => p.create);
  const usedNewSources = [...new Set(toCreate.map((p) => p.claimantSlug))].filter((slug) => newSources.has(slug)).sort();
  if (usedNewSources.length) {
    const made = usedNewSources.map((slug) => ({ slug, ...newSources.get(slug)! }));
    await client.query(
      `INSERT INTO "Source" (id, slug, name, kind, notes, "createdAt", "updatedAt")
       SELECT s.id, s.slug, s.slug, s.kind::"SourceKind", s.notes, $5::timestamp(3), $5::timestamp(3)
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS s(id, slug, kind, notes)`,
      [made.map((s) => s.id), made.map((s) => s.slug), made.map((s) => s.kind), made.map(() => `Created by importing ${options.fileName}; check its name and whether it is a party to the conflict.`), now],
    );
    for (const s of made) claimants.set(s.id, { id: s.id, name: s.slug, kind: s.kind, isParty: false });
    summary.sourcesCreated = usedNewSources;
  }
  const documents = await resolveDocuments(client, toCreate, claimantId, summary, now);
  step("sources, documents");

  // ── which incidents change, and what the engine reads for them ──
  const newLinks = links.filter((l) => !ctx.isRejected(l.planned.row) && dbClaimById.get(l.newerId)?.supersedesId !== l.planned.claimId);
  const touched = [...new Set([...toCreate.map((p) => p.incidentId), ...newLinks.map((l) => l.planned.incidentId)])].sort();

  // ── the claims (COPY), and the supersession links they complete ──
  const writeClaimsAndLinks = async () => {
    ctx.progress({ phase: "writing", done: 0, total: toCreate.length });
    // In incident order: each row's foreign-key check and index entry then land next to the last
    // one's (100,000 rows: 1.8 s against 2.5 s in file order).
    const inIncidentOrder = [...toCreate].sort(byIncident);
    await copyRowsIn(
      client,
      "Claim",
      CLAIM_COLUMNS,
      (function* () {
        for (const p of inIncidentOrder) {
          const v = p.row.value;
          const enteredBy = v.enteredBy ? userByName.get(v.enteredBy) : undefined;
          const assessed = v.assessment !== "not_assessed";
          yield [
            p.claimId, p.incidentId, claimantId(p.claimantSlug), documents.get(p)?.id ?? null, v.metric, v.category, v.subgroup, v.valueMin, v.valueMax, v.qualifier,
            v.statement, v.statedOn, v.statedOnEnd, v.assessment, assessed ? `Assessed "${v.assessment}" in the imported file ${options.fileName}.` : null,
            assessed ? options.actorId : null, assessed ? now : null, enteredBy ?? options.actorId, v.enteredAt ? new Date(v.enteredAt).toISOString() : now, now,
          ];
        }
      })(),
      (done) => ctx.progress({ phase: "writing", done, total: toCreate.length }),
    );
    step("COPY claims");
    summary.claimsCreated = toCreate.length;
    summary.claimsAlreadyPresent = accepted.length - toCreate.length;
    if (newLinks.length) {
      await client.query(
        `UPDATE "Claim" c SET "supersedesId" = v.older, "version" = c."version" + 1
           FROM unnest($1::uuid[], $2::uuid[]) AS v(newer, older)
          WHERE c."id" = v.newer AND c."supersedesId" IS DISTINCT FROM v.older`,
        [newLinks.map((l) => l.newerId), newLinks.map((l) => l.planned.claimId)],
      );
    }
    summary.claimsSuperseded = newLinks.length;
  };

  let decisions = new Map<string, IncidentDecisions>();
  let stored = new Map<string, StoredFigure[]>();
  if (queue) {
    await writeClaimsAndLinks();
    if (touched.length) await queueFigureRefresh(client, touched, options.actorId, now);
    summary.figuresQueued = touched.length;
    step("queue figures");
    return;
  }
  if (touched.length) {
    // Usually every incident of the file is touched: its staged ids serve again.
    const staged = touched.length === incidentIds.length ? "import_incidents" : "import_touched";
    if (staged === "import_touched") await stageIncidents(client, staged, touched);
    decisions = await loadDecisionsOf(client, staged);
    stored = await loadStoredFiguresOf(client, staged);
  }
  step("decisions, stored figures");
  for (const p of toCreate) {
    const v = p.row.value;
    const claimant = claimants.get(claimantId(p.claimantSlug))!;
    const document = documents.get(p);
    const claim: EngineClaim = {
      id: p.claimId,
      metric: v.metric,
      category: v.category,
      subgroup: v.subgroup,
      valueMin: v.valueMin,
      valueMax: v.valueMax,
      qualifier: v.qualifier,
      statedOn: v.statedOn,
      createdAt: v.enteredAt ? new Date(v.enteredAt).toISOString() : now,
      claimant,
      relaysSourceIds: document && document.sourceId === claimant.id ? document.relays : [],
      supersedesId: null,
      assessment: v.assessment,
      retracted: false,
    };
    let list = engineClaims.get(p.incidentId);
    if (!list) engineClaims.set(p.incidentId, (list = []));
    list.push(claim);
  }
  for (const link of newLinks) {
    const newer = engineClaims.get(link.planned.incidentId)?.find((c) => c.id === link.newerId);
    if (newer) newer.supersedesId = link.planned.claimId;
  }
  step("engine input");

  // ── write: the claims, then the figures a slice of incidents at a time ──
  // PostgreSQL works through the statements while the engine reconciles the next slice here: the
  // claims' COPY and each slice's writes run behind the planning of the slice after. A few slices
  // (not one statement per incident) keep "Incident"'s statement-level triggers to a few calls.
  let failure: unknown = null;
  const track = <T>(promise: Promise<T>) => {
    promise.catch((error: unknown) => (failure ??= error));
    return promise;
  };
  let writing: Promise<unknown> = track(writeClaimsAndLinks().then(() => ctx.progress({ phase: "refreshing figures", done: 0, total: touched.length })));
  let refreshed = 0;
  for (let start = 0; start < touched.length && !failure; start += refreshSlice.incidents) {
    const slice = touched.slice(start, start + refreshSlice.incidents);
    const plan = emptyRefreshPlan();
    for (let i = 0; i < slice.length && !failure; i++) {
      const id = slice[i]!;
      planIncidentRefresh(plan, { id, claims: engineClaims.get(id) ?? [], decisions: decisions.get(id) ?? {}, stored: stored.get(id) ?? [] }, options.actorId, now);
      engineClaims.delete(id);
      if (i % 1000 === 999) await yieldToLoop();
    }
    step(`plan ${slice.length} incidents`);
    writing = track(
      writing.then(async () => {
        await writeRefreshPlan(client, plan);
        refreshed += slice.length;
        ctx.progress({ phase: "refreshing figures", done: refreshed, total: touched.length });
        step(`write figures of ${slice.length} incidents`);
      }),
    );
  }
  await writing;
  summary.figuresRefreshed = touched.length;
}

type ResolvedDocument = { id: string; sourceId: string; relays: string[] };

async function resolveDocuments(
  client: pg.ClientBase,
  toCreate: Planned[],
  claimantId: (slug: string) => string,
  summary: { documentsCreated: number },
  now: string,
): Promise<Map<Planned, ResolvedDocument>> {
  const result = new Map<Planned, ResolvedDocument>();
  const withDocument = toCreate.filter((p) => p.row.value.documentTitle);
  if (!withDocument.length) return result;
  const titles = [...new Set(withDocument.map((p) => p.row.value.documentTitle!))];
  const known = (
    await client.query<{ id: string; sourceId: string; title: string; url: string | null; relays: string[] }>(
      `SELECT d.id, d."sourceId", d.title, d.url, coalesce((SELECT array_agg(r."sourceId"::text) FROM "DocumentRelay" r WHERE r."documentId" = d.id), '{}') AS relays
         FROM "Document" d WHERE d.title = ANY($1::text[])`,
      [titles],
    )
  ).rows;
  const byTitle = new Map<string, typeof known>();
  for (const d of known) byTitle.set(d.title, [...(byTitle.get(d.title) ?? []), d]);

  const toMake = new Map<string, { id: string; sourceId: string; title: string; url: string | null; publishedOn: string | null }>();
  for (const p of withDocument) {
    const v = p.row.value;
    const publisher = claimantId(p.claimantSlug);
    const candidates = byTitle.get(v.documentTitle!) ?? [];
    const match =
      candidates.find((d) => d.sourceId === publisher) ??
      (v.documentUrl ? candidates.find((d) => d.url === v.documentUrl) : undefined) ??
      (candidates.length === 1 ? candidates[0] : undefined);
    if (match) {
      result.set(p, { id: match.id, sourceId: match.sourceId, relays: match.relays });
      continue;
    }
    const key = JSON.stringify([publisher, v.documentTitle]);
    const made = toMake.get(key) ?? { id: randomUUID(), sourceId: publisher, title: v.documentTitle!, url: v.documentUrl, publishedOn: v.publishedOn };
    toMake.set(key, made);
    // A new document relays nothing yet.
    result.set(p, { id: made.id, sourceId: made.sourceId, relays: [] });
  }
  if (toMake.size) {
    await copyRowsIn(
      client,
      "Document",
      ["id", "sourceId", "title", "url", "publishedOn", "createdAt"],
      [...toMake.values()].map((d) => [d.id, d.sourceId, d.title, d.url, d.publishedOn, now]),
    );
  }
  summary.documentsCreated = toMake.size;
  return result;
}
