// The words screen readers hear for the home map's markers (the markers themselves are HTML icons,
// components/map/incident-markers.ts), in the reader's language.
import { formatDay } from "@/lib/format/localized-dates";
import { formatCount, formatRange } from "@/lib/format/localized-figures";
import type { I18n } from "@/lib/i18n/i18n";
import type { MapPoint } from "@/lib/map/map-queries";

/** What a screen reader hears for an incident's marker: "Title, 8 Feb 2025: 25–34 killed, contested". */
export function pointLabel(i18n: I18n, p: MapPoint): string {
  const figure =
    p.best === null
      ? i18n.t("map.point.noFigure")
      : i18n.t("map.point.killed", {
          figure:
            p.high === null || p.low !== p.high
              ? formatRange(i18n, { low: p.low ?? p.best, best: p.best, high: p.high })
              : formatCount(i18n, p.best),
        });
  return i18n.t(p.contested ? "map.point.labelContested" : "map.point.label", { title: p.title, date: formatDay(i18n, p.date), figure });
}

/** What a screen reader hears for a group of incidents. */
export function clusterLabel(i18n: I18n, c: { count: number; killedBest: number; contested: number }): string {
  return i18n.t(c.contested ? "map.cluster.labelContested" : "map.cluster.label", {
    count: c.count,
    killed: c.killedBest,
    contested: c.contested,
  });
}
