import Link from "next/link";
import { useTranslations } from "next-intl";
import { formatDayRange } from "@/lib/format/localized-dates";
import { formatCount, formatLowBestHigh, formatRange } from "@/lib/format/localized-figures";
import { countryName } from "@/lib/format/localized-places";
import { useI18n } from "@/lib/i18n/use-i18n";
import type { IncidentListItem } from "@/lib/incidents/incident-queries";
import { ShowOnMapButton } from "./show-on-map-button";

/** `pending`: its figures wait for the queue after a large import (lib/figures/figure-queue.ts). */
export function IncidentCard({ item, pending = false }: { item: IncidentListItem; pending?: boolean }) {
  const t = useTranslations("home.card");
  const i18n = useI18n();
  const headingId = `incident-${item.code}`;
  return (
    <article className="incident-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <Link href={`/incidents/${item.code}`}>{item.title}</Link>
      </h3>
      <p className="meta">
        {item.code} · {formatDayRange(i18n, item.dateStart, item.dateEnd)} · {item.placeName}, {countryName(i18n, item.countryIso3)} ·{" "}
        {item.eventType}
      </p>
      {item.headline ? (
        <p className="headline">
          <span className="number">{formatRange(i18n, item.headline)}</span>
          <span>{t("headline", { best: formatCount(i18n, item.headline.best) })}</span>
          {item.headline.contested ? <span className="badge contested">{t("contested")}</span> : null}
          {pending ? <span className="badge pending">{t("pending")}</span> : null}
        </p>
      ) : (
        <p className="meta">
          {t("noKilled")}
          {pending ? <span className="badge pending">{t("pending")}</span> : null}
        </p>
      )}
      <table className="figures">
        <caption className="sr-only">{t("caption", { title: item.title })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("metricCategory")}</th>
            <th scope="col">{t("lowBestHigh")}</th>
            <th scope="col">{t("flags")}</th>
          </tr>
        </thead>
        <tbody>
          {item.figures.map((f) => (
            <tr key={`${f.metric}:${f.category}`}>
              <th scope="row">
                {i18n.t(`vocabulary.metric.${f.metric}`)} · {i18n.t(`vocabulary.category.${f.category}`)}
              </th>
              <td
                className="num"
                title={t("figureTitle", {
                  method: i18n.t(`vocabulary.method.${f.method}`),
                  independent: f.independentSourceCount,
                  sources: f.sourceCount,
                })}
              >
                {formatLowBestHigh(i18n, f)}
              </td>
              <td>
                {f.flags.map((flag) => (
                  <span key={flag} className={`badge ${flag === "contested" ? "contested" : ""}`}>
                    {i18n.t(`vocabulary.flag.${flag}`)}
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
