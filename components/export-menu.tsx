// The Export button of the list and the map: links to every export, carrying the filter of the
// page it sits on (view state such as the map position, sort or page is left behind — exports
// always hold every matching incident). Plain links, so it works without JavaScript, and a
// download keeps its dated file name from the server.
import { filterQuery } from "@/lib/filters/filter-url";
import "./export-menu.css";

type Props = {
  /** The page's current query string (URLSearchParams.toString()), with or without "?". */
  search: string;
  /** The filter in words ("Country: Mali; Flags: contested"); never the raw query string. */
  filterLabel?: string;
};

const FILES = [
  { file: "figures.csv", label: "Figures (CSV)", hint: "one row per incident × metric × category, as stored" },
  { file: "figures.csv", method: "conservative", label: "Figures, conservative best (CSV)", hint: "best = the lowest credible figure" },
  {
    file: "figures.csv",
    method: "median",
    label: "Figures, median best (CSV)",
    hint: "best = the median of single figures; of two, the lower",
  },
  {
    file: "figures.csv",
    method: "source_priority",
    label: "Figures, source-priority best (CSV)",
    hint: "recomputed, without editor decisions",
  },
  { file: "claims.csv", label: "Claims (CSV)", hint: "one row per claim; re-imports as it is" },
  { file: "ged.csv", label: "UCDP GED columns (CSV)", hint: "one row per incident" },
  { file: "acled.csv", label: "ACLED columns (CSV)", hint: "fatalities = conservative figure" },
  { file: "incidents.geojson", label: "Incidents (GeoJSON)", hint: "points with their figures" },
  { file: "sources.csv", label: "Source track records (CSV)", hint: "one row per source × metric × category" },
] as const;

function href(path: string, filter: string, method?: string): string {
  const params = new URLSearchParams(filter);
  if (method) params.set("method", method);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

export function ExportMenu({ search, filterLabel }: Props) {
  const filter = filterQuery(search.replace(/^\?/, ""));
  return (
    <details className="export-menu">
      <summary>Export</summary>
      <div className="export-menu-panel">
        <p className="meta">
          {filter ? (
            <>
              Only the incidents of the current filter
              {filterLabel ? (
                <>
                  : <strong>{filterLabel}</strong>
                </>
              ) : (
                " (shown above the map)"
              )}
              . The file name says which filter.
            </>
          ) : (
            "All incidents (no filter)."
          )}{" "}
          Every row, streamed; UTF-8 CSV that pandas and R read as it is.
        </p>
        <ul>
          {FILES.map((f) => (
            <li key={`${f.file}-${"method" in f ? f.method : ""}`}>
              <a href={href(`/api/export/${f.file}`, filter, "method" in f ? f.method : undefined)} download>
                {f.label}
              </a>{" "}
              <span className="meta">— {f.hint}</span>
            </li>
          ))}
        </ul>
        <p className="meta">
          To cite a file: its <a href={href("/api/export/manifest", `${filter}${filter ? "&" : ""}file=figures.csv`)}>manifest</a> gives the
          SHA-256 of the figures, the filter and the version. <a href="/api-docs">API documentation</a>.
        </p>
      </div>
    </details>
  );
}
