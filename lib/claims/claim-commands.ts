// Changes to claims and reconciliation decisions. Each runs in one transaction that also writes
// the audit event and refreshes the incident's stored figures, so a reader never sees a claim
// without its effect on the figures. Claims are append-only: superseded or retracted, never
// overwritten or deleted. Role checks happen in the callers (server actions and API routes).
import "server-only";
import { ZodError, type z } from "zod";
import { audit } from "@/lib/audit";
import type { Db, Tx } from "@/lib/db";
import { lockIncidents, writeTransaction } from "@/lib/db/write-transaction";
import { AppError, ConflictError, NotFoundError } from "@/lib/errors";
import { refreshIncidentFigures } from "@/lib/figures/refresh-figures";
import {
  AssessClaimSchema,
  DecisionSchema,
  NewClaimSchema,
  RetractClaimSchema,
  SupersedeClaimSchema,
  type NewClaimInput,
} from "@/lib/validation/claim";

const day = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

type ClaimValues = z.output<typeof SupersedeClaimSchema>;

function claimData(values: Omit<ClaimValues, "claimId" | "expectedVersion" | "documentId">) {
  return {
    metric: values.metric,
    category: values.category,
    subgroup: values.subgroup,
    valueMin: values.valueMin,
    valueMax: values.valueMax,
    qualifier: values.qualifier,
    statement: values.statement,
    statedOn: day(values.statedOn),
    statedOnEnd: day(values.statedOnEnd),
  };
}

/** The incident's id, its row locked before anything that references it is written (lock order). */
async function lockedIncidentIdByCode(tx: Tx, code: string) {
  const incident = await tx.incident.findUnique({ where: { code }, select: { id: true } });
  if (!incident) throw new NotFoundError(`Incident ${code}`);
  await lockIncidents(tx, [incident.id]);
  return incident.id;
}

/**
 * The claim, after its incident's row lock (the order every writer takes). A merge may move the
 * claim to another incident between the read and the lock: then lock that one too.
 */
async function claimUnderIncidentLock(tx: Tx, claimId: string) {
  const locked = new Set<string>();
  for (;;) {
    const claim = await tx.claim.findUnique({ where: { id: claimId } });
    if (!claim) throw new NotFoundError("The claim");
    if (locked.has(claim.incidentId)) return claim;
    await lockIncidents(tx, [claim.incidentId]);
    locked.add(claim.incidentId);
  }
}

/**
 * A stale version is refused only when the change at hand collides with what changed since: the
 * fields this change writes were changed by someone else (a three-way merge on the claim's few
 * editable states, docs/architecture.md "Concurrent editing").
 */
async function claimForChange(
  tx: Tx,
  claimId: string,
  expectedVersion: number,
  collides: (claim: Awaited<ReturnType<typeof claimUnderIncidentLock>>) => string | null,
) {
  const claim = await claimUnderIncidentLock(tx, claimId);
  if (claim.version < expectedVersion)
    throw new ConflictError(
      `This claim is at version ${claim.version}; version ${expectedVersion} was never saved. Reload it and try again.`,
      claim,
    );
  if (claim.version !== expectedVersion) {
    const reason = collides(claim);
    if (reason)
      throw new ConflictError(
        `Someone else changed this claim since you opened it (now version ${claim.version}, you had version ${expectedVersion}): ${reason}`,
        claim,
      );
  }
  return claim;
}

/** Bumps the version only if nobody else did first: the row-level guard against lost updates. */
async function bumpClaim(tx: Tx, claimId: string, expectedVersion: number, data: Record<string, unknown>) {
  const updated = await tx.claim.updateMany({
    where: { id: claimId, version: expectedVersion },
    data: { ...data, version: { increment: 1 } },
  });
  if (updated.count !== 1) {
    const current = await tx.claim.findUnique({ where: { id: claimId } });
    throw new ConflictError("Someone else changed this claim while you were editing. Review their change, then save again.", current);
  }
  return tx.claim.findUniqueOrThrow({ where: { id: claimId } });
}

/** Whether anyone assessed the claim after the version an editor read (older events, without a version, count). */
async function assessedSince(tx: Tx, claimId: string, version: number) {
  const rows = await tx.$queryRaw<unknown[]>`
    SELECT 1 FROM "AuditEvent"
    WHERE "entityType" = 'Claim' AND "entityId" = ${claimId} AND "action" = 'claim.assess'
      AND ("after"->>'version' IS NULL OR ("after"->>'version')::int > ${version})
    LIMIT 1`;
  return rows.length > 0;
}

function claimConflictView(claim: { valueMin: number; valueMax: number | null; qualifier: string; statement: string }) {
  return { valueMin: claim.valueMin, valueMax: claim.valueMax, qualifier: claim.qualifier, statement: claim.statement };
}

