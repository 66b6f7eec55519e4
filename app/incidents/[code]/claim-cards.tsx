// "Who said what" on a phone: one card per source, most trusted first, with each of its figures.
// The table (claims-table.tsx) needs a wide screen; CSS shows one or the other.
import { CLAIM_STATUS_LABELS, claimStatus, claimantsOf, type ClaimView } from "@/lib/incidents/claim-comparison";
import { formatDayRange } from "@/lib/format/date-format";
import { CATEGORY_LABELS, METRIC_LABELS, formatClaimValue } from "@/lib/format/figure-format";
import { SOURCE_KIND_LABELS } from "@/lib/format/vocabulary-labels";
import { CATEGORIES, METRICS } from "@/lib/domain/vocabularies";

export function ClaimCards({ claims }: { claims: (ClaimView & { retracted: boolean })[] }) {
  const shown = claims.filter((c) => !c.retracted);
  if (shown.length === 0) return null;
  return (
    <ul className="claim-cards" aria-label="Claims by source">
      {claimantsOf(shown).map((claimant) => {
        const own = shown
          .filter((c) => c.claimant.slug === claimant.slug)
          .sort(
            (a, b) =>
              METRICS.indexOf(a.metric) - METRICS.indexOf(b.metric) ||
              CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category) ||
              (a.subgroup === null ? -1 : b.subgroup === null ? 1 : a.subgroup.localeCompare(b.subgroup)) ||
              (a.statedOn ?? "").localeCompare(b.statedOn ?? ""),
          );
        return (
          <li key={claimant.slug} className="claim-card">
            <h3>
              {claimant.name}{" "}
              <span className="meta">
                {SOURCE_KIND_LABELS[claimant.kind]}
                {claimant.isParty && claimant.kind !== "party_to_conflict" ? ", party to the conflict" : ""}
              </span>
            </h3>
            <ul>
              {own.map((claim) => {
                const status = claimStatus(claim);
                return (
                  <li key={claim.id} className={status === "standing" ? "" : "not-counted"}>
                    <span className="what">
                      {METRIC_LABELS[claim.metric]} · {CATEGORY_LABELS[claim.category]}
                      {claim.subgroup ? `, of whom ${claim.subgroup}` : ""}
                    </span>{" "}
                    <span className="figure">{formatClaimValue(claim.valueMin, claim.valueMax, claim.qualifier)}</span>{" "}
                    <span className="meta">
                      {formatDayRange(claim.statedOn, claim.statedOnEnd)}
                      {claim.document ? ` · in ${claim.document.publisher}` : ""}
                      {status !== "standing" ? ` · ${CLAIM_STATUS_LABELS[status]}` : ""}
                    </span>
                  </li>
                );
              })}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}
