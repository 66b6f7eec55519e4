-- Indexes that match the read paths (measured on 1,000,000 incidents; see README "Scale").
-- Written by hand: Prisma's schema language cannot express partial, covering or expression indexes.

-- List orders: newest first (the default) and by headline killed, with the id as tie-breaker for cursors.
CREATE INDEX "Incident_list_newest_idx" ON "Incident" ("dateStart" DESC, "id" DESC) WHERE "mergedIntoId" IS NULL;
CREATE INDEX "Incident_list_most_killed_idx" ON "Incident" ("headlineBest" DESC NULLS LAST, "dateStart" DESC, "id" DESC) WHERE "mergedIntoId" IS NULL;
CREATE INDEX "Incident_list_fewest_killed_idx" ON "Incident" ("headlineBest" ASC NULLS LAST, "dateStart" DESC, "id" DESC) WHERE "mergedIntoId" IS NULL;

-- Map viewports: an index-only scan delivers everything the grid aggregation and the points need.
CREATE INDEX "Incident_map_idx" ON "Incident" ("latitude", "longitude") INCLUDE ("headlineBest", "headlineContested", "code", "dateStart") WHERE "mergedIntoId" IS NULL;

-- Timeline buckets read dates and headline figures only.
CREATE INDEX "Incident_timeline_idx" ON "Incident" ("dateStart") INCLUDE ("dateEnd", "headlineLow", "headlineBest", "headlineHigh") WHERE "mergedIntoId" IS NULL;

-- Region filter (case-insensitive) and actor search (substring).
CREATE INDEX "Incident_admin1_lower_idx" ON "Incident" (lower("admin1"));
CREATE INDEX "IncidentActor_name_trgm_idx" ON "IncidentActor" USING GIN ("name" gin_trgm_ops);

-- The data version that read caches compare against (max(updatedAt)).
CREATE INDEX "Incident_updatedAt_idx" ON "Incident" ("updatedAt");
