-- The result of an import posted without JavaScript: the upload answers 303 to
-- /import?report=<id>, and the page (on any app server) reads it back from here.
CREATE TABLE "ImportReport" (
    "id" UUID NOT NULL,
    "actorId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" INTEGER NOT NULL,
    "body" JSONB NOT NULL,

    CONSTRAINT "ImportReport_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "ImportReport_createdAt_idx" ON "ImportReport"("createdAt");

ALTER TABLE "ImportReport" ADD CONSTRAINT "ImportReport_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
