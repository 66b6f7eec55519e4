// Words shared by the track-record pages, in the interface's language (catalogue `trackRecord`).
// The API and sources.csv keep lib/track-record's English describeStats; these read the same in English.
import type { Category, Metric } from "@/lib/domain/vocabularies";
import type { I18n } from "@/lib/i18n/i18n";
import { MIN_INCIDENTS, type TrackStats } from "@/lib/track-record/track-record-stats";
import { numberFormat } from "@/lib/format/intl-formats";

/** "killed · civilians", « tués · civils » */
export const groupLabel = (i18n: I18n, g: { metric: Metric; category: Category }) =>
  i18n.t("trackRecord.groupLabel", {
    metric: i18n.t(`vocabulary.metric.${g.metric}`),
    category: i18n.t(`vocabulary.category.${g.category}`),
  });

/** A ratio's figure as lib/track-record writes it (0.74, 1.5, 12), with the locale's decimal sign. */
export function formatRatio(i18n: I18n, x: number): string {
  const digits =
    x >= 10
      ? { minimumFractionDigits: 0, maximumFractionDigits: 0 }
      : x >= 1
        ? { minimumFractionDigits: 1, maximumFractionDigits: 2 }
        : { minimumFractionDigits: 2, maximumFractionDigits: 2 };
  return numberFormat(i18n.locale, { ...digits, useGrouping: false }).format(x);
}

/** "0.74×" */
export const ratioText = (i18n: I18n, x: number) => i18n.t("trackRecord.ratio", { ratio: formatRatio(i18n, x) });

/** "lower than the other sources on 14 of 18 incidents (lower 14, within 3, higher 1); typically 0.74× (0.62–0.88) their figure" */
export function statsInWords(i18n: I18n, stats: TrackStats): string {
  const t = (key: string, values?: Record<string, string | number>) => i18n.t(`trackRecord.words.${key}`, values);
  if (stats.compared === 0) return stats.incidents === 0 ? t("noFigures") : t("nothingToCompare", { incidents: stats.incidents });
  const { lower, within, higher, compared } = stats;
  const most = Math.max(lower, within, higher);
  const lead =
    most === lower
      ? t("lower", { n: lower, compared })
      : most === higher
        ? t("higher", { n: higher, compared })
        : t("within", { n: within, compared });
  const counts = t("counts", { lead, lower, within, higher });
  if (stats.ratio)
    return t("typically", {
      counts,
      median: ratioText(i18n, stats.ratio.median),
      low: formatRatio(i18n, stats.ratio.low),
      high: formatRatio(i18n, stats.ratio.high),
    });
  if (compared < MIN_INCIDENTS) return t("tooFew", { counts, compared, min: MIN_INCIDENTS });
  return t("tooFewAboveZero", { counts, ratioN: stats.ratioN, min: MIN_INCIDENTS });
}

/** The lines under the headline sentence: how it was counted, revisions, delay. */
export function detailLines(i18n: I18n, s: TrackStats): string[] {
  const t = (key: string, values?: Record<string, string | number>) => i18n.t(`trackRecord.details.${key}`, values);
  const lines: string[] = [];
  lines.push(t("figuresOn", { incidents: s.incidents, compared: s.compared }));
  if (s.compared === 1) lines.push(t("single"));
  if (s.openEnded && s.midpoints)
    lines.push(t("ofThoseBoth", { openEnded: t("openEnded", { count: s.openEnded }), midpoints: t("midpoints", { count: s.midpoints }) }));
  else if (s.openEnded) lines.push(t("ofThose", { part: t("openEnded", { count: s.openEnded }) }));
  else if (s.midpoints) lines.push(t("ofThose", { part: t("midpoints", { count: s.midpoints }) }));
  if (s.compared) {
    const unchanged = s.revised - s.revisedUp - s.revisedDown;
    const values = { revised: s.revised, up: s.revisedUp, down: s.revisedDown, unchanged };
    lines.push(s.revised ? t(unchanged ? "revisedUnchanged" : "revised", values) : t("neverRevised"));
  }
  if (s.medianDelayDays !== null) lines.push(t("delay", { days: Math.round(s.medianDelayDays) }));
  return lines;
}

/** "0.74× (0.62–0.88)", or a dash without a ratio. */
export const ratioCell = (i18n: I18n, s: TrackStats) =>
  s.ratio
    ? i18n.t("trackRecord.ratioCell", {
        median: ratioText(i18n, s.ratio.median),
        low: ratioText(i18n, s.ratio.low),
        high: ratioText(i18n, s.ratio.high),
      })
    : i18n.t("trackRecord.noRatio");

export const caveat = (i18n: I18n) => i18n.t("trackRecord.caveat");
