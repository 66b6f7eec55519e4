"use client";
// Incidents and reconciled killed per week or month for the current filter. The chart always
// covers every date the rest of the filter allows; the handles under it choose the date range
// (from/to), which filters the map and the list. Dragging (or arrow keys on a handle) updates
// the URL once the handle rests.
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, useTransition } from "react";
import { Area, Bar, Brush, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { withParams } from "@/lib/filters/filter-url";
import { formatBucket, formatDayRange } from "@/lib/format/date-format";
import { bucketRangeFor, dateRangeFor, type TimelineBucket, type TimelineInterval } from "@/lib/timeline/timeline-buckets";
import type { TimelineData } from "@/lib/timeline/timeline-queries";

type Props = {
  /** The filter as a query string, without from/to: the timeline shows all dates, the brush picks some. */
  filterQuery: string;
  from: string | null;
  to: string | null;
  interval: TimelineInterval | "auto";
};

type Row = TimelineBucket & { label: string; band: [number, number] };

const AXIS_INK = "#3d4650";
/** The chart's words, together for translation. */
const LABELS = { killedAxis: "Killed", incidentsAxis: "Incidents" };

function TimelineTooltip({ active, payload }: { active?: boolean; payload?: readonly { payload?: Row }[] }) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  return (
    <div className="chart-tooltip">
      <strong>{formatDayRange(row.start, row.end)}</strong>
      <br />
      {row.incidents} {row.incidents === 1 ? "incident" : "incidents"}
      {row.contested ? `, ${row.contested} contested` : ""}
      <br />
      Killed: {row.low} / {row.best} / {row.high}
      {row.openHigh ? ` (high open for ${row.openHigh})` : ""} <span className="meta">low / best / high</span>
    </div>
  );
}

