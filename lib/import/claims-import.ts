// Claims rows (the claims.csv export format) → claims on existing incidents.
//
// References, all checked before anything is committed:
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
// How it stays fast (100,000 rows onto 100,000 incidents): the file arrives a slice of rows at a
// time (run-import.ts parses and validates the next slice while PostgreSQL checks and writes this
// one), on a direct pg connection inside the one transaction run-import.ts opened. Each slice
// costs a few statements whatever its size. A second connection, the reader, looks up what it
// refers to (sources, users, named claims: all committed before the import, which holds
// 'triangulate:import' so no incident is merged or deleted meanwhile), then, in one statement,
// its incidents by code and the stored claims it repeats (claims-lookup.ts), and the documents it
// names; the import's connection writes its new claims with COPY FROM in incident order. Each connection's
// work is queued on a lane (connection-lane.ts) with every statement made in advance, so neither
// waits for this thread, and the two run on PostgreSQL's two cores at once (at a million
// incidents the lookups kept the writing connection busy ~1.5 s of a 6.5 s import).
// What a later row may change is never written early: rows with superseded_by wait
// for the end (their link can name a claim further down the file), and every decision about a row
// (already present? which document?) is made from what this writer holds, not from what it wrote,
// so a slice of one row and a slice of the whole file give the same result, in whatever order the
// two connections take lookups and writes. At the end, the figures of the touched incidents are reconciled
// in the transaction, or, above `queueFiguresAbove` incidents, queued for the worker
// (lib/figures/figure-queue.ts): reconciling 100,000 incidents here held the import ~35 s.
import "server-only";
import { randomUUID } from "node:crypto";
import type pg from "pg";
import type { ClaimsRow } from "@/lib/validation/claims-row";
import { rawPool } from "@/lib/db/raw-pg";
import { connectionLane } from "./connection-lane";
import { claimKey, findIncidentsAndClaims, incidentIndex, incidentOf, keyOf, type KeyParts } from "./claims-lookup";
import { lockClaimReferences, mayCopyClaimsWithoutTriggers, withoutRowTriggers } from "./claim-references";
import { copyRowsIn, copyText } from "@/lib/db/pg-copy";
import { queueFigureRefresh, queuesFigures } from "@/lib/figures/figure-queue";
import { refreshFiguresOnConnection } from "@/lib/figures/pg-refresh";
import type { PgWriteContext, SliceWriter, ValidRow } from "./import-types";
import { problem } from "./row-problems";
import { stepTimer } from "@/lib/db/step-timer";

/** Rows per slice of a claims file (an object so tests can make slices small). */
export const claimsSlice = { rows: 10_000 };

type Planned = {
  row: ValidRow<ClaimsRow>;
  incidentId: string;
  claimantSlug: string;
  claimId: string;
  /** false = the claim is already present (in the database or earlier in the file). */
  create: boolean;
};

const byIncident = (a: Planned, b: Planned) => (a.incidentId < b.incidentId ? -1 : a.incidentId > b.incidentId ? 1 : 0);

/**
 * A new claim id as one flat string. randomUUID() joins it from 2-character pieces, a tree of ~12
 * strings, and the import keeps the id of every claim it creates until it ends (createdByKey):
 * copying those trees was a measurable part of its garbage collection.
 */
const newClaimId = () => Buffer.from(randomUUID(), "latin1").toString("latin1");

/** A slice whose references are checked: its planned rows and their claim keys. */
type Checked = { slice: Planned[]; keys: Map<Planned, string> };

type NamedClaim = KeyParts & { id: string; supersedesId: string | null };

const CLAIM_COLUMNS = [
  "id",
  "incidentId",
  "claimantId",
  "documentId",
  "metric",
  "category",
  "subgroup",
  "valueMin",
  "valueMax",
  "qualifier",
  "statement",
  "statedOn",
  "statedOnEnd",
  "assessment",
  "assessmentReason",
  "assessedById",
  "assessedAt",
  "createdById",
  "createdAt",
  "updatedAt",
] as const;

