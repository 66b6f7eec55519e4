import Link from "next/link";
import type { IncidentListItem } from "@/lib/incidents/incident-queries";
import { formatDayRange } from "@/lib/format/date-format";
import { CATEGORY_LABELS, METRIC_LABELS, formatLowBestHigh, formatRange } from "@/lib/format/figure-format";
import { FLAG_LABELS, METHOD_LABELS } from "@/lib/format/flag-explanations";
import { ShowOnMapButton } from "./show-on-map-button";
import { countryName } from "@/lib/format/country-name";

/** `pending`: its figures wait for the queue after a large import (lib/figures/figure-queue.ts). */
export function IncidentCard({ item, pending = false }: { item: IncidentListItem; pending?: boolean }) {
  const headingId = `incident-${item.code}`;
  return (
    <article className="incident-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <Link href={`/incidents/${item.code}`}>{item.title}</Link>
      </h3>
      <p className="meta">
        {item.code} · {formatDayRange(item.dateStart, item.dateEnd)} · {item.placeName}, {countryName(item.countryIso3)} · {item.eventType}
      </p>
      {item.headline ? (
        <p className="headline">
          <span className="number">{formatRange(item.headline)}</span>
          <span>killed, all categories (best {item.headline.best})</span>
          {item.headline.contested ? <span className="badge contested">contested</span> : null}
          {pending ? <span className="badge pending">being reconciled</span> : null}
        </p>
      ) : (
        <p className="meta">No killed figure reported.{pending ? <span className="badge pending">being reconciled</span> : null}</p>
      )}
      <table className="figures">
        <caption className="sr-only">Reconciled figures of {item.title}</caption>
        <thead>
          <tr>
            <th scope="col">Metric · category</th>
            <th scope="col">Low / best / high</th>
            <th scope="col">Flags</th>
          </tr>
        </thead>
        <tbody>
          {item.figures.map((f) => (
            <tr key={`${f.metric}:${f.category}`}>
              <th scope="row">
                {METRIC_LABELS[f.metric]} · {CATEGORY_LABELS[f.category]}
              </th>
              <td
                className="num"
                title={`best by ${METHOD_LABELS[f.method]}; ${f.independentSourceCount} independent of ${f.sourceCount} sources`}
              >
                {formatLowBestHigh(f)}
              </td>
              <td>
                {f.flags.map((flag) => (
                  <span key={flag} className={`badge ${flag === "contested" ? "contested" : ""}`}>
                    {FLAG_LABELS[flag]}
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ShowOnMapButton incident={{ code: item.code, title: item.title, lat: item.latitude, lon: item.longitude }} />
    </article>
  );
}
