// Creating, editing and merging incidents. Each change is one transaction with its audit event;
// edits name the version they read, so a stale save is refused (409) instead of overwriting.
import "server-only";
import type { z } from "zod";
import { audit } from "@/lib/audit";
import type { Db, Tx } from "@/lib/db";
import { writeTransaction } from "@/lib/db/write-transaction";
import { AppError, ConflictError, NotFoundError } from "@/lib/errors";
import { refreshIncidentFigures } from "@/lib/figures/refresh-figures";
import { EDITABLE_INCIDENT_FIELDS } from "@/lib/domain/incident-fields";
import { IncidentUpdateSchema, IncidentValuesSchema, MergeSchema, type IncidentValues } from "@/lib/validation/incident";
import { nextIncidentCode } from "./incident-code";
import { threeWayMerge, type MergeOutcome } from "./three-way-merge";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

function incidentData(values: IncidentValues) {
  const { actors: _actors, ...fields } = values;
  return { ...fields, dateStart: day(values.dateStart), dateEnd: day(values.dateEnd) };
}

type IncidentView = Record<string, unknown>;

/** What the history shows of an incident: its editable fields, dates as YYYY-MM-DD. */
export function incidentAuditView(
  incident: Record<string, unknown> & { dateStart: Date; dateEnd: Date },
  actors: { name: string; role: string }[],
) {
  const {
    id: _id,
    createdAt: _c,
    updatedAt: _u,
    headlineLow: _hl,
    headlineBest: _hb,
    headlineHigh: _hh,
    headlineContested: _hc,
    flags: _f,
    ...rest
  } = incident;
  return {
    ...rest,
    dateStart: incident.dateStart.toISOString().slice(0, 10),
    dateEnd: incident.dateEnd.toISOString().slice(0, 10),
    actors: actors.map((a) => `${a.name} (${a.role})`),
  };
}

export async function createIncident(db: Db, input: z.input<typeof IncidentValuesSchema>, actorId: string | null) {
  const values = IncidentValuesSchema.parse(input);
  return writeTransaction(db, async (tx) => {
    const code = await nextIncidentCode(tx, values.countryIso3, values.dateStart);
    const incident = await tx.incident.create({
      data: { ...incidentData(values), code, createdById: actorId, updatedById: actorId, actors: { create: values.actors } },
    });
    await audit(tx, {
      actorId,
      action: "incident.create",
      entityType: "Incident",
      entityId: incident.id,
      incidentId: incident.id,
      after: incidentAuditView(incident, values.actors),
    });
    return incident;
  });
}

async function lockedIncident(tx: Tx, code: string) {
  const found = await tx.incident.findUnique({ where: { code }, select: { id: true } });
  if (!found) throw new NotFoundError(`Incident ${code}`);
  await tx.$executeRaw`SELECT 1 FROM "Incident" WHERE "id" = ${found.id}::uuid FOR UPDATE`;
  return tx.incident.findUniqueOrThrow({ where: { id: found.id }, include: { actors: true } });
}

/**
 * The incident as it was at `version`, from the audit trail: an edit's `before` holds the whole
 * editable state at the version it replaced. Null when no event records that version (e.g. a
 * version made by a merge, which records no snapshot): the caller then asks the editor.
 */
async function incidentAtVersion(tx: Tx, incidentId: string, version: number): Promise<Partial<IncidentView> | null> {
  const rows = await tx.$queryRaw<{ snapshot: Partial<IncidentView> }[]>`
    SELECT CASE WHEN "action" = 'incident.update' THEN "before" ELSE "after" END AS snapshot
    FROM "AuditEvent"
    WHERE "entityType" = 'Incident' AND "entityId" = ${incidentId}
      AND (("action" = 'incident.update' AND ("before"->>'version')::int = ${version})
        OR ("action" = 'incident.create' AND ("after"->>'version')::int = ${version}))
    ORDER BY "at" ASC
    LIMIT 1`;
  return rows[0]?.snapshot ?? null;
}

export type IncidentSaveReport = { keptTheirs: string[]; mergedFromVersion: number | null };

