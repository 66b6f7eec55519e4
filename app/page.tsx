import { PageMessages } from "@/components/page-messages";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ExportMenu } from "@/components/export-menu";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, toAppError } from "@/lib/errors";
import { serverI18n } from "@/lib/i18n/server-i18n";
import { pendingAmong, pendingFigureCount } from "@/lib/figures/figure-queue";
import { FILTER_KEYS, INCIDENT_SORTS, parseView, withParams } from "@/lib/filters/filter-url";
import { filterFacets, incidentPin } from "@/lib/incidents/analyst-queries";
import { countIncidents, listIncidents } from "@/lib/incidents/incident-queries";
import { TIMELINE_INTERVALS } from "@/lib/timeline/timeline-buckets";
import { filterToSearchParams, parseIncidentFilter, type IncidentFilter, type IncidentSort } from "@/lib/validation/incident-filter";
import { ActiveFilters, filterLabels } from "./active-filters";
import { FilterForm, type FilterValues } from "./filter-form";
import { filterProblemText } from "./filter-problem";
import { IncidentCard } from "./incident-card";
import { IncidentMap } from "./incident-map";
import { IncidentTimeline } from "./incident-timeline";
import { MapLegend } from "./map-legend";
import { SelectionProvider } from "./map-selection";
import { SortControl } from "./sort-control";
import { INCIDENT_CODE } from "@/lib/validation/incident";
import "@/components/map/map.css";
import "./home.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("home");
  return { title: { absolute: t("metaTitle") } };
}
// Figures change whenever an editor saves; always read the stored ones.
export const dynamic = "force-dynamic";

const PAGE_SIZE = 25;

type SearchParams = Record<string, string | string[] | undefined>;

function toSearchParams(raw: SearchParams): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(raw))
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, v);
  return params;
}

/** The page reads the filter leniently: a broken link still shows incidents, and says what it ignored. */
function readFilter(params: URLSearchParams): { filter: IncidentFilter; problem: AppError | null } {
  const only = new URLSearchParams([...params].filter(([key]) => (FILTER_KEYS as readonly string[]).includes(key)));
  try {
    return { filter: parseIncidentFilter(only), problem: null };
  } catch (error) {
    // Not an expected error: the page's own words for an unreadable filter (no fields to name).
    return { filter: {}, problem: toAppError(error) ?? new AppError(400, "The filter in this link could not be read.", "invalid") };
  }
}

function formValues(filter: IncidentFilter): FilterValues {
  return {
    from: filter.from,
    to: filter.to,
    admin1: filter.admin1?.join(", "),
    actor: filter.actor,
    minKilled: filter.minKilled?.toString(),
    country: filter.country,
    eventType: filter.eventType,
    claimant: filter.claimant,
    claimantKind: filter.claimantKind,
    grading: filter.grading,
    flag: filter.flag,
  };
}

