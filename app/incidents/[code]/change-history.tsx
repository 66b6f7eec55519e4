// The incident's history, newest first: changes to the incident and its claims (audit events) and
// the figures they moved (reconciliation revisions), each as a sentence with who and when.
import { formatTimestamp } from "@/lib/format/date-format";
import { historyContext, historyLine } from "@/lib/incidents/history-lines";
import type { HistoryEntry } from "@/lib/incidents/incident-history-queries";
import type { IncidentDetail } from "@/lib/incidents/incident-queries";

type StoredClaim = IncidentDetail["claims"][number];

export function ChangeHistory({ entries, truncated, claims }: { entries: HistoryEntry[]; truncated: boolean; claims: StoredClaim[] }) {
  if (entries.length === 0) return <p className="empty">No changes recorded.</p>;
  const context = historyContext(claims);
  return (
    <>
      <ol className="history">
        {entries.map((entry, index) => {
          const line = historyLine(entry, context);
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