/**
 * The claims writer of one import: run-import.ts gives it the file a slice at a time (`add`), then
 * calls `finish`. Each slice goes through the same named steps: lookUpSlice (its references, the
 * claims it repeats and the documents it names, on the reader), planSlice (rows refused or bound
 * to an incident and a claimant), decideSlice (already present? held back for a superseded_by
 * link?) and prepareWrite (the statements that write it, queued on
 * the import's connection). `finish` checks the links (checkLinks), writes
 * the held-back rows, then refreshes or queues the figures. The fields below are what the steps
 * know of the file so far.
 */
class ClaimsWriter implements SliceWriter<ClaimsRow> {
  private readonly client: pg.PoolClient;
  private readonly options: PgWriteContext<ClaimsRow>["options"];
  private readonly summary: PgWriteContext<ClaimsRow>["summary"];
  private readonly step = stepTimer("claims import");
  private readonly now = new Date().toISOString();
  /** The import's connection: writes, one at a time (connection-lane.ts). */
  private readonly lane = connectionLane();
  // What a slice refers to, the stored claims it repeats and the documents its rows name are looked
  // up on a second connection, so PostgreSQL does it on another core while the import's connection
  // writes the last slice's claims. It reads committed rows only: the sources, claims and documents
  // this import wrote are known from memory (newSources, createdByKey, the document resolver's own).
  private reader: Promise<pg.PoolClient> | null = null;
  /** The reader's work, one slice's lookups at a time, in file order. */
  private readonly readerLane = connectionLane();
  /** Every slice given so far decided and its write queued, in file order; rejects with the first failure. */
  private decided: Promise<void> = Promise.resolve();

  private readonly incidents = incidentIndex();
  /** Sources that existed before the import, by slug; `newSources` are created by it. */
  private readonly sourceIdBySlug = new Map<string, string>();
  private readonly slugsLooked = new Set<string>();
  private readonly newSources = new Map<string, { id: string; kind: NonNullable<ClaimsRow["claimantKind"]> }>();
  private readonly sourcesMade = new Set<string>();
  private readonly userByName = new Map<string, string | null>(); // null = ambiguous or unknown
  /** Claims of the database the file names (claim_id, superseded_by); claims this import wrote are never among them. */
  private readonly dbClaimById = new Map<string, NamedClaim>();
  private readonly idsLooked = new Set<string>();
  /**
   * How many rows are planned so far, and those a superseded_by link can name (by the file's
   * claim_id, or by the id of the stored claim they repeat): the others are let go once written.
   */
  private plannedRows = 0;
  private readonly linkable: Planned[] = [];
  /** The claims the file will create, by key. */
  private readonly createdByKey = new Map<string, string>();
  /** claim_id in the file → the id the claim has in the database once imported. */
  private readonly fileIds = new Map<string, string>();
  /** Rows naming superseded_by: written at the end, once their link is checked. */
  private readonly heldBack: Planned[] = [];
  private readonly documents: ReturnType<typeof documentResolver>;
  private readonly touched = new Set<string>();
  /** Sources and documents that existed before the import, locked for the claims that name them (claim-references.ts). */
  private readonly lockedReferences = new Set<string>();
  private withoutTriggers: Promise<boolean> | null = null;
  private created = 0;

  constructor(private readonly ctx: PgWriteContext<ClaimsRow>) {
    this.client = ctx.client;
    this.options = ctx.options;
    this.summary = ctx.summary;
    this.documents = documentResolver(ctx.summary);
  }

  private readonly readerConnection = () => (this.reader ??= rawPool(this.ctx.url).connect());

  private readonly claimantId = (slug: string) => this.sourceIdBySlug.get(slug) ?? this.newSources.get(slug)!.id;

