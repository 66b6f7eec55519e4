-- The timeline summary per facet: per event type and per flag, by first and last day like
-- IncidentTimelineDay. A timeline filtered by one flag otherwise sums the incidents one by one,
-- and a flag such as "contested" holds about half of them: p95 259–294 ms at 1,000,000 incidents
-- (budget 300), a parallel scan of the whole table. As in IncidentMapFacetCell, an incident counts
-- once under its event type and once under each of its flags, so the rows answer any set of event
-- types, or one flag (lib/incidents/summary-facet.ts decides).
CREATE TABLE "IncidentTimelineFacetDay" (
  "facet" text NOT NULL,
  "value" text NOT NULL,
  "dateStart" date NOT NULL,
  "dateEnd" date NOT NULL,
  "incidents" integer NOT NULL,
  "low" bigint NOT NULL,
  "best" bigint NOT NULL,
  "high" bigint NOT NULL,
  "openHigh" integer NOT NULL,
  "contested" integer NOT NULL,
  PRIMARY KEY ("facet", "value", "dateStart", "dateEnd")
) WITH (fillfactor = 70);
CREATE INDEX "IncidentTimelineFacetDay_empty_idx" ON "IncidentTimelineFacetDay" ("facet") WHERE "incidents" = 0;

-- The statements that add the signed rows of `delta` (the columns of triangulate_summary_columns)
-- to the facet timeline, then drop emptied rows; upserted in key order like the other summaries.
CREATE FUNCTION triangulate_timeline_facet_delta_sql(delta text) RETURNS text[] LANGUAGE plpgsql IMMUTABLE AS $f$
BEGIN
  RETURN ARRAY[format($q$
    WITH delta AS (%s),
    facets AS (
      SELECT 'event_type' AS facet, d."eventType" AS value, d.* FROM delta d
      UNION ALL
      SELECT 'flag', f::text, d.* FROM delta d, unnest(d."flags") AS f
    ),
    days AS (
      SELECT facet, value, "dateStart", "dateEnd", sum(sign) AS n, sum(sign * coalesce("headlineLow", 0)) AS low,
             sum(sign * coalesce("headlineBest", 0)) AS best, sum(sign * coalesce("headlineHigh", "headlineBest", 0)) AS high,
             sum(sign * ("headlineBest" IS NOT NULL AND "headlineHigh" IS NULL)::int) AS open_high, sum(sign * "headlineContested"::int) AS contested
      FROM facets GROUP BY 1, 2, 3, 4
    )
    INSERT INTO "IncidentTimelineFacetDay" AS t ("facet", "value", "dateStart", "dateEnd", "incidents", "low", "best", "high", "openHigh", "contested")
    SELECT * FROM days
    WHERE n <> 0 OR low <> 0 OR best <> 0 OR high <> 0 OR open_high <> 0 OR contested <> 0
    ORDER BY 1, 2, 3, 4
    ON CONFLICT ("facet", "value", "dateStart", "dateEnd") DO UPDATE SET
      "incidents" = t."incidents" + excluded."incidents",
      "low" = t."low" + excluded."low",
      "best" = t."best" + excluded."best",
      "high" = t."high" + excluded."high",
      "openHigh" = t."openHigh" + excluded."openHigh",
      "contested" = t."contested" + excluded."contested"
  $q$, delta),
  'DELETE FROM "IncidentTimelineFacetDay" WHERE "incidents" = 0'];
END
$f$;

-- As before (20261122060000), now feeding the facet timeline too.
CREATE OR REPLACE FUNCTION triangulate_incident_summaries() RETURNS trigger LANGUAGE plpgsql AS $f$
DECLARE
  statement text;
  delta text;
  cols constant text := triangulate_summary_columns();
BEGIN
  IF TG_OP = 'INSERT' THEN
    delta := format('SELECT 1 AS sign, %s FROM new_rows WHERE "mergedIntoId" IS NULL', cols);
  ELSIF TG_OP = 'DELETE' THEN
    delta := format('SELECT -1 AS sign, %s FROM old_rows WHERE "mergedIntoId" IS NULL', cols);
  ELSE
    delta := format($q$
      SELECT -1 AS sign, o.* FROM (SELECT id, "mergedIntoId", %1$s FROM old_rows) o JOIN (SELECT id, "mergedIntoId", %1$s FROM new_rows) n USING (id)
       WHERE o."mergedIntoId" IS NULL AND (o.* IS DISTINCT FROM n.*)
      UNION ALL
      SELECT 1 AS sign, n.* FROM (SELECT id, "mergedIntoId", %1$s FROM old_rows) o JOIN (SELECT id, "mergedIntoId", %1$s FROM new_rows) n USING (id)
       WHERE n."mergedIntoId" IS NULL AND (o.* IS DISTINCT FROM n.*)
    $q$, cols);
  END IF;
  FOREACH statement IN ARRAY triangulate_summary_delta_sql(delta) || triangulate_facet_delta_sql(delta) || triangulate_timeline_facet_delta_sql(delta) LOOP
    EXECUTE statement;
  END LOOP;
  RETURN NULL;
END
$f$;

CREATE OR REPLACE FUNCTION triangulate_rebuild_summaries() RETURNS void LANGUAGE plpgsql AS $f$
DECLARE
  statement text;
  delta constant text := format('SELECT 1 AS sign, %s FROM "Incident" WHERE "mergedIntoId" IS NULL', triangulate_summary_columns());
BEGIN
  TRUNCATE "IncidentMapCell", "IncidentMapFacetCell", "IncidentTimelineDay", "IncidentTimelineFacetDay";
  FOREACH statement IN ARRAY triangulate_summary_delta_sql(delta) || triangulate_facet_delta_sql(delta) || triangulate_timeline_facet_delta_sql(delta) LOOP
    EXECUTE statement;
  END LOOP;
END
$f$;

CREATE OR REPLACE FUNCTION triangulate_truncate_summaries() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  TRUNCATE "IncidentMapCell", "IncidentMapFacetCell", "IncidentTimelineDay", "IncidentTimelineFacetDay";
  RETURN NULL;
END
$f$;

-- Fill the new table only: the other summaries are already right.
DO $f$
DECLARE
  statement text;
BEGIN
  FOREACH statement IN ARRAY triangulate_timeline_facet_delta_sql(format('SELECT 1 AS sign, %s FROM "Incident" WHERE "mergedIntoId" IS NULL', triangulate_summary_columns())) LOOP
    EXECUTE statement;
  END LOOP;
END
$f$;
