// An incident's history as readable lines, for its page and for GET /api/incidents/{code}/history:
// each change says who did what, and an edit lists every field with its value before → after. The
// sentences are in the reader's language (the API's: English unless the request asks for another);
// codes and field names stay as they are.
import type { I18n } from "@/lib/i18n/i18n";
import { formatClaimValue } from "@/lib/format/localized-figures";
import { describeAuditEvent, describeRevision, incidentFieldChanges, type HistoryContext } from "@/lib/format/history-format";
import type { HistoryEntry } from "./incident-history-queries";
import type { IncidentDetail } from "./incident-queries";

type StoredClaim = IncidentDetail["claims"][number];

/** Who claimed what, and source names by id and slug: what the history's sentences name. */
export function historyContext(i18n: I18n, claims: StoredClaim[]): HistoryContext {
  const context: HistoryContext = { claims: new Map(), sources: new Map() };
  for (const c of claims) {
    context.claims.set(c.id, {
      claimantName: c.claimant.name,
      metric: c.metric,
      category: c.category,
      subgroup: c.subgroup,
      figure: formatClaimValue(i18n, c.valueMin, c.valueMax, c.qualifier),
    });
    for (const s of [c.claimant, c.document?.source, ...(c.document?.relays.map((r) => r.source) ?? [])]) {
      if (!s) continue;
      context.sources.set(s.id, s.name);
      context.sources.set(s.slug, s.name);
    }
  }
  return context;
}

export function historyLine(i18n: I18n, entry: HistoryEntry, context: HistoryContext) {
  return entry.kind === "audit" ? describeAuditEvent(i18n, entry, context) : describeRevision(i18n, entry);
}

/** The API's view: the sentence, its details, and for incident edits each field's before → after. */
export function historyDto(i18n: I18n, entries: HistoryEntry[], claims: StoredClaim[]) {
  const context = historyContext(i18n, claims);
  return entries.map((entry) => {
    const line = historyLine(i18n, entry, context);
    const base = { at: entry.at.toISOString(), actor: entry.actorName, text: line.title, details: line.details };
    if (entry.kind === "revision")
      return { ...base, kind: "figure" as const, metric: entry.metric, category: entry.category, before: entry.before, after: entry.after };
    return {
      ...base,
      kind: "change" as const,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      changes: entry.action === "incident.update" ? incidentFieldChanges(i18n, entry.before, entry.after) : [],
    };
  });
}
