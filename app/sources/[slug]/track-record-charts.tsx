"use client";
// The source page's two charts. The scatter puts each compared incident at (the others' figure,
// this source's figure) on log scales, with the diagonal where they agree; every point is a link
// to its incident. The bars count the source's claims per month. Both have a table equivalent
// on the page (server-rendered), so nothing depends on them having loaded.
import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";

const TEXT = {
  scatterLabel: (name: string) => `Scatter: ${name}'s figure (up) against the other sources' (across), one point per incident`,
  xAxis: "Other sources' figure (log scale)",
  yAxis: "This source's figure (log scale)",
  diagonal: "same figure",
  barsLabel: (name: string) => `Claims by ${name} per month of the incident`,
};

export type ScatterDatum = { code: string; title: string; x: number; y: number; open: boolean };

/** Log scales cannot show 0: zeros sit at 0.5, under the first tick. */
const logSafe = (n: number) => Math.max(n, 0.5);

function PointTooltip({ active, payload }: { active?: boolean; payload?: readonly { payload?: ScatterDatum }[] }) {
  const point = payload?.[0]?.payload;
  if (!active || !point) return null;
  return (
    <div className="chart-tooltip">
      <strong>{point.code}</strong> {point.title}
      <br />
      this source {point.y}
      {point.open ? " (at least)" : ""} · others {point.x}
    </div>
  );
}

type DotProps = { cx?: number; cy?: number; payload?: ScatterDatum };

function LinkedDot({ cx, cy, payload }: DotProps) {
  if (cx === undefined || cy === undefined || !payload) return null;
  return (
    <a href={`/incidents/${payload.code}`} aria-label={`${payload.code}: this source ${payload.y}, others ${payload.x}`}>
      <circle cx={cx} cy={cy} r={5} fill={payload.open ? "none" : "#0072b2"} stroke="#0072b2" strokeWidth={1.5} />
    </a>
  );
}

export function ComparisonScatter({ sourceName, points }: { sourceName: string; points: ScatterDatum[] }) {
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
    <div className="chart" role="group" aria-label={TEXT.scatterLabel(sourceName)}>
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
            name="others"
            label={{ value: TEXT.xAxis, position: "insideBottom", offset: -15 }}
          />
          <YAxis
            type="number"
            dataKey="py"
            scale="log"
            domain={[0.5, top]}
            ticks={ticks}
            allowDataOverflow
            name="this source"
            label={{ value: TEXT.yAxis, angle: -90, position: "insideLeft", style: { textAnchor: "middle" } }}
            width={70}
          />
          <ReferenceLine
            segment={[
              { x: 0.5, y: 0.5 },
              { x: top, y: top },
            ]}
            stroke="#999"
            strokeDasharray="4 4"
            label={{ value: TEXT.diagonal, position: "insideTopLeft" }}
          />
          <Tooltip content={<PointTooltip />} />
          <Scatter data={data} shape={<LinkedDot />} isAnimationActive={false} />
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}

export function ClaimsPerMonth({ sourceName, months }: { sourceName: string; months: { month: string; claims: number }[] }) {
  return (
    <div className="chart" role="img" aria-label={TEXT.barsLabel(sourceName)}>
      <ResponsiveContainer width="100%" height={200}>
        <BarChart data={months} margin={{ top: 10, right: 20, bottom: 10, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="month" />
          <YAxis allowDecimals={false} width={40} />
          <Tooltip />
          <Bar dataKey="claims" name="claims" fill="#0072b2" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
