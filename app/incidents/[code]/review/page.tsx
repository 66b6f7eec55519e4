import { PageMessages } from "@/components/page-messages";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { RoleRefusal } from "@/components/editor/role-refusal";
import { pageUser } from "@/lib/auth/page-guard";
import { incidentForReview } from "@/lib/incidents/editor-page-queries";
import { INCIDENT_CODE } from "@/lib/validation/incident";
import { sortFigures } from "@/lib/incidents/figure-dto";
import { storedFigureExplanations } from "@/lib/figures/figure-explanations";
import { rationaleText } from "@/lib/format/localized-rationale";
import { serverI18n } from "@/lib/i18n/server-i18n";
import { ClaimReviewRow, DecisionForm, type ReviewClaim } from "./review-forms";
import { isoDay } from "@/lib/validation/calendar-day";

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("review");
  return { title: t("metaTitle", { code: (await params).code }) };
}

export const dynamic = "force-dynamic";

export default async function ReviewPage({ params }: Props) {
  const { code } = await params;
  if (!INCIDENT_CODE.test(code)) notFound();
  const { allowed } = await pageUser("editor", `/incidents/${code}/review`);
  const [t, vocabulary] = await Promise.all([getTranslations("review"), getTranslations("vocabulary")]);
  if (!allowed) return <RoleRefusal role="editor" title={t("title")} />;
  const incident = await incidentForReview(code);
  if (!incident) notFound();
  const claims: ReviewClaim[] = incident.claims.map((c) => ({
    id: c.id,
    version: c.version,
    metric: c.metric,
    category: c.category,
    subgroup: c.subgroup,
    valueMin: c.valueMin,
    valueMax: c.valueMax,
    qualifier: c.qualifier,
    statement: c.statement,
    statedOn: isoDay(c.statedOn),
    claimant: c.claimant.name,
    document: c.document?.title ?? null,
    assessment: c.assessment,
    assessmentReason: c.assessmentReason,
    retracted: c.retractedAt !== null,
    retractedReason: c.retractedReason,
    supersededById: c.supersededBy?.id ?? null,
  }));
  const figures = sortFigures(incident.figures);
  // Outside English the computed rationales are worded again in the reader's language; one that cannot
  // be (its figure awaits a refresh) is shown as stored, marked English. An editor's is their own words.
  const i18n = await serverI18n();
  const explanations = i18n.locale === "en" ? {} : await storedFigureExplanations(incident.id, incident.figures);
  return (
    <PageMessages paths={["fields", "figures", "rationale", "review", "validation", "vocabulary"]}>
      <main>
        <h1>{t("heading", { title: incident.title })}</h1>
        <p className="lede">{t.rich("lede", { link: (chunks) => <Link href={`/incidents/${code}`}>{chunks}</Link> })}</p>
        <p>
          <Link href={`/incidents/${code}/claims/new`}>{t("addClaims")}</Link> ·{" "}
          <Link href={`/incidents/${code}/edit`}>{t("editIncident")}</Link>
        </p>
        {figures.map((figure) => {
          const key = `${figure.metric}:${figure.category}`;
          const name = `${vocabulary(`metric.${figure.metric}`)} · ${vocabulary(`category.${figure.category}`)}`;
          const decision = incident.decisions.find((d) => d.metric === figure.metric && d.category === figure.category) ?? null;
          return (
            <section key={key} className="incident-card" aria-label={name}>
              <h2>
                {t("figureHeading", { name, low: figure.low, best: figure.best, high: figure.high ?? t("open") })}{" "}
                <span className="meta">({t(`method.${figure.method}`)})</span>
              </h2>
              {i18n.locale !== "en" && figure.method !== "editor" ? (
                explanations[key] ? (
                  <p className="meta">{rationaleText(i18n, explanations[key])}</p>
                ) : (
                  <p className="meta" lang="en">
                    {figure.rationale}
                  </p>
                )
              ) : (
                <p className="meta">{figure.rationale}</p>
              )}
              <ul className="plain review-list">
                {claims
                  .filter((c) => c.metric === figure.metric && c.category === figure.category)
                  .map((claim) => (
                    <ClaimReviewRow key={claim.id} claim={claim} />
                  ))}
              </ul>
              <DecisionForm
                incidentCode={code}
                metric={figure.metric}
                category={figure.category}
                current={
                  decision
                    ? { id: decision.id, best: decision.best, low: decision.low, high: decision.high, rationale: decision.rationale }
                    : null
                }
              />
            </section>
          );
        })}
        {claims.filter((c) => !figures.some((f) => f.metric === c.metric && f.category === c.category)).length ? (
          <section className="incident-card" aria-label={t("notCountedLabel")}>
            <h2>{t("notCounted")}</h2>
            <ul className="plain review-list">
              {claims
                .filter((c) => !figures.some((f) => f.metric === c.metric && f.category === c.category))
                .map((claim) => (
                  <ClaimReviewRow key={claim.id} claim={claim} />
                ))}
            </ul>
          </section>
        ) : null}
      </main>
    </PageMessages>
  );
}
