// Stores incidents' reconciled figures inside a Prisma transaction: one incident at a time
// (refreshIncidentFigures, called inside the transaction that changes the incident's claims or
// decisions, so stored figures are never stale and reads never recompute) or many at once
// (refreshFiguresInBulk, the ACLED/UCDP import). Both read the same engine input, plan with
// figure-plan.ts and write the plan with the same few set-based statements (lib/db/bulk-sql.ts):
// a few hundred incidents per query instead of ten queries per incident (5,000 new incidents:
// 44 s one by one, ~2 s in bulk; docs/performance.md). The claims import and the figure queue
// refresh on a direct connection instead: pg-refresh.ts, same plan.
import "server-only";
import type { Tx } from "@/lib/db";
import { FIGURE_COLUMNS, FIGURE_VALUE_COLUMNS, HEADLINE_COLUMNS, REVISION_COLUMNS, insertRows, updateRows } from "@/lib/db/bulk-sql";
import type { Figure } from "@/lib/domain/reconcile";
import { loadDecisions, loadEngineClaims, loadStoredFigures } from "./engine-input";
import { planRefresh, type FigureRefreshPlan } from "./figure-plan";

export const BULK_REFRESH_CHUNK = 500;

/** Reads, reconciles and writes the given incidents, which the caller has locked; returns each one's figures. */
async function refreshLocked(tx: Tx, incidentIds: string[], actorId: string | null): Promise<Map<string, Figure[]>> {
  const claims = await loadEngineClaims(tx, incidentIds);
  const decisions = await loadDecisions(tx, incidentIds);
  const stored = await loadStoredFigures(tx, incidentIds);
  const { plan, figures } = planRefresh(incidentIds, { claims, decisions, stored }, actorId, new Date().toISOString());
  await writeRefreshPlan(tx, plan);
  return figures;
}

/** Writes a refresh plan: one statement per table and change (a JSON null in a revision becomes SQL NULL, as Prisma.DbNull writes it). */
async function writeRefreshPlan(tx: Tx, plan: FigureRefreshPlan): Promise<void> {
  await insertRows(tx, "Reconciliation", FIGURE_COLUMNS, plan.creates);
  await updateRows(tx, "Reconciliation", FIGURE_VALUE_COLUMNS, plan.updates);
  if (plan.deletes.length) await tx.reconciliation.deleteMany({ where: { id: { in: plan.deletes } } });
  await insertRows(tx, "ReconciliationRevision", REVISION_COLUMNS, plan.revisions);
  await updateRows(tx, "Incident", HEADLINE_COLUMNS, plan.headlines);
}

export async function refreshIncidentFigures(tx: Tx, incidentId: string, actorId: string | null = null): Promise<Figure[]> {
  // Serialise refreshes of one incident: two transactions adding claims at once must not both
  // compute from a snapshot that misses the other's claim.
  const locked = await tx.$queryRaw<unknown[]>`SELECT 1 FROM "Incident" WHERE "id" = ${incidentId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw new Error(`refreshIncidentFigures: no incident ${incidentId}`);
  return (await refreshLocked(tx, [incidentId], actorId)).get(incidentId) ?? [];
}

/** Refreshes the figures of every incident given, a chunk at a time; `onProgress` hears how many are done. */
export async function refreshFiguresInBulk(
  tx: Tx,
  incidentIds: string[],
  actorId: string | null,
  onProgress?: (done: number) => void,
): Promise<void> {
  const ids = [...new Set(incidentIds)].sort();
  for (let start = 0; start < ids.length; start += BULK_REFRESH_CHUNK) {
    const chunk = ids.slice(start, start + BULK_REFRESH_CHUNK);
    // Lock in id order, so two bulk refreshes cannot deadlock on each other's incidents.
    await tx.$executeRaw`SELECT 1 FROM "Incident" WHERE "id" = ANY(${chunk}::uuid[]) ORDER BY "id" FOR UPDATE`;
    await refreshLocked(tx, chunk, actorId);
    onProgress?.(Math.min(start + BULK_REFRESH_CHUNK, ids.length));
  }
}
