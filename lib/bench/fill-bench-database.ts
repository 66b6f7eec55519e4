// Fills a database with the synthetic benchmark dataset through COPY (see synthetic-dataset.ts).
import pg from "pg";
import { migrateDeploy } from "@/lib/db/migrate";
import { headlineFigure } from "@/lib/domain/headline";
import { reconcileIncident } from "@/lib/domain/reconcile";
import { FLAGS } from "@/lib/domain/vocabularies";
import { incidentComparisons } from "@/lib/track-record/incident-comparisons";
import { refreshTrackRecordAggregates } from "@/lib/track-record/track-record-worker";
import { CopyWriter } from "./copy-writer";
import { syntheticIncident, syntheticSources } from "./synthetic-dataset";

const INCIDENT_COLUMNS = [
  "id",
  "code",
  "title",
  "summary",
  "dateStart",
  "dateEnd",
  "datePrecision",
  "placeName",
  "admin1",
  "countryIso3",
  "latitude",
  "longitude",
  "locationPrecision",
  "eventType",
  "subEventType",
  "grading",
  "version",
  "headlineLow",
  "headlineBest",
  "headlineHigh",
  "headlineContested",
  "flags",
  "createdAt",
  "updatedAt",
];
const CLAIM_COLUMNS = [
  "id",
  "incidentId",
  "claimantId",
  "metric",
  "category",
  "subgroup",
  "valueMin",
  "valueMax",
  "qualifier",
  "statement",
  "statedOn",
  "supersedesId",
  "assessment",
  "version",
  "createdAt",
  "updatedAt",
];
const COMPARISON_COLUMNS = [
  "incidentId",
  "sourceId",
  "metric",
  "category",
  "value",
  "basis",
  "othersLow",
  "othersBest",
  "othersHigh",
  "othersSources",
  "firstValue",
  "revision",
  "firstStatedOn",
  "delayDays",
  "countryIso3",
  "eventType",
  "dateStart",
  "dateEnd",
];
const SOURCE_INCIDENT_COLUMNS = ["sourceId", "incidentId", "claims", "countryIso3", "eventType", "dateStart", "dateEnd"];
const FIGURE_COLUMNS = [
  "id",
  "incidentId",
  "metric",
  "category",
  "low",
  "best",
  "high",
  "method",
  "rationale",
  "flags",
  "claimCount",
  "sourceCount",
  "independentSourceCount",
  "usedClaimIds",
  "excluded",
  "breakdowns",
  "computedAt",
];

