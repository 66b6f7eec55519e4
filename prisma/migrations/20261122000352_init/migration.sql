-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Metric" AS ENUM ('killed', 'injured', 'killed_or_injured', 'missing', 'abducted');

-- CreateEnum
CREATE TYPE "Category" AS ENUM ('civilians', 'security_forces', 'attackers', 'unspecified');

-- CreateEnum
CREATE TYPE "Qualifier" AS ENUM ('exact', 'at_least', 'more_than', 'at_most', 'approximately', 'range', 'vague');

-- CreateEnum
CREATE TYPE "Assessment" AS ENUM ('credible', 'not_credible', 'duplicate', 'not_assessed');

-- CreateEnum
CREATE TYPE "Method" AS ENUM ('source_priority', 'conservative', 'median', 'editor');

-- CreateEnum
CREATE TYPE "Flag" AS ENUM ('contested', 'single_source', 'parties_only', 'official_lower', 'breakdown_mismatch', 'open_ended');

-- CreateEnum
CREATE TYPE "Grading" AS ENUM ('confirmed', 'fair', 'weak', 'contested', 'discounted');

-- CreateEnum
CREATE TYPE "SourceKind" AS ENUM ('ngo', 'un', 'government', 'party_to_conflict', 'wire_agency', 'international_media', 'national_media', 'local_media', 'social_media', 'encyclopedia', 'witness', 'dataset');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('day', 'range', 'week', 'month', 'year');

-- CreateEnum
CREATE TYPE "ActorRole" AS ENUM ('alleged_perpetrator', 'target', 'escort', 'other');

-- CreateEnum
CREATE TYPE "UserRole" AS ENUM ('viewer', 'editor', 'admin');

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "UserRole" NOT NULL DEFAULT 'viewer',
    "passwordHash" TEXT,
    "disabledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Incident" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "dateStart" DATE NOT NULL,
    "dateEnd" DATE NOT NULL,
    "datePrecision" "DatePrecision" NOT NULL DEFAULT 'day',
    "placeName" TEXT NOT NULL,
    "admin1" TEXT,
    "admin2" TEXT,
    "countryIso3" CHAR(3) NOT NULL,
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,
    "locationPrecision" SMALLINT NOT NULL DEFAULT 1,
    "eventType" TEXT NOT NULL,
    "subEventType" TEXT,
    "grading" "Grading" NOT NULL DEFAULT 'fair',
    "acledEventId" TEXT,
    "ucdpId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "headlineLow" INTEGER,
    "headlineBest" INTEGER,
    "headlineHigh" INTEGER,
    "headlineContested" BOOLEAN NOT NULL DEFAULT false,
    "flags" "Flag"[] DEFAULT ARRAY[]::"Flag"[],
    "createdById" UUID,
    "updatedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentActor" (
    "id" UUID NOT NULL,
    "incidentId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "role" "ActorRole" NOT NULL,

    CONSTRAINT "IncidentActor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Source" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "SourceKind" NOT NULL,
    "countryIso3" CHAR(3),
    "isParty" BOOLEAN NOT NULL DEFAULT false,
    "url" TEXT,
    "notes" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Document" (
    "id" UUID NOT NULL,
    "sourceId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "url" TEXT,
    "publishedOn" DATE,
    "accessedOn" DATE,
    "language" TEXT,
    "archiveUrl" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentRelay" (
    "documentId" UUID NOT NULL,
    "sourceId" UUID NOT NULL,

    CONSTRAINT "DocumentRelay_pkey" PRIMARY KEY ("documentId","sourceId")
);

