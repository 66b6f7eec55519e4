import { PageMessages } from "@/components/page-messages";
import Link from "next/link";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import { currentUser } from "@/lib/auth/current-user";
import { hasRole } from "@/lib/auth/roles";
import { NotFoundError } from "@/lib/errors";
import { getTranslations } from "next-intl/server";
import { formatDayRange, formatTimestamp } from "@/lib/format/localized-dates";
import { formatLowBestHigh } from "@/lib/format/localized-figures";
import { countryName, locationPrecision } from "@/lib/format/localized-places";
import { serverI18n } from "@/lib/i18n/server-i18n";
import { getIncidentByCode, incidentDetailDto } from "@/lib/incidents/incident-queries";
import { incidentHistory } from "@/lib/incidents/incident-history-queries";
import { incidentCodeById } from "@/lib/incidents/editor-page-queries";
import { APP_VERSION } from "@/lib/export/export-request";
import { incidentCitation } from "@/lib/format/incident-citation";
import { ChangeHistory } from "./change-history";
import { CiteIncident } from "./cite-incident";
import { ClaimCards } from "./claim-cards";
import { ClaimTimeline, type TimelineClaim } from "./claim-timeline";
import { ClaimsTable } from "./claims-table";
import { LocationMap } from "./location-map";
import { ReconciliationPanel } from "./reconciliation-panel";
import { storedFigureExplanations } from "@/lib/figures/figure-explanations";
import { SourcesAndDocuments } from "./sources-documents";
import "@/components/map/map.css";
import "./incident-page.css";
import { INCIDENT_CODE } from "@/lib/validation/incident";
import { numberFormat } from "@/lib/format/intl-formats";

export const dynamic = "force-dynamic";

