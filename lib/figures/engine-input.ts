// Maps stored claims and decisions to the pure reconciliation engine's input.
import "server-only";
import type { EditorDecision, EngineClaim } from "@/lib/domain/reconcile";
import type { Tx } from "@/lib/db";
import type { IncidentDecisions, StoredFigure } from "./figure-plan";
import { isoDay } from "@/lib/validation/calendar-day";

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
    statedOn: isoDay(claim.statedOn),
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

type DecisionRow = {
  best: number;
  low: number | null;
  high: number | null;
  rationale: string;
  decidedById: string | null;
  decidedAt: Date | string;
};

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

/** The latest non-withdrawn editor decision for each metric × category, per incident. */
export async function loadDecisions(tx: Tx, incidentIds: string[]): Promise<Map<string, IncidentDecisions>> {
  const rows = await tx.reconciliationDecision.findMany({
    where: { incidentId: { in: incidentIds }, withdrawnAt: null },
    orderBy: [{ decidedAt: "desc" }, { id: "desc" }],
  });
  const out = new Map<string, IncidentDecisions>();
  for (const row of rows) {
    const decisions = out.get(row.incidentId) ?? {};
    decisions[`${row.metric}:${row.category}`] ??= editorDecisionOf(row);
    out.set(row.incidentId, decisions);
  }
  return out;
}

/** The stored figures ("Reconciliation" rows) per incident, as the refresh compares them. */
export async function loadStoredFigures(tx: Tx, incidentIds: string[]): Promise<Map<string, StoredFigure[]>> {
  const rows = await tx.reconciliation.findMany({ where: { incidentId: { in: incidentIds } } });
  const out = new Map<string, StoredFigure[]>();
  for (const row of rows) {
    let list = out.get(row.incidentId);
    if (!list) out.set(row.incidentId, (list = []));
    list.push(row);
  }
  return out;
}
