// Creating, editing and merging incidents. Each change is one transaction with its audit event;
// edits name the version they read, so a stale save is refused (409) instead of overwriting.
import "server-only";
import type { z } from "zod";
import { audit } from "@/lib/audit";
import type { Db, Tx } from "@/lib/db";
import { AppError, ConflictError, NotFoundError } from "@/lib/errors";
import { refreshIncidentFigures } from "@/lib/figures/refresh-figures";
import { IncidentUpdateSchema, IncidentValuesSchema, MergeSchema, type IncidentValues } from "@/lib/validation/incident";
import { nextIncidentCode } from "./incident-code";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

function incidentData(values: IncidentValues) {
  const { actors: _actors, ...fields } = values;
  return { ...fields, dateStart: day(values.dateStart), dateEnd: day(values.dateEnd) };
}

/** What the history shows of an incident: its editable fields, dates as YYYY-MM-DD. */
export function incidentAuditView(incident: Record<string, unknown> & { dateStart: Date; dateEnd: Date }, actors: { name: string; role: string }[]) {
  const { id: _id, createdAt: _c, updatedAt: _u, headlineLow: _hl, headlineBest: _hb, headlineHigh: _hh, headlineContested: _hc, flags: _f, ...rest } = incident;
  return { ...rest, dateStart: incident.dateStart.toISOString().slice(0, 10), dateEnd: incident.dateEnd.toISOString().slice(0, 10), actors: actors.map((a) => `${a.name} (${a.role})`) };
}

export async function createIncident(db: Db, input: z.input<typeof IncidentValuesSchema>, actorId: string | null) {
  const values = IncidentValuesSchema.parse(input);
  return db.$transaction(async (tx) => {
    const code = await nextIncidentCode(tx, values.countryIso3, values.dateStart);
    const incident = await tx.incident.create({
      data: { ...incidentData(values), code, createdById: actorId, updatedById: actorId, actors: { create: values.actors } },
    });
    await audit(tx, { actorId, action: "incident.create", entityType: "Incident", entityId: incident.id, incidentId: incident.id, after: incidentAuditView(incident, values.actors) });
    return incident;
  });
}

async function lockedIncident(tx: Tx, code: string) {
  const found = await tx.incident.findUnique({ where: { code }, select: { id: true } });
  if (!found) throw new NotFoundError(`Incident ${code}`);
  await tx.$executeRaw`SELECT 1 FROM "Incident" WHERE "id" = ${found.id}::uuid FOR UPDATE`;
  return tx.incident.findUniqueOrThrow({ where: { id: found.id }, include: { actors: true } });
}

export async function updateIncident(db: Db, code: string, input: z.input<typeof IncidentUpdateSchema>, actorId: string | null) {
  const values = IncidentUpdateSchema.parse(input);
  return db.$transaction(async (tx) => {
    const before = await lockedIncident(tx, code);
    if (before.mergedIntoId) throw new ConflictError("This incident was merged into another; edit that one instead.");
    if (before.version !== values.expectedVersion) {
      const { actors, ...current } = before;
      throw new ConflictError(
        `Someone else saved this incident (now version ${before.version}, you edited version ${values.expectedVersion}). Their values are shown; your input is kept.`,
        { ...incidentAuditView(current, actors), version: before.version },
      );
    }
    const { expectedVersion: _v, ...fields } = values;
    await tx.incidentActor.deleteMany({ where: { incidentId: before.id } });
    const incident = await tx.incident.update({
      where: { id: before.id },
      data: { ...incidentData(fields), version: { increment: 1 }, updatedById: actorId, actors: { create: fields.actors } },
    });
    const { actors: beforeActors, ...beforeFields } = before;
    await audit(tx, {
      actorId,
      action: "incident.update",
      entityType: "Incident",
      entityId: incident.id,
      incidentId: incident.id,
      before: incidentAuditView(beforeFields, beforeActors),
      after: incidentAuditView(incident, fields.actors),
    });
    return incident;
  });
}

/** Merges `code` into `targetCode`: claims, actors and history move or stay linked; the old code redirects. */
export async function mergeIncidents(db: Db, code: string, input: z.input<typeof MergeSchema>, actorId: string | null) {
  const values = MergeSchema.parse(input);
  if (values.targetCode === code) throw new AppError(400, "Invalid input — targetCode: an incident cannot be merged into itself", "invalid", { targetCode: ["an incident cannot be merged into itself"] });
  return db.$transaction(async (tx) => {
    // No merge while an import runs: a claims import does not lock the incidents it adds claims
    // to, so claims it adds to this one after we moved them would stay behind (migration
    // 20261124000000). Taken first, before any incident, so it cannot deadlock with the import.
    const [lock] = await tx.$queryRaw<{ free: boolean }[]>`SELECT pg_try_advisory_xact_lock_shared(hashtext('triangulate:import')) AS free`;
    if (!lock?.free) throw new ConflictError("A file is being imported: merge these incidents once the import has finished.");
    // Lock in id order, as every writer locks incidents (an import's figures, the figure queue): two opposite
    // merges, or a merge and an import, then cannot deadlock.
    const ids = await tx.incident.findMany({ where: { code: { in: [code, values.targetCode] } }, select: { id: true, code: true } });
    const [first, second] = [code, values.targetCode].sort((a, b) => {
      const idOf = (c: string) => ids.find((i) => i.code === c)?.id ?? c;
      return idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0;
    });
    const locked = new Map([
      [first!, await lockedIncident(tx, first!)],
      [second!, await lockedIncident(tx, second!)],
    ]);
    const source = locked.get(code)!;
    const target = locked.get(values.targetCode)!;
    if (source.mergedIntoId || target.mergedIntoId) throw new ConflictError("One of these incidents has already been merged.");
    if (source.version !== values.expectedVersion || target.version !== values.targetExpectedVersion) {
      throw new ConflictError("One of the incidents changed since you opened it. Reload both and merge again.");
    }
    const moved = await tx.claim.updateMany({ where: { incidentId: source.id }, data: { incidentId: target.id } });
    const targetActors = new Set(target.actors.map((a) => `${a.name}\u0000${a.role}`));
    const newActors = source.actors.filter((a) => !targetActors.has(`${a.name}\u0000${a.role}`));
    if (newActors.length) await tx.incidentActor.createMany({ data: newActors.map((a) => ({ incidentId: target.id, name: a.name, role: a.role })) });
    // The source's decisions judged its own claims; they no longer apply on their own.
    await tx.reconciliationDecision.updateMany({ where: { incidentId: source.id, withdrawnAt: null }, data: { withdrawnAt: new Date() } });
    await tx.incident.update({ where: { id: source.id }, data: { mergedIntoId: target.id, version: { increment: 1 }, updatedById: actorId } });
    await tx.incident.update({ where: { id: target.id }, data: { version: { increment: 1 }, updatedById: actorId } });
    await refreshIncidentFigures(tx, source.id, actorId);
    await refreshIncidentFigures(tx, target.id, actorId);
    const detail = { mergedCode: source.code, intoCode: target.code, claimsMoved: moved.count, actorsAdded: newActors.length };
    await audit(tx, { actorId, action: "incident.merge", entityType: "Incident", entityId: target.id, incidentId: target.id, after: detail });
    await audit(tx, { actorId, action: "incident.merged_into", entityType: "Incident", entityId: source.id, incidentId: source.id, after: detail });
    return { target, claimsMoved: moved.count };
  });
}