const DATE_PRECISIONS = new Set(["day", "range", "week", "month", "year"]);
const ACTOR_ROLES = new Set(["alleged_perpetrator", "target", "escort", "other"]);
/** "auteur présumé" → "Auteur présumé": the vocabulary's words start lower case. */
const capitalised = (text: string, locale: string) => text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);

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
  const t = await getTranslations("incident");
  return { title: incident ? t("metaTitle", { title: incident.title, code: incident.code }) : t("notFound.title") };
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
  const [history, user, i18n, t] = await Promise.all([
    incidentHistory(incident.id),
    currentUser(),
    serverI18n(),
    getTranslations("incident"),
  ]);
  // Outside English the computed rationales are worded again in the reader's language.
  const explanations = i18n.locale === "en" ? {} : await storedFigureExplanations(incident.id, incident.figures);
  const precision = locationPrecision(i18n, incident.locationPrecision);
  const timelineClaims: TimelineClaim[] = dto.claims
    .filter((c) => !c.retracted)
    .map(({ document: _document, statement: _statement, ...claim }) => claim);
  const requestHeaders = await headers();
  const origin = `${requestHeaders.get("x-forwarded-proto") ?? "http"}://${requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? "localhost"}`;
  const citation = incidentCitation(
    i18n,
    { code: incident.code, title: incident.title, version: incident.version, updatedAt: incident.updatedAt, appVersion: APP_VERSION },
    origin,
    new Date(),
  );
  // Coordinates to three decimals, with the locale's decimal mark ("15,612" in French).
  const coordinate = (value: number) =>
    numberFormat(i18n.locale, { minimumFractionDigits: 3, maximumFractionDigits: 3, useGrouping: false }).format(value);
  const place = [incident.placeName, incident.admin2, incident.admin1, countryName(i18n, incident.countryIso3)].filter(Boolean).join(", ");

  return (
    <PageMessages
      paths={[
        "dates",
        "figures",
        "incident.claimStatus",
        "incident.location",
        "incident.timeline",
        "map.attribution",
        "map.zoomIn",
        "map.zoomOut",
        "vocabulary.category",
        "vocabulary.metric",
      ]}
    >
      <main className="incident-page">
        <p className="breadcrumb">
          <Link href="/">{t("nav.allIncidents")}</Link>
          {hasRole(user, "editor") ? (
            <span className="editor-links">
              {" · "}
              <a href={`/incidents/${incident.code}/claims/new`}>{t("nav.addClaims")}</a> ·{" "}
              <a href={`/incidents/${incident.code}/review`}>{t("nav.review")}</a> ·{" "}
              <a href={`/incidents/${incident.code}/edit`}>{t("nav.edit")}</a>
            </span>
          ) : null}
        </p>
        <header className="incident-header">
          <h1>{incident.title}</h1>
          <p className="meta">
            {incident.code} · {formatDayRange(i18n, dto.incident.dateStart, dto.incident.dateEnd)} (
            {DATE_PRECISIONS.has(incident.datePrecision) ? t(`header.datePrecision.${incident.datePrecision}`) : incident.datePrecision}) ·{" "}
            {place}
          </p>
          <p className="meta">
            {incident.eventType}
            {incident.subEventType ? ` — ${incident.subEventType}` : ""} ·{" "}
            {t("header.grading", { grading: i18n.t(`vocabulary.grading.${incident.grading}`) })}
            {incident.acledEventId ? ` · ACLED ${incident.acledEventId}` : ""}
            {incident.ucdpId ? ` · UCDP ${incident.ucdpId}` : ""}
          </p>
          {dto.incident.headline ? (
            <p className="headline">
              <span className="number">{formatLowBestHigh(i18n, dto.incident.headline)}</span>
              <span>{t("header.headlineLabel")}</span>
              {dto.incident.headline.contested ? <span className="badge contested">{t("header.contested")}</span> : null}
              {incident.figuresPendingSince ? <span className="badge pending">{t("header.pending")}</span> : null}
            </p>
          ) : (
            <p className="meta">{t("header.noKilled")}</p>
          )}
        </header>

        <div className="incident-top">
          <section aria-labelledby="summary-heading" className="incident-summary">
            <h2 id="summary-heading">{t("summary.heading")}</h2>
            <p>{incident.summary || t("summary.empty")}</p>
            {incident.actors.length ? (
              <dl className="actors">
                {incident.actors.map((a) => (
                  <div key={`${a.role}:${a.name}`}>
                    <dt>{ACTOR_ROLES.has(a.role) ? capitalised(i18n.t(`vocabulary.actorRole.${a.role}`), i18n.locale) : a.role}</dt>
                    <dd>{a.name}</dd>
                  </div>
                ))}
              </dl>
            ) : null}
          </section>
          <section aria-labelledby="location-heading" className="incident-location">
            <h2 id="location-heading">{t("location.heading")}</h2>
            <LocationMap lat={incident.latitude} lon={incident.longitude} radiusKm={precision.radiusKm} label={incident.placeName} />
            <p className="meta">
              {coordinate(incident.latitude)}, {coordinate(incident.longitude)} ·{" "}
              {t("location.precision", { level: incident.locationPrecision, label: precision.label, explanation: precision.explanation })}
            </p>
          </section>
        </div>

        <section aria-labelledby="figures-heading">
          <h2 id="figures-heading">{t("figures.heading")}</h2>
          {incident.figuresPendingSince ? (
            <p className="notice figures-pending" role="status">
              {t("figures.pending", { time: formatTimestamp(i18n, incident.figuresPendingSince) })}
            </p>
          ) : null}
          <ReconciliationPanel figures={incident.figures} claims={incident.claims} explanations={explanations} />
        </section>

        <section aria-labelledby="claims-heading">
          <h2 id="claims-heading">{t("claims.heading")}</h2>
          <ClaimsTable claims={dto.claims} figures={dto.figures} />
          <ClaimCards claims={dto.claims} />
        </section>

        <section aria-labelledby="claim-timeline-heading" className="claim-timeline-section">
          <h2 id="claim-timeline-heading">{t("timeline.heading")}</h2>
          <ClaimTimeline claims={timelineClaims} figures={dto.figures} />
        </section>

        <section aria-labelledby="sources-heading" className="sources-section">
          <h2 id="sources-heading">{t("sources.heading")}</h2>
          <SourcesAndDocuments claims={incident.claims} />
        </section>

        <CiteIncident citation={citation} />

        <section aria-labelledby="history-heading" className="incident-history">
          <h2 id="history-heading">{t("history.heading")}</h2>
          <ChangeHistory entries={history.entries} truncated={history.truncated} claims={incident.claims} />
        </section>
      </main>
    </PageMessages>
  );
}
