// Reconciliation flags in plain words of the interface's language, naming the sources involved
// where we know them, so an analyst does not need the vocabulary to see where and why sources disagree.
import type { Flag } from "@/lib/domain/vocabularies";
import type { I18n } from "@/lib/i18n/i18n";
import type { CountedClaim } from "./flag-explanations";
import { formatClaimValue } from "./localized-figures";

/** "Malian government 25, Human Rights Watch 34": lowest figure first, so the gap reads left to right. */
function said(i18n: I18n, claims: CountedClaim[]): string {
  const ordered = [...claims].sort(
    (a, b) =>
      a.valueMin - b.valueMin || (a.valueMax ?? Infinity) - (b.valueMax ?? Infinity) || a.claimantName.localeCompare(b.claimantName),
  );
  const parts = ordered.map((c) => `${c.claimantName} ${formatClaimValue(i18n, c.valueMin, c.valueMax, c.qualifier)}`);
  return [...new Set(parts)].join(", ");
}

function names(claims: CountedClaim[]): string {
  return [...new Set(claims.map((c) => c.claimantName))].sort().join(", ");
}

export function explainFlag(i18n: I18n, flag: Flag, counted: CountedClaim[], high: number | null): string {
  const { t } = i18n;
  const parties = counted.filter((c) => c.party);
  const officials = counted.filter((c) => c.official ?? c.party);
  const independent = counted.filter((c) => !(c.official ?? c.party));
  switch (flag) {
    case "contested":
      return counted.length ? t("flags.contested.named", { said: said(i18n, counted) }) : t("flags.contested.plain");
    case "official_lower": {
      const whose = officials.length && officials.every((c) => c.kind === "government") ? "government" : "party";
      return officials.length && independent.length
        ? t(`flags.official_lower.${whose}Named`, { officials: said(i18n, officials), independent: said(i18n, independent) })
        : t(`flags.official_lower.${whose}Plain`);
    }
    case "single_source":
      return counted.length ? t("flags.single_source.named", { names: names(counted) }) : t("flags.single_source.plain");
    case "parties_only":
      return parties.length ? t("flags.parties_only.named", { names: names(parties) }) : t("flags.parties_only.plain");
    case "breakdown_mismatch":
      return t("flags.breakdown_mismatch");
    case "open_ended":
      return high === null ? t("flags.open_ended.openHigh") : t("flags.open_ended.boundedHigh");
  }
}
