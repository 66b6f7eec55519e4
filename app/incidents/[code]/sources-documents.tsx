// Where the claims come from: each document with its publisher and what it relays, and each
// source with its kind, whether it is a party to the conflict, its priority, and which documents
// relay it — so an analyst can see that Wikipedia and Mirage News repeat HRW rather than add to it.
import { useTranslations } from "next-intl";
import { isPartySource, priorityTier } from "@/lib/domain/source-priority";
import { formatDay } from "@/lib/format/localized-dates";
import { useI18n } from "@/lib/i18n/use-i18n";
import type { IncidentDetail } from "@/lib/incidents/incident-queries";
import { isoDay } from "@/lib/validation/calendar-day";

type StoredClaim = IncidentDetail["claims"][number];
type Doc = NonNullable<StoredClaim["document"]>;
type Source = StoredClaim["claimant"];

/** "fr" → "français" (« French » in English): a document's language named in the reader's language. */
function languageName(locale: string, code: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: "language" }).of(code) ?? code;
  } catch {
    return code; // not a language tag Intl knows: shown as recorded
  }
}

export function SourcesAndDocuments({ claims }: { claims: StoredClaim[] }) {
  const i18n = useI18n();
  const t = useTranslations("incident.sources");
  const documents = new Map<string, { doc: Doc; claimants: Set<string>; claims: number }>();
  const sources = new Map<string, Source>();
  for (const claim of claims) {
    sources.set(claim.claimant.id, claim.claimant);
    if (!claim.document) continue;
    const entry = documents.get(claim.document.id) ?? { doc: claim.document, claimants: new Set<string>(), claims: 0 };
    entry.claimants.add(claim.claimant.name);
    entry.claims += 1;
    documents.set(claim.document.id, entry);
    sources.set(claim.document.source.id, claim.document.source);
    for (const relay of claim.document.relays) sources.set(relay.source.id, relay.source);
  }
  const docs = [...documents.values()].sort(
    (a, b) => a.doc.source.name.localeCompare(b.doc.source.name) || a.doc.title.localeCompare(b.doc.title),
  );
  const sourceList = [...sources.values()].sort((a, b) => priorityTier(a) - priorityTier(b) || a.name.localeCompare(b.name));
  const claimsBy = (id: string) => claims.filter((c) => c.claimant.id === id && !c.retractedAt).length;

  return (
    <div className="sources-grid">
      <div>
        <h3>{t("documents")}</h3>
        {docs.length === 0 ? <p className="meta">{t("noDocuments")}</p> : null}
        <ul className="document-list">
          {docs.map(({ doc, claimants, claims: count }) => (
            <li key={doc.id}>
              <p className="doc-title">
                {doc.url ? <a href={doc.url}>{doc.title}</a> : doc.title}
                {doc.archiveUrl ? (
                  <>
                    {" "}
                    (<a href={doc.archiveUrl}>{t("archivedCopy")}</a>)
                  </>
                ) : null}
              </p>
              <p className="meta">
                {doc.publishedOn
                  ? t("publishedOn", { source: doc.source.name, date: formatDay(i18n, isoDay(doc.publishedOn)!) })
                  : t("publishedUndated", { source: doc.source.name })}
                {doc.accessedOn ? ` · ${t("accessed", { date: formatDay(i18n, isoDay(doc.accessedOn)!) })}` : ""}
                {doc.language ? ` · ${t("language", { language: languageName(i18n.locale, doc.language) })}` : ""}
              </p>
              <p>
                {doc.relays.length ? (
                  <>
                    <strong>{t("relays")}</strong> {doc.relays.map((r) => r.source.name).join(", ")}.{" "}
                  </>
                ) : (
                  <>{t("original")} </>
                )}
                {t("readHere", { count, claimants: [...claimants].join(", ") })}
              </p>
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h3>{t("sources")}</h3>
        <ul className="source-list">
          {sourceList.map((s) => {
            const published = docs.filter((d) => d.doc.source.id === s.id).map((d) => d.doc.title);
            const relayedIn = docs
              .filter((d) => d.doc.relays.some((r) => r.source.id === s.id))
              .map((d) => t("documentBy", { source: d.doc.source.name, title: d.doc.title }));
            const n = claimsBy(s.id);
            return (
              <li key={s.id}>
                <p className="doc-title">
                  {s.url ? <a href={s.url}>{s.name}</a> : s.name}{" "}
                  <span className="meta">
                    {i18n.t(`vocabulary.sourceKind.${s.kind}`)} · {isPartySource(s) ? t("party") : t("independent")}
                  </span>
                </p>
                <p className="meta">
                  {t("priority", { tier: t(`tier.${priorityTier(s)}`) })}{" "}
                  <a href={`/sources/${s.slug}`}>{t("compare", { source: s.name })}</a>
                </p>
                {s.notes ? <p className="meta">{s.notes}</p> : null}
                <p>
                  {n ? t("asClaimant", { count: n }) : t("noOwnClaim")}{" "}
                  {published.length ? `${t("published", { titles: published.join("; ") })} ` : ""}
                  {relayedIn.length ? t("relayedIn", { documents: relayedIn.join("; ") }) : ""}
                </p>
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
