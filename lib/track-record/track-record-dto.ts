// The track record as the API and sources.csv state it: snake_case vocabularies, the statistics
// and the sentence the page shows.
import type { Category, Metric } from "@/lib/domain/vocabularies";
import { describeStats, MIN_INCIDENTS, type TrackStats } from "./track-record-stats";

export function groupStatsDto(group: { metric: Metric; category: Category; stats: TrackStats }) {
  const s = group.stats;
  return {
    metric: group.metric,
    category: group.category,
    incidents: s.incidents,
    compared: s.compared,
    lower: s.lower,
    within: s.within,
    higher: s.higher,
    openEnded: s.openEnded,
    midpoints: s.midpoints,
    ratioN: s.ratioN,
    ratio: s.ratio,
    revised: { total: s.revised, up: s.revisedUp, down: s.revisedDown },
    medianDelayDays: s.medianDelayDays,
    summary: describeStats(s),
  };
}

export const METHOD_NOTE =
  `Each incident compares the source's active figure with the figure reconciled (source priority) from the other independent sources without it. ` +
  `Open-ended figures count by their lower bound, ranges by their midpoint. ratio = median of source ÷ others' best with a seeded bootstrap 90 % interval, ` +
  `given from ${MIN_INCIDENTS} compared incidents on. A correlation, not proof of intent.`;