  /** The committed documents titled `titles`, on the reader (which cannot see the ones this import made). */
  private findDocumentsOnReader(titles: string[]): Promise<KnownDocument[]> {
    if (!titles.length) return Promise.resolve([]);
    return this.readerLane.run(async () => findDocuments(await this.readerConnection(), titles));
  }

  /**
   * The statements that write `rows`, made now, so that the connection runs them without waiting
   * for this thread: sources (new ones first), documents, then the claims, in incident order.
   */
  private prepareWrite(rows: Planned[], known: KnownDocument[]): () => Promise<void> {
    const toCreate = rows.filter((p) => p.create);
    const sources = [...new Set(toCreate.map((p) => p.claimantSlug))]
      .filter((slug) => this.newSources.has(slug) && !this.sourcesMade.has(slug))
      .sort();
    for (const slug of sources) this.sourcesMade.add(slug);
    const { documentOf, toMake } = this.documents(toCreate, this.claimantId, known);
    this.created += toCreate.length;
    for (const p of toCreate) {
      this.touched.add(p.incidentId);
      // The summary names (up to 20 of) the incidents given new claims, as the file names them.
      const code = p.row.value.incidentCode;
      if (this.summary.incidentCodes.length < 20 && !this.summary.incidentCodes.includes(code)) this.summary.incidentCodes.push(code);
    }
    // A refused file (or a dry run) stays refused: it is checked to the end, and nothing is written.
    if (!this.ctx.mayWrite() || !toCreate.length) return async () => {};
    const made = sources.map((slug) => ({ slug, ...this.newSources.get(slug)! }));
    const madeDocuments = new Set(toMake.map((d) => d.id));
    const toLock = (ids: Iterable<string | undefined>) => {
      const fresh = [...new Set(ids)].filter((id): id is string => id !== undefined && !this.lockedReferences.has(id));
      for (const id of fresh) this.lockedReferences.add(id);
      return fresh.sort();
    };
    const sourcesToLock = toLock(toCreate.map((p) => this.sourceIdBySlug.get(p.claimantSlug)));
    const documentsToLock = toLock(toCreate.map((p) => documentOf.get(p)).map((id) => (id && !madeDocuments.has(id) ? id : undefined)));
    const documentRows = copyText(toMake.map((d) => [d.id, d.sourceId, d.title, d.url, d.publishedOn, this.now]));
    // In incident order: each row's foreign-key check and index entry then land next to the last
    // one's (100,000 rows: 1.8 s against 2.5 s in file order).
    const claimRows = copyText(
      toCreate.sort(byIncident).map((p) => {
        const v = p.row.value;
        const enteredBy = v.enteredBy ? this.userByName.get(v.enteredBy) : undefined;
        const assessed = v.assessment !== "not_assessed";
        return [
          p.claimId,
          p.incidentId,
          this.claimantId(p.claimantSlug),
          documentOf.get(p) ?? null,
          v.metric,
          v.category,
          v.subgroup,
          v.valueMin,
          v.valueMax,
          v.qualifier,
          v.statement,
          v.statedOn,
          v.statedOnEnd,
          v.assessment,
          assessed ? `Assessed "${v.assessment}" in the imported file ${this.options.fileName}.` : null,
          assessed ? this.options.actorId : null,
          assessed ? this.now : null,
          enteredBy ?? this.options.actorId,
          v.enteredAt ? new Date(v.enteredAt).toISOString() : this.now,
          this.now,
        ];
      }),
    );
    return async () => {
      if (!this.ctx.mayWrite()) return;
      if (made.length) {
        await this.client.query(
          `INSERT INTO "Source" (id, slug, name, kind, notes, "createdAt", "updatedAt")
           SELECT s.id, s.slug, s.slug, s.kind::"SourceKind", s.notes, $5::timestamp(3), $5::timestamp(3)
             FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS s(id, slug, kind, notes)`,
          [
            made.map((s) => s.id),
            made.map((s) => s.slug),
            made.map((s) => s.kind),
            made.map(() => `Created by importing ${this.options.fileName}; check its name and whether it is a party to the conflict.`),
            this.now,
          ],
        );
      }
      if (documentRows.rows) await copyRowsIn(this.client, "Document", DOCUMENT_COLUMNS, documentRows);
      if (await (this.withoutTriggers ??= mayCopyClaimsWithoutTriggers(this.client))) {
        await lockClaimReferences(this.client, sourcesToLock, documentsToLock);
        await withoutRowTriggers(this.client, () => copyRowsIn(this.client, "Claim", CLAIM_COLUMNS, claimRows));
      } else {
        await copyRowsIn(this.client, "Claim", CLAIM_COLUMNS, claimRows);
      }
      this.step(`write ${claimRows.rows} claims`);
    };
  }

