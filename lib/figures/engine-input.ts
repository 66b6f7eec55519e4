// Maps stored claims and decisions to the pure reconciliation engine's input.
import type { EditorDecision, EngineClaim, GroupKey } from "@/lib/domain/reconcile";
import type { Tx } from "@/lib/db";

export const claimForEngineInclude = {
  claimant: { select: { id: true, name: true, kind: true, isParty: true } },
  document: { select: { sourceId: true, relays: { select: { sourceId: true } } } },
} as const;

type StoredClaim = {
  id: string;
  metric: EngineClaim["metric"];
  category: EngineClaim["category"];
  subgroup: string | null;
  valueMin: number;
  valueMax: number | null;
  qualifier: EngineClaim["qualifier"];
  statedOn: Date | null;
  createdAt: Date;
  supersedesId: string | null;
  assessment: EngineClaim["assessment"];
  retractedAt: Date | null;
  claimant: EngineClaim["claimant"];
  document: { sourceId: string; relays: { sourceId: string }[] } | null;
};

export function isoDate(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

export function toEngineClaim(claim: StoredClaim): EngineClaim {
  // A publisher quoting its own relayed material (Mirage News republishing HRW) is not a new
  // independent source; when the claimant is someone else, the claimant is the origin.
  const claimantPublishes = claim.document?.sourceId === claim.claimant.id;
  return {
    id: claim.id,
    metric: claim.metric,
    category: claim.category,
    subgroup: claim.subgroup,
    valueMin: claim.valueMin,
    valueMax: claim.valueMax,
    qualifier: claim.qualifier,
    statedOn: isoDate(claim.statedOn),
    createdAt: claim.createdAt.toISOString(),
    claimant: claim.claimant,
    relaysSourceIds: claimantPublishes ? (claim.document?.relays.map((r) => r.sourceId) ?? []) : [],
    supersedesId: claim.supersedesId,
    assessment: claim.assessment,
    retracted: claim.retractedAt !== null,
  };
}

export async function loadEngineClaims(tx: Tx, incidentIds: string[]): Promise<Map<string, EngineClaim[]>> {
  const claims = await tx.claim.findMany({ where: { incidentId: { in: incidentIds } }, include: claimForEngineInclude });
  const byIncident = new Map<string, EngineClaim[]>();
  for (const claim of claims) {
    const list = byIncident.get(claim.incidentId) ?? [];
    list.push(toEngineClaim(claim));
    byIncident.set(claim.incidentId, list);
  }
  return byIncident;
}

type DecisionRow = { best: number; low: number | null; high: number | null; rationale: string; decidedById: string | null; decidedAt: Date | string };

/** A stored decision as the engine takes it; a decision whose author was deleted stays attributed to "unknown". */
export function editorDecisionOf(row: DecisionRow): EditorDecision & { decidedById: string | null } {
  return {
    best: row.best,
    low: row.low,
    high: row.high,
    rationale: row.rationale,
    decidedBy: row.decidedById ?? "unknown",
    decidedById: row.decidedById,
    decidedAt: typeof row.decidedAt === "string" ? row.decidedAt : row.decidedAt.toISOString(),
  };
}

/** The latest non-withdrawn editor decision for each metric × category of an incident. */
export async function loadDecisions(tx: Tx, incidentId: string): Promise<Partial<Record<GroupKey, EditorDecision & { id: string; decidedById: string | null }>>> {
  const rows = await tx.reconciliationDecision.findMany({
    where: { incidentId, withdrawnAt: null },
    orderBy: [{ decidedAt: "desc" }, { id: "desc" }],
  });
  const decisions: Partial<Record<GroupKey, EditorDecision & { id: string; decidedById: string | null }>> = {};
  for (const row of rows) {
    const key: GroupKey = `${row.metric}:${row.category}`;
    decisions[key] ??= { id: row.id, ...editorDecisionOf(row) };
  }
  return decisions;
}
