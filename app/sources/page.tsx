import Link from "next/link";
import type { Metadata } from "next";
import { currentUser } from "@/lib/auth/current-user";
import { hasRole } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { SOURCE_KIND_LABELS } from "@/lib/format/vocabulary-labels";
import { sourcesWithDocuments } from "@/lib/sources/source-queries";
import { describeStats } from "@/lib/track-record/track-record-stats";
import { kindTrackRecords } from "@/lib/track-record/track-record-queries";
import { SourceForms } from "./source-forms";
import { CAVEAT, groupLabel, ratioCell } from "./track-record-text";

export const metadata: Metadata = { title: "Sources and documents" };
export const dynamic = "force-dynamic";

export default async function SourcesPage() {
  const [user, sources, kinds] = await Promise.all([currentUser(), sourcesWithDocuments(), kindTrackRecords(db, {})]);
  const comparedKinds = kinds.filter((k) => k.stats.compared > 0);
  return (
    <main>
      <h1>Sources and documents</h1>
      <p className="lede">A source is whoever makes claims; a document is one publication of a source, and may relay other sources.</p>
      {hasRole(user, "editor") ? <SourceForms sources={sources.map((s) => ({ id: s.id, name: s.name }))} /> : null}
      <p>
        Each source&apos;s name leads to its track record: how its figures compare with the other sources&apos; on the same incidents.{" "}
        <Link href="/sources/compare">Compare two sources head to head</Link>.
      </p>
      <h2>All sources ({sources.length})</h2>
      <table className="figures">
        <thead>
          <tr>
            <th scope="col">Source</th>
            <th scope="col">Kind</th>
            <th scope="col">Party to the conflict</th>
            <th scope="col">Claims</th>
            <th scope="col">Documents (and what they relay)</th>
          </tr>
        </thead>
        <tbody>
          {sources.map((s) => (
            <tr key={s.id}>
              <td>
                <a href={`/sources/${s.slug}`}>{s.name}</a> <span className="meta">({s.slug})</span>
              </td>
              <td>{SOURCE_KIND_LABELS[s.kind]}</td>
              <td>{s.isParty ? "yes" : "no"}</td>
              <td className="num">{s._count.claims}</td>
              <td>
                <ul className="plain">
                  {s.documents.map((d) => (
                    <li key={d.id}>
                      {d.url ? <a href={d.url}>{d.title}</a> : d.title}
                      {d.publishedOn ? ` (${d.publishedOn.toISOString().slice(0, 10)})` : ""}
                      {d.relays.length ? <span className="meta"> — relays {d.relays.map((r) => r.source.name).join(", ")}</span> : null}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>By kind of source</h2>
      <p className="meta">
        Every source of a kind, each compared with the figure the other sources give without it, on the incidents where another independent
        source gave one. {CAVEAT}
      </p>
      {comparedKinds.length ? (
        <table className="figures">
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Metric · category</th>
              <th scope="col">Incidents compared</th>
              <th scope="col">Lower / within / higher</th>
              <th scope="col">Typical ratio (90 % interval)</th>
              <th scope="col">In words</th>
            </tr>
          </thead>
          <tbody>
            {comparedKinds.map((k) => (
              <tr key={`${k.kind}:${k.metric}:${k.category}`}>
                <th scope="row">{SOURCE_KIND_LABELS[k.kind]}</th>
                <td>{groupLabel(k)}</td>
                <td className="num">{k.stats.compared}</td>
                <td className="num">
                  {k.stats.lower} / {k.stats.within} / {k.stats.higher}
                </td>
                <td className="num">{ratioCell(k.stats)}</td>
                <td>{describeStats(k.stats)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="empty">No incident has figures from two independent sources yet.</p>
      )}
    </main>
  );
}
