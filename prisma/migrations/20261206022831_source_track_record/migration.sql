-- CreateEnum
CREATE TYPE "FigureBasis" AS ENUM ('point', 'lower_bound', 'midpoint');

-- CreateEnum
CREATE TYPE "Revision" AS ENUM ('up', 'down', 'same');

-- CreateTable
CREATE TABLE "SourceComparison" (
    "sourceId" UUID NOT NULL,
    "incidentId" UUID NOT NULL,
    "metric" "Metric" NOT NULL,
    "category" "Category" NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "basis" "FigureBasis" NOT NULL,
    "othersLow" INTEGER,
    "othersBest" INTEGER,
    "othersHigh" INTEGER,
    "othersSources" INTEGER NOT NULL DEFAULT 0,
    "firstValue" DOUBLE PRECISION,
    "revision" "Revision",
    "firstStatedOn" DATE,
    "delayDays" INTEGER,

    CONSTRAINT "SourceComparison_pkey" PRIMARY KEY ("sourceId","metric","category","incidentId")
);

-- CreateTable
CREATE TABLE "SourceTrackRecord" (
    "sourceId" UUID NOT NULL,
    "metric" "Metric" NOT NULL,
    "category" "Category" NOT NULL,
    "incidents" INTEGER NOT NULL,
    "compared" INTEGER NOT NULL,
    "lower" INTEGER NOT NULL,
    "within" INTEGER NOT NULL,
    "higher" INTEGER NOT NULL,
    "openEnded" INTEGER NOT NULL,
    "midpoints" INTEGER NOT NULL,
    "ratioN" INTEGER NOT NULL,
    "ratioMedian" DOUBLE PRECISION,
    "ratioLow" DOUBLE PRECISION,
    "ratioHigh" DOUBLE PRECISION,
    "revised" INTEGER NOT NULL,
    "revisedUp" INTEGER NOT NULL,
    "revisedDown" INTEGER NOT NULL,
    "medianDelayDays" DOUBLE PRECISION,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SourceTrackRecord_pkey" PRIMARY KEY ("sourceId","metric","category")
);

-- CreateTable
CREATE TABLE "SourceKindTrackRecord" (
    "kind" "SourceKind" NOT NULL,
    "metric" "Metric" NOT NULL,
    "category" "Category" NOT NULL,
    "incidents" INTEGER NOT NULL,
    "compared" INTEGER NOT NULL,
    "lower" INTEGER NOT NULL,
    "within" INTEGER NOT NULL,
    "higher" INTEGER NOT NULL,
    "openEnded" INTEGER NOT NULL,
    "midpoints" INTEGER NOT NULL,
    "ratioN" INTEGER NOT NULL,
    "ratioMedian" DOUBLE PRECISION,
    "ratioLow" DOUBLE PRECISION,
    "ratioHigh" DOUBLE PRECISION,
    "revised" INTEGER NOT NULL,
    "revisedUp" INTEGER NOT NULL,
    "revisedDown" INTEGER NOT NULL,
    "medianDelayDays" DOUBLE PRECISION,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SourceKindTrackRecord_pkey" PRIMARY KEY ("kind","metric","category")
);

-- CreateTable
CREATE TABLE "TrackRecordRefreshRequest" (
    "id" BIGSERIAL NOT NULL,
    "incidentId" UUID NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrackRecordRefreshRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrackRecordSourceRequest" (
    "id" BIGSERIAL NOT NULL,
    "sourceId" UUID,
    "kind" "SourceKind",
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrackRecordSourceRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SourceComparison_incidentId_idx" ON "SourceComparison"("incidentId");


-- Source track record (lib/track-record). The comparison rows of an incident depend on its claims
-- (through its stored figures, refreshed whenever its claims change), its start date, its
-- claimants' kinds and its documents' relays. Triggers queue the incident in
-- "TrackRecordRefreshRequest"; the figure worker drains the queue (lib/track-record/
-- track-record-worker.ts). Triggers sit on "Reconciliation", not on "Claim": the claims import
-- copies claims with the row triggers off only when "Claim" has no trigger of its own
-- (lib/import/claim-references.ts), and every claim change refreshes the stored figure anyway.
-- Statement-level with transition tables: one INSERT per statement, however many rows.
CREATE FUNCTION triangulate_track_record_new_figures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "TrackRecordRefreshRequest" ("incidentId") SELECT DISTINCT "incidentId" FROM new_rows;
  RETURN NULL;
END
$$;

CREATE FUNCTION triangulate_track_record_old_figures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "TrackRecordRefreshRequest" ("incidentId") SELECT DISTINCT "incidentId" FROM old_rows;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Reconciliation_track_record_insert" AFTER INSERT ON "Reconciliation"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION triangulate_track_record_new_figures();
CREATE TRIGGER "Reconciliation_track_record_update" AFTER UPDATE ON "Reconciliation"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION triangulate_track_record_new_figures();
CREATE TRIGGER "Reconciliation_track_record_delete" AFTER DELETE ON "Reconciliation"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION triangulate_track_record_old_figures();

-- The delay to a source's first claim is counted from the incident's start.
CREATE FUNCTION triangulate_track_record_incident_dates() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "TrackRecordRefreshRequest" ("incidentId") VALUES (NEW."id");
  RETURN NULL;
END
$$;
CREATE TRIGGER "Incident_track_record_dates" AFTER UPDATE OF "dateStart" ON "Incident"
  FOR EACH ROW WHEN (OLD."dateStart" IS DISTINCT FROM NEW."dateStart") EXECUTE FUNCTION triangulate_track_record_incident_dates();

-- A source's kind decides its priority in the others' figure, and which kind's statistics it joins.
CREATE FUNCTION triangulate_track_record_source_kind() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "TrackRecordRefreshRequest" ("incidentId") SELECT DISTINCT "incidentId" FROM "Claim" WHERE "claimantId" = NEW."id";
  INSERT INTO "TrackRecordSourceRequest" ("sourceId", "kind") VALUES (NEW."id", NULL), (NULL, OLD."kind");
  RETURN NULL;
END
$$;
CREATE TRIGGER "Source_track_record_kind" AFTER UPDATE OF "kind", "isParty" ON "Source"
  FOR EACH ROW WHEN (OLD."kind" IS DISTINCT FROM NEW."kind" OR OLD."isParty" IS DISTINCT FROM NEW."isParty")
  EXECUTE FUNCTION triangulate_track_record_source_kind();

-- A relay makes a claim someone else's figure (a republisher is not a new independent source).
CREATE FUNCTION triangulate_track_record_relays() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "TrackRecordRefreshRequest" ("incidentId")
    SELECT DISTINCT c."incidentId" FROM "Claim" c WHERE c."documentId" = (CASE WHEN TG_OP = 'DELETE' THEN OLD."documentId" ELSE NEW."documentId" END);
  RETURN NULL;
END
$$;
CREATE TRIGGER "DocumentRelay_track_record" AFTER INSERT OR DELETE ON "DocumentRelay"
  FOR EACH ROW EXECUTE FUNCTION triangulate_track_record_relays();

-- Existing data: every incident with claims is computed once by the worker.
INSERT INTO "TrackRecordRefreshRequest" ("incidentId") SELECT DISTINCT "incidentId" FROM "Claim";
