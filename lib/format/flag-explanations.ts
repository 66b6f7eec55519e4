// Reconciliation flags and methods in plain words, naming the sources involved where we know them,
// so an analyst does not need the vocabulary to see where and why sources disagree.
import type { Flag, Method, Qualifier, SourceKind } from "@/lib/domain/vocabularies";
import { formatClaimValue } from "./figure-format";

export const FLAG_LABELS: Record<Flag, string> = {
  contested: "contested",
  single_source: "single source",
  parties_only: "parties only",
  official_lower: "official figure lower",
  breakdown_mismatch: "breakdown mismatch",
  open_ended: "open-ended",
};

export const METHOD_LABELS: Record<Method, string> = {
  source_priority: "source priority",
  conservative: "conservative (best = low)",
  median: "median of the point figures",
  editor: "editor's decision",
};

/** A claim that was counted in the figure, as the explanations need it. */
export type CountedClaim = {
  claimantName: string;
  kind: SourceKind;
  /** A party to the conflict (marked so, or an armed party). */
  party: boolean;
  /** A government's or a party's figure (an "official" one); defaults to `party`. */
  official?: boolean;
  valueMin: number;
  valueMax: number | null;
  qualifier: Qualifier;
};

/** "Malian government 25, Human Rights Watch 34": lowest figure first, so the gap reads left to right. */
function said(claims: CountedClaim[]): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  const ordered = [...claims].sort(
    (a, b) =>
      a.valueMin - b.valueMin || (a.valueMax ?? Infinity) - (b.valueMax ?? Infinity) || a.claimantName.localeCompare(b.claimantName),
  );
  for (const c of ordered) {
    const text = `${c.claimantName} ${formatClaimValue(c.valueMin, c.valueMax, c.qualifier)}`;
    if (!seen.has(text)) parts.push(text);
    seen.add(text);
  }
  return parts.join(", ");
}

function names(claims: CountedClaim[]): string {
  return [...new Set(claims.map((c) => c.claimantName))].sort().join(", ");
}

export function explainFlag(flag: Flag, counted: CountedClaim[], high: number | null): string {
  const parties = counted.filter((c) => c.party);
  const officials = counted.filter((c) => c.official ?? c.party);
  const independent = counted.filter((c) => !(c.official ?? c.party));
  switch (flag) {
    case "contested":
      return counted.length
        ? `The sources' figures do not overlap, so they cannot all be right: ${said(counted)}.`
        : "The sources' figures do not overlap, so they cannot all be right.";
    case "official_lower": {
      const whose =
        officials.length && officials.every((c) => c.kind === "government")
          ? "The government's figure is"
          : "The figure from a party to the conflict is";
      return officials.length && independent.length
        ? `${whose} lower than the independent ones: ${said(officials)}, against ${said(independent)}.`
        : `${whose} lower than the independent ones.`;
    }
    case "single_source":
      return counted.length
        ? `Only one independent source gives this figure (${names(counted)}); nobody else confirms or contradicts it.`
        : "Only one independent source gives this figure; nobody else confirms or contradicts it.";
    case "parties_only":
      return parties.length
        ? `Every figure comes from a party to the conflict (${names(parties)}); no independent source has reported one.`
        : "Every figure comes from a party to the conflict; no independent source has reported one.";
    case "breakdown_mismatch":
      return "A source's figures for subgroups (for example nationalities) do not add up to its own total.";
    case "open_ended":
      return high === null
        ? 'Sources give only a floor ("at least …"), so nothing bounds the figure from above: the high is open.'
        : 'At least one source gives only a floor ("at least …"); the high comes from the sources that give a bounded figure.';
  }
}
