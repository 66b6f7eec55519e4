// A stored statistics row ("SourceTrackRecord", "SourceKindTrackRecord") as TrackStats.
import type { Category, Metric } from "@/lib/domain/vocabularies";
import type { TrackStats } from "./track-record-stats";

export type GroupStats = { metric: Metric; category: Category; stats: TrackStats };

type StoredStatsRow = {
  metric: Metric;
  category: Category;
  incidents: number;
  compared: number;
  lower: number;
  within: number;
  higher: number;
  openEnded: number;
  midpoints: number;
  ratioN: number;
  ratioMedian: number | null;
  ratioLow: number | null;
  ratioHigh: number | null;
  revised: number;
  revisedUp: number;
  revisedDown: number;
  medianDelayDays: number | null;
};

export function statsOfStoredRow(r: StoredStatsRow): GroupStats {
  return {
    metric: r.metric,
    category: r.category,
    stats: {
      incidents: r.incidents,
      compared: r.compared,
      lower: r.lower,
      within: r.within,
      higher: r.higher,
      openEnded: r.openEnded,
      midpoints: r.midpoints,
      ratioN: r.ratioN,
      ratio:
        r.ratioMedian === null || r.ratioLow === null || r.ratioHigh === null
          ? null
          : { median: r.ratioMedian, low: r.ratioLow, high: r.ratioHigh },
      revised: r.revised,
      revisedUp: r.revisedUp,
      revisedDown: r.revisedDown,
      medianDelayDays: r.medianDelayDays,
    },
  };
}