  /**
   * What a slice's rows refer to, looked up on the reader: sources, users and claims named by id
   * (what this slice adds to what the writer knows), then the rows' incidents with the stored claims
   * they repeat, and the committed documents they name.
   */
  private async lookUpSlice(client: pg.ClientBase, rows: ValidRow<ClaimsRow>[]) {
    const slugs = [...new Set(rows.map((r) => r.value.claimant))].filter((slug) => !this.slugsLooked.has(slug));
    for (const slug of slugs) this.slugsLooked.add(slug);
    if (slugs.length) {
      for (const s of (
        await client.query<{ id: string; slug: string }>(`SELECT id, slug FROM "Source" WHERE slug = ANY($1::text[])`, [slugs])
      ).rows)
        this.sourceIdBySlug.set(s.slug, s.id);
    }
    const names = [
      ...new Set(rows.flatMap((r) => (r.value.enteredBy && !this.userByName.has(r.value.enteredBy) ? [r.value.enteredBy] : []))),
    ];
    if (names.length) {
      for (const name of names) this.userByName.set(name, null);
      const users = (await client.query<{ id: string; name: string }>(`SELECT id, name FROM "User" WHERE name = ANY($1::text[])`, [names]))
        .rows;
      const count = new Map<string, number>();
      for (const u of users) count.set(u.name, (count.get(u.name) ?? 0) + 1);
      for (const u of users) this.userByName.set(u.name, count.get(u.name) === 1 ? u.id : null);
    }
    const ids = [
      ...new Set(
        rows.flatMap((r) => [r.value.claimId, r.value.supersededBy].filter((v): v is string => v !== null && !this.idsLooked.has(v))),
      ),
    ];
    for (const id of ids) this.idsLooked.add(id);
    if (ids.length) {
      const { rows: named } = await client.query<NamedClaim>(
        `SELECT id, "incidentId", "claimantId", metric::text AS metric, category::text AS category, subgroup, statement,
                to_char("statedOn", 'YYYY-MM-DD') AS "statedOn", "supersedesId"
           FROM "Claim" WHERE id = ANY($1::uuid[])`,
        [ids],
      );
      // An id this import wrote is the file's own (fileIds), not the database's.
      for (const c of named) if (!this.fileIds.has(c.id)) this.dbClaimById.set(c.id, c);
    }
    // Claimants are known first: a row is searched among its claimant's stored claims.
    const toFind: ClaimsRow[] = [];
    for (const r of rows) if (!this.incidents.missing.has(r.value.incidentCode)) toFind.push(r.value);
    const stored = await findIncidentsAndClaims(client, toFind, (slug) => this.sourceIdBySlug.get(slug), this.incidents);
    this.step("references, already present");
    const known = await findDocuments(client, [...new Set(rows.flatMap((r) => (r.value.documentTitle ? [r.value.documentTitle] : [])))]);
    return { stored, known };
  }

