// The Export button of the list and the map: links to every export, carrying the filter of the
// page it sits on (view state such as the map position, sort or page is left behind — exports
// always hold every matching incident). Plain links, so it works without JavaScript, and a
// download keeps its dated file name from the server.
import { useTranslations } from "next-intl";
import { filterQuery } from "@/lib/filters/filter-url";
import "./export-menu.css";

type Props = {
  /** The page's current query string (URLSearchParams.toString()), with or without "?". */
  search: string;
  /** The filter in words ("Country: Mali; Flags: contested"); never the raw query string. */
  filterLabel?: string;
};

const FILES = [
  { id: "figures", file: "figures.csv" },
  { id: "conservative", file: "figures.csv", method: "conservative" },
  { id: "median", file: "figures.csv", method: "median" },
  { id: "sourcePriority", file: "figures.csv", method: "source_priority" },
  { id: "claims", file: "claims.csv" },
  { id: "ged", file: "ged.csv" },
  { id: "acled", file: "acled.csv" },
  { id: "geojson", file: "incidents.geojson" },
  { id: "sources", file: "sources.csv" },
] as const;

function href(path: string, filter: string, method?: string): string {
  const params = new URLSearchParams(filter);
  if (method) params.set("method", method);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

export function ExportMenu({ search, filterLabel }: Props) {
  const t = useTranslations("exportMenu");
  const filter = filterQuery(search.replace(/^\?/, ""));
  return (
    <details className="export-menu">
      <summary>{t("summary")}</summary>
      <div className="export-menu-panel">
        <p className="meta">
          {filter
            ? filterLabel
              ? t.rich("filtered", { filter: filterLabel, strong: (chunks) => <strong>{chunks}</strong> })
              : t("filteredUnnamed")
            : t("all")}{" "}
          {t("rows")}
        </p>
        <ul>
          {FILES.map((f) => (
            <li key={`${f.file}-${"method" in f ? f.method : ""}`}>
              <a href={href(`/api/export/${f.file}`, filter, "method" in f ? f.method : undefined)} download>
                {t(`files.${f.id}.label`)}
              </a>{" "}
              <span className="meta">— {t(`files.${f.id}.hint`)}</span>
            </li>
          ))}
        </ul>
        <p className="meta">
          {t.rich("cite", {
            manifest: (chunks) => <a href={href("/api/export/manifest", `${filter}${filter ? "&" : ""}file=figures.csv`)}>{chunks}</a>,
            docs: (chunks) => <a href="/api-docs">{chunks}</a>,
          })}
        </p>
      </div>
    </details>
  );
}
