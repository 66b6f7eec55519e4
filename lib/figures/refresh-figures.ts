// Stores an incident's reconciled figures. Called inside the transaction that changes the
// incident's claims or decisions, so stored figures are never stale and reads never recompute.
import type { Tx } from "@/lib/db";
import { headlineFigure } from "@/lib/domain/headline";
import { reconcileIncident, type Figure } from "@/lib/domain/reconcile";
import { FLAGS, type Flag } from "@/lib/domain/vocabularies";
import { Prisma } from "@/lib/generated/prisma/client";
import { loadDecisions, loadEngineClaims } from "./engine-input";
import { figureSnapshot as snapshot, sameSnapshot, storedFigureSnapshot as storedSnapshot } from "@/lib/figures/figure-snapshot";


export async function refreshIncidentFigures(tx: Tx, incidentId: string, actorId: string | null = null): Promise<Figure[]> {
  // Serialise refreshes of one incident: two transactions adding claims at once must not both
  // compute from a snapshot that misses the other's claim.
  await tx.$executeRaw`SELECT 1 FROM "Incident" WHERE "id" = ${incidentId}::uuid FOR UPDATE`;
  const claims = (await loadEngineClaims(tx, [incidentId])).get(incidentId) ?? [];
  const decisions = await loadDecisions(tx, incidentId);
  const figures = reconcileIncident(claims, { decisions });

  const existing = await tx.reconciliation.findMany({ where: { incidentId } });
  const existingByKey = new Map(existing.map((row) => [`${row.metric}:${row.category}`, row]));
  const revisions: Prisma.ReconciliationRevisionCreateManyInput[] = [];

  for (const figure of figures) {
    const key = `${figure.metric}:${figure.category}` as const;
    const before = existingByKey.get(key);
    existingByKey.delete(key);
    const after = snapshot(figure);
    if (before && sameSnapshot(after, storedSnapshot(before))) continue;
    const data = {
      ...after,
      excluded: after.excluded as unknown as Prisma.InputJsonValue,
      breakdowns: figure.breakdowns as unknown as Prisma.InputJsonValue,
      decidedById: figure.method === "editor" ? (decisions[key]?.decidedById ?? null) : null,
      computedAt: new Date(),
    };
    await tx.reconciliation.upsert({
      where: { incidentId_metric_category: { incidentId, metric: figure.metric, category: figure.category } },
      create: { incidentId, metric: figure.metric, category: figure.category, ...data },
      update: data,
    });
    revisions.push({
      incidentId,
      metric: figure.metric,
      category: figure.category,
      before: before ? (storedSnapshot(before) as unknown as Prisma.InputJsonValue) : Prisma.DbNull,
      after: after as unknown as Prisma.InputJsonValue,
      actorId,
    });
  }
  // Figures whose every claim was retracted disappear; their history stays.
  for (const gone of existingByKey.values()) {
    await tx.reconciliation.delete({ where: { id: gone.id } });
    revisions.push({
      incidentId,
      metric: gone.metric,
      category: gone.category,
      before: storedSnapshot(gone) as unknown as Prisma.InputJsonValue,
      after: Prisma.DbNull,
      actorId,
    });
  }
  if (revisions.length) await tx.reconciliationRevision.createMany({ data: revisions });

  const headline = headlineFigure(figures);
  const flags = new Set<Flag>(figures.flatMap((f) => f.flags));
  await tx.incident.update({
    where: { id: incidentId },
    data: {
      headlineLow: headline?.low ?? null,
      headlineBest: headline?.best ?? null,
      headlineHigh: headline?.high ?? null,
      headlineContested: headline?.contested ?? false,
      flags: FLAGS.filter((f) => flags.has(f)),
    },
  });
  return figures;
}
