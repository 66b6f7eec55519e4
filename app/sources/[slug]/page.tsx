// A source's track record: how its figures compare with the other sources' on the same incidents
// (stored statistics, lib/track-record), as words, a scatter and tables; its claims over time and
// its documents. The URL's filter (country, dates, event type…) applies to everything on it.
import { PageMessages } from "@/components/page-messages";
import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { toAppError } from "@/lib/errors";
import { formatBucket, formatDay } from "@/lib/format/localized-dates";
import { formatCount, formatLowBestHigh } from "@/lib/format/localized-figures";
import { countryName } from "@/lib/format/localized-places";
import type { I18n } from "@/lib/i18n/i18n";
import { serverI18n } from "@/lib/i18n/server-i18n";
import { filterFacets } from "@/lib/incidents/analyst-queries";
import {
  claimsPerMonth,
  DOCUMENT_LIMIT,
  SCATTER_LIMIT,
  sourceBySlug,
  sourceDocuments,
  sourcePageTrackRecord,
  trackRecordPending,
} from "@/lib/track-record/track-record-queries";
import { filterToSearchParams, type IncidentFilter } from "@/lib/validation/incident-filter";
import { parseTrackRecordQuery, type TrackRecordQuery } from "@/lib/validation/track-record-query";
import { caveat, detailLines, groupLabel, ratioCell, statsInWords } from "../track-record-text";
import { TrackRecordFilter } from "../track-record-filter";
import { ClaimsPerMonth, ComparisonScatter } from "./track-record-charts";
import { filterProblemText } from "../../filter-problem";
import "../track-record.css";

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> };

const loadSource = cache((slug: string) => sourceBySlug(db, slug));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const source = await loadSource((await params).slug);
  const t = await getTranslations("trackRecord.page");
  return { title: source ? t("metaTitle", { name: source.name }) : t("notFoundTitle") };
}

function toSearchParams(raw: SearchParams): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(raw))
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, v);
  return params;
}

function readQuery(i18n: I18n, params: URLSearchParams, unreadable: string): { query: TrackRecordQuery; problem: string | null } {
  try {
    return { query: parseTrackRecordQuery(params), problem: null };
  } catch (error) {
    // In the reader's language, as the home page says it (the schema's own messages are English).
    const appError = toAppError(error);
    return { query: { filter: {} }, problem: (appError && filterProblemText(i18n, appError)) ?? unreadable };
  }
}

