// Every claim of the incident: one row per metric × category (subgroup rows under their total),
// one column per claimant, and the reconciled figure at the end of the row. Claims that do not
// count are shown struck through, with the reason.
import { CLAIM_STATUS_LABELS, claimStatus, claimTableRows, claimantsOf, type ClaimView } from "@/lib/incidents/claim-comparison";
import { formatDayRange } from "@/lib/format/date-format";
import { CATEGORY_LABELS, METRIC_LABELS, formatClaimValue, formatLowBestHigh } from "@/lib/format/figure-format";
import { FLAG_LABELS } from "@/lib/format/flag-explanations";
import { SOURCE_KIND_LABELS } from "@/lib/format/vocabulary-labels";
import type { FigureDto } from "@/lib/incidents/figure-dto";

function ClaimCell({ claims }: { claims: ClaimView[] | undefined }) {
  if (!claims?.length)
    return (
      <span className="none" aria-label="no claim">
        —
      </span>
    );
  return (
    <ul className="cell-claims">
      {claims.map((claim) => {
        const status = claimStatus(claim);
        return (
          <li key={claim.id} className={status === "standing" ? "" : "not-counted"}>
            <span className="figure">{formatClaimValue(claim.valueMin, claim.valueMax, claim.qualifier)}</span>{" "}
            <span className="meta">{formatDayRange(claim.statedOn, claim.statedOnEnd)}</span>
            {status !== "standing" ? <span className="status"> · {CLAIM_STATUS_LABELS[status]}</span> : null}
            {claim.document ? (
              <span className="meta">
                {" "}
                · in{" "}
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
              <summary>Statement</summary>
              <blockquote>{claim.statement}</blockquote>
            </details>
          </li>
        );
      })}
    </ul>
  );
}

export function ClaimsTable({ claims, figures }: { claims: (ClaimView & { retracted: boolean })[]; figures: FigureDto[] }) {
  const shown = claims.filter((c) => !c.retracted);
  if (shown.length === 0) return <p className="empty">No claims recorded yet.</p>;
  const claimants = claimantsOf(shown);
  const rows = claimTableRows(shown);
  const retracted = claims.length - shown.length;
  return (
    <>
      <p className="meta claims-table-help" id="claims-table-help">
        Rows: metric and category; columns: who made the claim, most trusted first; the last column is the reconciled low / best / high.
      </p>
      <div className="table-scroll claims-table-scroll" role="region" aria-labelledby="claims-table-caption" tabIndex={0}>
        <table className="claims-table" aria-describedby="claims-table-help">
          <caption id="claims-table-caption" className="sr-only">
            Claims by metric and category and by claimant
          </caption>
          <thead>
            <tr>
              <th scope="col">Metric · category</th>
              {claimants.map((c) => (
                <th scope="col" key={c.slug}>
                  <a href={`/sources/${c.slug}`}>{c.name}</a>
                  <span className="meta">
                    {SOURCE_KIND_LABELS[c.kind]}
                    {c.isParty && c.kind !== "party_to_conflict" ? ", party to the conflict" : ""}
                  </span>
                </th>
              ))}
              <th scope="col">Reconciled</th>
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
                        <span className="sr-only">
                          {METRIC_LABELS[row.metric]} · {CATEGORY_LABELS[row.category]},{" "}
                        </span>
                        of whom {row.subgroup}
                      </>
                    ) : (
                      `${METRIC_LABELS[row.metric]} · ${CATEGORY_LABELS[row.category]}`
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
                        <strong>{formatLowBestHigh(figure)}</strong>
                        {figure.flags.length ? <span className="meta"> {figure.flags.map((f) => FLAG_LABELS[f]).join(", ")}</span> : null}
                      </>
                    ) : row.subgroup ? (
                      <span className="meta">checked against the total</span>
                    ) : (
                      <span className="meta">none</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {retracted ? (
        <p className="meta">
          {retracted === 1 ? "One retracted claim is" : `${retracted} retracted claims are`} not shown; the change history lists it.
        </p>
      ) : null}
    </>
  );
}
