-- Large claims imports commit their claims and queue the incidents whose figures must be
-- reconciled again; a worker in the app drains the queue (lib/figures/figure-queue.ts).
-- No foreign key: the import has just locked and checked every incident it queues, and a check
-- per row costs ~0.4 s per 100,000 (a request for an incident that is gone refreshes nothing).
CREATE TABLE "FigureRefreshRequest" (
    "id" BIGSERIAL NOT NULL,
    "incidentId" UUID NOT NULL,
    "requestedById" UUID,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FigureRefreshRequest_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "FigureRefreshRequest_incidentId_idx" ON "FigureRefreshRequest"("incidentId");
