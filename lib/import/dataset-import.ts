// ACLED and UCDP GED rows → incidents carrying one claim each, attributed to the dataset as a
// claimant (a Source of kind "dataset"), so the dataset's figure sits beside other sources'.
//
// - An incident is matched by its external id (ACLED event_id_cnty → acledEventId, GED id →
//   ucdpId). A matched incident is left as editors made it; only the dataset's claim is added.
// - New incidents get the next free code of their country and year (MLI-2025-0042), under the
//   same per-prefix lock as incidents created by editors.
// - The claim: ACLED fatalities → killed · unspecified, exact. GED low/high → killed ·
//   unspecified, the interval [low, high] (exact when equal, else range); the statement keeps
//   GED's best and its breakdown. The statement and date identify the claim: the same row
//   imported again adds nothing; a changed figure adds a new claim that supersedes the old one.
// - Every file becomes a Document of the dataset ("ACLED file acled-2025.csv"), so each claim
//   says which file it came from.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db";
import { queueFigureRefresh, queuesFigures } from "@/lib/figures/figure-queue";
import { refreshFiguresInBulk } from "@/lib/figures/refresh-figures";
import { ACTOR_COLUMNS, CLAIM_COLUMNS, INCIDENT_COLUMNS, insertRows } from "@/lib/db/bulk-sql";
import type { DatasetEvent } from "@/lib/validation/dataset-event";
import type { ValidRow, WriteContext } from "./import-types";
import { problem } from "./row-problems";
import { dayDate, isoDay } from "@/lib/validation/calendar-day";

export const DATASET_SOURCES = {
  acled: {
    slug: "acled",
    name: "ACLED (Armed Conflict Location & Event Data)",
    url: "https://acleddata.com",
    label: "ACLED",
    field: "acledEventId",
  },
  ucdp: { slug: "ucdp-ged", name: "UCDP Georeferenced Event Dataset (GED)", url: "https://ucdp.uu.se", label: "UCDP GED", field: "ucdpId" },
} as const;

const CHUNK = 1000;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Allocates codes ISO3-YYYY-NNNN for new incidents, numbering on from the highest code in use. */
async function allocateCodes(tx: Tx, events: DatasetEvent[]): Promise<string[]> {
  const next = new Map<string, number>();
  for (const prefix of [...new Set(events.map((e) => `${e.countryIso3}-${e.dateStart.slice(0, 4)}-`))].sort()) {
    // The same lock as lib/incidents/incident-code.ts takes, so an editor creating an incident meanwhile waits.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${prefix}))`;
    // The position is cast: an untyped parameter would make PostgreSQL pick substring(text FROM pattern).
    const rows = await tx.$queryRaw<{ n: number | null }[]>`
      SELECT max(substring("code" FROM ${prefix.length + 1}::int)::int) AS n
      FROM "Incident" WHERE "code" LIKE ${prefix + "%"} AND substring("code" FROM ${prefix.length + 1}::int) ~ '^[0-9]+$'`;
    next.set(prefix, (rows[0]?.n ?? 0) + 1);
  }
  return events.map((e) => {
    const prefix = `${e.countryIso3}-${e.dateStart.slice(0, 4)}-`;
    const n = next.get(prefix)!;
    next.set(prefix, n + 1);
    return `${prefix}${String(n).padStart(4, "0")}`;
  });
}

