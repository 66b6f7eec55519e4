-- Summary tables for the map grid and the timeline (README "Scale"). Aggregating a million
-- incidents row by row costs 0.4–0.9 s whatever the indexes; these tables hold the same counts
-- and sums pre-grouped, so a world view reads a few thousand rows instead of a million.
-- They are maintained by statement-level triggers on "Incident" in the writing transaction, so
-- they are never stale and every write path (app, import, SQL by hand) keeps them right.
-- Written by hand; Prisma's schema does not know these tables (the app reads them with SQL).

-- Grid cell of a point at a level: cells are 90/2^level degrees of longitude wide and as many
-- "Mercator degrees" high (lib/map/map-grid.ts), so level k is the natural grid of zoom k.
-- Every map query groups by these two functions. Coordinates within 1e-9° (0.1 mm) of zero count
-- as zero: PostgreSQL raises "underflow" when a tiny non-zero number divides to zero. (Not
-- STRICT: that would stop PostgreSQL from inlining them into the queries.)
CREATE FUNCTION triangulate_cell_x(longitude double precision, level integer) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $f$ SELECT floor(CASE WHEN abs(longitude) < 1e-9 THEN 0 ELSE longitude END / (90.0::float8 / 2 ^ level))::integer $f$;

CREATE FUNCTION triangulate_cell_y(latitude double precision, level integer) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $f$ SELECT floor(degrees(ln(tan(radians(45 + greatest(-85.05, least(85.05, CASE WHEN abs(latitude) < 1e-9 THEN 0 ELSE latitude END)) / 2)))) / (90.0::float8 / 2 ^ level))::integer $f$;

-- Map: per grid cell at levels 3, 5 and 7 (coarser levels are read by merging 2×2 or 4×4 cells
-- of the next stored level; finer views aggregate incidents directly, there are few in view),
-- per country and per month of start and of end, so country and date filters can be answered
-- from it (only incidents in the two boundary months are read row by row).
CREATE TABLE "IncidentMapCell" (
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
  PRIMARY KEY ("level", "cx", "cy", "countryIso3", "startMonth", "endMonth")
);
-- Rows emptied by a move or merge are deleted right after; this index finds them without a scan.
CREATE INDEX "IncidentMapCell_empty_idx" ON "IncidentMapCell" ("level") WHERE "incidents" = 0;

-- Timeline: per (first day, last day). About 30,000 rows for fifteen years; any date range is
-- answered exactly, by week or by month.
CREATE TABLE "IncidentTimelineDay" (
  "dateStart" date NOT NULL,
  "dateEnd" date NOT NULL,
  "incidents" integer NOT NULL,
  "low" bigint NOT NULL,
  "best" bigint NOT NULL,
  "high" bigint NOT NULL,
  "openHigh" integer NOT NULL,
  "contested" integer NOT NULL,
  PRIMARY KEY ("dateStart", "dateEnd")
);
CREATE INDEX "IncidentTimelineDay_empty_idx" ON "IncidentTimelineDay" ("dateStart") WHERE "incidents" = 0;

-- Map views with a date filter read the incidents of the boundary months by these dates.
CREATE INDEX "Incident_dateEnd_idx" ON "Incident" ("dateEnd") WHERE "mergedIntoId" IS NULL;

-- Every index costs each headline refresh an insertion (an import of 100,000 claims refreshes
-- 100,000 incident rows). These three are covered by others: every read excludes merged
-- incidents, so the partial list and map indexes serve date ranges and boxes, and the
-- unfiltered timeline now reads its summary.
DROP INDEX "Incident_dateStart_idx";
DROP INDEX "Incident_latitude_longitude_idx";
DROP INDEX "Incident_timeline_idx";