export async function addClaim(db: Db, input: NewClaimInput, actorId: string | null) {
  const { claims, figures } = await addClaims(db, [input], actorId);
  return { claim: claims[0]!, figures };
}

/** The most claims one request may add; a file of more goes through the import. */
export const MAX_CLAIMS_PER_REQUEST = 200;

/** Several claims of one incident at once (e.g. "34 killed and 34 injured" from one statement): all or nothing. */
export async function addClaims(db: Db, inputs: NewClaimInput[], actorId: string | null) {
  if (inputs.length === 0)
    throw Object.assign(
      new AppError(400, "Invalid input — claims: add at least one figure", "invalid", { claims: ["add at least one figure"] }),
      { issues: { claims: [{ code: "custom", rule: "at_least_one" }] } },
    );
  if (inputs.length > MAX_CLAIMS_PER_REQUEST) {
    const message = `at most ${MAX_CLAIMS_PER_REQUEST} claims in one request (got ${inputs.length}); import a claims CSV file for more`;
    throw new AppError(413, `Too many items — claims: ${message}`, "too_many_items", { claims: [message] });
  }
  const parsed = inputs.map((input, index) => {
    const result = NewClaimSchema.safeParse(input);
    if (result.success) return result.data;
    // Name the row as well as the field, so the form can put each message next to its figure.
    throw new ZodError(
      result.error.issues.map((issue) => ({ ...issue, path: inputs.length > 1 ? ["claims", index, ...issue.path] : issue.path })),
    );
  });
  const codes = new Set(parsed.map((c) => c.incidentCode));
  if (codes.size !== 1)
    throw new AppError(400, "Invalid input — incidentCode: all claims must belong to one incident", "invalid", {
      incidentCode: ["all claims must belong to one incident"],
    });
  return writeTransaction(db, async (tx) => {
    const incidentId = await lockedIncidentIdByCode(tx, parsed[0]!.incidentCode);
    const sourceIds = [...new Set(parsed.map((c) => c.claimantId))];
    if ((await tx.source.count({ where: { id: { in: sourceIds } } })) !== sourceIds.length) throw new NotFoundError("The claimant source");
    const documentIds = [...new Set(parsed.flatMap((c) => (c.documentId ? [c.documentId] : [])))];
    if ((await tx.document.count({ where: { id: { in: documentIds } } })) !== documentIds.length) throw new NotFoundError("The document");
    const claims = [];
    for (const values of parsed) {
      const claim = await tx.claim.create({
        data: { incidentId, claimantId: values.claimantId, documentId: values.documentId, createdById: actorId, ...claimData(values) },
      });
      await audit(tx, { actorId, action: "claim.create", entityType: "Claim", entityId: claim.id, incidentId, after: claim });
      claims.push(claim);
    }
    const figures = await refreshIncidentFigures(tx, incidentId, actorId);
    return { claims, figures };
  });
}

/** A newer figure from the same claimant replaces an older one; both are kept. */
export async function supersedeClaim(db: Db, input: z.input<typeof SupersedeClaimSchema>, actorId: string | null) {
  const values = SupersedeClaimSchema.parse(input);
  return writeTransaction(db, async (tx) => {
    // An assessment made meanwhile does not stop a newer figure; a retraction or another newer figure does (below).
    const old = await claimForChange(tx, values.claimId, values.expectedVersion, () => null);
    if (old.retractedAt) throw new ConflictError("A retracted claim cannot be superseded.", old);
    const already = await tx.claim.findUnique({ where: { supersedesId: old.id } });
    if (already) {
      throw new ConflictError("This claim has already been superseded by a newer one.", already, {
        conflicts: [{ field: "supersededBy", base: null, theirs: claimConflictView(already), yours: claimConflictView(claimData(values)) }],
      });
    }
    await bumpClaim(tx, old.id, old.version, {});
    const claim = await tx.claim.create({
      data: {
        incidentId: old.incidentId,
        claimantId: old.claimantId,
        documentId: values.documentId ?? old.documentId,
        supersedesId: old.id,
        createdById: actorId,
        ...claimData(values),
      },
    });
    await audit(tx, {
      actorId,
      action: "claim.supersede",
      entityType: "Claim",
      entityId: claim.id,
      incidentId: old.incidentId,
      before: old,
      after: claim,
    });
    const figures = await refreshIncidentFigures(tx, old.incidentId, actorId);
    return { claim, figures };
  });
}

