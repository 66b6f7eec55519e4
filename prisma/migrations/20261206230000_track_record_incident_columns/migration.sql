-- The incident columns that filters use most (country, event type, dates), copied onto the track
-- record's per-incident rows, so that a filtered source page reads a source's rows alone instead of
-- joining each of them to its incident (~10,000 per source at 1M incidents: the filtered source
-- page's p95 was 222-253 ms against a 200 ms budget). The worker writes them with each refresh of
-- an incident (lib/track-record/track-record-worker.ts); a change to one of them queues one.

-- AlterTable: filled from the incidents, then required.
ALTER TABLE "SourceComparison" ADD COLUMN "countryIso3" CHAR(3),
ADD COLUMN "eventType" TEXT,
ADD COLUMN "dateStart" DATE,
ADD COLUMN "dateEnd" DATE;

UPDATE "SourceComparison" sc
   SET "countryIso3" = i."countryIso3", "eventType" = i."eventType", "dateStart" = i."dateStart", "dateEnd" = i."dateEnd"
  FROM "Incident" i WHERE i.id = sc."incidentId";
-- Rows whose incident is gone cannot be described (nor shown): the worker would drop them anyway.
DELETE FROM "SourceComparison" WHERE "countryIso3" IS NULL;

ALTER TABLE "SourceComparison" ALTER COLUMN "countryIso3" SET NOT NULL,
ALTER COLUMN "eventType" SET NOT NULL,
ALTER COLUMN "dateStart" SET NOT NULL,
ALTER COLUMN "dateEnd" SET NOT NULL;

-- CreateTable
CREATE TABLE "SourceIncident" (
    "sourceId" UUID NOT NULL,
    "incidentId" UUID NOT NULL,
    "claims" INTEGER NOT NULL,
    "countryIso3" CHAR(3) NOT NULL,
    "eventType" TEXT NOT NULL,
    "dateStart" DATE NOT NULL,
    "dateEnd" DATE NOT NULL,

    CONSTRAINT "SourceIncident_pkey" PRIMARY KEY ("sourceId","incidentId")
);

-- CreateIndex
CREATE INDEX "SourceIncident_incidentId_idx" ON "SourceIncident"("incidentId");

-- The standing claims already stored.
INSERT INTO "SourceIncident" ("sourceId", "incidentId", "claims", "countryIso3", "eventType", "dateStart", "dateEnd")
SELECT c."claimantId", i.id, count(*)::int, i."countryIso3", i."eventType", i."dateStart", i."dateEnd"
  FROM "Claim" c JOIN "Incident" i ON i.id = c."incidentId"
 WHERE c."retractedAt" IS NULL AND i."mergedIntoId" IS NULL
 GROUP BY c."claimantId", i.id;

-- A change to any copied column (or a merge) queues the incident for the worker, as a new start
-- date already did (the delay to a source's first claim is counted from it).
DROP TRIGGER "Incident_track_record_dates" ON "Incident";
CREATE TRIGGER "Incident_track_record_columns" AFTER UPDATE OF "dateStart", "dateEnd", "countryIso3", "eventType", "mergedIntoId" ON "Incident"
  FOR EACH ROW WHEN (
    OLD."dateStart" IS DISTINCT FROM NEW."dateStart" OR OLD."dateEnd" IS DISTINCT FROM NEW."dateEnd"
    OR OLD."countryIso3" IS DISTINCT FROM NEW."countryIso3" OR OLD."eventType" IS DISTINCT FROM NEW."eventType"
    OR OLD."mergedIntoId" IS DISTINCT FROM NEW."mergedIntoId"
  ) EXECUTE FUNCTION triangulate_track_record_incident_dates();
