// Where the claims come from: each document with its publisher and what it relays, and each
// source with its kind, whether it is a party to the conflict, its priority, and which documents
// relay it — so an analyst can see that Wikipedia and Mirage News repeat HRW rather than add to it.
import { TIER_LABELS, isPartySource, priorityTier } from "@/lib/domain/source-priority";
import { formatDay } from "@/lib/format/date-format";
import { SOURCE_KIND_LABELS } from "@/lib/format/vocabulary-labels";
import type { IncidentDetail } from "@/lib/incidents/incident-queries";
import { isoDay } from "@/lib/validation/calendar-day";

type StoredClaim = IncidentDetail["claims"][number];
type Doc = NonNullable<StoredClaim["document"]>;
type Source = StoredClaim["claimant"];

export function SourcesAndDocuments({ claims }: { claims: StoredClaim[] }) {
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
        <h3>Documents</h3>
        {docs.length === 0 ? <p className="meta">No documents recorded.</p> : null}
        <ul className="document-list">
          {docs.map(({ doc, claimants, claims: count }) => (
            <li key={doc.id}>
              <p className="doc-title">
                {doc.url ? <a href={doc.url}>{doc.title}</a> : doc.title}
                {doc.archiveUrl ? (
                  <>
                    {" "}
                    (<a href={doc.archiveUrl}>archived copy</a>)
                  </>
                ) : null}
              </p>
              <p className="meta">
                Published by {doc.source.name}
                {doc.publishedOn ? ` on ${formatDay(isoDay(doc.publishedOn)!)}` : ", date not recorded"}
                {doc.accessedOn ? ` · accessed ${formatDay(isoDay(doc.accessedOn)!)}` : ""}
                {doc.language ? ` · language: ${doc.language}` : ""}
              </p>
              <p>
                {doc.relays.length ? (
                  <>
                    <strong>Relays</strong> {doc.relays.map((r) => r.source.name).join(", ")}.{" "}
                  </>
                ) : (
                  <>Original reporting (relays no other source). </>
                )}
                {count} {count === 1 ? "claim" : "claims"} read here, by {[...claimants].join(", ")}.
              </p>
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h3>Sources</h3>
        <ul className="source-list">
          {sourceList.map((s) => {
            const published = docs.filter((d) => d.doc.source.id === s.id).map((d) => d.doc.title);
            const relayedIn = docs
              .filter((d) => d.doc.relays.some((r) => r.source.id === s.id))
              .map((d) => `${d.doc.source.name}: ${d.doc.title}`);
            const n = claimsBy(s.id);
            return (
              <li key={s.id}>
                <p className="doc-title">
                  {s.url ? <a href={s.url}>{s.name}</a> : s.name}{" "}
                  <span className="meta">
                    {SOURCE_KIND_LABELS[s.kind]}
                    {isPartySource(s) ? " · party to the conflict" : " · independent of the parties"}
                  </span>
                </p>
                <p className="meta">
                  Priority: {TIER_LABELS[priorityTier(s)]}.{" "}
                  <a href={`/sources/${s.slug}`}>How {s.name}&apos;s figures compare with other sources&apos;</a>
                </p>
                {s.notes ? <p className="meta">{s.notes}</p> : null}
                <p>
                  {n ? `${n} ${n === 1 ? "claim" : "claims"} as claimant. ` : "No claim of its own here. "}
                  {published.length ? `Published: ${published.join("; ")}. ` : ""}
                  {relayedIn.length ? `Relayed in: ${relayedIn.join("; ")}.` : ""}
                </p>
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
