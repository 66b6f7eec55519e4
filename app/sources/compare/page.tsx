// Two sources head to head, on the incidents both gave an active figure for: who is lower, the
// typical ratio, and their largest disagreements linked to the incidents. Plain GET form.
import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { toAppError } from "@/lib/errors";
import { formatCount } from "@/lib/format/localized-figures";
import type { I18n } from "@/lib/i18n/i18n";
import { serverI18n } from "@/lib/i18n/server-i18n";
import { filterFacets } from "@/lib/incidents/analyst-queries";
import { headToHeadOf, sourceBySlug, sourceChoices, trackRecordPending } from "@/lib/track-record/track-record-queries";
import { MIN_INCIDENTS, type HeadToHead } from "@/lib/track-record/track-record-stats";
import { filterToSearchParams } from "@/lib/validation/incident-filter";
import { compareSourcesOf, parseCompareQuery } from "@/lib/validation/track-record-query";
import { filterProblemText } from "../../filter-problem";
import { caveat, groupLabel, ratioText } from "../track-record-text";
import { TrackRecordFilter } from "../track-record-filter";
import "../track-record.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("compare");
  return { title: t("metaTitle") };
}
export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

function toSearchParams(raw: SearchParams): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(raw))
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, v);
  return params;
}

function sentence(i18n: I18n, a: string, b: string, h: HeadToHead): string {
  const counts = i18n.t("compare.counts", { a, lower: h.aLower, incidents: h.incidents, same: h.same, higher: h.aHigher });
  if (h.ratio)
    return i18n.t("compare.typically", {
      counts,
      b,
      median: ratioText(i18n, h.ratio.median),
      low: ratioText(i18n, h.ratio.low),
      high: ratioText(i18n, h.ratio.high),
    });
  return i18n.t("compare.tooFew", { counts, min: MIN_INCIDENTS });
}

export default async function ComparePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [i18n, t] = await Promise.all([serverI18n(), getTranslations("compare")]);
  let problem: string | null = null;
  const params = toSearchParams(await searchParams);
  let parsed: ReturnType<typeof parseCompareQuery> = { filter: {} };
  try {
    parsed = parseCompareQuery(params);
  } catch (error) {
    // The sources the reader chose are still compared, over every incident.
    parsed = { filter: {}, ...compareSourcesOf(params) };
    // In the reader's language, as on the home page and a source's page.
    const appError = toAppError(error);
    problem = (appError && filterProblemText(i18n, appError)) ?? t("badLink");
  }
  const { filter } = parsed;
  const [choices, facets, a, b, pending] = await Promise.all([
    sourceChoices(db),
    filterFacets(),
    parsed.a ? sourceBySlug(db, parsed.a) : null,
    parsed.b ? sourceBySlug(db, parsed.b) : null,
    trackRecordPending(db),
  ]);
  if (!problem && parsed.a && !a) problem = t("unknown", { slug: parsed.a });
  if (!problem && parsed.b && !b) problem = t("unknown", { slug: parsed.b });
  if (!problem && a && b && a.id === b.id) problem = t("same");
  const groups = a && b && a.id !== b.id ? await headToHeadOf(db, a.id, b.id, filter) : null;
  const filterString = filterToSearchParams(filter).toString();
  const sourceLink = (slug: string) => (filterString ? `/sources/${slug}?${filterString}` : `/sources/${slug}`);

  return (
    <main className="track-record">
      <p className="meta">
        <Link href="/sources">{t("breadcrumb")}</Link> › {t("title")}
      </p>
      <h1>{t("title")}</h1>
      <p className="lede">{t("lede")}</p>
      <form method="get" action="/sources/compare" className="track-filter">
        <fieldset>
          <legend>{t("legend")}</legend>
          <label>
            {t("first")}{" "}
            <select name="a" defaultValue={parsed.a ?? ""}>
              <option value="">{t("choose")}</option>
              {choices.map((s) => (
                <option key={s.slug} value={s.slug}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>{" "}
          <label>
            {t("second")}{" "}
            <select name="b" defaultValue={parsed.b ?? ""}>
              <option value="">{t("choose")}</option>
              {choices.map((s) => (
                <option key={s.slug} value={s.slug}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>{" "}
          {[...filterToSearchParams(filter)].map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          <button type="submit">{t("compare")}</button>
        </fieldset>
      </form>
      <TrackRecordFilter
        action="/sources/compare"
        filter={filter}
        countries={facets.countries}
        eventTypes={facets.eventTypes}
        hidden={{ a: parsed.a, b: parsed.b }}
        clearHref={`/sources/compare?${new URLSearchParams(Object.entries({ a: parsed.a ?? "", b: parsed.b ?? "" }).filter(([, v]) => v))}`}
      />
      {problem ? (
        <p className="notice" role="alert">
          {problem}
        </p>
      ) : null}
      {pending ? (
        <p className="notice" role="status">
          {t("pending")}
        </p>
      ) : null}
      {!a || !b ? (
        <p className="empty">{t("pickTwo")}</p>
      ) : groups && groups.length === 0 ? (
        <p className="empty">{t("none", { a: a.name, b: b.name })}</p>
      ) : groups ? (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">
            {t.rich("heading", {
              a: a.name,
              b: b.name,
              first: (chunks) => <a href={sourceLink(a.slug)}>{chunks}</a>,
              second: (chunks) => <a href={sourceLink(b.slug)}>{chunks}</a>,
            })}
          </h2>
          <p className="meta">{caveat(i18n)}</p>
          {groups.map((g) => (
            <article key={`${g.metric}:${g.category}`} className="track-group" aria-labelledby={`h-${g.metric}-${g.category}`}>
              <h3 id={`h-${g.metric}-${g.category}`}>{groupLabel(i18n, g)}</h3>
              <p className="track-summary">{sentence(i18n, a.name, b.name, g)}</p>
              {g.disagreements.length ? (
                <table className="figures">
                  <caption>{t("largest")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("incident")}</th>
                      <th scope="col">{a.name}</th>
                      <th scope="col">{b.name}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {g.disagreements.map((d) => (
                      <tr key={d.incidentCode}>
                        <td>
                          <a href={`/incidents/${d.incidentCode}`}>{d.incidentCode}</a> {d.incidentTitle}
                        </td>
                        <td className="num">{formatCount(i18n, d.a)}</td>
                        <td className="num">{formatCount(i18n, d.b)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                <p className="meta">{t("allSame")}</p>
              )}
            </article>
          ))}
        </section>
      ) : null}
    </main>
  );
}
