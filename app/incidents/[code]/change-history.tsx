// The incident's history, newest first: changes to the incident and its claims (audit events) and
// the figures they moved (reconciliation revisions), each as a sentence with who and when.
import { formatTimestamp } from "@/lib/format/date-format";
import { formatClaimValue } from "@/lib/format/figure-format";
import { describeAuditEvent, describeRevision, type HistoryContext } from "@/lib/format/history-format";
import type { HistoryEntry } from "@/lib/incidents/incident-history-queries";
import type { IncidentDetail } from "@/lib/incidents/incident-queries";

type StoredClaim = IncidentDetail["claims"][number];

function contextOf(claims: StoredClaim[]): HistoryContext {
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

export function ChangeHistory({ entries, truncated, claims }: { entries: HistoryEntry[]; truncated: boolean; claims: StoredClaim[] }) {
  if (entries.length === 0) return <p className="empty">No changes recorded.</p>;
  const context = contextOf(claims);
  return (
    <>
      <ol className="history">
        {entries.map((entry, index) => {
          const line = entry.kind === "audit" ? describeAuditEvent(entry, context) : describeRevision(entry);
          return (
            <li key={index} className={entry.kind}>
              <p>
                <time dateTime={entry.at.toISOString()}>{formatTimestamp(entry.at)}</time>
                <span className="meta"> · {entry.actorName ?? (entry.kind === "revision" ? "recomputed" : "system")}</span>
                {entry.mergedFrom ? <span className="badge">from {entry.mergedFrom}, merged into this one</span> : null}
              </p>
              <p>{line.title}</p>
              {line.details.map((detail) => (
                <p key={detail} className="meta">
                  {detail}
                </p>
              ))}
            </li>
          );
        })}
      </ol>
      {truncated ? <p className="meta">Showing the {entries.length} most recent changes.</p> : null}
    </>
  );
}
