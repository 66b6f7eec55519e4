"use client";
// What the map shows for one incident: the reconciled killed figures and, under each, the claims
// side by side — who said what, with its qualifier, category, date and document.
import { useEffect, useRef, useState } from "react";
import type { incidentDetailDto } from "@/lib/incidents/incident-queries";
import { CLAIM_STATUS_LABELS, compareClaims, figuresBySource, type ComparedClaim } from "@/lib/incidents/claim-comparison";
import { formatDayRange } from "@/lib/format/date-format";
import { CATEGORY_LABELS, METRIC_LABELS, formatLowBestHigh } from "@/lib/format/figure-format";
import { FLAG_LABELS, METHOD_LABELS } from "@/lib/format/flag-explanations";
import { countryName } from "@/lib/format/country-name";

type IncidentDetail = ReturnType<typeof incidentDetailDto>;

/** Some document titles are long descriptions; a tile shows their start (the full title on hover). */
function shorten(title: string, max = 48): string {
  return title.length <= max ? title : `${title.slice(0, max - 1).trimEnd()}…`;
}

export function ClaimTile({ claim }: { claim: ComparedClaim }) {
  return (
    <li className={`claim-tile ${claim.status === "standing" ? "" : "not-counted"}`}>
      <span className="claimant">{claim.claimants.map((c) => c.name).join(" / ")}</span>
      <span className="figure">{claim.figure}</span>
      <span className="when">{formatDayRange(claim.statedOn, claim.statedOnEnd)}</span>
      {claim.status !== "standing" ? <span className="status">{CLAIM_STATUS_LABELS[claim.status]}</span> : null}
      {claim.documents.length ? (
        <span className="docs">
          in{" "}
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
  const [detail, setDetail] = useState<IncidentDetail | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    setDetail(null);
    setProblem(null);
    fetch(`/api/incidents/${encodeURIComponent(code)}`, { signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) throw new Error(response.status === 404 ? "This incident no longer exists." : "The claims could not be loaded.");
        setDetail((await response.json()) as IncidentDetail);
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setProblem(error instanceof Error ? error.message : "The claims could not be loaded.");
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
  const killed = detail ? compareClaims(detail.claims, "killed") : [];
  const bySource = detail ? figuresBySource(detail.claims, "killed") : [];
  const otherMetrics = detail ? [...new Set(detail.figures.filter((f) => f.metric !== "killed").map((f) => METRIC_LABELS[f.metric]))] : [];

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
      {problem ? <p role="alert">{problem}</p> : null}
      {!detail && !problem ? <p className="meta">Loading the claims…</p> : null}
      {incident ? (
        <>
          <p className="meta">
            {formatDayRange(incident.dateStart, incident.dateEnd)} · {incident.placeName}, {countryName(incident.countryIso3)}
          </p>
          {bySource.length ? (
            <table className="popup-sources" aria-label="Killed, by source">
              <caption>Killed, by source</caption>
              <tbody>
                {bySource.map((row) => (
                  <tr key={row.label}>
                    <th scope="row">{row.label}</th>
                    <td>
                      {row.figures.map((f, i) => (
                        <span key={f.category} className="popup-source-figure">
                          {i > 0 ? ", " : ""}
                          <strong>{f.figure}</strong> {CATEGORY_LABELS[f.category]}
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
              Killed, all categories: <strong>{formatLowBestHigh(incident.headline)}</strong>{" "}
              <span className="meta">low / best / high</span>
              {incident.headline.contested ? <span className="badge contested">contested</span> : null}
            </p>
          ) : (
            <p className="meta">No killed figure reported.</p>
          )}
          {/* Then the details: per category, the reconciled figure and the claims side by side. */}
          {killed.map((group) => {
            const figure = detail!.figures.find((f) => f.metric === "killed" && f.category === group.category);
            const label = `${METRIC_LABELS.killed} · ${CATEGORY_LABELS[group.category]}`;
            return (
              <section key={group.category} className="popup-group" aria-label={label}>
                <h4>{label}</h4>
                {figure ? (
                  <p className="reconciled">
                    Reconciled <strong>{formatLowBestHigh(figure)}</strong>{" "}
                    <span className="meta">
                      low / best / high · best by {METHOD_LABELS[figure.method]}
                      {figure.flags.length ? ` · ${figure.flags.map((f) => FLAG_LABELS[f]).join(", ")}` : ""}
                    </span>
                  </p>
                ) : (
                  <p className="meta">No reconciled figure: no claim counts.</p>
                )}
                <ul className="claims-side-by-side" aria-label={`Claims: ${label}`}>
                  {group.claims.map((claim) => (
                    <ClaimTile key={claim.claimIds.join(",")} claim={claim} />
                  ))}
                </ul>
              </section>
            );
          })}
          {otherMetrics.length ? <p className="meta">Also reported: {otherMetrics.join(", ")}.</p> : null}
          <p className="popup-more">
            <a href={`/incidents/${code}`}>All claims, sources and history</a>
          </p>
        </>
      ) : null}
    </div>
  );
}