  /** A looked-up slice's rows planned: refused, or bound for an incident and a claimant, with their claim keys. */
  private planSlice(rows: ValidRow<ClaimsRow>[]): Checked {
    // ── plan each row ──
    const slice: Planned[] = [];
    for (const row of rows) {
      const v = row.value;
      const incidentId = incidentOf(this.incidents, v.incidentCode);
      if (!incidentId) {
        this.ctx.reject(row, "incident_code", problem("no_incident", { code: v.incidentCode }), v.incidentCode);
        continue;
      }
      if (!this.sourceIdBySlug.has(v.claimant) && !this.newSources.has(v.claimant)) {
        if (!v.claimantKind) {
          this.ctx.reject(row, "claimant", problem("no_source", { claimant: v.claimant }), v.claimant);
          continue;
        }
        this.newSources.set(v.claimant, { id: randomUUID(), kind: v.claimantKind });
      }
      slice.push({ row, incidentId, claimantSlug: v.claimant, claimId: v.claimId ?? newClaimId(), create: true });
    }
    const keys = new Map<Planned, string>();
    for (const p of slice) keys.set(p, claimKey(keyOf(p.row.value, p.incidentId, this.claimantId(p.claimantSlug))));
    this.step("plan rows");
    return { slice, keys };
  }

  /** Which of a checked slice's claims are already present; returns the rows to write now (held-back rows wait for the end). */
  private decideSlice({ slice, keys }: Checked, stored: Map<string, string>): Planned[] {
    const toWrite: Planned[] = [];
    for (const p of slice) {
      const v = p.row.value;
      const key = keys.get(p)!;
      const named = v.claimId ? this.dbClaimById.get(v.claimId) : undefined;
      if (named && claimKey(named) !== key) {
        this.ctx.reject(p.row, "claim_id", problem("claim_changed", { id: v.claimId ?? "" }), v.claimId ?? undefined);
        continue;
      }
      const present = named?.id ?? stored.get(key) ?? this.createdByKey.get(key);
      if (present) {
        p.create = false;
        p.claimId = present;
      } else {
        if (v.claimId && this.fileIds.has(v.claimId)) {
          this.ctx.reject(p.row, "claim_id", problem("claim_id_twice", { id: v.claimId }), v.claimId);
          continue;
        }
        this.createdByKey.set(key, p.claimId);
      }
      if (v.claimId) this.fileIds.set(v.claimId, p.claimId);
      this.plannedRows++;
      if (v.claimId || !p.create) this.linkable.push(p);
      if (v.supersededBy) this.heldBack.push(p);
      else toWrite.push(p);
    }
    this.step("already present");
    return toWrite;
  }

  /** Checks every superseded_by link of the file; returns the links to make. */
  private checkLinks() {
    type Link = { planned: Planned; newerId: string };
    const links: Link[] = [];
    const supersedesTaken = new Map<string, string>(); // newer claim → older one it supersedes
    for (const c of this.dbClaimById.values()) if (c.supersedesId) supersedesTaken.set(c.id, c.supersedesId);
    const plannedById = new Map(this.linkable.map((p) => [p.claimId, p]));
    for (const p of this.heldBack) {
      const target = p.row.value.supersededBy!;
      if (this.ctx.isRejected(p.row)) continue;
      const newerId = this.fileIds.get(target) ?? (this.dbClaimById.has(target) ? target : null);
      if (!newerId) {
        this.ctx.reject(p.row, "superseded_by", problem("superseded_by_unknown", { id: target }), target);
        continue;
      }
      const newer = plannedById.get(newerId);
      const newerDb = this.dbClaimById.get(newerId);
      const newerIncident = newer?.incidentId ?? newerDb?.incidentId;
      const newerClaimant = newer ? this.claimantId(newer.claimantSlug) : newerDb?.claimantId;
      if (newerId === p.claimId) this.ctx.reject(p.row, "superseded_by", problem("supersedes_itself"), target);
      else if (newerIncident !== p.incidentId || newerClaimant !== this.claimantId(p.claimantSlug)) {
        this.ctx.reject(p.row, "superseded_by", problem("supersedes_elsewhere"), target);
      } else if (supersedesTaken.has(newerId) && supersedesTaken.get(newerId) !== p.claimId) {
        this.ctx.reject(p.row, "superseded_by", problem("already_supersedes", { id: newerId }), target);
      } else {
        supersedesTaken.set(newerId, p.claimId);
        links.push({ planned: p, newerId });
      }
    }
    // A link to a row that was refused cannot be made: refuse the linking row too (and so on, down
    // the chain). Only held-back rows are refused here, and none of them is written yet.
    for (let changed = true; changed;) {
      changed = false;
      for (const link of links) {
        const newer = plannedById.get(link.newerId);
        if (!this.ctx.isRejected(link.planned.row) && newer && this.ctx.isRejected(newer.row)) {
          this.ctx.reject(link.planned.row, "superseded_by", problem("superseded_by_invalid", { id: link.newerId }), link.newerId);
          changed = true;
        }
      }
    }
    return links.filter((l) => !this.ctx.isRejected(l.planned.row) && this.dbClaimById.get(l.newerId)?.supersedesId !== l.planned.claimId);
  }

