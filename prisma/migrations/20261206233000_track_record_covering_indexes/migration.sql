-- A source's track-record rows, each source's together and in the order the source page reads
-- them. A source's ~10,000 rows at 1M incidents lay on ~8,000 table pages (written in incident
-- order), so a page for a source not read lately fetched ~8,000 pages: ~120-140 ms before any
-- work, against ~18 ms once they were cached. These indexes hold every column the source pages
-- read, in source order, so the reads are index-only scans of ~100 pages (docs/performance.md).
-- Not in schema.prisma, which cannot express INCLUDE (as the map's covering index).

-- The statistics of a filter and the scatter: by source, then group, most recent first.
CREATE INDEX "SourceComparison_source_reads_idx" ON "SourceComparison" ("sourceId", "metric", "category", "dateStart")
  INCLUDE ("incidentId", "value", "basis", "othersLow", "othersBest", "othersHigh", "revision", "delayDays", "countryIso3", "eventType", "dateEnd");

-- The claims over time of a filter.
CREATE INDEX "SourceIncident_source_reads_idx" ON "SourceIncident" ("sourceId", "dateStart")
  INCLUDE ("claims", "countryIso3", "eventType", "dateEnd");