/** "in Mali, from 1 Jan 2025 to 31 Dec 2025, event type Violence against civilians" (dates through Intl in the reader's language) */
function filterWords(i18n: I18n, filter: IncidentFilter): string {
  const t = (key: string, values?: Record<string, string>) => i18n.t(`trackRecord.page.filterWords.${key}`, values);
  const or = ` ${t("or")} `;
  const parts: string[] = [];
  if (filter.country) parts.push(t("countries", { countries: filter.country.map((c) => countryName(i18n, c)).join(or) }));
  if (filter.from && filter.to) parts.push(t("fromTo", { from: formatDay(i18n, filter.from), to: formatDay(i18n, filter.to) }));
  else if (filter.from) parts.push(t("from", { from: formatDay(i18n, filter.from) }));
  else if (filter.to) parts.push(t("upTo", { to: formatDay(i18n, filter.to) }));
  if (filter.eventType) parts.push(t("eventType", { types: filter.eventType.join(or) }));
  const others = [...filterToSearchParams(filter).keys()].filter((k) => !["country", "from", "to", "eventType"].includes(k));
  if (others.length) parts.push(t("others", { keys: others.join(", ") }));
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
  const [i18n, t] = await Promise.all([serverI18n(), getTranslations("trackRecord.page")]);
  const { query, problem } = readQuery(i18n, search, t("badFilter"));
  const { filter } = query;

  // The scatter shows the chosen metric × category, else the one with the most compared incidents.
  const [{ groups, chosen, points }, pending, months, { documents, total: documentCount }, facets] = await Promise.all([
    sourcePageTrackRecord(db, source.id, filter, query),
    trackRecordPending(db),
    claimsPerMonth(db, source.id, filter),
    sourceDocuments(db, source.id),
    filterFacets(),
  ]);

  const filterString = filterToSearchParams(filter).toString();
  const words = filterWords(i18n, filter);
  const n = (value: number) => formatCount(i18n, value);
  const withFilter = (path: string, extra: Record<string, string> = {}) => {
    const q = new URLSearchParams(filterString);
    for (const [k, v] of Object.entries(extra)) q.set(k, v);
    return q.size ? `${path}?${q}` : path;
  };
  const totalClaims = months.reduce((sum, m) => sum + m.claims, 0);
  // Over two years, the table counts by year (the chart keeps the months).
  const tableRows = months.length > 24 ? byYear(months) : months;

  return (
    <PageMessages paths={["figures", "trackRecord.charts", "vocabulary"]}>
      <main className="track-record">
        <p className="meta">
          <Link href="/sources">{t("breadcrumb")}</Link> › {source.name}
        </p>
        <h1>{source.name}</h1>
        <p className="lede">
          {i18n.t(`vocabulary.sourceKind.${source.kind}`)}
          {source.isParty ? t("ledeParty") : ""}
          {source.countryIso3 ? t("ledeCountry", { country: countryName(i18n, source.countryIso3) }) : ""}.{" "}
          {words ? t("ledeHowFiltered", { filter: words }) : t("ledeHow")}
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
            {problem} {t("problemFallback")}
          </p>
        ) : null}
        {pending ? (
          <p className="notice" role="status">
            {t("pending")}
          </p>
        ) : null}

        <section aria-labelledby="track-heading">
          <h2 id="track-heading">{t("comparedHeading")}</h2>
          <p className="meta">{caveat(i18n)}</p>
          {groups.length === 0 ? (
            <p className="empty">{t("noActive", { name: source.name })}</p>
          ) : (
            groups.map((g) => (
              <article key={`${g.metric}:${g.category}`} className="track-group" aria-labelledby={`g-${g.metric}-${g.category}`}>
                <h3 id={`g-${g.metric}-${g.category}`}>{groupLabel(i18n, g)}</h3>
                <p className="track-summary">{t("summary", { name: source.name, words: statsInWords(i18n, g.stats) })}</p>
                <ul className="meta">
                  {detailLines(i18n, g.stats).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
                {g.stats.compared && (chosen?.metric !== g.metric || chosen.category !== g.category) ? (
                  <p className="meta">
                    <a href={withFilter(`/sources/${source.slug}`, { metric: g.metric, category: g.category })}>{t("showInScatter")}</a>
                  </p>
                ) : null}
              </article>
            ))
          )}
        </section>

        {chosen && points.length ? (
          <section aria-labelledby="scatter-heading">
            <h2 id="scatter-heading">{t("scatterHeading", { group: groupLabel(i18n, chosen) })}</h2>
            <p className="meta">
              {t("scatterExplain", { name: source.name })}
              {points.length === SCATTER_LIMIT ? ` ${t("scatterLimit", { limit: SCATTER_LIMIT })}` : ""}
            </p>
            <ComparisonScatter
              sourceName={source.name}
              points={points.map((p) => ({ code: p.code, title: p.title, x: p.othersBest, y: p.value, open: p.basis === "lower_bound" }))}
            />
            <details>
              <summary>{t("asTable")}</summary>
              <table className="figures">
                <caption className="sr-only">{t("scatterCaption", { name: source.name, group: groupLabel(i18n, chosen) })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("incident")}</th>
                    <th scope="col">{t("date")}</th>
                    <th scope="col">{source.name}</th>
                    <th scope="col">{t("others")}</th>
                  </tr>
                </thead>
                <tbody>
                  {points.map((p) => (
                    <tr key={p.code}>
                      <td>
                        <a href={`/incidents/${p.code}`}>{p.code}</a> {p.title}
                      </td>
                      <td>{formatDay(i18n, p.dateStart)}</td>
                      <td className="num">
                        {p.basis === "lower_bound" ? "≥ " : ""}
                        {n(p.value)}
                        {p.basis === "midpoint" ? t("midpoint") : ""}
                      </td>
                      <td className="num">{formatLowBestHigh(i18n, { low: p.othersLow, best: p.othersBest, high: p.othersHigh })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </section>
        ) : null}

        <section aria-labelledby="numbers-heading">
          <h2 id="numbers-heading">{t("numbersHeading")}</h2>
          <table className="figures">
            <thead>
              <tr>
                <th scope="col">{t("metricCategory")}</th>
                <th scope="col">{t("incidentsCompared")}</th>
                <th scope="col">{t("lowerWithinHigher")}</th>
                <th scope="col">{t("typicalRatio")}</th>
                <th scope="col">{t("firstRevised")}</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={`${g.metric}:${g.category}`}>
                  <th scope="row">{groupLabel(i18n, g)}</th>
                  <td className="num">{t("comparedOf", { compared: g.stats.compared, incidents: g.stats.incidents })}</td>
                  <td className="num">
                    {n(g.stats.lower)} / {n(g.stats.within)} / {n(g.stats.higher)}
                  </td>
                  <td className="num">{ratioCell(i18n, g.stats)}</td>
                  <td className="num">
                    {n(g.stats.revised)} ({n(g.stats.revisedUp)} / {n(g.stats.revisedDown)})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="meta">
            <a href={withFilter(`/api/sources/${source.slug}/track-record`)}>{t("asJson")}</a> ·{" "}
            <a href={withFilter("/api/export/sources.csv")} download>
              {t("csv")}
            </a>{" "}
            · <a href={withFilter("/sources/compare", { a: source.slug })}>{t("compareWith", { name: source.name })}</a>
          </p>
        </section>

        <section aria-labelledby="claims-heading">
          <h2 id="claims-heading">{t("claimsHeading")}</h2>
          {totalClaims ? (
            <>
              <p className="meta">{t("claimsIntro", { count: totalClaims, name: source.name })}</p>
              <ClaimsPerMonth sourceName={source.name} months={months} />
              <details>
                <summary>{tableRows === months ? t("perMonthTable") : t("perYearTable")}</summary>
                <table className="figures">
                  <thead>
                    <tr>
                      <th scope="col">{tableRows === months ? t("month") : t("year")}</th>
                      <th scope="col">{t("claims")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {tableRows.map((m) => (
                      <tr key={m.month}>
                        <td>{m.month.length === 7 ? formatBucket(i18n, `${m.month}-01`, "month") : m.month}</td>
                        <td className="num">{n(m.claims)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
            </>
          ) : (
            <p className="empty">{t("noClaims", { name: source.name })}</p>
          )}
        </section>

        <section aria-labelledby="documents-heading">
          <h2 id="documents-heading">{t("documentsHeading", { count: documentCount })}</h2>
          {documents.length ? (
            <ul className="plain">
              {documents.map((d) => (
                <li key={d.id}>
                  {d.url ? <a href={d.url}>{d.title}</a> : d.title}
                  {d.publishedOn ? ` (${formatDay(i18n, d.publishedOn.toISOString())})` : ""}
                  <span className="meta">
                    {" "}
                    — {t("documentClaims", { count: d._count.claims })}
                    {d.relays.length ? t("documentRelays", { names: d.relays.map((r) => r.source.name).join(", ") }) : ""}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="empty">{t("noDocuments", { name: source.name })}</p>
          )}
          {documentCount > DOCUMENT_LIMIT ? <p className="meta">{t("documentLimit", { limit: DOCUMENT_LIMIT })}</p> : null}
        </section>
      </main>
    </PageMessages>
  );
}
