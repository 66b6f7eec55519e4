-- Level 8 of the map summary (cells of 0.35°), for views without dates. The first views the
-- dated levels (3, 5, 7) do not serve are zoom 8; there a dense region holds 100,000+ incidents
-- in view (measured p95 98–165 ms reading them). Keyed per month, level-8 cells hold about one
-- incident each, so this level is kept for all dates together (both months '-infinity'): a few
-- tens of thousands of rows. Dated zoom-8 views still read the incidents.

CREATE OR REPLACE FUNCTION triangulate_summary_delta_sql(delta text) RETURNS text[] LANGUAGE plpgsql IMMUTABLE AS $f$
BEGIN
  -- Cells are computed once, at level 8; levels 7, 5 and 3 merge them (cell >> k is the cell k
  -- levels up: the grid halves exactly). Month keys use timestamp, not timestamptz: no time zone.
  -- Level 8 is kept for all dates together only (months '-infinity'): per month its cells hold
  -- about one incident each, no fewer rows than the incidents.
  RETURN ARRAY[format($q$
    WITH delta AS (%s),
    level8 AS (
      SELECT triangulate_cell_x(d."longitude", 8) AS cx, triangulate_cell_y(d."latitude", 8) AS cy, d."countryIso3",
             date_trunc('month', d."dateStart"::timestamp)::date AS "startMonth", date_trunc('month', d."dateEnd"::timestamp)::date AS "endMonth",
             sum(d.sign) AS n, sum(d.sign * coalesce(d."headlineBest", 0)) AS killed, sum(d.sign * d."headlineContested"::int) AS contested,
             sum(d.sign * d."latitude") AS lat, sum(d.sign * d."longitude") AS lon
      FROM delta d GROUP BY 1, 2, 3, 4, 5
    ),
    cells AS (
      SELECT 8 AS level, cx, cy, "countryIso3", '-infinity'::date AS "startMonth", '-infinity'::date AS "endMonth",
             sum(n) AS n, sum(killed) AS killed, sum(contested) AS contested, sum(lat) AS lat, sum(lon) AS lon
      FROM level8 GROUP BY 2, 3, 4
      UNION ALL
      SELECT 7, cx >> 1, cy >> 1, "countryIso3", "startMonth", "endMonth", sum(n), sum(killed), sum(contested), sum(lat), sum(lon) FROM level8 GROUP BY 2, 3, 4, 5, 6
      UNION ALL
      SELECT 5, cx >> 3, cy >> 3, "countryIso3", "startMonth", "endMonth", sum(n), sum(killed), sum(contested), sum(lat), sum(lon) FROM level8 GROUP BY 2, 3, 4, 5, 6
      UNION ALL
      SELECT 3, cx >> 5, cy >> 5, "countryIso3", "startMonth", "endMonth", sum(n), sum(killed), sum(contested), sum(lat), sum(lon) FROM level8 GROUP BY 2, 3, 4, 5, 6
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

-- Index-only map scans need the visibility map; the default (vacuum after 20% of rows change)
-- leaves it stale for long on a million incidents after a 100,000-row import.
ALTER TABLE "Incident" SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.02);

SELECT triangulate_rebuild_summaries();
