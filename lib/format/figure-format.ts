// How figures and claims read to a person: "34", "≥ 30", "25–34", "≈ 20".
import type { Category, Metric, Qualifier } from "@/lib/domain/vocabularies";

export const METRIC_LABELS: Record<Metric, string> = {
  killed: "killed",
  injured: "injured",
  killed_or_injured: "killed or injured",
  missing: "missing",
  abducted: "abducted",
};

export const CATEGORY_LABELS: Record<Category, string> = {
  civilians: "civilians",
  security_forces: "security forces",
  attackers: "attackers",
  unspecified: "unspecified",
};

export function formatClaimValue(valueMin: number, valueMax: number | null, qualifier: Qualifier): string {
  switch (qualifier) {
    case "at_least":
      return `≥ ${valueMin}`;
    case "more_than":
      return `> ${valueMin - 1}`;
    case "at_most":
      return `≤ ${valueMax ?? valueMin}`;
    case "approximately":
      return `≈ ${valueMin}`;
    case "range":
      return valueMax === null ? `≥ ${valueMin}` : `${valueMin}–${valueMax}`;
    case "vague":
      return valueMax === null ? `≥ ${valueMin} (vague)` : `${valueMin}–${valueMax} (vague)`;
    case "exact":
      return valueMax === null || valueMax === valueMin ? `${valueMin}` : `${valueMin}–${valueMax}`;
  }
}

/** low – best – high, with an open high written "open". */
export function formatLowBestHigh(figure: { low: number; best: number; high: number | null }): string {
  return `${figure.low} / ${figure.best} / ${figure.high ?? "open"}`;
}

/** A headline as one short phrase: "34", "25–34", "≥ 30". */
export function formatRange(figure: { low: number; best: number; high: number | null }): string {
  if (figure.high === null) return `≥ ${figure.low}`;
  if (figure.low === figure.high) return `${figure.best}`;
  return `${figure.low}–${figure.high}`;
}
