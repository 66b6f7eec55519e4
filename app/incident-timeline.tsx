"use client";
// Incidents and reconciled killed per week or month for the current filter. The chart always
// covers every date the rest of the filter allows; the handles under it choose the date range
// (from/to), which filters the map and the list. Dragging (or arrow keys on a handle) updates
// the URL once the handle rests.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState, useTransition } from "react";
import { Area, Bar, Brush, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { withParams } from "@/lib/filters/filter-url";
import { formatBucket, formatDayRange } from "@/lib/format/localized-dates";
import { formatCount } from "@/lib/format/localized-figures";
import { useI18n } from "@/lib/i18n/use-i18n";
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

function TimelineTooltip({ active, payload }: { active?: boolean; payload?: readonly { payload?: Row }[] }) {
  const t = useTranslations("timeline.tooltip");
  const i18n = useI18n();
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  const figures = { low: row.low, best: row.best, high: row.high, open: row.openHigh };
  return (
    <div className="chart-tooltip">
      <strong>{formatDayRange(i18n, row.start, row.end)}</strong>
      <br />
      {row.contested
        ? t("incidentsContested", { count: row.incidents, contested: row.contested })
        : t("incidents", { count: row.incidents })}
      <br />
      {row.openHigh ? t("killedOpen", figures) : t("killed", figures)} <span className="meta">{t("lowBestHigh")}</span>
    </div>
  );
}

export function IncidentTimeline({ filterQuery, from, to, interval: requested }: Props) {
  const t = useTranslations("timeline");
  const i18n = useI18n();
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
      (data?.buckets ?? []).map((b) => ({
        ...b,
        label: formatBucket(i18n, b.start, data!.interval),
        band: [b.low, b.high] as [number, number],
      })),
    [data, i18n],
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
      ? formatDayRange(i18n, shownFrom ?? rows[0]?.start ?? null, shownTo ?? rows[rows.length - 1]?.end ?? null, t("allDatesShown"))
      : t("allDatesShown");

  return (
    <div className="timeline" aria-busy={!data && !problem}>
      <div className="timeline-toolbar">
        <fieldset className="segmented">
          <legend className="sr-only">{t("groupBy")}</legend>
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
              {t(`per.${option}`)}
            </label>
          ))}
        </fieldset>
        <span className="meta" aria-live="polite">
          {pending ? t("datesUpdating", { range: shown }) : t("dates", { range: shown })}
        </span>
        {from || to ? (
          <button type="button" className="link-button" onClick={() => setDates({ from: null, to: null })}>
            {t("allDates")}
          </button>
        ) : null}
      </div>
      {problem ? <p role="alert">{t("failed")}</p> : null}
      {data && rows.length === 0 ? <p className="empty">{t("empty")}</p> : null}
      {rows.length > 0 ? (
        <figure className="timeline-figure">
          <figcaption className="meta">{t(`caption.${data!.interval}`)}</figcaption>
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
                    value: t("axis.killed"),
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
                    value: t("axis.incidents"),
                    angle: 90,
                    position: "insideRight",
                    offset: 10,
                    style: { fontSize: 12, fill: AXIS_INK, textAnchor: "middle" },
                  }}
                />
                <Tooltip content={<TimelineTooltip />} />
                {/* Legend words in the text colour: the series' own light colours (bars, band) read at 1.5:1. */}
                <Legend wrapperStyle={{ fontSize: 12 }} formatter={(value: string) => <span style={{ color: AXIS_INK }}>{value}</span>} />
                <Bar yAxisId="incidents" dataKey="incidents" name={t("series.incidents")} fill="#c9d2db" isAnimationActive={false} />
                <Area
                  yAxisId="killed"
                  dataKey="band"
                  name={t("series.band")}
                  stroke="none"
                  fill="#f4b5ae"
                  fillOpacity={0.6}
                  isAnimationActive={false}
                />
                <Line
                  yAxisId="killed"
                  dataKey="best"
                  name={t("series.best")}
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
                  ariaLabel={t("brush")}
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
          <summary>{t("table.summary")}</summary>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t("table.label")}>
            <table className="figures">
              <thead>
                <tr>
                  <th scope="col">{data!.interval === "week" ? t("table.weekOf") : t("table.month")}</th>
                  <th scope="col">{t("table.incidents")}</th>
                  <th scope="col">{t("table.killed")}</th>
                  <th scope="col">{t("table.contested")}</th>
                </tr>
              </thead>
              <tbody>
                {rows
                  .filter((r) => r.incidents > 0)
                  .map((r) => (
                    <tr key={r.start}>
                      <th scope="row">{r.label}</th>
                      <td className="num">{formatCount(i18n, r.incidents)}</td>
                      <td className="num">
                        {t(r.openHigh ? "table.cellOpen" : "table.cell", { low: r.low, best: r.best, high: r.high, open: r.openHigh })}
                      </td>
                      <td className="num">{formatCount(i18n, r.contested)}</td>
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
