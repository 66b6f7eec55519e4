// Each reconciled figure with everything that explains it: low / best / high, the method and its
// rationale, what was counted, each flag in plain words, the claims left out and why, and whether
// subgroup breakdowns add up.
import type { RationaleParts } from "@/lib/domain/reconcile";
import { isOfficialSource, isPartySource } from "@/lib/domain/source-priority";
import { useTranslations } from "next-intl";
import type { Flag } from "@/lib/domain/vocabularies";
import type { CountedClaim } from "@/lib/format/flag-explanations";
import { formatClaimValue, formatCount } from "@/lib/format/localized-figures";
import { explainFlag } from "@/lib/format/localized-flags";
import { rationaleText } from "@/lib/format/localized-rationale";
import type { I18n } from "@/lib/i18n/i18n";
import { useI18n } from "@/lib/i18n/use-i18n";
import { sortFigures } from "@/lib/incidents/figure-dto";
import type { IncidentDetail } from "@/lib/incidents/incident-queries";

type StoredFigure = IncidentDetail["figures"][number];
type StoredClaim = IncidentDetail["claims"][number];

const EXCLUSION_REASONS = new Set(["superseded", "not_credible", "duplicate", "repeated_report", "breakdown"]);

type Exclusion = { claimId: string; reason: string };
type Breakdown = {
  claimantId: string;
  subgroups: { subgroup: string; low: number; high: number | null }[];
  total: { low: number; high: number | null } | null;
  consistent: boolean;
};

function interval(i18n: I18n, low: number, high: number | null) {
  const n = (value: number) => formatCount(i18n, value);
  return high === null ? `≥ ${n(low)}` : low === high ? n(low) : `${n(low)}–${n(high)}`;
}

function claimLabel(i18n: I18n, claim: StoredClaim | undefined): string {
  if (!claim) return i18n.t("incident.figures.claimGone");
  const where = claim.document ? ` (${claim.document.source.name})` : "";
  const subgroup = claim.subgroup ? `, ${claim.subgroup}` : "";
  return `${claim.claimant.name} ${formatClaimValue(i18n, claim.valueMin, claim.valueMax, claim.qualifier)}${subgroup}${where}`;
}

function FigurePanel({ figure, claims, explanation }: { figure: StoredFigure; claims: StoredClaim[]; explanation?: RationaleParts }) {
  const i18n = useI18n();
  const t = useTranslations("incident.figures");
  const byId = new Map(claims.map((c) => [c.id, c]));
  const counted: CountedClaim[] = figure.usedClaimIds
    .map((id) => byId.get(id))
    .filter((c): c is StoredClaim => Boolean(c) && c!.subgroup === null)
    .map((c) => ({
      claimantName: c.claimant.name,
      kind: c.claimant.kind,
      party: isPartySource(c.claimant),
      official: isOfficialSource(c.claimant),
      valueMin: c.valueMin,
      valueMax: c.valueMax,
      qualifier: c.qualifier,
    }));
  const excluded = (Array.isArray(figure.excluded) ? figure.excluded : []) as Exclusion[];
  const breakdowns = (Array.isArray(figure.breakdowns) ? figure.breakdowns : []) as Breakdown[];
  const label = `${i18n.t(`vocabulary.metric.${figure.metric}`)} · ${i18n.t(`vocabulary.category.${figure.category}`)}`;
  const id = `figure-${figure.metric}-${figure.category}`;
  return (
    <article className="figure-panel" aria-labelledby={id}>
      <h3 id={id}>{label}</h3>
      <dl className="lbh">
        <div>
          <dt>{t("low")}</dt>
          <dd>{formatCount(i18n, figure.low)}</dd>
        </div>
        <div className="best">
          <dt>{t("best")}</dt>
          <dd>{formatCount(i18n, figure.best)}</dd>
        </div>
        <div>
          <dt>{t("high")}</dt>
          <dd>{figure.high === null ? t("open") : formatCount(i18n, figure.high)}</dd>
        </div>
      </dl>
      <p>
        <strong>{t("method", { method: i18n.t(`vocabulary.method.${figure.method}`) })}</strong>{" "}
        {/* A computed method's rationale is stored in English as the reconciliation wrote it; in another
            language it is worded again from the engine's explanation when the page has one (see
            lib/figures/figure-explanations.ts), else shown as stored, marked English. An editor's
            rationale is their own words, in whatever language they wrote. */}
        {i18n.locale !== "en" && figure.method !== "editor" ? (
          explanation ? (
            <span>{rationaleText(i18n, explanation)}</span>
          ) : (
            <span lang="en">{figure.rationale}</span>
          )
        ) : (
          <span>{figure.rationale}</span>
        )}
      </p>
      <p className="meta">
        {t("counts", { claims: figure.claimCount, sources: figure.sourceCount, independent: figure.independentSourceCount })}
      </p>
      {figure.flags.length ? (
        <ul className="flag-explanations" aria-label={t("flagsLabel", { figure: label })}>
          {(figure.flags as Flag[]).map((flag) => (
            <li key={flag}>
              <span className={`badge ${flag === "contested" ? "contested" : ""}`}>{i18n.t(`vocabulary.flag.${flag}`)}</span>{" "}
              {explainFlag(i18n, flag, counted, figure.high)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="meta">{t("noFlags")}</p>
      )}
      {breakdowns.map((b) => {
        const name = claims.find((c) => c.claimant.id === b.claimantId)?.claimant.name ?? t("aSource");
        const parts = b.subgroups.map((s) => `${s.subgroup} ${interval(i18n, s.low, s.high)}`).join(" + ");
        const sumLow = b.subgroups.reduce((sum, s) => sum + s.low, 0);
        const sumHigh = b.subgroups.some((s) => s.high === null) ? null : b.subgroups.reduce((sum, s) => sum + (s.high ?? 0), 0);
        return (
          <p key={b.claimantId} className="breakdown">
            {t("breakdownSum", { name, parts, sum: interval(i18n, sumLow, sumHigh) })}
            {b.total ? t("breakdownTotal", { total: interval(i18n, b.total.low, b.total.high) }) : ""} —{" "}
            {b.consistent ? t("breakdownAddsUp") : t("breakdownMismatch")}
          </p>
        );
      })}
      {excluded.length ? (
        <details className="excluded">
          <summary>{t("excludedSummary", { count: excluded.length })}</summary>
          <ul>
            {excluded.map((e) => (
              <li key={e.claimId}>
                {t("exclusionLine", {
                  claim: claimLabel(i18n, byId.get(e.claimId)),
                  reason: EXCLUSION_REASONS.has(e.reason) ? t(`exclusion.${e.reason}`) : e.reason,
                })}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </article>
  );
}

export function ReconciliationPanel({
  figures,
  claims,
  explanations = {},
}: {
  figures: StoredFigure[];
  claims: StoredClaim[];
  /** by "metric:category": what each computed figure's rationale was worded from, for pages not in English */
  explanations?: Partial<Record<string, RationaleParts>>;
}) {
  const t = useTranslations("incident.figures");
  if (figures.length === 0) return <p className="empty">{t("none")}</p>;
  return (
    <>
      <p className="meta">{t("intro")}</p>
      <div className="figure-grid">
        {sortFigures(figures).map((f) => (
          <FigurePanel
            key={`${f.metric}:${f.category}`}
            figure={f}
            claims={claims}
            explanation={explanations[`${f.metric}:${f.category}`]}
          />
        ))}
      </div>
    </>
  );
}
