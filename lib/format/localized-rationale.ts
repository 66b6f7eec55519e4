// Why a reconciled figure's best is what it is, in the reader's language: the engine's explanation
// (lib/domain/reconcile.ts RationaleParts) worded from the `rationale` catalogue. The stored
// rationale is the English one (englishRationale); in English this gives the same text, byte for
// byte — numbers as plain digits and dates as ISO days, as the engine writes them — so the
// catalogue can be checked against the engine. Other languages group numbers and write dates as
// the locale does. An editor's decision is their own words, shown as written.
import type { RationaleParts, RationaleWinner, TieNote } from "@/lib/domain/reconcile";
import type { I18n } from "@/lib/i18n/i18n";
import { formatDay } from "./localized-dates";
import { formatCount } from "./localized-figures";

export function rationaleText(i18n: I18n, parts: RationaleParts): string {
  if (parts.kind === "editor") return parts.text;
  const t = (key: string, values?: Parameters<I18n["t"]>[1]) => i18n.t(`rationale.${key}`, values);
  const english = i18n.locale === "en";
  const number = (n: number) => (english ? String(n) : formatCount(i18n, n));
  const names = (claimants: string[]) => claimants.join(", ");
  const sentences: string[] = [];
  switch (parts.kind) {
    case "source_priority_single":
    case "source_priority": {
      const tierName = i18n.t(`incident.sources.tier.${parts.tier}`);
      const values = { best: parts.best, winner: winnerText(i18n, parts.winner), tier: parts.tier, tierName };
      if (parts.kind === "source_priority_single") sentences.push(t("prioritySingle", values));
      else {
        sentences.push(t("priorityMultiple", values));
        if (parts.tie) sentences.push(tieText(i18n, parts.tie));
      }
      break;
    }
    case "conservative":
      sentences.push(t("conservative", { best: parts.best, names: names(parts.claimants) }));
      break;
    case "median_fallback":
      sentences.push(t("medianFallback", { best: parts.best, names: names(parts.claimants) }));
      break;
    case "median":
      sentences.push(
        t("median", {
          best: parts.best,
          count: parts.values.length,
          values: parts.values.map(number).join(", "),
          even: parts.even ? "yes" : "no",
          names: names(parts.claimants),
        }),
      );
      break;
  }
  if (parts.clamp) {
    const high = parts.clamp.high === null ? i18n.t("figures.open") : number(parts.clamp.high);
    sentences.push(t("clamp", { low: parts.clamp.low, high }));
  }
  return sentences.join(" ");
}

/** "HRW's figure", « le chiffre avancé par HRW »; a name ending in s takes the English apostrophe alone. */
function winnerText(i18n: I18n, winner: RationaleWinner): string {
  return i18n.t("rationale.winner", {
    name: winner.claimantName,
    endsInS: /s$/i.test(winner.claimantName) ? "yes" : "no",
    derived: winner.derived ? "yes" : "no",
  });
}

function tieText(i18n: I18n, tie: TieNote): string {
  switch (tie.kind) {
    case "most_recent": {
      const date =
        tie.statedOn === null ? i18n.t("rationale.dateUnknown") : i18n.locale === "en" ? tie.statedOn : formatDay(i18n, tie.statedOn);
      return i18n.t("rationale.tieMostRecent", { count: tie.sameTier, date });
    }
    case "lowest":
      return i18n.t("rationale.tieLowest", { count: tie.sameTier });
    case "agree":
      return i18n.t("rationale.tieAgree", { count: tie.sameTier, value: tie.value });
  }
}