export async function updateIncident(db: Db, code: string, input: z.input<typeof IncidentUpdateSchema>, actorId: string | null) {
  const values = IncidentUpdateSchema.parse(input);
  return writeTransaction(db, async (tx) => {
    const before = await lockedIncident(tx, code);
    if (before.mergedIntoId) throw new ConflictError("This incident was merged into another; edit that one instead.");
    const { expectedVersion, ...yours } = values;
    const { actors: beforeActors, ...beforeFields } = before;
    const theirsView: IncidentView = incidentAuditView(beforeFields, beforeActors);
    let fields: IncidentValues = yours;
    const report: IncidentSaveReport = { keptTheirs: [], mergedFromVersion: null };
    if (before.version > expectedVersion) {
      // Someone saved since this editor opened the incident: merge rather than overwrite.
      const base = await incidentAtVersion(tx, before.id, expectedVersion);
      const yoursView: IncidentView = incidentAuditView({ ...beforeFields, ...incidentData(yours) }, yours.actors);
      const outcome: MergeOutcome<IncidentView> = base
        ? threeWayMerge(base, theirsView, yoursView, EDITABLE_INCIDENT_FIELDS)
        : // No record of what they opened: every field that differs is theirs to decide.
          threeWayMerge(yoursView, theirsView, yoursView, EDITABLE_INCIDENT_FIELDS);
      if (!base)
        outcome.conflicts = EDITABLE_INCIDENT_FIELDS.filter((f) => outcome.keptTheirs.includes(f)).map((field) => ({
          field,
          base: null,
          theirs: theirsView[field],
          yours: yoursView[field],
        }));
      if (outcome.conflicts.length) {
        const proposal = { ...outcome.merged, actors: undefined };
        throw new ConflictError(
          `Someone else saved this incident (now version ${before.version}, you edited version ${expectedVersion}) and changed ${outcome.conflicts.length === 1 ? "a field" : "fields"} you changed too: choose which value to keep for each. Their other changes are kept.`,
          { ...theirsView, version: before.version },
          {
            conflicts: outcome.conflicts,
            proposal: {
              ...proposal,
              actors: outcome.keptTheirs.includes("actors") ? beforeActors.map((a) => ({ name: a.name, role: a.role })) : yours.actors,
              version: before.version,
            },
          },
        );
      }
      const theirsValues: IncidentValues = {
        ...yours,
        ...Object.fromEntries(EDITABLE_INCIDENT_FIELDS.filter((f) => f !== "actors").map((f) => [f, theirsView[f]])),
        actors: beforeActors.map((a) => ({ name: a.name, role: a.role as IncidentValues["actors"][number]["role"] })),
      } as IncidentValues;
      fields = {
        ...yours,
        ...Object.fromEntries(outcome.keptTheirs.map((f) => [f, theirsValues[f as keyof IncidentValues]])),
      } as IncidentValues;
      report.keptTheirs = outcome.keptTheirs;
      report.mergedFromVersion = expectedVersion;
    } else if (before.version !== expectedVersion) {
      throw new ConflictError(
        `This incident is at version ${before.version}; version ${expectedVersion} was never saved. Reload it and edit again.`,
        { ...theirsView, version: before.version },
      );
    }
    await tx.incidentActor.deleteMany({ where: { incidentId: before.id } });
    const incident = await tx.incident.update({
      where: { id: before.id },
      data: { ...incidentData(fields), version: { increment: 1 }, updatedById: actorId, actors: { create: fields.actors } },
    });
    await audit(tx, {
      actorId,
      action: "incident.update",
      entityType: "Incident",
      entityId: incident.id,
      incidentId: incident.id,
      before: theirsView,
      after: {
        ...incidentAuditView(incident, fields.actors),
        ...(report.mergedFromVersion ? { mergedFromVersion: report.mergedFromVersion, keptTheirs: report.keptTheirs } : {}),
      },
    });
    return Object.assign(incident, { merge: report });
  });
}

/** Merges `code` into `targetCode`: claims, actors and history move or stay linked; the old code redirects. */
export async function mergeIncidents(db: Db, code: string, input: z.input<typeof MergeSchema>, actorId: string | null) {
  const values = MergeSchema.parse(input);
  if (values.targetCode === code)
    throw Object.assign(
      new AppError(400, "Invalid input — targetCode: an incident cannot be merged into itself", "invalid", {
        targetCode: ["an incident cannot be merged into itself"],
      }),
      { issues: { targetCode: [{ code: "custom", rule: "same_incident" }] } },
    );
  return writeTransaction(db, async (tx) => {
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
    if (newActors.length)
      await tx.incidentActor.createMany({ data: newActors.map((a) => ({ incidentId: target.id, name: a.name, role: a.role })) });
    // The source's decisions judged its own claims; they no longer apply on their own.
    await tx.reconciliationDecision.updateMany({ where: { incidentId: source.id, withdrawnAt: null }, data: { withdrawnAt: new Date() } });
    await tx.incident.update({
      where: { id: source.id },
      data: { mergedIntoId: target.id, version: { increment: 1 }, updatedById: actorId },
    });
    await tx.incident.update({ where: { id: target.id }, data: { version: { increment: 1 }, updatedById: actorId } });
    await refreshIncidentFigures(tx, source.id, actorId);
    await refreshIncidentFigures(tx, target.id, actorId);
    const detail = { mergedCode: source.code, intoCode: target.code, claimsMoved: moved.count, actorsAdded: newActors.length };
    await audit(tx, {
      actorId,
      action: "incident.merge",
      entityType: "Incident",
      entityId: target.id,
      incidentId: target.id,
      after: detail,
    });
    await audit(tx, {
      actorId,
      action: "incident.merged_into",
      entityType: "Incident",
      entityId: source.id,
      incidentId: source.id,
      after: detail,
    });
    return { target, claimsMoved: moved.count };
  });
}
