"use client";
// When each claim was made and what it said: x = the date the claim was made (a line across a
// span of days such as "8 and 9 February"), y = its figure, one series per claimant. An
// open-ended claim ("at least 30") is an upward triangle with an arrow: the figure is a floor.
// Claims whose date the sources do not give sit in a separate "date unknown" lane rather than
// on an invented date. The reconciled low–high of each category is the band behind.
import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import {
  CartesianGrid,
  ErrorBar,
  LabelList,
  Legend,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { CATEGORIES, METRICS, type Category, type Metric } from "@/lib/domain/vocabularies";
import { claimStatus, claimStatusLabel, claimantsOf, type ClaimStatus, type ClaimView } from "@/lib/incidents/claim-comparison";
import { formatDay, formatDayRange } from "@/lib/format/localized-dates";
import { formatClaimValue, formatCount } from "@/lib/format/localized-figures";
import type { FigureDto } from "@/lib/incidents/figure-dto";
import { useI18n } from "@/lib/i18n/use-i18n";

const DAY = 86_400_000;
/** Distinguishable colours (Okabe–Ito), assigned to claimants in priority order. */
const COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#8C6D1F"];
const BAND_FILLS: Record<Category, string> = {
  civilians: "#0072B2",
  security_forces: "#009E73",
  attackers: "#E69F00",
  unspecified: "#6b7280",
};

type Point = {
  x: number;
  y: number;
  xErr: [number, number];
  claimant: string;
  label: string;
  category: Category;
  when: string;
  open: boolean;
  atMost: boolean;
  status: ClaimStatus;
  dodge: number;
};

/**
 * What the chart draws of a claim: not its document nor its statement (the cards and the sources
 * list show those), which would only travel to the browser in the page's payload.
 */
export type TimelineClaim = Omit<ClaimView, "document" | "statement">;

const ms = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

function layout(claims: TimelineClaim[]) {
  const dated = claims.filter((c) => c.statedOn);
  const starts = dated.map((c) => ms(c.statedOn!));
  const ends = dated.map((c) => ms(c.statedOnEnd ?? c.statedOn!));
  const first = starts.length ? Math.min(...starts) : 0;
  const last = ends.length ? Math.max(...ends) : 0;
  const span = Math.max(last - first, 2 * DAY);
  const gap = Math.max(2 * DAY, span * 0.35);
  const min = first - Math.max(DAY, span * 0.15);
  const lane = last + gap;
  const max = lane + gap / 2;
  // Day ticks: at most six, on whole days.
  const step = Math.max(1, Math.ceil((last - first) / DAY / 5)) * DAY;
  const ticks: number[] = [];
  if (dated.length) for (let t = Math.ceil(min / DAY) * DAY; t < last + gap / 2; t += step) ticks.push(t);
  ticks.push(lane);
  return { min, max, lane, gap, ticks, hasDated: dated.length > 0, hasUndated: dated.length < claims.length };
}

function ClaimShape(props: { cx?: number; cy?: number; fill?: string; payload?: Point }) {
  const { cx = 0, cy = 0, fill = "#000", payload } = props;
  const x = cx + (payload?.dodge ?? 0) * 10;
  const hollow = payload && payload.status !== "standing";
  const paint = hollow ? { fill: "#fff", stroke: fill, strokeWidth: 2 } : { fill, stroke: "#fff", strokeWidth: 1.5 };
  if (payload?.open) {
    return (
      <g>
        <line x1={x} y1={cy - 8} x2={x} y2={cy - 24} stroke={fill} strokeWidth={2} />
        <path d={`M${x - 4},${cy - 19} L${x},${cy - 26} L${x + 4},${cy - 19}`} fill="none" stroke={fill} strokeWidth={2} />
        <path d={`M${x - 8},${cy + 6} L${x},${cy - 8} L${x + 8},${cy + 6} Z`} {...paint} />
      </g>
    );
  }
  if (payload?.atMost) return <path d={`M${x - 8},${cy - 6} L${x},${cy + 8} L${x + 8},${cy - 6} Z`} {...paint} />;
  return <circle cx={x} cy={cy} r={6.5} {...paint} />;
}

function ClaimTooltip({ active, payload }: { active?: boolean; payload?: readonly { payload?: Point }[] }) {
  const i18n = useI18n();
  const p = payload?.[0]?.payload;
  if (!active || !p) return null;
  return (
    <div className="chart-tooltip">
      <strong>
        {p.claimant}: {p.label}
      </strong>{" "}
      ({i18n.t(`vocabulary.category.${p.category}`)})
      <br />
      {p.when}
      {p.status !== "standing" ? ` · ${claimStatusLabel(i18n, p.status)}` : ""}
    </div>
  );
}

export function ClaimTimeline({ claims, figures }: { claims: TimelineClaim[]; figures: FigureDto[] }) {
  const i18n = useI18n();
  const t = useTranslations("incident.timeline");
  const metricWord = (m: Metric) => i18n.t(`vocabulary.metric.${m}`);
  const categoryWord = (c: Category) => i18n.t(`vocabulary.category.${c}`);
  const totals = claims.filter((c) => c.subgroup === null && !c.retracted);
  const metrics = METRICS.filter((m) => totals.some((c) => c.metric === m));
  const [metric, setMetric] = useState<Metric>(metrics.includes("killed") ? "killed" : (metrics[0] ?? "killed"));

  const view = useMemo(() => {
    const chosen = totals.filter((c) => c.metric === metric);
    const claimants = claimantsOf(chosen);
    const frame = layout(chosen);
    const seen = new Map<string, number>();
    const series = claimants.map((claimant, index) => {
      // The same figure reported twice by one claimant on the same date is one point.
      const unique = new Map<string, TimelineClaim>();
      for (const c of chosen.filter((c) => c.claimant.slug === claimant.slug)) {
        const key = `${c.category}|${c.valueMin}|${c.valueMax}|${c.qualifier}|${c.statedOn}|${c.statedOnEnd}|${claimStatus(c)}`;
        if (!unique.has(key)) unique.set(key, c);
      }
      const points: Point[] = [...unique.values()].map((c) => {
        const start = c.statedOn ? ms(c.statedOn) : frame.lane;
        const end = c.statedOn ? ms(c.statedOnEnd ?? c.statedOn) : frame.lane;
        const x = (start + end) / 2;
        // Claimants who said the same figure on the same dates stand side by side, not on top of each other.
        const spot = `${x}|${c.valueMin}`;
        const dodge = seen.get(spot) ?? 0;
        seen.set(spot, dodge + 1);
        return {
          x,
          y: c.valueMin,
          xErr: [x - start, end - x] as [number, number],
          claimant: claimant.name,
          label: formatClaimValue(i18n, c.valueMin, c.valueMax, c.qualifier),
          category: c.category,
          when: c.statedOn ? t("stated", { when: formatDayRange(i18n, c.statedOn, c.statedOnEnd) }) : t("dateUnknown"),
          open: c.valueMax === null,
          atMost: c.qualifier === "at_most",
          status: claimStatus(c),
          dodge,
        };
      });
      return { name: claimant.name, colour: COLOURS[index % COLOURS.length]!, points };
    });
    const bands = CATEGORIES.map((category) => figures.find((f) => f.metric === metric && f.category === category)).filter(
      (f): f is FigureDto => Boolean(f),
    );
    const top = Math.max(1, ...chosen.map((c) => c.valueMax ?? c.valueMin), ...bands.map((b) => b.high ?? b.low));
    const yMax = Math.ceil((top * 1.35) / 5) * 5;
    return { chosen, series, bands, frame, yMax };
    // i18n and t change only with the language; the memo recomputes then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [totals, metric, figures, i18n.locale]);

  if (totals.length === 0) return <p className="empty">{t("empty")}</p>;
  const { series, bands, frame, yMax, chosen } = view;
  const undated = chosen.filter((c) => !c.statedOn);

  return (
    <div className="claim-timeline">
      {metrics.length > 1 ? (
        <fieldset className="segmented">
          <legend className="sr-only">{t("metric")}</legend>
          {metrics.map((m) => (
            <label key={m}>
              <input type="radio" name="claim-timeline-metric" value={m} checked={metric === m} onChange={() => setMetric(m)} />
              {metricWord(m)}
            </label>
          ))}
        </fieldset>
      ) : null}
      <div className="claim-chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <ScatterChart margin={{ top: 28, right: 16, bottom: 4, left: -8 }} accessibilityLayer={false}>
            <CartesianGrid stroke="#e3e7eb" />
            {bands.map((b) => (
              <ReferenceArea
                key={b.category}
                x1={frame.min}
                x2={frame.max}
                y1={b.low}
                y2={b.high ?? yMax}
                fill={BAND_FILLS[b.category]}
                fillOpacity={0.1}
                stroke={BAND_FILLS[b.category]}
                strokeOpacity={0.35}
                strokeDasharray={b.high === null ? "4 3" : undefined}
                ifOverflow="hidden"
              />
            ))}
            {bands.map((b) => (
              <ReferenceLine
                key={`best-${b.category}`}
                y={b.best}
                stroke={BAND_FILLS[b.category]}
                strokeDasharray="6 3"
                strokeOpacity={0.8}
              />
            ))}
            {frame.hasUndated ? (
              <ReferenceArea
                x1={frame.lane - frame.gap / 2}
                x2={frame.max}
                fill="#f4f6f8"
                stroke="#c5ccd4"
                strokeDasharray="3 3"
                label={{ value: t("dateUnknown"), position: "insideTop", fontSize: 11, fill: "#5a6370" }}
              />
            ) : null}
            <XAxis
              type="number"
              dataKey="x"
              domain={[frame.min, frame.max]}
              ticks={frame.ticks}
              tickFormatter={(tick: number) =>
                tick === frame.lane
                  ? frame.hasUndated
                    ? t("dateUnknown")
                    : ""
                  : // Day and month only ("8 Feb", « 8 févr. »): the list below the chart gives the year.
                    formatDay(i18n, new Date(tick).toISOString().slice(0, 10)).replace(/ \d{4}$/, "")
              }
              tick={{ fontSize: 11 }}
              allowDataOverflow
            />
            <YAxis
              type="number"
              dataKey="y"
              domain={[0, yMax]}
              allowDecimals={false}
              tick={{ fontSize: 11 }}
              tickFormatter={(value: number) => formatCount(i18n, value)}
              width={44}
            />
            <Tooltip content={<ClaimTooltip />} cursor={false} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {series.map((s) => (
              <Scatter key={s.name} name={s.name} data={s.points} fill={s.colour} shape={<ClaimShape />} isAnimationActive={false}>
                <ErrorBar dataKey="xErr" direction="x" width={0} stroke={s.colour} strokeWidth={3} />
                <LabelList dataKey="label" position="right" offset={12} fontSize={11} fill="#1b1f24" />
              </Scatter>
            ))}
          </ScatterChart>
        </ResponsiveContainer>
      </div>
      <ul className="band-legend" aria-label={t("bandsLabel")}>
        {bands.map((b) => (
          <li key={b.category}>
            <span className="band-swatch" style={{ background: BAND_FILLS[b.category] }} aria-hidden="true" />{" "}
            {t("band", {
              group: `${metricWord(metric)} · ${categoryWord(b.category)}`,
              range: `${formatCount(i18n, b.low)}–${b.high === null ? i18n.t("figures.open") : formatCount(i18n, b.high)}`,
              best: formatCount(i18n, b.best),
            })}
          </li>
        ))}
        <li>
          <span aria-hidden="true">▲↑ </span>
          {t("openEnded")}
        </li>
      </ul>
      <h3 className="sr-only">{t("listHeading")}</h3>
      <ul className="claim-list">
        {series.flatMap((s) =>
          s.points.map((p) => (
            <li key={`${s.name}|${p.category}|${p.label}|${p.when}|${p.status}`}>
              <span className="swatch" style={{ background: s.colour }} aria-hidden="true" />
              <strong>{s.name}</strong>
              {t("claimLine", { figure: p.label, group: `${metricWord(metric)} · ${categoryWord(p.category)}`, when: p.when })}
              {p.status !== "standing" ? ` — ${claimStatusLabel(i18n, p.status)}` : ""}
            </li>
          )),
        )}
      </ul>
      {undated.length ? (
        <p className="meta">
          {t("undated", { names: [...new Set(undated.map((c) => c.claimant.name))].join(", "), count: undated.length })}
        </p>
      ) : null}
    </div>
  );
}
