// An incident's history as readable lines, for its page and for GET /api/incidents/{code}/history:
// each change says who did what, and an edit lists every field with its value before → after.
import { formatClaimValue } from "@/lib/format/figure-format";
import { describeAuditEvent, describeRevision, incidentFieldChanges, type HistoryContext } from "@/lib/format/history-format";
import type { HistoryEntry } from "./incident-history-queries";
import type { IncidentDetail } from "./incident-queries";

type StoredClaim = IncidentDetail["claims"][number];

/** Who claimed what, and source names by id and slug: what the history's sentences name. */
export function historyContext(claims: StoredClaim[]): HistoryContext {
  const context: HistoryContext = { claims: new Map(), sources: new Map() };
  for (const c of claims) {
    context.claims.set(c.id, {
      claimantName: c.claimant.name,
      metric: c.metric,
      category: c.category,
      subgroup: c.subgroup,
      figure: formatClaimValue(c.valueMin, c.valueMax, c.qualifier),
    });
    for (const s of [c.claimant, c.document?.source, ...(c.document?.relays.map((r) => r.source) ?? [])]) {
      if (!s) continue;
      context.sources.set(s.id, s.name);
      context.sources.set(s.slug, s.name);
    }
  }
  return context;
}

export function historyLine(entry: HistoryEntry, context: HistoryContext) {
  return entry.kind === "audit" ? describeAuditEvent(entry, context) : describeRevision(entry);
}

/** The API's view: the sentence, its details, and for incident edits each field's before → after. */
export function historyDto(entries: HistoryEntry[], claims: StoredClaim[]) {
  const context = historyContext(claims);
  return entries.map((entry) => {
    const line = historyLine(entry, context);
    const base = { at: entry.at.toISOString(), actor: entry.actorName, text: line.title, details: line.details };
    if (entry.kind === "revision")
      return { ...base, kind: "figure" as const, metric: entry.metric, category: entry.category, before: entry.before, after: entry.after };
    return {
      ...base,
      kind: "change" as const,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      changes: entry.action === "incident.update" ? incidentFieldChanges(entry.before, entry.after) : [],
    };
  });
}