export async function fillBenchDatabase(url: string, count: number, log: (line: string) => void) {
  await migrateDeploy(url, { quiet: true });
  const pool = new pg.Pool({ connectionString: url, max: 5 });
  const started = Date.now();
  try {
    await pool.query(`TRUNCATE "ReconciliationRevision", "ReconciliationDecision", "Reconciliation", "Claim", "DocumentRelay", "Document", "IncidentActor", "Incident", "Source", "AuditEvent",
      "SourceComparison", "SourceIncident", "SourceTrackRecord", "SourceKindTrackRecord", "SourceClaimMonth", "TrackRecordRefreshRequest", "TrackRecordSourceRequest" CASCADE`);
    const sources = syntheticSources();
    for (const s of sources) {
      await pool.query(
        `INSERT INTO "Source" (id, slug, name, kind, "countryIso3", "isParty", "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, now())`,
        [s.id, s.slug, s.name, s.kind, s.countryIso3, s.isParty],
      );
    }
    // Five COPY streams at once, one per table; foreign keys are checked by construction, so
    // the loading sessions skip the triggers that would check them row by row.
    const clients = await Promise.all([pool.connect(), pool.connect(), pool.connect(), pool.connect(), pool.connect()]);
    for (const client of clients) await client.query("BEGIN; SET LOCAL session_replication_role = replica");
    const [incidentClient, claimClient, figureClient, comparisonClient, sourceIncidentClient] = clients as [
      pg.PoolClient,
      pg.PoolClient,
      pg.PoolClient,
      pg.PoolClient,
      pg.PoolClient,
    ];
    const incidents = CopyWriter.start(incidentClient, "Incident", INCIDENT_COLUMNS);
    const claims = CopyWriter.start(claimClient, "Claim", CLAIM_COLUMNS);
    const figures = CopyWriter.start(figureClient, "Reconciliation", FIGURE_COLUMNS);
    // The track record's per-incident rows, as the worker would compute them (lib/track-record).
    const comparisons = CopyWriter.start(comparisonClient, "SourceComparison", COMPARISON_COLUMNS);
    const sourceIncidents = CopyWriter.start(sourceIncidentClient, "SourceIncident", SOURCE_INCIDENT_COLUMNS);
    const counters = new Map<string, number>();
    const codeNumber = (iso3: string, year: number) => {
      const key = `${iso3}-${year}`;
      const next = (counters.get(key) ?? 0) + 1;
      counters.set(key, next);
      return next;
    };
    const claimCounter = { next: 0 };
    let figureCounter = 0;
    const now = new Date().toISOString();
    for (let i = 0; i < count; i++) {
      const incident = syntheticIncident(i, sources, codeNumber, claimCounter);
      const computed = reconcileIncident(incident.claims);
      const headline = headlineFigure(computed);
      const flags = FLAGS.filter((f) => computed.some((c) => c.flags.includes(f)));
      await incidents.row([
        incident.id,
        incident.code,
        incident.title,
        "",
        incident.dateStart,
        incident.dateEnd,
        incident.dateStart === incident.dateEnd ? "day" : "range",
        incident.placeName,
        incident.admin1,
        incident.countryIso3,
        incident.latitude,
        incident.longitude,
        incident.locationPrecision,
        incident.eventType,
        incident.subEventType,
        incident.grading,
        1,
        headline?.low ?? null,
        headline?.best ?? null,
        headline?.high ?? null,
        headline?.contested ?? false,
        flags,
        now,
        now,
      ]);
      for (const c of incident.claims) {
        await claims.row([
          c.id,
          incident.id,
          c.claimant.id,
          c.metric,
          c.category,
          c.subgroup,
          c.valueMin,
          c.valueMax,
          c.qualifier,
          incident.statements.get(c.id),
          c.statedOn,
          c.supersedesId,
          c.assessment,
          1,
          c.createdAt,
          c.createdAt,
        ]);
      }
      for (const f of computed) {
        await figures.row([
          `d0000000-0000-4000-8000-${(++figureCounter).toString(16).padStart(12, "0")}`,
          incident.id,
          f.metric,
          f.category,
          f.low,
          f.best,
          f.high,
          f.method,
          f.rationale,
          f.flags,
          f.claimCount,
          f.sourceCount,
          f.independentSourceCount,
          f.usedClaimIds,
          JSON.stringify(f.excluded),
          JSON.stringify(f.breakdowns),
          now,
        ]);
      }
      for (const r of incidentComparisons(incident.claims, incident.dateStart)) {
        await comparisons.row([
          incident.id,
          r.sourceId,
          r.metric,
          r.category,
          r.value,
          r.basis,
          r.othersLow,
          r.othersBest,
          r.othersHigh,
          r.othersSources,
          r.firstValue,
          r.revision,
          r.firstStatedOn,
          r.delayDays,
          incident.countryIso3,
          incident.eventType,
          incident.dateStart,
          incident.dateEnd,
        ]);
      }
      // No synthetic claim is retracted: every claim stands.
      const claimsBySource = new Map<string, number>();
      for (const c of incident.claims) claimsBySource.set(c.claimant.id, (claimsBySource.get(c.claimant.id) ?? 0) + 1);
      for (const [sourceId, n] of claimsBySource)
        await sourceIncidents.row([
          sourceId,
          incident.id,
          n,
          incident.countryIso3,
          incident.eventType,
          incident.dateStart,
          incident.dateEnd,
        ]);
      if ((i + 1) % 100_000 === 0) log(`  ${i + 1} incidents (${Math.round((i + 1) / ((Date.now() - started) / 1000))}/s)`);
    }
    await Promise.all([incidents.end(), claims.end(), figures.end(), comparisons.end(), sourceIncidents.end()]);
    for (const client of clients) {
      await client.query("COMMIT");
      client.release();
    }
    // The loading sessions skipped the triggers that keep the map and timeline summaries: build them once.
    await pool.query("SELECT triangulate_rebuild_summaries()");
    // Every source's statistics, from the rows just loaded (the worker's own step).
    await pool.query(`INSERT INTO "TrackRecordSourceRequest" ("sourceId") SELECT id FROM "Source"`);
    const trackStarted = Date.now();
    await refreshTrackRecordAggregates(url);
    log(`  track record of ${sources.length} sources in ${((Date.now() - trackStarted) / 1000).toFixed(1)} s`);
    // VACUUM sets the visibility map, so viewports are index-only scans from the first request.
    await pool.query("VACUUM (ANALYZE)");
    const seconds = (Date.now() - started) / 1000;
    return { incidents: count, claims: claimCounter.next, figures: figureCounter, seconds };
  } finally {
    await pool.end();
  }
}
