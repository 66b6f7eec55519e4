-- The map summary per facet: per event type and per flag, at levels 3 and 5, by country and by
-- month of start and end like IncidentMapCell. A world or continent view filtered by a flag or
-- by event types otherwise aggregates the incidents one by one: "contested" alone holds about
-- half of them (world view p95 ~420 ms at 1,000,000 incidents). Region views and finer (levels
-- 6+) still read the incidents through the covering map index, where they are at most a few
-- hundred thousand.
-- An incident counts once per event type (it has one) and once under each of its flags, so the
-- rows answer any set of event types, or one flag; two flags at once would count incidents
-- having both twice, so such views read the incidents (lib/map/map-cells.ts decides).
CREATE TABLE "IncidentMapFacetCell" (
  "facet" text NOT NULL,
  "value" text NOT NULL,
  "level" smallint NOT NULL,
  "cx" integer NOT NULL,
  "cy" integer NOT NULL,
  "countryIso3" char(3) NOT NULL,
  "startMonth" date NOT NULL,
  "endMonth" date NOT NULL,
  "incidents" integer NOT NULL,
  "killedBest" bigint NOT NULL,
  "contested" integer NOT NULL,
  "latitudeSum" double precision NOT NULL,
  "longitudeSum" double precision NOT NULL,
  PRIMARY KEY ("facet", "value", "level", "cx", "cy", "countryIso3", "startMonth", "endMonth")
);
CREATE INDEX "IncidentMapFacetCell_empty_idx" ON "IncidentMapFacetCell" ("level") WHERE "incidents" = 0;

-- The statements that add the signed rows of `delta` (the columns of triangulate_summary_delta_sql
-- plus "eventType" and "flags") to the facet summary. Cells are computed at level 5 and merged
-- into level 3 (cell >> 2), rows upserted in key order as in the other summaries.
CREATE FUNCTION triangulate_facet_delta_sql(delta text) RETURNS text[] LANGUAGE plpgsql IMMUTABLE AS $f$
BEGIN
  RETURN ARRAY[format($q$
    WITH delta AS (%s),
    level5 AS (
      SELECT triangulate_cell_x(d."longitude", 5) AS cx, triangulate_cell_y(d."latitude", 5) AS cy, d."countryIso3",
             date_trunc('month', d."dateStart"::timestamp)::date AS "startMonth", date_trunc('month', d."dateEnd"::timestamp)::date AS "endMonth",
             d."eventType", d."flags",
             sum(d.sign) AS n, sum(d.sign * coalesce(d."headlineBest", 0)) AS killed, sum(d.sign * d."headlineContested"::int) AS contested,
             sum(d.sign * d."latitude") AS lat, sum(d.sign * d."longitude") AS lon
      FROM delta d GROUP BY 1, 2, 3, 4, 5, 6, 7
    ),
    facets AS (
      SELECT 'event_type' AS facet, "eventType" AS value, cx, cy, "countryIso3", "startMonth", "endMonth", n, killed, contested, lat, lon FROM level5
      UNION ALL
      SELECT 'flag', f::text, cx, cy, "countryIso3", "startMonth", "endMonth", n, killed, contested, lat, lon FROM level5, unnest("flags") AS f
    ),
    cells AS (
      SELECT facet, value, 5 AS level, cx, cy, "countryIso3", "startMonth", "endMonth",
             sum(n) AS n, sum(killed) AS killed, sum(contested) AS contested, sum(lat) AS lat, sum(lon) AS lon
      FROM facets GROUP BY 1, 2, 4, 5, 6, 7, 8
      UNION ALL
      SELECT facet, value, 3, cx >> 2, cy >> 2, "countryIso3", "startMonth", "endMonth", sum(n), sum(killed), sum(contested), sum(lat), sum(lon)
      FROM facets GROUP BY 1, 2, 4, 5, 6, 7, 8
    )
    INSERT INTO "IncidentMapFacetCell" AS m ("facet", "value", "level", "cx", "cy", "countryIso3", "startMonth", "endMonth", "incidents", "killedBest", "contested", "latitudeSum", "longitudeSum")
    SELECT * FROM cells
    WHERE n <> 0 OR killed <> 0 OR contested <> 0 OR lat <> 0 OR lon <> 0
    ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT ("facet", "value", "level", "cx", "cy", "countryIso3", "startMonth", "endMonth") DO UPDATE SET
      "incidents" = m."incidents" + excluded."incidents",
      "killedBest" = m."killedBest" + excluded."killedBest",
      "contested" = m."contested" + excluded."contested",
      "latitudeSum" = m."latitudeSum" + excluded."latitudeSum",
      "longitudeSum" = m."longitudeSum" + excluded."longitudeSum"
  $q$, delta),
  'DELETE FROM "IncidentMapFacetCell" WHERE "incidents" = 0'];
END
$f$;

-- The columns the summaries read, in one place for the trigger and the rebuild.
CREATE FUNCTION triangulate_summary_columns() RETURNS text LANGUAGE sql IMMUTABLE
  AS $f$ SELECT '"latitude", "longitude", "countryIso3", "dateStart", "dateEnd", "headlineLow", "headlineBest", "headlineHigh", "headlineContested", "eventType", "flags"' $f$;

-- As before (20261122030000), now reading the facet columns too and feeding all three summaries.
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
  FOREACH statement IN ARRAY triangulate_summary_delta_sql(delta) || triangulate_facet_delta_sql(delta) LOOP
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
  TRUNCATE "IncidentMapCell", "IncidentMapFacetCell", "IncidentTimelineDay";
  FOREACH statement IN ARRAY triangulate_summary_delta_sql(delta) || triangulate_facet_delta_sql(delta) LOOP
    EXECUTE statement;
  END LOOP;
END
$f$;

CREATE OR REPLACE FUNCTION triangulate_truncate_summaries() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  TRUNCATE "IncidentMapCell", "IncidentMapFacetCell", "IncidentTimelineDay";
  RETURN NULL;
END
$f$;

SELECT triangulate_rebuild_summaries();
