import { PageMessages } from "@/components/page-messages";
import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/current-user";
import { hasRole } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { formatCount } from "@/lib/format/localized-figures";
import { serverI18n } from "@/lib/i18n/server-i18n";
import { sourcesWithDocuments } from "@/lib/sources/source-queries";
import { kindTrackRecords } from "@/lib/track-record/track-record-queries";
import { SourceForms } from "./source-forms";
import { caveat, groupLabel, ratioCell, statsInWords } from "./track-record-text";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sources");
  return { title: t("metaTitle") };
}
export const dynamic = "force-dynamic";

export default async function SourcesPage() {
  const [user, sources, kinds, i18n, t] = await Promise.all([
    currentUser(),
    sourcesWithDocuments(),
    kindTrackRecords(db, {}),
    serverI18n(),
    getTranslations("sources"),
  ]);
  const comparedKinds = kinds.filter((k) => k.stats.compared > 0);
  const n = (value: number) => formatCount(i18n, value);
  return (
    <PageMessages paths={["sources.forms", "validation", "vocabulary"]}>
      <main>
        <h1>{t("title")}</h1>
        <p className="lede">{t("lede")}</p>
        {hasRole(user, "editor") ? <SourceForms sources={sources.map((s) => ({ id: s.id, name: s.name }))} /> : null}
        <p>{t.rich("intro", { compare: (chunks) => <Link href="/sources/compare">{chunks}</Link> })}</p>
        <h2>{t("allHeading", { count: sources.length })}</h2>
        <table className="figures">
          <thead>
            <tr>
              <th scope="col">{t("columns.source")}</th>
              <th scope="col">{t("columns.kind")}</th>
              <th scope="col">{t("columns.party")}</th>
              <th scope="col">{t("columns.claims")}</th>
              <th scope="col">{t("columns.documents")}</th>
            </tr>
          </thead>
          <tbody>
            {sources.map((s) => (
              <tr key={s.id}>
                <td>
                  <a href={`/sources/${s.slug}`}>{s.name}</a> <span className="meta">({s.slug})</span>
                </td>
                <td>{i18n.t(`vocabulary.sourceKind.${s.kind}`)}</td>
                <td>{s.isParty ? t("yes") : t("no")}</td>
                <td className="num">{n(s._count.claims)}</td>
                <td>
                  <ul className="plain">
                    {s.documents.map((d) => (
                      <li key={d.id}>
                        {d.url ? <a href={d.url}>{d.title}</a> : d.title}
                        {d.publishedOn ? ` (${d.publishedOn.toISOString().slice(0, 10)})` : ""}
                        {d.relays.length ? (
                          <span className="meta">{t("relays", { names: d.relays.map((r) => r.source.name).join(", ") })}</span>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>{t("byKindHeading")}</h2>
        <p className="meta">
          {t("byKindIntro")} {caveat(i18n)}
        </p>
        {comparedKinds.length ? (
          <table className="figures">
            <thead>
              <tr>
                <th scope="col">{t("byKindColumns.kind")}</th>
                <th scope="col">{t("byKindColumns.metricCategory")}</th>
                <th scope="col">{t("byKindColumns.compared")}</th>
                <th scope="col">{t("byKindColumns.lowerWithinHigher")}</th>
                <th scope="col">{t("byKindColumns.ratio")}</th>
                <th scope="col">{t("byKindColumns.words")}</th>
              </tr>
            </thead>
            <tbody>
              {comparedKinds.map((k) => (
                <tr key={`${k.kind}:${k.metric}:${k.category}`}>
                  <th scope="row">{i18n.t(`vocabulary.sourceKind.${k.kind}`)}</th>
                  <td>{groupLabel(i18n, k)}</td>
                  <td className="num">{n(k.stats.compared)}</td>
                  <td className="num">
                    {n(k.stats.lower)} / {n(k.stats.within)} / {n(k.stats.higher)}
                  </td>
                  <td className="num">{ratioCell(i18n, k.stats)}</td>
                  <td>{statsInWords(i18n, k.stats)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="empty">{t("noneCompared")}</p>
        )}
      </main>
    </PageMessages>
  );
}
