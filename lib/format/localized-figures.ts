// How figures and claims read in the interface's language: "34", "≥ 30", "25–34", "≈ 20", numbers
// grouped as the locale groups them ("1,200" / "1 200").
import type { Qualifier } from "@/lib/domain/vocabularies";
import type { I18n } from "@/lib/i18n/i18n";
import { numberFormat } from "./intl-formats";

export function formatCount(i18n: I18n, n: number): string {
  return numberFormat(i18n.locale).format(n);
}

export function formatClaimValue(i18n: I18n, valueMin: number, valueMax: number | null, qualifier: Qualifier): string {
  const n = (value: number) => formatCount(i18n, value);
  const span = (max: number) => `${n(valueMin)}–${n(max)}`;
  switch (qualifier) {
    case "at_least":
      return `≥ ${n(valueMin)}`;
    case "more_than":
      return `> ${n(valueMin - 1)}`;
    case "at_most":
      return `≤ ${n(valueMax ?? valueMin)}`;
    case "approximately":
      return `≈ ${n(valueMin)}`;
    case "range":
      return valueMax === null ? `≥ ${n(valueMin)}` : span(valueMax);
    case "vague":
      return i18n.t("figures.vague", { figure: valueMax === null ? `≥ ${n(valueMin)}` : span(valueMax) });
    case "exact":
      return valueMax === null || valueMax === valueMin ? n(valueMin) : span(valueMax);
  }
}

/** low / best / high, with an open high written as the locale's word for "open". */
export function formatLowBestHigh(i18n: I18n, figure: { low: number; best: number; high: number | null }): string {
  const high = figure.high === null ? i18n.t("figures.open") : formatCount(i18n, figure.high);
  return `${formatCount(i18n, figure.low)} / ${formatCount(i18n, figure.best)} / ${high}`;
}

/** A headline as one short phrase: "34", "25–34", "≥ 30". */
export function formatRange(i18n: I18n, figure: { low: number; best: number; high: number | null }): string {
  if (figure.high === null) return `≥ ${formatCount(i18n, figure.low)}`;
  if (figure.low === figure.high) return formatCount(i18n, figure.best);
  return `${formatCount(i18n, figure.low)}–${formatCount(i18n, figure.high)}`;
}
