// "Who said what" on a phone: one card per source, most trusted first, with each of its figures.
// The table (claims-table.tsx) needs a wide screen; CSS shows one or the other.
import { useTranslations } from "next-intl";
import { claimStatus, claimStatusLabel, claimantsOf, type ClaimView } from "@/lib/incidents/claim-comparison";
import { formatDayRange } from "@/lib/format/localized-dates";
import { formatClaimValue } from "@/lib/format/localized-figures";
import { CATEGORIES, METRICS } from "@/lib/domain/vocabularies";
import { useI18n } from "@/lib/i18n/use-i18n";

export function ClaimCards({ claims }: { claims: (ClaimView & { retracted: boolean })[] }) {
  const i18n = useI18n();
  const t = useTranslations("incident.claims");
  const shown = claims.filter((c) => !c.retracted);
  if (shown.length === 0) return null;
  return (
    <ul className="claim-cards" aria-label={t("cardsLabel")}>
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
                {i18n.t(`vocabulary.sourceKind.${claimant.kind}`)}
                {claimant.isParty && claimant.kind !== "party_to_conflict" ? t("partyToConflict") : ""}
              </span>
            </h3>
            <ul>
              {own.map((claim) => {
                const status = claimStatus(claim);
                return (
                  <li key={claim.id} className={status === "standing" ? "" : "not-counted"}>
                    <span className="what">
                      {i18n.t(`vocabulary.metric.${claim.metric}`)} · {i18n.t(`vocabulary.category.${claim.category}`)}
                      {claim.subgroup ? `, ${t("ofWhom", { subgroup: claim.subgroup })}` : ""}
                    </span>{" "}
                    <span className="figure">{formatClaimValue(i18n, claim.valueMin, claim.valueMax, claim.qualifier)}</span>{" "}
                    <span className="meta">
                      {formatDayRange(i18n, claim.statedOn, claim.statedOnEnd)}
                      {claim.document ? ` · ${t("inPublisher", { publisher: claim.document.publisher })}` : ""}
                      {status !== "standing" ? ` · ${claimStatusLabel(i18n, status)}` : ""}
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
