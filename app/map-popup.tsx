"use client";
// What the map shows for one incident: the reconciled killed figures and, under each, the claims
// side by side — who said what, with its qualifier, category, date and document.
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { formatDayRange } from "@/lib/format/localized-dates";
import { formatLowBestHigh } from "@/lib/format/localized-figures";
import { countryName } from "@/lib/format/localized-places";
import { useI18n } from "@/lib/i18n/use-i18n";
import { claimStatusLabel, compareClaims, figuresBySource, type ComparedClaim } from "@/lib/incidents/claim-comparison";
import type { incidentDetailDto } from "@/lib/incidents/incident-queries";

type IncidentDetail = ReturnType<typeof incidentDetailDto>;

/** Some document titles are long descriptions; a tile shows their start (the full title on hover). */
function shorten(title: string, max = 48): string {
  return title.length <= max ? title : `${title.slice(0, max - 1).trimEnd()}…`;
}

export function ClaimTile({ claim }: { claim: ComparedClaim }) {
  const i18n = useI18n();
  const t = useTranslations("map.popup");
  return (
    <li className={`claim-tile ${claim.status === "standing" ? "" : "not-counted"}`}>
      <span className="claimant">{claim.claimants.map((c) => c.name).join(" / ")}</span>
      <span className="figure">{claim.figure}</span>
      <span className="when">{formatDayRange(i18n, claim.statedOn, claim.statedOnEnd)}</span>
      {claim.status !== "standing" ? <span className="status">{claimStatusLabel(i18n, claim.status)}</span> : null}
      {claim.documents.length ? (
        <span className="docs">
          {t("in")}{" "}
          {claim.documents.map((d, i) => (
            <span key={`${d.publisher}:${d.title}`}>
              {i > 0 ? "; " : ""}
              {d.url ? (
                <a href={d.url} target="_blank" rel="noreferrer noopener" title={d.title}>
                  {shorten(d.title)}
                </a>
              ) : (
                <span title={d.title}>{shorten(d.title)}</span>
              )}{" "}
              ({d.publisher})
            </span>
          ))}
        </span>
      ) : null}
    </li>
  );
}

type PopupProps = { code: string; title: string; focusOnLoad: boolean; onClose: () => void; onLoaded?: () => void };

export function MapPopupContent({ code, title, focusOnLoad, onClose, onLoaded }: PopupProps) {
  const i18n = useI18n();
  const t = useTranslations("map.popup");
  const [detail, setDetail] = useState<IncidentDetail | null>(null);
  const [problem, setProblem] = useState<"gone" | "failed" | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    setDetail(null);
    setProblem(null);
    fetch(`/api/incidents/${encodeURIComponent(code)}`, { signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) {
          if (!controller.signal.aborted) setProblem(response.status === 404 ? "gone" : "failed");
          return;
        }
        setDetail((await response.json()) as IncidentDetail);
      })
      .catch(() => {
        if (!controller.signal.aborted) setProblem("failed");
      });
    return () => controller.abort();
  }, [code]);

  useEffect(() => {
    if (!detail && !problem) return;
    onLoaded?.();
    if (!focusOnLoad || !detail) return;
    // A keyboard user who chose the incident from the list continues inside the popup. Leaflet
    // lays the popup out again and pans the map as the claims arrive, and the browser can drop
    // focus to the page meanwhile: for a few frames, bring it back if it fell to the page.
    let frame = 0;
    let request = 0;
    const keepFocus = () => {
      const target = heading.current;
      if (!target) return;
      const active = document.activeElement;
      if (frame === 0 || active === null || active === document.body) target.focus({ preventScroll: true });
      if (++frame < 12) request = requestAnimationFrame(keepFocus);
    };
    keepFocus();
    return () => cancelAnimationFrame(request);
    // Only when the content changes; the callbacks are recreated on every render of the map.
  }, [detail, problem]);

  const headingId = `popup-${code}`;
  const incident = detail?.incident;
  const killed = detail ? compareClaims(detail.claims, "killed", i18n) : [];
  const bySource = detail ? figuresBySource(detail.claims, "killed", i18n) : [];
  const otherMetrics = detail
    ? [...new Set(detail.figures.filter((f) => f.metric !== "killed").map((f) => i18n.t(`vocabulary.metric.${f.metric}`)))]
    : [];
  const categoryLabel = (category: string) => i18n.t(`vocabulary.category.${category}`);

  return (
    <div
      className="map-popup"
      role="region"
      aria-labelledby={headingId}
      aria-busy={!detail && !problem}
      onKeyDown={(event) => {
        if (event.key === "Escape") onClose();
      }}
    >
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        <a href={`/incidents/${code}`}>{incident?.title ?? title}</a>
      </h3>
      {problem ? <p role="alert">{problem === "gone" ? t("gone") : t("failed")}</p> : null}
      {!detail && !problem ? <p className="meta">{t("loading")}</p> : null}
      {incident ? (
        <>
          <p className="meta">
            {formatDayRange(i18n, incident.dateStart, incident.dateEnd)} · {incident.placeName}, {countryName(i18n, incident.countryIso3)}
          </p>
          {bySource.length ? (
            <table className="popup-sources" aria-label={t("bySource")}>
              <caption>{t("bySource")}</caption>
              <tbody>
                {bySource.map((row) => (
                  <tr key={row.label}>
                    <th scope="row">{row.label}</th>
                    <td>
                      {row.figures.map((f, i) => (
                        <span key={f.category} className="popup-source-figure">
                          {i > 0 ? ", " : ""}
                          <strong>{f.figure}</strong> {categoryLabel(f.category)}
                        </span>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {incident.headline ? (
            <p className="popup-headline">
              {t("headline")} <strong>{formatLowBestHigh(i18n, incident.headline)}</strong> <span className="meta">{t("lowBestHigh")}</span>
              {incident.headline.contested ? <span className="badge contested">{t("contested")}</span> : null}
            </p>
          ) : (
            <p className="meta">{t("noKilled")}</p>
          )}
          {/* Then the details: per category, the reconciled figure and the claims side by side. */}
          {killed.map((group) => {
            const figure = detail!.figures.find((f) => f.metric === "killed" && f.category === group.category);
            const label = `${i18n.t("vocabulary.metric.killed")} · ${categoryLabel(group.category)}`;
            return (
              <section key={group.category} className="popup-group" aria-label={label}>
                <h4>{label}</h4>
                {figure ? (
                  <p className="reconciled">
                    {t("reconciled")} <strong>{formatLowBestHigh(i18n, figure)}</strong>{" "}
                    <span className="meta">
                      {t("reconciledMeta", { method: i18n.t(`vocabulary.method.${figure.method}`) })}
                      {figure.flags.length ? ` · ${figure.flags.map((f) => i18n.t(`vocabulary.flag.${f}`)).join(", ")}` : ""}
                    </span>
                  </p>
                ) : (
                  <p className="meta">{t("noReconciled")}</p>
                )}
                <ul className="claims-side-by-side" aria-label={t("claimsLabel", { label })}>
                  {group.claims.map((claim) => (
                    <ClaimTile key={claim.claimIds.join(",")} claim={claim} />
                  ))}
                </ul>
              </section>
            );
          })}
          {otherMetrics.length ? <p className="meta">{t("alsoReported", { metrics: otherMetrics.join(", ") })}</p> : null}
          <p className="popup-more">
            <a href={`/incidents/${code}`}>{t("more")}</a>
          </p>
        </>
      ) : null}
    </div>
  );
}