export async function writeDatasetEvents(ctx: WriteContext<DatasetEvent>, dataset: keyof typeof DATASET_SOURCES): Promise<void> {
  const { tx, options, summary } = ctx;
  const meta = DATASET_SOURCES[dataset];
  const field = meta.field;

  // ── check: an event appears once per file ──
  const firstRow = new Map<string, ValidRow<DatasetEvent>>();
  const rows: ValidRow<DatasetEvent>[] = [];
  for (const row of ctx.rows) {
    const earlier = firstRow.get(row.value.externalId);
    if (earlier) {
      ctx.reject(
        row,
        dataset === "acled" ? "event_id_cnty" : "id",
        problem("event_twice", { id: row.value.externalId, row: String(earlier.row) }),
        row.value.externalId,
      );
    } else {
      firstRow.set(row.value.externalId, row);
      rows.push(row);
    }
  }
  ctx.checkpoint();
  ctx.progress({ phase: "writing", done: 0, total: rows.length });

  // ── the dataset as a source, the file as its document ──
  const source = await tx.source.upsert({
    where: { slug: meta.slug },
    create: { slug: meta.slug, name: meta.name, kind: "dataset", url: meta.url, notes: `Created by the first ${meta.label} import.` },
    update: {},
  });
  const documentTitle = `${meta.label} file ${options.fileName}`.slice(0, 500);
  const existingDocument = await tx.document.findUnique({ where: { sourceId_title: { sourceId: source.id, title: documentTitle } } });
  const document =
    existingDocument ??
    (await tx.document.create({
      data: { sourceId: source.id, title: documentTitle, accessedOn: dayDate(new Date().toISOString().slice(0, 10)) },
    }));
  if (!existingDocument) summary.documentsCreated++;

  // ── match incidents by external id ──
  const incidentIds = new Map<string, string>();
  for (const part of chunks(
    rows.map((r) => r.value.externalId),
    5000,
  )) {
    const found = await tx.incident.findMany({ where: { [field]: { in: part } }, select: { id: true, acledEventId: true, ucdpId: true } });
    for (const i of found) incidentIds.set((dataset === "acled" ? i.acledEventId : i.ucdpId)!, i.id);
  }
  const fresh = rows.filter((r) => !incidentIds.has(r.value.externalId)).map((r) => r.value);
  summary.incidentsMatched = rows.length - fresh.length;

  // ── create the new incidents, their actors ──
  const codes = await allocateCodes(tx, fresh);
  const newIds = fresh.map(() => randomUUID());
  const now = new Date().toISOString();
  await insertRows(
    tx,
    "Incident",
    INCIDENT_COLUMNS,
    fresh.map((e, i) => ({
      id: newIds[i],
      code: codes[i],
      title: e.title,
      summary: e.summary,
      dateStart: e.dateStart,
      dateEnd: e.dateEnd,
      datePrecision: e.datePrecision,
      placeName: e.placeName,
      admin1: e.admin1,
      admin2: e.admin2,
      countryIso3: e.countryIso3,
      latitude: e.latitude,
      longitude: e.longitude,
      locationPrecision: e.locationPrecision,
      eventType: e.eventType,
      subEventType: e.subEventType,
      acledEventId: dataset === "acled" ? e.externalId : null,
      ucdpId: dataset === "ucdp" ? e.externalId : null,
      createdById: options.actorId,
      updatedById: options.actorId,
      createdAt: now,
      updatedAt: now,
    })),
  );
  ctx.progress({ phase: "writing", done: fresh.length, total: rows.length });
  fresh.forEach((e, i) => incidentIds.set(e.externalId, newIds[i]!));
  summary.incidentsCreated = fresh.length;
  summary.incidentCodes = codes.slice(0, 20);
  const actors = fresh.flatMap((e, i) => e.actors.map((a) => ({ id: randomUUID(), incidentId: newIds[i]!, name: a.name, role: a.role })));
  await insertRows(tx, "IncidentActor", ACTOR_COLUMNS, actors, { skipDuplicates: true });

  // ── the dataset's claims: skip what is already there, supersede what changed ──
  const freshSet = new Set(fresh);
  const matchedIds = rows.filter((r) => !freshSet.has(r.value)).map((r) => incidentIds.get(r.value.externalId)!);
  const previous = new Map<string, { id: string; statement: string; statedOn: string | null; supersedable: boolean; createdAt: Date }[]>();
  for (const part of chunks(matchedIds, 5000)) {
    const claims = await tx.claim.findMany({
      where: {
        incidentId: { in: part },
        claimantId: source.id,
        metric: "killed",
        category: "unspecified",
        subgroup: null,
        retractedAt: null,
      },
      select: { id: true, incidentId: true, statement: true, statedOn: true, createdAt: true, supersededBy: { select: { id: true } } },
    });
    for (const c of claims) {
      const list = previous.get(c.incidentId) ?? [];
      list.push({
        id: c.id,
        statement: c.statement,
        statedOn: isoDay(c.statedOn),
        supersedable: c.supersededBy === null,
        createdAt: c.createdAt,
      });
      previous.set(c.incidentId, list);
    }
  }
  const newClaims: { id: string; incidentId: string; supersedesId: string | null; [column: string]: unknown }[] = [];
  for (const { value: e } of rows) {
    const incidentId = incidentIds.get(e.externalId)!;
    const earlier = previous.get(incidentId) ?? [];
    if (earlier.some((c) => c.statement === e.claim.statement && c.statedOn === e.claim.statedOn)) {
      summary.claimsAlreadyPresent++;
      continue;
    }
    // The dataset's current figure for this event is the newest one nobody has superseded.
    const current = earlier.filter((c) => c.supersedable).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
    if (current) summary.claimsSuperseded++;
    newClaims.push({
      id: randomUUID(),
      incidentId,
      claimantId: source.id,
      documentId: document.id,
      metric: "killed",
      category: "unspecified",
      valueMin: e.claim.valueMin,
      valueMax: e.claim.valueMax,
      qualifier: e.claim.qualifier,
      subgroup: null,
      statement: e.claim.statement,
      statedOn: e.claim.statedOn,
      statedOnEnd: null,
      supersedesId: current?.id ?? null,
      assessment: "not_assessed",
      assessmentReason: null,
      assessedById: null,
      assessedAt: null,
      createdById: options.actorId,
      createdAt: now,
      updatedAt: now,
    });
  }
  await insertRows(tx, "Claim", CLAIM_COLUMNS, newClaims);
  summary.claimsCreated = newClaims.length;

  // ── figures of every incident that got a claim: here, or by the worker for a large file (as claims files) ──
  const touched = [...new Set(newClaims.map((c) => c.incidentId))];
  if (queuesFigures(touched.length, options.figures)) {
    await queueFigureRefresh(tx, touched, options.actorId, now);
    summary.figuresQueued = touched.length;
    return;
  }
  ctx.progress({ phase: "refreshing figures", done: 0, total: touched.length });
  await refreshFiguresInBulk(tx, touched, options.actorId, (done) =>
    ctx.progress({ phase: "refreshing figures", done, total: touched.length }),
  );
  summary.figuresRefreshed = touched.length;
}