  /** After the last slice: the held-back rows and the links they make, then the figures. */
  readonly finish = async (): Promise<void> => {
    await this.decided;
    this.ctx.progress({ phase: "writing", done: 0, total: this.heldBack.length });
    const links = this.checkLinks();
    this.ctx.checkpoint();
    const rows = this.heldBack.filter((p) => !this.ctx.isRejected(p.row));
    const write = this.prepareWrite(rows, await this.findDocumentsOnReader(titlesOf(rows)));
    for (const l of links) this.touched.add(l.planned.incidentId);
    // Rows are refused after they are planned only here, among the held-back ones.
    const accepted = this.plannedRows - this.heldBack.filter((p) => this.ctx.isRejected(p.row)).length;
    this.summary.claimsCreated = this.created;
    this.summary.claimsAlreadyPresent = accepted - this.created;
    this.summary.claimsSuperseded = links.length;
    this.summary.sourcesCreated = [...this.sourcesMade].sort();
    await this.lane.run(async () => {
      await write();
      if (links.length) {
        await this.client.query(
          `UPDATE "Claim" c SET "supersedesId" = v.older, "version" = c."version" + 1
             FROM unnest($1::uuid[], $2::uuid[]) AS v(newer, older)
            WHERE c."id" = v.newer AND c."supersedesId" IS DISTINCT FROM v.older`,
          [links.map((l) => l.newerId), links.map((l) => l.planned.claimId)],
        );
      }
      this.step("held-back rows, links");
      await this.refreshOrQueueFigures();
    });
  };

  /** The figures of every incident the file touched: refreshed in the import's transaction, or queued for the worker above the threshold. */
  private async refreshOrQueueFigures(): Promise<void> {
    const ids = [...this.touched].sort();
    if (!ids.length) return;
    if (queuesFigures(ids.length, this.options.figures)) {
      // One statement in incident order: the worker takes requests in the order they were
      // queued, so its batches then read neighbouring incidents (queued slice by slice, their
      // order scattered, the worker took 63 s instead of 50 s for 100,000 incidents).
      await queueFigureRefresh(this.client, ids, this.options.actorId, this.now);
      this.summary.figuresQueued = ids.length;
      this.step("queue figures");
    } else {
      this.ctx.progress({ phase: "refreshing figures", done: 0, total: ids.length });
      await refreshFiguresOnConnection(this.client, ids, this.options.actorId);
      this.summary.figuresRefreshed = ids.length;
      this.ctx.progress({ phase: "refreshing figures", done: ids.length, total: ids.length });
      this.step("refresh figures");
    }
  }

