// A source's track record: how its figures compare with the other sources' on the same incidents
// (stored statistics, lib/track-record), as words, a scatter and tables; its claims over time and
// its documents. The URL's filter (country, dates, event type…) applies to everything on it.
import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db";
import { toAppError } from "@/lib/errors";
import { countryName } from "@/lib/format/country-name";
import { SOURCE_KIND_LABELS } from "@/lib/format/vocabulary-labels";
import { filterFacets } from "@/lib/incidents/analyst-queries";
import { describeStats } from "@/lib/track-record/track-record-stats";
import {
  claimsPerMonth,
  DOCUMENT_LIMIT,
  SCATTER_LIMIT,
  scatterPoints,
  sourceBySlug,
  sourceDocuments,
  sourceTrackRecord,
  trackRecordPending,
} from "@/lib/track-record/track-record-queries";
import { filterToSearchParams, type IncidentFilter } from "@/lib/validation/incident-filter";
import { parseTrackRecordQuery, type TrackRecordQuery } from "@/lib/validation/track-record-query";
import { CAVEAT, detailLines, groupLabel, ratioCell } from "../track-record-text";
import { TrackRecordFilter } from "../track-record-filter";
import { ClaimsPerMonth, ComparisonScatter } from "./track-record-charts";
import "../track-record.css";

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> };

const loadSource = cache((slug: string) => sourceBySlug(db, slug));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const source = await loadSource((await params).slug);
  return { title: source ? `${source.name}: track record` : "Source not found" };
}

function toSearchParams(raw: SearchParams): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(raw))
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, v);
  return params;
}

function readQuery(params: URLSearchParams): { query: TrackRecordQuery; problem: string | null } {
  try {
    return { query: parseTrackRecordQuery(params), problem: null };
  } catch (error) {
    return { query: { filter: {} }, problem: toAppError(error)?.message ?? "The filter in this link could not be read." };
  }
}

/** "in Mali, 2025-01-01 to 2025-12-31, Violence against civilians" */
function filterWords(filter: IncidentFilter): string {
  const parts: string[] = [];
  if (filter.country) parts.push(`in ${filter.country.map(countryName).join(" or ")}`);
  if (filter.from || filter.to)
    parts.push(
      filter.from && filter.to ? `from ${filter.from} to ${filter.to}` : filter.from ? `from ${filter.from}` : `up to ${filter.to}`,
    );
  if (filter.eventType) parts.push(`event type ${filter.eventType.join(" or ")}`);
  const others = [...filterToSearchParams(filter).keys()].filter((k) => !["country", "from", "to", "eventType"].includes(k));
  if (others.length) parts.push(`also filtered by ${others.join(", ")}`);
  return parts.join(", ");
}

function byYear(months: { month: string; claims: number }[]): { month: string; claims: number }[] {
  const years = new Map<string, number>();
  for (const m of months) years.set(m.month.slice(0, 4), (years.get(m.month.slice(0, 4)) ?? 0) + m.claims);
  return [...years].map(([month, claims]) => ({ month, claims }));
}

