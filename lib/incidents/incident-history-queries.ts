// An incident's change history: its audit events and the revisions of its reconciled figures,
// newest first, with the names of the people who made them. An incident that absorbed others
// (merged duplicates) shows their own histories too, each entry marked with the merged code.
import "server-only";
import { db } from "@/lib/db";

/** `mergedFrom`: the code of the merged incident the entry belongs to (absent for the incident's own). */
export type HistoryEntry =
  | {
      kind: "audit";
      at: Date;
      actorName: string | null;
      action: string;
      entityType: string;
      entityId: string;
      before: unknown;
      after: unknown;
      mergedFrom?: string;
    }
  | {
      kind: "revision";
      at: Date;
      actorName: string | null;
      metric: string;
      category: string;
      before: unknown;
      after: unknown;
      mergedFrom?: string;
    };

/** The incidents merged into this one, directly or through an incident merged into it. */
async function mergedInto(incidentId: string): Promise<Map<string, string>> {
  const codes = new Map<string, string>();
  let frontier = [incidentId];
  for (let depth = 0; depth < 10 && frontier.length; depth++) {
    const found = await db.incident.findMany({ where: { mergedIntoId: { in: frontier } }, select: { id: true, code: true } });
    frontier = found.filter((f) => !codes.has(f.id) && f.id !== incidentId).map((f) => f.id);
    for (const f of found) codes.set(f.id, f.code);
  }
  return codes;
}

export async function incidentHistory(incidentId: string, limit = 200): Promise<{ entries: HistoryEntry[]; truncated: boolean }> {
  const merged = await mergedInto(incidentId);
  const ids = [incidentId, ...merged.keys()];
  const [events, revisions] = await Promise.all([
    db.auditEvent.findMany({
      where: { incidentId: { in: ids } },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: limit + 1,
      include: { actor: { select: { name: true } } },
    }),
    db.reconciliationRevision.findMany({ where: { incidentId: { in: ids } }, orderBy: [{ at: "desc" }, { id: "desc" }], take: limit + 1 }),
  ]);
  const from = (id: string | null) => (id && id !== incidentId ? { mergedFrom: merged.get(id) } : {});
  const actorIds = [...new Set(revisions.map((r) => r.actorId).filter((id): id is string => id !== null))];
  const names = new Map(
    (actorIds.length ? await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } }) : []).map((u) => [
      u.id,
      u.name,
    ]),
  );
  const entries: HistoryEntry[] = [
    ...events.map((e) => ({
      kind: "audit" as const,
      at: e.at,
      actorName: e.actor?.name ?? null,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      before: e.before,
      after: e.after,
      ...from(e.incidentId),
    })),
    ...revisions.map((r) => ({
      kind: "revision" as const,
      at: r.at,
      actorName: r.actorId ? (names.get(r.actorId) ?? null) : null,
      metric: r.metric,
      category: r.category,
      before: r.before,
      after: r.after,
      ...from(r.incidentId),
    })),
  ];
  // A change and the figures it moved share a time; newest first puts the figures (its effect) above it.
  entries.sort((a, b) => b.at.getTime() - a.at.getTime() || (a.kind === b.kind ? 0 : a.kind === "audit" ? 1 : -1));
  return { entries: entries.slice(0, limit), truncated: entries.length > limit || events.length > limit || revisions.length > limit };
}
