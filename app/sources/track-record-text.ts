// Words shared by the track-record pages (kept together for translation).
import type { Category, Metric } from "@/lib/domain/vocabularies";
import { CATEGORY_LABELS, METRIC_LABELS } from "@/lib/format/figure-format";
import type { TrackStats } from "@/lib/track-record/track-record-stats";
import { ratioText } from "@/lib/track-record/track-record-stats";

export const groupLabel = (g: { metric: Metric; category: Category }) => `${METRIC_LABELS[g.metric]} · ${CATEGORY_LABELS[g.category]}`;

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/** The lines under the headline sentence: how it was counted, revisions, delay. */
export function detailLines(s: TrackStats): string[] {
  const lines: string[] = [];
  lines.push(
    `Figures on ${plural(s.incidents, "incident")}; compared on ${plural(s.compared, "incident")} where at least one other independent source gave a figure.`,
  );
  if (s.compared === 1)
    lines.push("With a single incident there is no pattern to speak of: read it as that one incident, not as a tendency.");
  if (s.openEnded || s.midpoints) {
    const parts = [];
    if (s.openEnded)
      parts.push(
        `${plural(s.openEnded, "open-ended figure")} ("at least …") counted by ${s.openEnded === 1 ? "its" : "their"} lower bound`,
      );
    if (s.midpoints) parts.push(`${plural(s.midpoints, "range")} counted by ${s.midpoints === 1 ? "its" : "their"} midpoint`);
    lines.push(`Of those, ${parts.join(" and ")}.`);
  }
  if (s.compared) {
    lines.push(
      s.revised
        ? `Its first figure was later replaced on ${plural(s.revised, "incident")}: ${s.revisedUp} upwards, ${s.revisedDown} downwards${s.revised - s.revisedUp - s.revisedDown ? `, ${s.revised - s.revisedUp - s.revisedDown} unchanged` : ""}.`
        : "It never replaced its first figure on these incidents.",
    );
  }
  if (s.medianDelayDays !== null)
    lines.push(`Median delay from the incident's start to its first claim: ${plural(Math.round(s.medianDelayDays), "day")}.`);
  return lines;
}

export const ratioCell = (s: TrackStats) =>
  s.ratio ? `${ratioText(s.ratio.median)} (${ratioText(s.ratio.low)}–${ratioText(s.ratio.high)})` : "—";

export const CAVEAT =
  "These numbers describe how a source's figures relate to everyone else's on the same incidents. They are a correlation, not proof of intent: " +
  "a source that reports early, counts only what it verified, or covers different places will differ for reasons that have nothing to do with bias.";