export default async function HomePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = toSearchParams(await searchParams);
  const t = await getTranslations("home");
  const i18n = await serverI18n();
  const search = params.toString();
  const { filter, problem } = readFilter(params);
  const sortParam = params.get("sort");
  const sort: IncidentSort = (INCIDENT_SORTS as readonly string[]).includes(sortParam ?? "") ? (sortParam as IncidentSort) : "newest";
  const intervalParam = params.get("interval");
  const interval = (TIMELINE_INTERVALS as readonly string[]).includes(intervalParam ?? "") ? (intervalParam as "week" | "month") : "auto";
  const selected = params.get("selected");
  const selectedCode = selected && INCIDENT_CODE.test(selected) ? selected : null;

  let cursorProblem: AppError | null = null;
  const list = await listIncidents({ ...filter, sort, limit: PAGE_SIZE, cursor: params.get("cursor") ?? undefined }).catch(
    async (error: unknown) => {
      cursorProblem = toAppError(error);
      if (!cursorProblem) throw error;
      return listIncidents({ ...filter, sort, limit: PAGE_SIZE });
    },
  );
  const [count, facets, pin, pending] = await Promise.all([
    countIncidents(filter),
    filterFacets(),
    selectedCode ? incidentPin(selectedCode) : null,
    pendingFigureCount(db),
  ]);
  const pendingCodes = pending
    ? await pendingAmong(
        db,
        list.items.map((item) => item.code),
      )
    : new Set<string>();

  const canonical = filterToSearchParams(filter);
  const without = (...keys: string[]) => {
    const copy = new URLSearchParams(canonical);
    for (const key of keys) copy.delete(key);
    return copy.toString();
  };
  const activeCount = [...canonical.keys()].length;
  const { MAP_TILE_URL, MAP_TILE_ATTRIBUTION } = env();
  const bbox = filter.bbox
    ? ([filter.bbox.minLon, filter.bbox.minLat, filter.bbox.maxLon, filter.bbox.maxLat] as [number, number, number, number])
    : null;
  const sortHidden = [...params].filter(([key]) => key !== "sort" && key !== "cursor") as [string, string][];

  return (
    <PageMessages
      paths={[
        "dates",
        "figures",
        "flags",
        "home.filters",
        "home.sort",
        "incident.claimStatus",
        "map",
        "places.precision",
        "timeline",
        "vocabulary",
      ]}
    >
      <main className="analyst">
        <div className="analyst-head">
          <h1>{t("heading")}</h1>
          <p className="match-count" role="status">
            {t.rich(activeCount ? "matchCountFiltered" : "matchCount", { count, strong: (chunks) => <strong>{chunks}</strong> })}
          </p>
        </div>
        {pending ? (
          <p className="notice" role="status">
            {t("pending", { count: pending })}
          </p>
        ) : null}
        {problem || cursorProblem ? (
          <p className="notice" role="alert">
            {t("linkIgnored", { problem: filterProblemText(i18n, problem ?? cursorProblem) ?? "" })}
          </p>
        ) : null}
        <FilterForm key={canonical.toString()} facets={facets} values={formValues(filter)} activeCount={activeCount} />
        <ActiveFilters filter={filter} facets={facets} search={search} />
        <SelectionProvider initial={pin}>
          <div className="analyst-grid">
            <section className="map-panel" aria-labelledby="map-heading">
              <h2 id="map-heading" className="sr-only">
                {t("mapHeading")}
              </h2>
              <IncidentMap
                filterQuery={without("bbox")}
                initialView={parseView(params.get("view"))}
                initialBounds={bbox}
                areaLinked={Boolean(filter.bbox)}
                tileUrl={MAP_TILE_URL ?? null}
                tileAttribution={MAP_TILE_ATTRIBUTION ?? null}
              />
              <MapLegend />
            </section>
            <section className="timeline-panel" aria-labelledby="timeline-heading">
              <h2 id="timeline-heading">{t("timelineHeading")}</h2>
              <IncidentTimeline filterQuery={without("from", "to")} from={filter.from ?? null} to={filter.to ?? null} interval={interval} />
            </section>
            <section className="list-panel" aria-labelledby="list-heading">
              <div className="list-head">
                <h2 id="list-heading">{t("listHeading")}</h2>
                <div className="list-tools">
                  <SortControl sort={sort} hidden={sortHidden} />
                  {/* The same filter as the map, timeline and list: exports hold every matching incident. */}
                  <ExportMenu search={canonical.toString()} filterLabel={filterLabels(i18n, filter, facets).join("; ")} />
                </div>
              </div>
              <div className="list-scroll">
                {list.items.length === 0 ? (
                  <p className="empty">{count === 0 && activeCount === 0 ? t("emptyNone") : t("emptyFiltered")}</p>
                ) : (
                  <ul className="incident-list" aria-label={t("listLabel")}>
                    {list.items.map((item) => (
                      <li key={item.code}>
                        <IncidentCard item={item} pending={pendingCodes.has(item.code)} />
                      </li>
                    ))}
                  </ul>
                )}
                <nav className="pager" aria-label={t("pagerLabel")}>
                  {params.get("cursor") ? (
                    <Link href={`/?${withParams(search, { cursor: null })}`} scroll={false}>
                      {t("firstPage")}
                    </Link>
                  ) : null}
                  {list.nextCursor ? (
                    <Link href={`/?${withParams(search, { cursor: list.nextCursor })}`} scroll={false}>
                      {t("nextPage", { count: PAGE_SIZE })}
                    </Link>
                  ) : null}
                </nav>
              </div>
            </section>
          </div>
        </SelectionProvider>
      </main>
    </PageMessages>
  );
}
