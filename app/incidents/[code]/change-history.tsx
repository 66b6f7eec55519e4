// The incident's history, newest first: changes to the incident and its claims (audit events) and
// the figures they moved (reconciliation revisions), each as a sentence with who and when.
import { useTranslations } from "next-intl";
import { formatTimestamp } from "@/lib/format/localized-dates";
import { useI18n } from "@/lib/i18n/use-i18n";
import { historyContext, historyLine } from "@/lib/incidents/history-lines";
import type { HistoryEntry } from "@/lib/incidents/incident-history-queries";
import type { IncidentDetail } from "@/lib/incidents/incident-queries";

type StoredClaim = IncidentDetail["claims"][number];

export function ChangeHistory({ entries, truncated, claims }: { entries: HistoryEntry[]; truncated: boolean; claims: StoredClaim[] }) {
  const i18n = useI18n();
  const t = useTranslations("incident.history");
  if (entries.length === 0) return <p className="empty">{t("empty")}</p>;
  const context = historyContext(i18n, claims);
  return (
    <>
      <ol className="history">
        {entries.map((entry, index) => {
          const line = historyLine(i18n, entry, context);
          return (
            <li key={index} className={entry.kind}>
              <p>
                <time dateTime={entry.at.toISOString()}>{formatTimestamp(i18n, entry.at)}</time>
                <span className="meta"> · {entry.actorName ?? (entry.kind === "revision" ? t("recomputed") : t("system"))}</span>
                {entry.mergedFrom ? <span className="badge">{t("mergedFrom", { code: entry.mergedFrom })}</span> : null}
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
      {truncated ? <p className="meta">{t("truncated", { count: entries.length })}</p> : null}
    </>
  );
}
