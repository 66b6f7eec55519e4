import { SOURCE_KIND_LABELS } from "@/lib/format/vocabulary-labels";
import type { Metadata } from "next";
import { currentUser } from "@/lib/auth/current-user";
import { hasRole } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { SourceForms } from "./source-forms";

export const metadata: Metadata = { title: "Sources and documents" };
export const dynamic = "force-dynamic";

export default async function SourcesPage() {
  const [user, sources] = await Promise.all([
    currentUser(),
    db.source.findMany({
      orderBy: { name: "asc" },
      include: { documents: { orderBy: { title: "asc" }, include: { relays: { include: { source: { select: { name: true } } } } } }, _count: { select: { claims: true } } },
    }),
  ]);
  return (
    <main>
      <h1>Sources and documents</h1>
      <p className="lede">A source is whoever makes claims; a document is one publication of a source, and may relay other sources.</p>
      {hasRole(user, "editor") ? <SourceForms sources={sources.map((s) => ({ id: s.id, name: s.name }))} /> : null}
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
                {s.name} <span className="meta">({s.slug})</span>
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
    </main>
  );
}
