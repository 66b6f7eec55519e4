-- A source's standing claims per month of their incidents' start: the source page's "claims over
-- time", stored by the track-record worker with the source's statistics (lib/track-record) so the
-- page does not count a source's claims per request (~11,000 claims of a source at 1M incidents).

-- CreateTable
CREATE TABLE "SourceClaimMonth" (
    "sourceId" UUID NOT NULL,
    "month" DATE NOT NULL,
    "claims" INTEGER NOT NULL,

    CONSTRAINT "SourceClaimMonth_pkey" PRIMARY KEY ("sourceId","month")
);

-- The months of the claims already stored.
INSERT INTO "SourceClaimMonth" ("sourceId", "month", "claims")
SELECT c."claimantId", date_trunc('month', i."dateStart")::date, count(*)::int
  FROM "Claim" c JOIN "Incident" i ON i.id = c."incidentId"
 WHERE c."retractedAt" IS NULL AND i."mergedIntoId" IS NULL
 GROUP BY 1, 2;