-- The statements that add the signed rows of `delta` (a query with columns sign, latitude,
-- longitude, countryIso3, dateStart, dateEnd, headlineLow, headlineBest, headlineHigh,
-- headlineContested) to both summaries, then drop emptied rows. They are returned rather than
-- run because a trigger's transition tables are visible only to the trigger function itself.
-- Rows are upserted in key order, so two transactions lock summary rows in the same order.
CREATE FUNCTION triangulate_summary_delta_sql(delta text) RETURNS text[] LANGUAGE plpgsql IMMUTABLE AS $f$
BEGIN
  -- Cells are computed once, at level 7; levels 5 and 3 merge them (cell >> 2 is the cell two
  -- levels up: the grid halves exactly). Month keys use timestamp, not timestamptz: no time zone.
  RETURN ARRAY[format($q$
    WITH delta AS (%s),
    level7 AS (
      SELECT triangulate_cell_x(d."longitude", 7) AS cx, triangulate_cell_y(d."latitude", 7) AS cy, d."countryIso3",
             date_trunc('month', d."dateStart"::timestamp)::date AS "startMonth", date_trunc('month', d."dateEnd"::timestamp)::date AS "endMonth",
             sum(d.sign) AS n, sum(d.sign * coalesce(d."headlineBest", 0)) AS killed, sum(d.sign * d."headlineContested"::int) AS contested,
             sum(d.sign * d."latitude") AS lat, sum(d.sign * d."longitude") AS lon
      FROM delta d GROUP BY 1, 2, 3, 4, 5
    ),
    cells AS (
      SELECT 7 AS level, * FROM level7
      UNION ALL
      SELECT 5, cx >> 2, cy >> 2, "countryIso3", "startMonth", "endMonth", sum(n), sum(killed), sum(contested), sum(lat), sum(lon) FROM level7 GROUP BY 2, 3, 4, 5, 6
      UNION ALL
      SELECT 3, cx >> 4, cy >> 4, "countryIso3", "startMonth", "endMonth", sum(n), sum(killed), sum(contested), sum(lat), sum(lon) FROM level7 GROUP BY 2, 3, 4, 5, 6
    )
    INSERT INTO "IncidentMapCell" AS m ("level", "cx", "cy", "countryIso3", "startMonth", "endMonth", "incidents", "killedBest", "contested", "latitudeSum", "longitudeSum")
    SELECT * FROM cells
    WHERE n <> 0 OR killed <> 0 OR contested <> 0 OR lat <> 0 OR lon <> 0
    ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ("level", "cx", "cy", "countryIso3", "startMonth", "endMonth") DO UPDATE SET
      "incidents" = m."incidents" + excluded."incidents",
      "killedBest" = m."killedBest" + excluded."killedBest",
      "contested" = m."contested" + excluded."contested",
      "latitudeSum" = m."latitudeSum" + excluded."latitudeSum",
      "longitudeSum" = m."longitudeSum" + excluded."longitudeSum"
  $q$, delta), format($q$
    WITH delta AS (%s),
    days AS (
      SELECT d."dateStart", d."dateEnd", sum(d.sign) AS n, sum(d.sign * coalesce(d."headlineLow", 0)) AS low,
             sum(d.sign * coalesce(d."headlineBest", 0)) AS best, sum(d.sign * coalesce(d."headlineHigh", d."headlineBest", 0)) AS high,
             sum(d.sign * (d."headlineBest" IS NOT NULL AND d."headlineHigh" IS NULL)::int) AS open_high, sum(d.sign * d."headlineContested"::int) AS contested
      FROM delta d GROUP BY 1, 2
    )
    INSERT INTO "IncidentTimelineDay" AS t ("dateStart", "dateEnd", "incidents", "low", "best", "high", "openHigh", "contested")
    SELECT * FROM days
    WHERE n <> 0 OR low <> 0 OR best <> 0 OR high <> 0 OR open_high <> 0 OR contested <> 0
    ORDER BY 1, 2
    ON CONFLICT ("dateStart", "dateEnd") DO UPDATE SET
      "incidents" = t."incidents" + excluded."incidents",
      "low" = t."low" + excluded."low",
      "best" = t."best" + excluded."best",
      "high" = t."high" + excluded."high",
      "openHigh" = t."openHigh" + excluded."openHigh",
      "contested" = t."contested" + excluded."contested"
  $q$, delta),
  'DELETE FROM "IncidentMapCell" WHERE "incidents" = 0',
  'DELETE FROM "IncidentTimelineDay" WHERE "incidents" = 0'];
END
$f$;

-- The columns a summary reads; an update that changes none of them (a title, a summary, the
-- version counter) costs the trigger one join and writes nothing.
CREATE FUNCTION triangulate_incident_summaries() RETURNS trigger LANGUAGE plpgsql AS $f$
DECLARE
  statement text;
  delta text;
  cols constant text := '"latitude", "longitude", "countryIso3", "dateStart", "dateEnd", "headlineLow", "headlineBest", "headlineHigh", "headlineContested"';
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
  FOREACH statement IN ARRAY triangulate_summary_delta_sql(delta) LOOP
    EXECUTE statement;
  END LOOP;
  RETURN NULL;
END
$f$;

CREATE TRIGGER "Incident_summaries_insert" AFTER INSERT ON "Incident"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION triangulate_incident_summaries();
CREATE TRIGGER "Incident_summaries_update" AFTER UPDATE ON "Incident"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION triangulate_incident_summaries();
CREATE TRIGGER "Incident_summaries_delete" AFTER DELETE ON "Incident"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION triangulate_incident_summaries();

-- Recomputes both summaries from "Incident" (after a bulk load that bypassed the triggers).
CREATE FUNCTION triangulate_rebuild_summaries() RETURNS void LANGUAGE plpgsql AS $f$
DECLARE
  statement text;
BEGIN
  TRUNCATE "IncidentMapCell", "IncidentTimelineDay";
  FOREACH statement IN ARRAY triangulate_summary_delta_sql('SELECT 1 AS sign, "latitude", "longitude", "countryIso3", "dateStart", "dateEnd", "headlineLow", "headlineBest", "headlineHigh", "headlineContested" FROM "Incident" WHERE "mergedIntoId" IS NULL') LOOP
    EXECUTE statement;
  END LOOP;
END
$f$;

CREATE FUNCTION triangulate_truncate_summaries() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  TRUNCATE "IncidentMapCell", "IncidentTimelineDay";
  RETURN NULL;
END
$f$;
CREATE TRIGGER "Incident_summaries_truncate" AFTER TRUNCATE ON "Incident" FOR EACH STATEMENT EXECUTE FUNCTION triangulate_truncate_summaries();

SELECT triangulate_rebuild_summaries();