export default async function SourcePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const source = await loadSource(slug);
  if (!source) notFound();
  const search = toSearchParams(await searchParams);
  const { query, problem } = readQuery(search);
  const { filter } = query;

  const [groups, pending, months, { documents, total: documentCount }, facets] = await Promise.all([
    sourceTrackRecord(db, source.id, filter),
    trackRecordPending(db),
    claimsPerMonth(db, source.id, filter),
    sourceDocuments(db, source.id),
    filterFacets(),
  ]);
  // The scatter shows the chosen metric × category, else the one with the most compared incidents.
  const chosen =
    groups.find((g) => g.metric === query.metric && g.category === query.category) ??
    [...groups].sort((a, b) => b.stats.compared - a.stats.compared)[0] ??
    null;
  const points = chosen && chosen.stats.compared ? await scatterPoints(db, source.id, chosen.metric, chosen.category, filter) : [];

  const filterString = filterToSearchParams(filter).toString();
  const words = filterWords(filter);
  const withFilter = (path: string, extra: Record<string, string> = {}) => {
    const q = new URLSearchParams(filterString);
    for (const [k, v] of Object.entries(extra)) q.set(k, v);
    return q.size ? `${path}?${q}` : path;
  };
  const totalClaims = months.reduce((sum, m) => sum + m.claims, 0);
  // Over two years, the table counts by year (the chart keeps the months).
  const tableRows = months.length > 24 ? byYear(months) : months;

  return (
    <main className="track-record">
      <p className="meta">
        <Link href="/sources">Sources</Link> › {source.name}
      </p>
      <h1>{source.name}</h1>
      <p className="lede">
        {SOURCE_KIND_LABELS[source.kind]}
        {source.isParty ? ", party to the conflict" : ""}
        {source.countryIso3 ? `, ${countryName(source.countryIso3)}` : ""}. How its casualty figures compare with the other sources&apos; on
        the same incidents
        {words ? ` (${words})` : ""}.
      </p>

      <TrackRecordFilter
        action={`/sources/${source.slug}`}
        filter={filter}
        countries={facets.countries}
        eventTypes={facets.eventTypes}
        hidden={{ metric: query.metric, category: query.category }}
        clearHref={`/sources/${source.slug}`}
      />
      {problem ? (
        <p className="notice" role="alert">
          {problem} Showing every incident instead.
        </p>
      ) : null}
      {pending ? (
        <p className="notice" role="status">
          Recent claim changes are still being counted: these statistics may be a minute behind.
        </p>
      ) : null}

      <section aria-labelledby="track-heading">
        <h2 id="track-heading">Compared with the other sources</h2>
        <p className="meta">{CAVEAT}</p>
        {groups.length === 0 ? (
          <p className="empty">No active figure from {source.name} on these incidents.</p>
        ) : (
          groups.map((g) => (
            <article key={`${g.metric}:${g.category}`} className="track-group" aria-labelledby={`g-${g.metric}-${g.category}`}>
              <h3 id={`g-${g.metric}-${g.category}`}>{groupLabel(g)}</h3>
              <p className="track-summary">
                {source.name}: {describeStats(g.stats)}.
              </p>
              <ul className="meta">
                {detailLines(g.stats).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
              {g.stats.compared && (chosen?.metric !== g.metric || chosen.category !== g.category) ? (
                <p className="meta">
                  <a href={withFilter(`/sources/${source.slug}`, { metric: g.metric, category: g.category })}>
                    Show these incidents in the scatter
                  </a>
                </p>
              ) : null}
            </article>
          ))
        )}
      </section>

      {chosen && points.length ? (
        <section aria-labelledby="scatter-heading">
          <h2 id="scatter-heading">Incident by incident: {groupLabel(chosen)}</h2>
          <p className="meta">
            Each point is an incident: across, the figure reconciled from the other sources without {source.name}; up, {source.name}&apos;s.
            Points under the dashed diagonal are incidents where it gave less. Hollow points: open-ended figures (&ldquo;at least&rdquo;),
            placed at their lower bound. Select a point to open its incident.
            {points.length === SCATTER_LIMIT ? ` The ${SCATTER_LIMIT} most recent incidents are shown.` : ""}
          </p>
          <ComparisonScatter
            sourceName={source.name}
            points={points.map((p) => ({ code: p.code, title: p.title, x: p.othersBest, y: p.value, open: p.basis === "lower_bound" }))}
          />
          <details>
            <summary>The same incidents as a table</summary>
            <table className="figures">
              <caption className="sr-only">
                {source.name}&apos;s figure and the other sources&apos; figure per incident, {groupLabel(chosen)}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Incident</th>
                  <th scope="col">Date</th>
                  <th scope="col">{source.name}</th>
                  <th scope="col">Others (low / best / high)</th>
                </tr>
              </thead>
              <tbody>
                {points.map((p) => (
                  <tr key={p.code}>
                    <td>
                      <a href={`/incidents/${p.code}`}>{p.code}</a> {p.title}
                    </td>
                    <td>{p.dateStart}</td>
                    <td className="num">
                      {p.basis === "lower_bound" ? "≥ " : ""}
                      {p.value}
                      {p.basis === "midpoint" ? " (midpoint)" : ""}
                    </td>
                    <td className="num">
                      {p.othersLow} / {p.othersBest} / {p.othersHigh ?? "open"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </section>
      ) : null}

      <section aria-labelledby="numbers-heading">
        <h2 id="numbers-heading">All figures in one table</h2>
        <table className="figures">
          <thead>
            <tr>
              <th scope="col">Metric · category</th>
              <th scope="col">Incidents compared</th>
              <th scope="col">Lower / within / higher</th>
              <th scope="col">Typical ratio (90 % interval)</th>
              <th scope="col">First figure revised (up / down)</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={`${g.metric}:${g.category}`}>
                <th scope="row">{groupLabel(g)}</th>
                <td className="num">
                  {g.stats.compared} of {g.stats.incidents}
                </td>
                <td className="num">
                  {g.stats.lower} / {g.stats.within} / {g.stats.higher}
                </td>
                <td className="num">{ratioCell(g.stats)}</td>
                <td className="num">
                  {g.stats.revised} ({g.stats.revisedUp} / {g.stats.revisedDown})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="meta">
          <a href={withFilter(`/api/sources/${source.slug}/track-record`)}>These statistics as JSON</a> ·{" "}
          <a href={withFilter("/api/export/sources.csv")} download>
            Every source&apos;s track record (CSV)
          </a>{" "}
          · <a href={withFilter("/sources/compare", { a: source.slug })}>Compare {source.name} with another source</a>
        </p>
      </section>

      <section aria-labelledby="claims-heading">
        <h2 id="claims-heading">Claims over time</h2>
        {totalClaims ? (
          <>
            <p className="meta">
              {totalClaims.toLocaleString("en")} standing {totalClaims === 1 ? "claim" : "claims"} by {source.name}, by the month the
              incident began.
            </p>
            <ClaimsPerMonth sourceName={source.name} months={months} />
            <details>
              <summary>Claims per {tableRows === months ? "month" : "year"} as a table</summary>
              <table className="figures">
                <thead>
                  <tr>
                    <th scope="col">{tableRows === months ? "Month" : "Year"}</th>
                    <th scope="col">Claims</th>
                  </tr>
                </thead>
                <tbody>
                  {tableRows.map((m) => (
                    <tr key={m.month}>
                      <td>{m.month}</td>
                      <td className="num">{m.claims}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </>
        ) : (
          <p className="empty">No standing claim by {source.name} on these incidents.</p>
        )}
      </section>

      <section aria-labelledby="documents-heading">
        <h2 id="documents-heading">Documents ({documentCount.toLocaleString("en")})</h2>
        {documents.length ? (
          <ul className="plain">
            {documents.map((d) => (
              <li key={d.id}>
                {d.url ? <a href={d.url}>{d.title}</a> : d.title}
                {d.publishedOn ? ` (${d.publishedOn.toISOString().slice(0, 10)})` : ""}
                <span className="meta">
                  {" "}
                  — {d._count.claims} {d._count.claims === 1 ? "claim" : "claims"}
                  {d.relays.length ? `; relays ${d.relays.map((r) => r.source.name).join(", ")}` : ""}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">No document published by {source.name} is recorded.</p>
        )}
        {documentCount > DOCUMENT_LIMIT ? <p className="meta">The {DOCUMENT_LIMIT} most recent are listed.</p> : null}
      </section>
    </main>
  );
}
