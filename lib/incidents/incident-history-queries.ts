// An incident's change history: its audit events and the revisions of its reconciled figures,
// newest first, with the names of the people who made them. An incident that absorbed others
// (merged duplicates) shows their own histories too, each entry marked with the merged code.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

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

/**
 * The incidents merged into `incidentId`, directly or through an incident merged into it (ten
 * levels at most), as a recursive CTE each statement below starts with: the three read in
 * parallel, one round trip (the page read them in four dependent steps through Prisma).
 */
function withMerged(incidentId: string): Prisma.Sql {
  return Prisma.sql`WITH RECURSIVE merged(id, code, depth) AS (
      SELECT id, code, 1 FROM "Incident" WHERE "mergedIntoId" = ${incidentId}::uuid
      UNION ALL
      SELECT i.id, i.code, m.depth + 1 FROM "Incident" i JOIN merged m ON i."mergedIntoId" = m.id
      WHERE m.depth < 10 AND i.id <> ${incidentId}::uuid
    ),
    ids AS (SELECT ${incidentId}::uuid AS id UNION SELECT id FROM merged)`;
}

/**
 * The newest `limit + 1` audit events of the incident and those merged into it. Each incident's
 * events are read newest first from its (incidentId, at) index by a LATERAL subquery: written as
 * `"incidentId" IN (ids)`, PostgreSQL estimated the rows from the table's few distinct incident
 * ids (a handful of much-edited incidents hold most events) and scanned the whole table, 21 ms
 * per incident page at 8,500 events and growing with every edit (docs/performance.md, "Run L").
 */
export function historyEventsSql(incidentId: string, limit: number): Prisma.Sql {
  return Prisma.sql`${withMerged(incidentId)}
      SELECT e.at, e."incidentId", u.name AS "actorName", e.action, e."entityType", e."entityId", e.before, e.after
      FROM ids CROSS JOIN LATERAL (
        SELECT * FROM "AuditEvent" a WHERE a."incidentId" = ids.id ORDER BY a.at DESC, a.id DESC LIMIT ${limit + 1}
      ) e
      LEFT JOIN "User" u ON u.id = e."actorId"
      ORDER BY e.at DESC, e.id DESC LIMIT ${limit + 1}`;
}

/** The newest `limit + 1` figure revisions, read per incident from its index like the events above. */
export function historyRevisionsSql(incidentId: string, limit: number): Prisma.Sql {
  return Prisma.sql`${withMerged(incidentId)}
      SELECT r.at, r."incidentId", u.name AS "actorName", r.metric::text, r.category::text, r.before, r.after
      FROM ids CROSS JOIN LATERAL (
        SELECT * FROM "ReconciliationRevision" v WHERE v."incidentId" = ids.id ORDER BY v.at DESC, v.id DESC LIMIT ${limit + 1}
      ) r
      LEFT JOIN "User" u ON u.id = r."actorId"
      ORDER BY r.at DESC, r.id DESC LIMIT ${limit + 1}`;
}

export async function incidentHistory(incidentId: string, limit = 200): Promise<{ entries: HistoryEntry[]; truncated: boolean }> {
  type Row = { at: Date; incidentId: string | null; actorName: string | null; before: unknown; after: unknown };
  const [mergedRows, events, revisions] = await Promise.all([
    db.$queryRaw<{ id: string; code: string }[]>`${withMerged(incidentId)} SELECT DISTINCT id, code FROM merged`,
    db.$queryRaw<(Row & { action: string; entityType: string; entityId: string })[]>(historyEventsSql(incidentId, limit)),
    db.$queryRaw<(Row & { metric: string; category: string })[]>(historyRevisionsSql(incidentId, limit)),
  ]);
  const merged = new Map(mergedRows.map((m) => [m.id, m.code]));
  const from = (id: string | null) => (id && id !== incidentId ? { mergedFrom: merged.get(id) } : {});
  const entries: HistoryEntry[] = [
    ...events.map((e) => ({
      kind: "audit" as const,
      at: e.at,
      actorName: e.actorName,
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
      actorName: r.actorName,
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