export function IncidentTimeline({ filterQuery, from, to, interval: requested }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [interval, setBucketInterval] = useState(requested);
  const [data, setData] = useState<TimelineData | null>(null);
  const [problem, setProblem] = useState(false);
  const commitTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // The range under the handles while they move: shown in the toolbar (the brush's own labels
  // overlap and get cut at the chart's edges, so they are turned off).
  const [draft, setDraft] = useState<{ from: string | null; to: string | null } | null>(null);
  // The range the brush itself last wrote to the URL. When the URL's range comes back as that, the
  // brush is already in place; any other range (a shared link, "All dates", the filter form)
  // re-creates the chart, because recharts keeps the brush position in the chart's own store.
  const brushed = useRef<{ from: string | null; to: string | null } | null>(null);
  const [resets, setResets] = useState(0);
  useEffect(() => {
    setDraft(null);
    if (brushed.current && brushed.current.from === from && brushed.current.to === to) return;
    brushed.current = null;
    setResets((n) => n + 1);
  }, [from, to]);

  useEffect(() => {
    const controller = new AbortController();
    setProblem(false);
    fetch(`/api/timeline?${filterQuery ? `${filterQuery}&` : ""}interval=${interval}`, { signal: controller.signal })
      .then((response) => (response.ok ? (response.json() as Promise<TimelineData>) : Promise.reject(new Error(String(response.status)))))
      .then(setData)
      .catch(() => {
        if (!controller.signal.aborted) setProblem(true);
      });
    return () => controller.abort();
  }, [filterQuery, interval]);
  useEffect(() => () => clearTimeout(commitTimer.current), []);

  const rows: Row[] = useMemo(
    () =>
      (data?.buckets ?? []).map((b) => ({ ...b, label: formatBucket(b.start, data!.interval), band: [b.low, b.high] as [number, number] })),
    [data],
  );
  const range = bucketRangeFor(data?.buckets ?? [], from, to) ?? { startIndex: 0, endIndex: Math.max(0, rows.length - 1) };

  function setDates(next: { from: string | null; to: string | null }, byBrush = false) {
    if (next.from === from && next.to === to) return;
    // Re-creating the chart under a keyboard user's focused handle would throw their focus away.
    brushed.current = byBrush ? next : null;
    const search = withParams(window.location.search, { from: next.from, to: next.to });
    startTransition(() => router.push(`?${search}`, { scroll: false }));
  }

  function onBrush({ startIndex, endIndex }: { startIndex?: number; endIndex?: number }) {
    if (startIndex === undefined || endIndex === undefined || !data) return;
    setDraft(dateRangeFor(data.buckets, startIndex, endIndex) ?? null);
    clearTimeout(commitTimer.current);
    commitTimer.current = setTimeout(() => {
      const whole = startIndex <= 0 && endIndex >= data.buckets.length - 1;
      setDates(whole ? { from: null, to: null } : (dateRangeFor(data.buckets, startIndex, endIndex) ?? { from: null, to: null }), true);
    }, 450);
  }

  const shownFrom = draft ? draft.from : from;
  const shownTo = draft ? draft.to : to;
  const shown =
    shownFrom || shownTo
      ? formatDayRange(shownFrom ?? rows[0]?.start ?? null, shownTo ?? rows[rows.length - 1]?.end ?? null, "all dates")
      : "all dates";

  return (
    <div className="timeline" aria-busy={!data && !problem}>
      <div className="timeline-toolbar">
        <fieldset className="segmented">
          <legend className="sr-only">Group by</legend>
          {(["week", "month"] as const).map((option) => (
            <label key={option}>
              <input
                type="radio"
                name="timeline-interval"
                value={option}
                checked={(interval === "auto" ? data?.interval : interval) === option}
                onChange={() => {
                  setBucketInterval(option);
                  window.history.replaceState(window.history.state, "", `?${withParams(window.location.search, { interval: option })}`);
                }}
              />
              Per {option}
            </label>
          ))}
        </fieldset>
        <span className="meta" aria-live="polite">
          Dates: {shown}
          {pending ? " · updating…" : ""}
        </span>
        {from || to ? (
          <button type="button" className="link-button" onClick={() => setDates({ from: null, to: null })}>
            All dates
          </button>
        ) : null}
      </div>
      {problem ? <p role="alert">The timeline could not be loaded.</p> : null}
      {data && rows.length === 0 ? <p className="empty">No incidents match, so there is nothing to chart.</p> : null}
      {rows.length > 0 ? (
        <figure className="timeline-figure">
          <figcaption className="meta">
            Killed per {data!.interval} (best as a line, low–high as a band) and incidents (bars). Drag the handles under the chart to
            choose dates: the map and the list follow.
          </figcaption>
          <div className="timeline-chart">
            <ResponsiveContainer width="100%" height="100%">
              <ComposedChart
                key={`${data!.interval}|${rows.length}|${resets}`}
                data={rows}
                margin={{ top: 8, right: 8, bottom: 0, left: 4 }}
                accessibilityLayer={false}
              >
                <CartesianGrid stroke="#e3e7eb" vertical={false} />
                <XAxis dataKey="label" tick={{ fontSize: 11 }} minTickGap={16} />
                <YAxis
                  yAxisId="killed"
                  allowDecimals={false}
                  tick={{ fontSize: 11, fill: AXIS_INK }}
                  width={52}
                  label={{
                    value: LABELS.killedAxis,
                    angle: -90,
                    position: "insideLeft",
                    offset: 10,
                    style: { fontSize: 12, fill: AXIS_INK, textAnchor: "middle" },
                  }}
                />
                <YAxis
                  yAxisId="incidents"
                  orientation="right"
                  allowDecimals={false}
                  tick={{ fontSize: 11, fill: AXIS_INK }}
                  width={44}
                  label={{
                    value: LABELS.incidentsAxis,
                    angle: 90,
                    position: "insideRight",
                    offset: 10,
                    style: { fontSize: 12, fill: AXIS_INK, textAnchor: "middle" },
                  }}
                />
                <Tooltip content={<TimelineTooltip />} />
                {/* Legend words in the text colour: the series' own light colours (bars, band) read at 1.5:1. */}
                <Legend wrapperStyle={{ fontSize: 12 }} formatter={(value: string) => <span style={{ color: AXIS_INK }}>{value}</span>} />
                <Bar yAxisId="incidents" dataKey="incidents" name="Incidents" fill="#c9d2db" isAnimationActive={false} />
                <Area
                  yAxisId="killed"
                  dataKey="band"
                  name="Killed, low–high"
                  stroke="none"
                  fill="#f4b5ae"
                  fillOpacity={0.6}
                  isAnimationActive={false}
                />
                <Line
                  yAxisId="killed"
                  dataKey="best"
                  name="Killed, best"
                  stroke="#b42318"
                  strokeWidth={2}
                  dot={{ r: 2 }}
                  isAnimationActive={false}
                />
                <Brush
                  dataKey="label"
                  height={30}
                  travellerWidth={14}
                  stroke="#0b5cad"
                  startIndex={range.startIndex}
                  endIndex={range.endIndex}
                  onChange={onBrush}
                  // No labels at the handles: they overlapped and were cut at the edges; the toolbar says the dates.
                  tickFormatter={() => ""}
                  ariaLabel="Date range"
                >
                  {/* A miniature of the whole period, so the handles show where the incidents are. */}
                  <ComposedChart data={rows}>
                    <Bar dataKey="incidents" fill="#8c97a3" isAnimationActive={false} />
                  </ComposedChart>
                </Brush>
              </ComposedChart>
            </ResponsiveContainer>
          </div>
        </figure>
      ) : null}
      {rows.length > 0 ? (
        <details className="chart-data">
          <summary>Timeline as a table</summary>
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Timeline data">
            <table className="figures">
              <thead>
                <tr>
                  <th scope="col">{data!.interval === "week" ? "Week of" : "Month"}</th>
                  <th scope="col">Incidents</th>
                  <th scope="col">Killed (low / best / high)</th>
                  <th scope="col">Contested</th>
                </tr>
              </thead>
              <tbody>
                {rows
                  .filter((r) => r.incidents > 0)
                  .map((r) => (
                    <tr key={r.start}>
                      <th scope="row">{r.label}</th>
                      <td className="num">{r.incidents}</td>
                      <td className="num">
                        {r.low} / {r.best} / {r.high}
                        {r.openHigh ? ` (open for ${r.openHigh})` : ""}
                      </td>
                      <td className="num">{r.contested}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
    </div>
  );
}
