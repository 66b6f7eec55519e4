import Link from "next/link";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import { currentUser } from "@/lib/auth/current-user";
import { hasRole } from "@/lib/auth/roles";
import { NotFoundError } from "@/lib/errors";
import { formatDayRange } from "@/lib/format/date-format";
import { formatLowBestHigh } from "@/lib/format/figure-format";
import { locationPrecision } from "@/lib/format/location-precision";
import { GRADING_LABELS } from "@/lib/format/vocabulary-labels";
import { getIncidentByCode, incidentDetailDto } from "@/lib/incidents/incident-queries";
import { incidentHistory } from "@/lib/incidents/incident-history-queries";
import { incidentCodeById } from "@/lib/incidents/editor-page-queries";
import { APP_VERSION } from "@/lib/export/export-request";
import { incidentCitation } from "@/lib/format/incident-citation";
import { ChangeHistory } from "./change-history";
import { CiteIncident } from "./cite-incident";
import { ClaimCards } from "./claim-cards";
import { ClaimTimeline } from "./claim-timeline";
import { ClaimsTable } from "./claims-table";
import { LocationMap } from "./location-map";
import { ReconciliationPanel } from "./reconciliation-panel";
import { SourcesAndDocuments } from "./sources-documents";
import "@/components/map/map.css";
import "./incident-page.css";
import { countryName } from "@/lib/format/country-name";
import { INCIDENT_CODE } from "@/lib/validation/incident";

export const dynamic = "force-dynamic";

const ROLE_LABELS: Record<string, string> = {
  alleged_perpetrator: "Alleged perpetrator",
  target: "Target",
  escort: "Escort",
  other: "Other",
};
const DATE_PRECISION_LABELS: Record<string, string> = {
  day: "known to the day",
  range: "a range of days",
  week: "known to the week",
  month: "known to the month",
  year: "known to the year",
};

/** One read per request, shared by the metadata and the page. */
const load = cache(async (code: string) => {
  if (!INCIDENT_CODE.test(code)) return null;
  try {
    return await getIncidentByCode(code);
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }): Promise<Metadata> {
  const { code } = await params;
  const incident = await load(code);
  return { title: incident ? `${incident.title} (${incident.code})` : "Incident not found" };
}

export default async function IncidentPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const incident = await load(code);
  if (!incident) notFound();
  if (incident.mergedIntoId) {
    // A merged incident's code lives on as a pointer to the one it became part of.
    const target = await incidentCodeById(incident.mergedIntoId);
    if (target) permanentRedirect(`/incidents/${target}`);
  }
  const dto = incidentDetailDto(incident);
  const [history, user] = await Promise.all([incidentHistory(incident.id), currentUser()]);
  const precision = locationPrecision(incident.locationPrecision);
  const liveClaims = dto.claims.filter((c) => !c.retracted);
  const requestHeaders = await headers();
  const origin = `${requestHeaders.get("x-forwarded-proto") ?? "http"}://${requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? "localhost"}`;
  const citation = incidentCitation(
    { code: incident.code, title: incident.title, version: incident.version, updatedAt: incident.updatedAt, appVersion: APP_VERSION },
    origin,
    new Date(),
  );
  const place = [incident.placeName, incident.admin2, incident.admin1, countryName(incident.countryIso3)].filter(Boolean).join(", ");

  return (
    <main className="incident-page">
      <p className="breadcrumb">
        <Link href="/">← All incidents</Link>
        {hasRole(user, "editor") ? (
          <span className="editor-links">
            {" · "}
            <a href={`/incidents/${incident.code}/claims/new`}>Add claims</a> ·{" "}
            <a href={`/incidents/${incident.code}/review`}>Review claims and figures</a> ·{" "}
            <a href={`/incidents/${incident.code}/edit`}>Edit the incident</a>
          </span>
        ) : null}
      </p>
      <header className="incident-header">
        <h1>{incident.title}</h1>
        <p className="meta">
          {incident.code} · {formatDayRange(dto.incident.dateStart, dto.incident.dateEnd)} (
          {DATE_PRECISION_LABELS[incident.datePrecision] ?? incident.datePrecision}) · {place}
        </p>
        <p className="meta">
          {incident.eventType}
          {incident.subEventType ? ` — ${incident.subEventType}` : ""} · grading: {GRADING_LABELS[incident.grading]}
          {incident.acledEventId ? ` · ACLED ${incident.acledEventId}` : ""}
          {incident.ucdpId ? ` · UCDP ${incident.ucdpId}` : ""}
        </p>
        {dto.incident.headline ? (
          <p className="headline">
            <span className="number">{formatLowBestHigh(dto.incident.headline)}</span>
            <span>killed, all categories (low / best / high)</span>
            {dto.incident.headline.contested ? <span className="badge contested">contested</span> : null}
            {incident.figuresPendingSince ? <span className="badge pending">being reconciled</span> : null}
          </p>
        ) : (
          <p className="meta">No killed figure reported.</p>
        )}
      </header>

      <div className="incident-top">
        <section aria-labelledby="summary-heading" className="incident-summary">
          <h2 id="summary-heading">Summary</h2>
          <p>{incident.summary || "No summary recorded."}</p>
          {incident.actors.length ? (
            <dl className="actors">
              {incident.actors.map((a) => (
                <div key={`${a.role}:${a.name}`}>
                  <dt>{ROLE_LABELS[a.role] ?? a.role}</dt>
                  <dd>{a.name}</dd>
                </div>
              ))}
            </dl>
          ) : null}
        </section>
        <section aria-labelledby="location-heading" className="incident-location">
          <h2 id="location-heading">Location</h2>
          <LocationMap lat={incident.latitude} lon={incident.longitude} radiusKm={precision.radiusKm} label={incident.placeName} />
          <p className="meta">
            {incident.latitude.toFixed(3)}, {incident.longitude.toFixed(3)} · precision {incident.locationPrecision} of 7 (UCDP):{" "}
            {precision.label}. {precision.explanation} The circle shows roughly how far the true place may be.
          </p>
        </section>
      </div>

      <section aria-labelledby="figures-heading">
        <h2 id="figures-heading">Reconciled figures</h2>
        {incident.figuresPendingSince ? (
          <p className="notice figures-pending" role="status">
            Being reconciled: claims imported at {incident.figuresPendingSince.toISOString().slice(0, 16).replace("T", " ")} UTC are listed
            below, but the figures are still those from before that import. They are updated in the background within minutes; reload to see
            them.
          </p>
        ) : null}
        <ReconciliationPanel figures={incident.figures} claims={incident.claims} />
      </section>

      <section aria-labelledby="claims-heading">
        <h2 id="claims-heading">Who said what</h2>
        <ClaimsTable claims={dto.claims} figures={dto.figures} />
        <ClaimCards claims={dto.claims} />
      </section>

      <section aria-labelledby="claim-timeline-heading" className="claim-timeline-section">
        <h2 id="claim-timeline-heading">When each claim was made</h2>
        <ClaimTimeline claims={liveClaims} figures={dto.figures} />
      </section>

      <section aria-labelledby="sources-heading" className="sources-section">
        <h2 id="sources-heading">Sources and documents</h2>
        <SourcesAndDocuments claims={incident.claims} />
      </section>

      <CiteIncident citation={citation} />

      <section aria-labelledby="history-heading" className="incident-history">
        <h2 id="history-heading">Change history</h2>
        <ChangeHistory entries={history.entries} truncated={history.truncated} claims={incident.claims} />
      </section>
    </main>
  );
}
