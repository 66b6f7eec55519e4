// Every claim of the incident: one row per metric × category (subgroup rows under their total),
// one column per claimant, and the reconciled figure at the end of the row. Claims that do not
// count are shown struck through, with the reason.
import { useTranslations } from "next-intl";
import { claimStatus, claimStatusLabel, claimTableRows, claimantsOf, type ClaimView } from "@/lib/incidents/claim-comparison";
import { formatDayRange } from "@/lib/format/localized-dates";
import { formatClaimValue, formatLowBestHigh } from "@/lib/format/localized-figures";
import type { FigureDto } from "@/lib/incidents/figure-dto";
import { useI18n } from "@/lib/i18n/use-i18n";

function ClaimCell({ claims }: { claims: ClaimView[] | undefined }) {
  const i18n = useI18n();
  const t = useTranslations("incident.claims");
  if (!claims?.length)
    return (
      <span className="none" aria-label={t("noClaim")}>
        —
      </span>
    );
  return (
    <ul className="cell-claims">
      {claims.map((claim) => {
        const status = claimStatus(claim);
        return (
          <li key={claim.id} className={status === "standing" ? "" : "not-counted"}>
            <span className="figure">{formatClaimValue(i18n, claim.valueMin, claim.valueMax, claim.qualifier)}</span>{" "}
            <span className="meta">{formatDayRange(i18n, claim.statedOn, claim.statedOnEnd)}</span>
            {status !== "standing" ? <span className="status"> · {claimStatusLabel(i18n, status)}</span> : null}
            {claim.document ? (
              <span className="meta">
                {" "}
                · {t("in")}{" "}
                {claim.document.url ? (
                  <a href={claim.document.url} title={claim.document.title}>
                    {claim.document.publisher}
                  </a>
                ) : (
                  claim.document.publisher
                )}
              </span>
            ) : null}
            <details className="statement">
              <summary>{t("statement")}</summary>
              <blockquote>{claim.statement}</blockquote>
            </details>
          </li>
        );
      })}
    </ul>
  );
}

export function ClaimsTable({ claims, figures }: { claims: (ClaimView & { retracted: boolean })[]; figures: FigureDto[] }) {
  const i18n = useI18n();
  const t = useTranslations("incident.claims");
  const group = (metric: string, category: string) =>
    `${i18n.t(`vocabulary.metric.${metric}`)} · ${i18n.t(`vocabulary.category.${category}`)}`;
  const shown = claims.filter((c) => !c.retracted);
  if (shown.length === 0) return <p className="empty">{t("empty")}</p>;
  const claimants = claimantsOf(shown);
  const rows = claimTableRows(shown);
  const retracted = claims.length - shown.length;
  return (
    <>
      <p className="meta claims-table-help" id="claims-table-help">
        {t("tableHelp")}
      </p>
      <div className="table-scroll claims-table-scroll" role="region" aria-labelledby="claims-table-caption" tabIndex={0}>
        <table className="claims-table" aria-describedby="claims-table-help">
          <caption id="claims-table-caption" className="sr-only">
            {t("tableCaption")}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("metricCategory")}</th>
              {claimants.map((c) => (
                <th scope="col" key={c.slug}>
                  <a href={`/sources/${c.slug}`}>{c.name}</a>
                  <span className="meta">
                    {i18n.t(`vocabulary.sourceKind.${c.kind}`)}
                    {c.isParty && c.kind !== "party_to_conflict" ? t("partyToConflict") : ""}
                  </span>
                </th>
              ))}
              <th scope="col">{t("reconciled")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const figure =
                row.subgroup === null ? figures.find((f) => f.metric === row.metric && f.category === row.category) : undefined;
              return (
                <tr key={`${row.metric}:${row.category}:${row.subgroup ?? ""}`} className={row.subgroup ? "subgroup" : ""}>
                  <th scope="row">
                    {row.subgroup ? (
                      <>
                        <span className="sr-only">{group(row.metric, row.category)}, </span>
                        {t("ofWhom", { subgroup: row.subgroup })}
                      </>
                    ) : (
                      group(row.metric, row.category)
                    )}
                  </th>
                  {claimants.map((c) => (
                    <td key={c.slug}>
                      <ClaimCell claims={row.cells[c.slug]} />
                    </td>
                  ))}
                  <td className="reconciled-cell">
                    {figure ? (
                      <>
                        <strong>{formatLowBestHigh(i18n, figure)}</strong>
                        {figure.flags.length ? (
                          <span className="meta"> {figure.flags.map((f) => i18n.t(`vocabulary.flag.${f}`)).join(", ")}</span>
                        ) : null}
                      </>
                    ) : row.subgroup ? (
                      <span className="meta">{t("checkedAgainstTotal")}</span>
                    ) : (
                      <span className="meta">{t("none")}</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {retracted ? <p className="meta">{t("retractedNotShown", { count: retracted })}</p> : null}
    </>
  );
}
