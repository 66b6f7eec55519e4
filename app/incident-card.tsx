import type { IncidentListItem } from "@/lib/incidents/incident-queries";
import { CATEGORY_LABELS, METRIC_LABELS, formatLowBestHigh, formatRange } from "@/lib/format/figure-format";

const FLAG_LABELS: Record<string, string> = {
  contested: "contested",
  single_source: "single source",
  parties_only: "parties only",
  official_lower: "official figure lower",
  breakdown_mismatch: "breakdown mismatch",
  open_ended: "open-ended",
};

export function IncidentCard({ item }: { item: IncidentListItem }) {
  const headingId = `incident-${item.code}`;
  return (
    <article className="incident-card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <a href={`/api/incidents/${item.code}`}>{item.title}</a>
      </h2>
      <p className="meta">
        {item.code} · {item.dateStart === item.dateEnd ? item.dateStart : `${item.dateStart} – ${item.dateEnd}`} · {item.placeName},{" "}
        {item.countryIso3} · {item.eventType}
      </p>
      {item.headline ? (
        <p className="headline">
          <span className="number" aria-label={`Headline: ${formatRange(item.headline)} killed`}>
            {formatRange(item.headline)}
          </span>
          <span>killed (all categories, best {item.headline.best})</span>
          {item.headline.contested ? <span className="badge contested">contested</span> : null}
        </p>
      ) : (
        <p className="meta">No killed figure reported.</p>
      )}
      <table className="figures">
        <caption className="meta" style={{ textAlign: "left" }}>
          Reconciled figures (low / best / high)
        </caption>
        <thead>
          <tr>
            <th scope="col">Metric · category</th>
            <th scope="col">Low / best / high</th>
            <th scope="col">Flags</th>
            <th scope="col">Method · sources</th>
          </tr>
        </thead>
        <tbody>
          {item.figures.map((f) => (
            <tr key={`${f.metric}:${f.category}`}>
              <td>
                {METRIC_LABELS[f.metric]} · {CATEGORY_LABELS[f.category]}
              </td>
              <td className="num">{formatLowBestHigh(f)}</td>
              <td>
                {f.flags.map((flag) => (
                  <span key={flag} className={`badge ${flag === "contested" ? "contested" : ""}`}>
                    {FLAG_LABELS[flag] ?? flag}
                  </span>
                ))}
              </td>
              <td>
                {f.method.replace("_", " ")} · {f.independentSourceCount} independent of {f.sourceCount}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
