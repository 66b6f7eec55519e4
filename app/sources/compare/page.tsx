// Two sources head to head, on the incidents both gave an active figure for: who is lower, the
// typical ratio, and their largest disagreements linked to the incidents. Plain GET form.
import Link from "next/link";
import type { Metadata } from "next";
import { db } from "@/lib/db";
import { toAppError } from "@/lib/errors";
import { filterFacets } from "@/lib/incidents/analyst-queries";
import { headToHeadOf, sourceBySlug, sourceChoices, trackRecordPending } from "@/lib/track-record/track-record-queries";
import { MIN_INCIDENTS, ratioText, type HeadToHead } from "@/lib/track-record/track-record-stats";
import { filterToSearchParams } from "@/lib/validation/incident-filter";
import { parseCompareQuery } from "@/lib/validation/track-record-query";
import { CAVEAT, groupLabel } from "../track-record-text";
import { TrackRecordFilter } from "../track-record-filter";
import "../track-record.css";

export const metadata: Metadata = { title: "Two sources head to head" };
export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

const TEXT = {
  title: "Two sources head to head",
  lede: "On the incidents where both sources gave a figure of their own for the same metric and category.",
  first: "First source",
  second: "Second source",
  choose: "choose a source",
  compare: "Compare",
  pickTwo: "Choose two sources to compare.",
  same: "Choose two different sources.",
  unknown: (slug: string) => `There is no source "${slug}".`,
  none: (a: string, b: string) => `${a} and ${b} never both gave a figure for the same incident, metric and category here.`,
};

function toSearchParams(raw: SearchParams): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(raw))
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, v);
  return params;
}

function sentence(a: string, b: string, h: HeadToHead): string {
  const counts = `${a} gave the lower figure on ${h.aLower} of ${h.incidents} ${h.incidents === 1 ? "incident" : "incidents"}, the same on ${h.same}, a higher one on ${h.aHigher}`;
  if (h.ratio)
    return `${counts}; typically ${ratioText(h.ratio.median)} ${b}'s figure (90 % interval ${ratioText(h.ratio.low)}–${ratioText(h.ratio.high)}).`;
  return `${counts}; too few incidents for a typical ratio (at least ${MIN_INCIDENTS} needed).`;
}

export default async function ComparePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  let problem: string | null = null;
  let parsed: ReturnType<typeof parseCompareQuery> = { filter: {} };
  try {
    parsed = parseCompareQuery(toSearchParams(await searchParams));
  } catch (error) {
    problem = toAppError(error)?.message ?? "This link could not be read.";
  }
  const { filter } = parsed;
  const [choices, facets, a, b, pending] = await Promise.all([
    sourceChoices(db),
    filterFacets(),
    parsed.a ? sourceBySlug(db, parsed.a) : null,
    parsed.b ? sourceBySlug(db, parsed.b) : null,
    trackRecordPending(db),
  ]);
  if (!problem && parsed.a && !a) problem = TEXT.unknown(parsed.a);
  if (!problem && parsed.b && !b) problem = TEXT.unknown(parsed.b);
  if (!problem && a && b && a.id === b.id) problem = TEXT.same;
  const groups = a && b && a.id !== b.id ? await headToHeadOf(db, a.id, b.id, filter) : null;
  const filterString = filterToSearchParams(filter).toString();
  const sourceLink = (slug: string) => (filterString ? `/sources/${slug}?${filterString}` : `/sources/${slug}`);

  return (
    <main className="track-record">
      <p className="meta">
        <Link href="/sources">Sources</Link> › {TEXT.title}
      </p>
      <h1>{TEXT.title}</h1>
      <p className="lede">{TEXT.lede}</p>
      <form method="get" action="/sources/compare" className="track-filter">
        <fieldset>
          <legend>Sources</legend>
          <label>
            {TEXT.first}{" "}
            <select name="a" defaultValue={parsed.a ?? ""}>
              <option value="">{TEXT.choose}</option>
              {choices.map((s) => (
                <option key={s.slug} value={s.slug}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>{" "}
          <label>
            {TEXT.second}{" "}
            <select name="b" defaultValue={parsed.b ?? ""}>
              <option value="">{TEXT.choose}</option>
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
          <button type="submit">{TEXT.compare}</button>
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
          Recent claim changes are still being counted: these figures may be a minute behind.
        </p>
      ) : null}
      {!a || !b ? (
        <p className="empty">{TEXT.pickTwo}</p>
      ) : groups && groups.length === 0 ? (
        <p className="empty">{TEXT.none(a.name, b.name)}</p>
      ) : groups ? (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">
            <a href={sourceLink(a.slug)}>{a.name}</a> and <a href={sourceLink(b.slug)}>{b.name}</a>
          </h2>
          <p className="meta">{CAVEAT}</p>
          {groups.map((g) => (
            <article key={`${g.metric}:${g.category}`} className="track-group" aria-labelledby={`h-${g.metric}-${g.category}`}>
              <h3 id={`h-${g.metric}-${g.category}`}>{groupLabel(g)}</h3>
              <p className="track-summary">{sentence(a.name, b.name, g)}</p>
              {g.disagreements.length ? (
                <table className="figures">
                  <caption>Largest disagreements</caption>
                  <thead>
                    <tr>
                      <th scope="col">Incident</th>
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
                        <td className="num">{d.a}</td>
                        <td className="num">{d.b}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                <p className="meta">They gave the same figure on every incident.</p>
              )}
            </article>
          ))}
        </section>
      ) : null}
    </main>
  );
}