  readonly add = (rows: ValidRow<ClaimsRow>[]): void => {
    // The reader looks up slice after slice, one statement per slice for its incidents and the
    // claims it repeats, while the import's connection writes the slices before. Once looked up,
    // the slice is planned and decided in file order, and its write is queued on the import's
    // connection with its statements made.
    const looked = this.readerLane.run(async () => this.lookUpSlice(await this.readerConnection(), rows));
    this.decided = Promise.all([this.decided, looked]).then(([, found]) => {
      // A failed write fails the lane: settled() and finish() report it.
      this.lane.run(this.prepareWrite(this.decideSlice(this.planSlice(rows), found.stored), found.known)).catch(() => {});
    });
    this.decided.catch(() => {});
  };

  readonly settled = (): Promise<void> => this.decided.then(() => this.lane.idle());

  readonly close = async (): Promise<void> => {
    await Promise.all([this.lane.close(), this.readerLane.close()]);
    await this.decided.catch(() => {});
    if (this.reader) (await this.reader.catch(() => null))?.release();
  };
}

export function openClaimsWriter(ctx: PgWriteContext<ClaimsRow>): SliceWriter<ClaimsRow> {
  return new ClaimsWriter(ctx);
}

/** The document titles rows name. */
const titlesOf = (rows: Planned[]) => [...new Set(rows.flatMap((p) => (p.row.value.documentTitle ? [p.row.value.documentTitle] : [])))];

type KnownDocument = { id: string; sourceId: string; title: string; url: string | null };
type MadeDocument = KnownDocument & { publishedOn: string | null };

const DOCUMENT_COLUMNS = ["id", "sourceId", "title", "url", "publishedOn", "createdAt"] as const;

/** The committed documents with one of `titles` (on the reader, which cannot see the ones this import made). */
async function findDocuments(client: pg.ClientBase, titles: string[]): Promise<KnownDocument[]> {
  if (!titles.length) return [];
  return (
    await client.query<KnownDocument>(`SELECT d.id, d."sourceId", d.title, d.url FROM "Document" d WHERE d.title = ANY($1::text[])`, [
      titles,
    ])
  ).rows;
}

/**
 * Finds or makes the document of each new claim, slice after slice, among the documents that
 * existed before the import (`known`) and those it made, which are matched from memory: so a slice
 * finds what the whole file would have found (and a dry run, which writes nothing, the same).
 */
function documentResolver(summary: { documentsCreated: number }) {
  const made = new Map<string, MadeDocument>(); // [publisher, title] → document
  return (
    toCreate: Planned[],
    claimantId: (slug: string) => string,
    known: KnownDocument[],
  ): { documentOf: Map<Planned, string>; toMake: MadeDocument[] } => {
    const documentOf = new Map<Planned, string>();
    const toMake: MadeDocument[] = [];
    const withDocument = toCreate.filter((p) => p.row.value.documentTitle);
    if (!withDocument.length) return { documentOf, toMake };
    const byTitle = new Map<string, KnownDocument[]>();
    for (const d of known) byTitle.set(d.title, [...(byTitle.get(d.title) ?? []), d]);
    for (const p of withDocument) {
      const v = p.row.value;
      const publisher = claimantId(p.claimantSlug);
      const candidates = byTitle.get(v.documentTitle!) ?? [];
      const match =
        candidates.find((d) => d.sourceId === publisher) ??
        (v.documentUrl ? candidates.find((d) => d.url === v.documentUrl) : undefined) ??
        (candidates.length === 1 ? candidates[0] : undefined);
      if (match) {
        documentOf.set(p, match.id);
        continue;
      }
      const key = JSON.stringify([publisher, v.documentTitle]);
      let document = made.get(key);
      if (!document) {
        // The first row to name a new document gives its URL and publication date.
        document = { id: randomUUID(), sourceId: publisher, title: v.documentTitle!, url: v.documentUrl, publishedOn: v.publishedOn };
        made.set(key, document);
        toMake.push(document);
      }
      documentOf.set(p, document.id);
    }
    summary.documentsCreated += toMake.length;
    return { documentOf, toMake };
  };
}
