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
import { createHash, randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db";
import { refreshFiguresInBulk } from "./bulk-refresh";
import { CLAIM_COLUMNS, insertRows } from "./bulk-sql";
import type { ClaimsRow } from "@/lib/validation/claims-row";
import type { ValidRow, WriteContext } from "./run-import";

const CHUNK = 1000;
const LOOKUP_CHUNK = 5000;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const day = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);
const isoDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

type KeyParts = { incidentId: string; claimantId: string; metric: string; category: string; subgroup: string | null; statement: string; statedOn: string | null };
/** A digest rather than the text itself: a 100,000-row file against as many stored claims keeps a few MB of keys, not the statements twice over. */
const claimKey = (k: KeyParts) => createHash("sha256").update(JSON.stringify([k.incidentId, k.claimantId, k.metric, k.category, k.subgroup, k.statement, k.statedOn])).digest("base64");

type Planned = {
  row: ValidRow<ClaimsRow>;
  incidentId: string;
  /** Known when the claimant exists; new sources get theirs at write time. */
  claimantSlug: string;
  claimId: string;
  /** false = the claim is already present (in the database or earlier in the file). */
  create: boolean;
};

async function findInChunks<T>(keys: string[], find: (part: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (const part of chunks([...new Set(keys)], LOOKUP_CHUNK)) out.push(...(await find(part)));
  return out;
}

export async function writeClaims(ctx: WriteContext<ClaimsRow>): Promise<void> {
  const { tx, options, summary } = ctx;
  const rows = ctx.rows;
  ctx.progress({ phase: "checking references", done: 0, total: rows.length });

  // ── incidents (following merges) ──
  const incidents = await findInChunks(
    rows.map((r) => r.value.incidentCode),
    (part) => tx.incident.findMany({ where: { code: { in: part } }, select: { id: true, code: true, mergedIntoId: true } }),
  );
  const incidentByCode = new Map(incidents.map((i) => [i.code, i]));
  const resolveIncident = async (code: string): Promise<string | null> => {
    let incident = incidentByCode.get(code);
    for (let hops = 0; incident?.mergedIntoId && hops < 10; hops++) {
      const target = await tx.incident.findUnique({ where: { id: incident.mergedIntoId }, select: { id: true, code: true, mergedIntoId: true } });
      if (!target) break;
      incident = target;
    }
    return incident?.id ?? null;
  };

  // ── sources ──
  const sources = await findInChunks(
    rows.map((r) => r.value.claimant),
    (part) => tx.source.findMany({ where: { slug: { in: part } }, select: { id: true, slug: true } }),
  );
  const sourceIdBySlug = new Map(sources.map((s) => [s.slug, s.id]));
  const newSources = new Map<string, { id: string; kind: NonNullable<ClaimsRow["claimantKind"]> }>();

  // ── users named in entered_by ──
  const names = [...new Set(rows.flatMap((r) => (r.value.enteredBy ? [r.value.enteredBy] : [])))];
  const users = names.length ? await tx.user.findMany({ where: { name: { in: names } }, select: { id: true, name: true } }) : [];
  const userByName = new Map<string, string | null>();
  for (const u of users) userByName.set(u.name, userByName.has(u.name) ? null : u.id); // null = ambiguous

  // ── claims the file names by id ──
  const namedIds = rows.flatMap((r) => [r.value.claimId, r.value.supersededBy].filter((v): v is string => v !== null));
  const namedClaims = await findInChunks(namedIds, (part) =>
    tx.claim.findMany({
      where: { id: { in: part } },
      select: { id: true, incidentId: true, claimantId: true, metric: true, category: true, subgroup: true, statement: true, statedOn: true, supersedesId: true, supersededBy: { select: { id: true } } },
    }),
  );
  const dbClaimById = new Map(namedClaims.map((c) => [c.id, c]));

  // ── plan each row ──
  const planned: Planned[] = [];
  for (const row of rows) {
    const v = row.value;
    const incidentId = await resolveIncident(v.incidentCode);
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

  // ── what is already present ──
  const existing = await findInChunks(
    planned.map((p) => p.incidentId),
    (part) =>
      tx.claim.findMany({
        where: { incidentId: { in: part } },
        select: { id: true, incidentId: true, claimantId: true, metric: true, category: true, subgroup: true, statement: true, statedOn: true },
      }),
  );
  const existingByKey = new Map(existing.map((c) => [claimKey({ ...c, statedOn: isoDay(c.statedOn) }), c.id]));
  const plannedByKey = new Map<string, Planned>();
  /** claim_id in the file → the id the claim has in the database once imported. */
  const fileIds = new Map<string, string>();
  for (const p of planned) {
    const v = p.row.value;
    const key = claimKey({ incidentId: p.incidentId, claimantId: claimantId(p.claimantSlug), metric: v.metric, category: v.category, subgroup: v.subgroup, statement: v.statement, statedOn: v.statedOn });
    const named = v.claimId ? dbClaimById.get(v.claimId) : undefined;
    if (named) {
      const namedKey = claimKey({ ...named, statedOn: isoDay(named.statedOn) });
      if (namedKey !== key) {
        ctx.reject(p.row, "claim_id", `claim ${v.claimId} already exists with different content (incident, claimant, metric, category, subgroup, statement or stated_on differ): leave claim_id empty to add a new claim`, v.claimId ?? undefined);
        continue;
      }
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

  // ── write: sources, documents, claims, links ──
  const accepted = planned.filter((p) => !ctx.isRejected(p.row));
  const toCreate = accepted.filter((p) => p.create);
  const usedNewSources = [...new Set(toCreate.map((p) => p.claimantSlug))].filter((slug) => newSources.has(slug));
  if (usedNewSources.length) {
    await tx.source.createMany({
      data: usedNewSources.map((slug) => ({ id: newSources.get(slug)!.id, slug, name: slug, kind: newSources.get(slug)!.kind, notes: `Created by importing ${options.fileName}; check its name and whether it is a party to the conflict.` })),
    });
    summary.sourcesCreated = usedNewSources.sort();
  }

  const documentIds = await resolveDocuments(tx, toCreate, claimantId, summary);
  ctx.progress({ phase: "writing", done: 0, total: toCreate.length });
  const now = new Date().toISOString();
  await insertRows(
    tx,
    "Claim",
    CLAIM_COLUMNS,
    toCreate.map((p) => {
      const v = p.row.value;
      const enteredBy = v.enteredBy ? userByName.get(v.enteredBy) : undefined;
      const assessed = v.assessment !== "not_assessed";
      return {
        id: p.claimId,
        incidentId: p.incidentId,
        claimantId: claimantId(p.claimantSlug),
        documentId: documentIds.get(p) ?? null,
        metric: v.metric,
        category: v.category,
        subgroup: v.subgroup,
        valueMin: v.valueMin,
        valueMax: v.valueMax,
        qualifier: v.qualifier,
        statement: v.statement,
        statedOn: v.statedOn,
        statedOnEnd: v.statedOnEnd,
        supersedesId: null,
        assessment: v.assessment,
        assessmentReason: assessed ? `Assessed "${v.assessment}" in the imported file ${options.fileName}.` : null,
        assessedById: assessed ? options.actorId : null,
        assessedAt: assessed ? now : null,
        createdById: enteredBy ?? options.actorId,
        createdAt: v.enteredAt ? new Date(v.enteredAt).toISOString() : now,
        updatedAt: now,
      };
    }),
  );
  ctx.progress({ phase: "writing", done: toCreate.length, total: toCreate.length });
  summary.claimsCreated = toCreate.length;
  summary.claimsAlreadyPresent = accepted.length - toCreate.length;

  const newLinks = links.filter((l) => !ctx.isRejected(l.planned.row) && dbClaimById.get(l.newerId)?.supersedesId !== l.planned.claimId);
  for (const part of chunks(newLinks)) {
    await tx.$executeRaw`
      UPDATE "Claim" c SET "supersedesId" = v.older, "version" = c."version" + 1
      FROM unnest(${part.map((l) => l.newerId)}::uuid[], ${part.map((l) => l.planned.claimId)}::uuid[]) AS v(newer, older)
      WHERE c."id" = v.newer AND c."supersedesId" IS DISTINCT FROM v.older`;
  }
  summary.claimsSuperseded = newLinks.length;

  // ── figures of every incident whose claims changed ──
  const touched = [...new Set([...toCreate.map((p) => p.incidentId), ...newLinks.map((l) => l.planned.incidentId)])];
  ctx.progress({ phase: "refreshing figures", done: 0, total: touched.length });
  await refreshFiguresInBulk(tx, touched, options.actorId, (done) => ctx.progress({ phase: "refreshing figures", done, total: touched.length }));
  summary.figuresRefreshed = touched.length;
}

async function resolveDocuments(tx: Tx, toCreate: Planned[], claimantId: (slug: string) => string, summary: { documentsCreated: number }): Promise<Map<Planned, string>> {
  const withDocument = toCreate.filter((p) => p.row.value.documentTitle);
  const known = await findInChunks(
    withDocument.map((p) => p.row.value.documentTitle!),
    (part) => tx.document.findMany({ where: { title: { in: part } }, select: { id: true, sourceId: true, title: true, url: true } }),
  );
  const byTitle = new Map<string, typeof known>();
  for (const d of known) byTitle.set(d.title, [...(byTitle.get(d.title) ?? []), d]);

  const result = new Map<Planned, string>();
  const toMake = new Map<string, { id: string; sourceId: string; title: string; url: string | null; publishedOn: Date | null }>();
  for (const p of withDocument) {
    const v = p.row.value;
    const publisher = claimantId(p.claimantSlug);
    const candidates = byTitle.get(v.documentTitle!) ?? [];
    const match =
      candidates.find((d) => d.sourceId === publisher) ??
      (v.documentUrl ? candidates.find((d) => d.url === v.documentUrl) : undefined) ??
      (candidates.length === 1 ? candidates[0] : undefined);
    if (match) {
      result.set(p, match.id);
      continue;
    }
    const key = JSON.stringify([publisher, v.documentTitle]);
    const made = toMake.get(key) ?? { id: randomUUID(), sourceId: publisher, title: v.documentTitle!, url: v.documentUrl, publishedOn: day(v.publishedOn) };
    toMake.set(key, made);
    result.set(p, made.id);
  }
  for (const part of chunks([...toMake.values()])) await tx.document.createMany({ data: part });
  summary.documentsCreated = toMake.size;
  return result;
}