export async function assessClaim(db: Db, input: z.input<typeof AssessClaimSchema>, actorId: string | null) {
  const values = AssessClaimSchema.parse(input);
  return writeTransaction(db, async (tx) => {
    const before = await claimForChange(tx, values.claimId, values.expectedVersion, () => null);
    const sameAssessment = before.assessment === values.assessment && (before.assessmentReason ?? "") === (values.reason || "");
    if (before.version !== values.expectedVersion && !sameAssessment && (await assessedSince(tx, before.id, values.expectedVersion))) {
      const view = (assessment: string, reason: string | null) => ({ assessment, reason });
      throw new ConflictError(
        `Someone else changed this claim since you opened it: they assessed it "${before.assessment.replace(/_/g, " ")}", yours is "${values.assessment.replace(/_/g, " ")}". Keep theirs, or save yours over it.`,
        before,
        {
          conflicts: [
            {
              field: "assessment",
              base: null,
              theirs: view(before.assessment, before.assessmentReason),
              yours: view(values.assessment, values.reason || null),
            },
          ],
        },
      );
    }
    const claim = await bumpClaim(tx, before.id, before.version, {
      assessment: values.assessment,
      assessmentReason: values.reason || null,
      assessedById: actorId,
      assessedAt: new Date(),
    });
    await audit(tx, {
      actorId,
      action: "claim.assess",
      entityType: "Claim",
      entityId: claim.id,
      incidentId: claim.incidentId,
      before: { assessment: before.assessment, assessmentReason: before.assessmentReason, version: before.version },
      after: { assessment: claim.assessment, assessmentReason: claim.assessmentReason, version: claim.version },
    });
    const figures = await refreshIncidentFigures(tx, claim.incidentId, actorId);
    return { claim, figures };
  });
}

export async function retractClaim(db: Db, input: z.input<typeof RetractClaimSchema>, actorId: string | null) {
  const values = RetractClaimSchema.parse(input);
  return writeTransaction(db, async (tx) => {
    // Retracting is independent of an assessment or a newer figure made meanwhile.
    const before = await claimForChange(tx, values.claimId, values.expectedVersion, () => null);
    if (before.retractedAt) throw new ConflictError("This claim is already retracted.", before);
    const claim = await bumpClaim(tx, before.id, before.version, {
      retractedAt: new Date(),
      retractedReason: values.reason,
      retractedById: actorId,
    });
    await audit(tx, {
      actorId,
      action: "claim.retract",
      entityType: "Claim",
      entityId: claim.id,
      incidentId: claim.incidentId,
      before: { retracted: false },
      after: { retracted: true, reason: values.reason },
    });
    const figures = await refreshIncidentFigures(tx, claim.incidentId, actorId);
    return { claim, figures };
  });
}

/** Records an editor's decision on best (method "editor"); it overrides the computed methods. */
export async function recordDecision(db: Db, input: z.input<typeof DecisionSchema>, actorId: string | null) {
  const values = DecisionSchema.parse(input);
  return writeTransaction(db, async (tx) => {
    const incidentId = await lockedIncidentIdByCode(tx, values.incidentCode);
    const current = await tx.reconciliationDecision.findFirst({
      where: { incidentId, metric: values.metric, category: values.category, withdrawnAt: null },
      orderBy: [{ decidedAt: "desc" }, { id: "desc" }],
    });
    if ((current?.id ?? null) !== values.expectedDecisionId) {
      // Both decided the same figure: the same figures are no conflict, different ones are shown side by side.
      const same =
        current &&
        current.best === values.best &&
        current.low === values.low &&
        current.high === values.high &&
        current.rationale === values.rationale;
      if (same) return { decision: current, figures: await refreshIncidentFigures(tx, incidentId, actorId) };
      const view = (d: { best: number; low: number | null; high: number | null; rationale: string }) => ({
        best: d.best,
        low: d.low,
        high: d.high,
        rationale: d.rationale,
      });
      throw new ConflictError(
        "Another editor recorded a decision on this figure while you were editing. Their decision and yours are shown: keep theirs, or record yours over it.",
        current,
        {
          conflicts: [{ field: "decision", base: null, theirs: current ? view(current) : null, yours: view(values) }],
        },
      );
    }
    const decision = await tx.reconciliationDecision.create({
      data: {
        incidentId,
        metric: values.metric,
        category: values.category,
        best: values.best,
        low: values.low,
        high: values.high,
        rationale: values.rationale,
        decidedById: actorId,
        version: (current?.version ?? 0) + 1,
      },
    });
    await audit(tx, {
      actorId,
      action: "decision.record",
      entityType: "ReconciliationDecision",
      entityId: decision.id,
      incidentId,
      before: current,
      after: decision,
    });
    const figures = await refreshIncidentFigures(tx, incidentId, actorId);
    return { decision, figures };
  });
}
