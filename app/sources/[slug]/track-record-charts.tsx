"use client";
// The source page's two charts. The scatter puts each compared incident at (the others' figure,
// this source's figure) on log scales, with the diagonal where they agree; every point is a link
// to its incident. The bars count the source's claims per month. Both have a table equivalent
// on the page (server-rendered), so nothing depends on them having loaded.
import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount } from "@/lib/format/localized-figures";
import { useI18n } from "@/lib/i18n/use-i18n";

export type ScatterDatum = { code: string; title: string; x: number; y: number; open: boolean };

/** Log scales cannot show 0: zeros sit at 0.5, under the first tick. */
const logSafe = (n: number) => Math.max(n, 0.5);

/** Words about one point, made by the chart (recharts renders the tooltip and the dots itself). */
type PointWords = { line: (point: ScatterDatum) => string; label: (point: ScatterDatum) => string };

function PointTooltip({
  active,
  payload,
  words,
}: {
  active?: boolean;
  payload?: readonly { payload?: ScatterDatum }[];
  words: PointWords;
}) {
  const point = payload?.[0]?.payload;
  if (!active || !point) return null;
  return (
    <div className="chart-tooltip">
      <strong>{point.code}</strong> {point.title}
      <br />
      {words.line(point)}
    </div>
  );
}

type DotProps = { cx?: number; cy?: number; payload?: ScatterDatum; words: PointWords };

function LinkedDot({ cx, cy, payload, words }: DotProps) {
  if (cx === undefined || cy === undefined || !payload) return null;
  return (
    <a href={`/incidents/${payload.code}`} aria-label={words.label(payload)}>
      <circle cx={cx} cy={cy} r={5} fill={payload.open ? "none" : "#0072b2"} stroke="#0072b2" strokeWidth={1.5} />
    </a>
  );
}

export function ComparisonScatter({ sourceName, points }: { sourceName: string; points: ScatterDatum[] }) {
  const t = useTranslations("trackRecord.charts");
  const i18n = useI18n();
  const n = (value: number) => formatCount(i18n, value);
  const words: PointWords = {
    line: (p) => t(p.open ? "tooltipOpen" : "tooltip", { y: n(p.y), x: n(p.x) }),
    label: (p) => t("point", { code: p.code, y: n(p.y), x: n(p.x) }),
  };
  // Plotted at log-safe positions; links and tooltips keep the figures as given.
  const data = points.map((p) => ({ ...p, px: logSafe(p.x), py: logSafe(p.y) }));
  const max = Math.max(1, ...data.map((p) => Math.max(p.px, p.py)));
  const top = 10 ** Math.ceil(Math.log10(max * 1.05));
  // 1, 2, 5, 10, 20, 50… up to the top: readable ticks on a log scale.
  const ticks = [1, 2, 5]
    .flatMap((m) => Array.from({ length: Math.log10(top) + 1 }, (_, e) => m * 10 ** e))
    .filter((t) => t <= top)
    .sort((a, b) => a - b);
  return (
    <div className="chart" role="group" aria-label={t("scatterLabel", { name: sourceName })}>
      <ResponsiveContainer width="100%" height={320}>
        <ScatterChart margin={{ top: 10, right: 20, bottom: 30, left: 10 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            type="number"
            dataKey="px"
            scale="log"
            domain={[0.5, top]}
            ticks={ticks}
            allowDataOverflow
            name={t("others")}
            label={{ value: t("xAxis"), position: "insideBottom", offset: -15 }}
          />
          <YAxis
            type="number"
            dataKey="py"
            scale="log"
            domain={[0.5, top]}
            ticks={ticks}
            allowDataOverflow
            name={t("thisSource")}
            label={{ value: t("yAxis"), angle: -90, position: "insideLeft", style: { textAnchor: "middle" } }}
            width={70}
          />
          <ReferenceLine
            segment={[
              { x: 0.5, y: 0.5 },
              { x: top, y: top },
            ]}
            stroke="#999"
            strokeDasharray="4 4"
            label={{ value: t("diagonal"), position: "insideTopLeft" }}
          />
          <Tooltip content={<PointTooltip words={words} />} />
          <Scatter data={data} shape={<LinkedDot words={words} />} isAnimationActive={false} />
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}

export function ClaimsPerMonth({ sourceName, months }: { sourceName: string; months: { month: string; claims: number }[] }) {
  const t = useTranslations("trackRecord.charts");
  const i18n = useI18n();
  return (
    <div className="chart" role="img" aria-label={t("barsLabel", { name: sourceName })}>
      <ResponsiveContainer width="100%" height={200}>
        <BarChart data={months} margin={{ top: 10, right: 20, bottom: 10, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="month" />
          <YAxis allowDecimals={false} width={40} tickFormatter={(value: number) => formatCount(i18n, value)} />
          <Tooltip formatter={(value) => (typeof value === "number" ? formatCount(i18n, value) : value)} />
          <Bar dataKey="claims" name={t("claims")} fill="#0072b2" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
