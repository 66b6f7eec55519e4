import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RoleRefusal } from "@/components/editor/role-refusal";
import { pageUser } from "@/lib/auth/page-guard";
import { incidentForReview } from "@/lib/incidents/editor-page-queries";
import { INCIDENT_CODE } from "@/lib/validation/incident";
import { sortFigures } from "@/lib/incidents/figure-dto";
import { ClaimReviewRow, DecisionForm, type ReviewClaim } from "./review-forms";
import { isoDay } from "@/lib/validation/calendar-day";

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Review claims of ${(await params).code}` };
}

export const dynamic = "force-dynamic";

export default async function ReviewPage({ params }: Props) {
  const { code } = await params;
  if (!INCIDENT_CODE.test(code)) notFound();
  const { allowed } = await pageUser("editor", `/incidents/${code}/review`);
  if (!allowed) return <RoleRefusal role="editor" title="Review claims" />;
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
  return (
    <main>
      <h1>Review claims: {incident.title}</h1>
      <p className="lede">
        Judge each claim, replace a figure with a claimant&apos;s newer one, retract a claim entered by mistake, or record a decision on a
        figure. Every change is kept in the <Link href={`/incidents/${code}`}>incident&apos;s history</Link>; nothing is deleted.
      </p>
      <p>
        <Link href={`/incidents/${code}/claims/new`}>Add claims</Link> · <Link href={`/incidents/${code}/edit`}>Edit the incident</Link>
      </p>
      {figures.map((figure) => {
        const key = `${figure.metric}:${figure.category}`;
        const decision = incident.decisions.find((d) => d.metric === figure.metric && d.category === figure.category) ?? null;
        return (
          <section
            key={key}
            className="incident-card"
            aria-label={`${figure.metric.replace(/_/g, " ")} · ${figure.category.replace(/_/g, " ")}`}
          >
            <h2>
              {figure.metric.replace(/_/g, " ")} · {figure.category.replace(/_/g, " ")}: {figure.low} / {figure.best} /{" "}
              {figure.high ?? "open"} <span className="meta">({figure.method.replace(/_/g, " ")})</span>
            </h2>
            <p className="meta">{figure.rationale}</p>
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
        <section className="incident-card" aria-label="Claims not in any figure">
          <h2>Claims not counted in any figure</h2>
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
  );
}