-- CreateTable
CREATE TABLE "Claim" (
    "id" UUID NOT NULL,
    "incidentId" UUID NOT NULL,
    "documentId" UUID,
    "claimantId" UUID NOT NULL,
    "metric" "Metric" NOT NULL,
    "category" "Category" NOT NULL,
    "subgroup" TEXT,
    "valueMin" INTEGER NOT NULL,
    "valueMax" INTEGER,
    "qualifier" "Qualifier" NOT NULL,
    "statement" TEXT NOT NULL,
    "statedOn" DATE,
    "statedOnEnd" DATE,
    "supersedesId" UUID,
    "assessment" "Assessment" NOT NULL DEFAULT 'not_assessed',
    "assessmentReason" TEXT,
    "assessedById" UUID,
    "assessedAt" TIMESTAMP(3),
    "retractedAt" TIMESTAMP(3),
    "retractedReason" TEXT,
    "retractedById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Claim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reconciliation" (
    "id" UUID NOT NULL,
    "incidentId" UUID NOT NULL,
    "metric" "Metric" NOT NULL,
    "category" "Category" NOT NULL,
    "low" INTEGER NOT NULL,
    "best" INTEGER NOT NULL,
    "high" INTEGER,
    "method" "Method" NOT NULL,
    "rationale" TEXT NOT NULL,
    "flags" "Flag"[] DEFAULT ARRAY[]::"Flag"[],
    "claimCount" INTEGER NOT NULL,
    "sourceCount" INTEGER NOT NULL,
    "independentSourceCount" INTEGER NOT NULL,
    "usedClaimIds" UUID[],
    "excluded" JSONB NOT NULL DEFAULT '[]',
    "breakdowns" JSONB NOT NULL DEFAULT '[]',
    "decidedById" UUID,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Reconciliation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReconciliationRevision" (
    "id" UUID NOT NULL,
    "incidentId" UUID NOT NULL,
    "metric" "Metric" NOT NULL,
    "category" "Category" NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "actorId" UUID,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReconciliationRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReconciliationDecision" (
    "id" UUID NOT NULL,
    "incidentId" UUID NOT NULL,
    "metric" "Metric" NOT NULL,
    "category" "Category" NOT NULL,
    "best" INTEGER NOT NULL,
    "low" INTEGER,
    "high" INTEGER,
    "rationale" TEXT NOT NULL,
    "decidedById" UUID,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ReconciliationDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "incidentId" UUID,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Incident_code_key" ON "Incident"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Incident_acledEventId_key" ON "Incident"("acledEventId");

-- CreateIndex
CREATE UNIQUE INDEX "Incident_ucdpId_key" ON "Incident"("ucdpId");

-- CreateIndex
CREATE INDEX "Incident_dateStart_idx" ON "Incident"("dateStart");

-- CreateIndex
CREATE INDEX "Incident_countryIso3_dateStart_idx" ON "Incident"("countryIso3", "dateStart");

-- CreateIndex
CREATE INDEX "Incident_eventType_dateStart_idx" ON "Incident"("eventType", "dateStart");

-- CreateIndex
CREATE INDEX "Incident_latitude_longitude_idx" ON "Incident"("latitude", "longitude");

-- CreateIndex
CREATE INDEX "Incident_flags_idx" ON "Incident" USING GIN ("flags");

-- CreateIndex
CREATE INDEX "IncidentActor_name_idx" ON "IncidentActor"("name");

-- CreateIndex
CREATE UNIQUE INDEX "IncidentActor_incidentId_name_role_key" ON "IncidentActor"("incidentId", "name", "role");

-- CreateIndex
CREATE UNIQUE INDEX "Source_slug_key" ON "Source"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Document_sourceId_title_key" ON "Document"("sourceId", "title");

-- CreateIndex
CREATE UNIQUE INDEX "Claim_supersedesId_key" ON "Claim"("supersedesId");

-- CreateIndex
CREATE INDEX "Claim_incidentId_metric_category_idx" ON "Claim"("incidentId", "metric", "category");

-- CreateIndex
CREATE INDEX "Claim_claimantId_idx" ON "Claim"("claimantId");

-- CreateIndex
CREATE INDEX "Claim_documentId_idx" ON "Claim"("documentId");

-- CreateIndex
CREATE INDEX "Reconciliation_metric_category_best_idx" ON "Reconciliation"("metric", "category", "best");

-- CreateIndex
CREATE UNIQUE INDEX "Reconciliation_incidentId_metric_category_key" ON "Reconciliation"("incidentId", "metric", "category");

-- CreateIndex
CREATE INDEX "ReconciliationRevision_incidentId_at_idx" ON "ReconciliationRevision"("incidentId", "at");

-- CreateIndex
CREATE INDEX "ReconciliationDecision_incidentId_metric_category_decidedAt_idx" ON "ReconciliationDecision"("incidentId", "metric", "category", "decidedAt");

-- CreateIndex
CREATE INDEX "AuditEvent_incidentId_at_idx" ON "AuditEvent"("incidentId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- AddForeignKey
ALTER TABLE "IncidentActor" ADD CONSTRAINT "IncidentActor_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentRelay" ADD CONSTRAINT "DocumentRelay_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentRelay" ADD CONSTRAINT "DocumentRelay_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_claimantId_fkey" FOREIGN KEY ("claimantId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "Claim"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reconciliation" ADD CONSTRAINT "Reconciliation_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReconciliationRevision" ADD CONSTRAINT "ReconciliationRevision_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReconciliationDecision" ADD CONSTRAINT "ReconciliationDecision_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Checks for what the enums cannot express. Imports and forms validate the same rules with zod;
-- these keep the data honest whatever writes to it.
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_latitude_check" CHECK ("latitude" BETWEEN -90 AND 90);
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_longitude_check" CHECK ("longitude" BETWEEN -180 AND 180);
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_locationPrecision_check" CHECK ("locationPrecision" BETWEEN 1 AND 7);
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_dates_check" CHECK ("dateEnd" >= "dateStart");
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_countryIso3_check" CHECK ("countryIso3" ~ '^[A-Z]{3}$');
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_version_check" CHECK ("version" >= 1);
ALTER TABLE "Source" ADD CONSTRAINT "Source_countryIso3_check" CHECK ("countryIso3" IS NULL OR "countryIso3" ~ '^[A-Z]{3}$');
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_valueMin_check" CHECK ("valueMin" >= 0);
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_valueMax_check" CHECK ("valueMax" IS NULL OR "valueMax" >= "valueMin");
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_statedOnEnd_check" CHECK ("statedOnEnd" IS NULL OR ("statedOn" IS NOT NULL AND "statedOnEnd" >= "statedOn"));
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_supersedes_self_check" CHECK ("supersedesId" IS NULL OR "supersedesId" <> "id");
ALTER TABLE "Reconciliation" ADD CONSTRAINT "Reconciliation_order_check" CHECK ("low" <= "best" AND ("high" IS NULL OR "best" <= "high"));
ALTER TABLE "ReconciliationDecision" ADD CONSTRAINT "ReconciliationDecision_values_check" CHECK ("best" >= 0 AND ("low" IS NULL OR "low" <= "best") AND ("high" IS NULL OR "best" <= "high"));
