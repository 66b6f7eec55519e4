-- The facet summary at level 7 too (cells of 0.7°), so region views (zoom 6 and 7) filtered by
-- event types or one flag read it instead of the incidents: a 24° × 12° box of the Sahel with one
-- flag measured p95 171 ms from the incidents at 1,000,000 incidents (20261122060000 kept
-- levels 3 and 5). Cells are now computed at level 7 and merged into levels 5 and 3 (cell >> 2,
-- >> 4). The cost is on writes: about three more summary rows per changed incident.
CREATE OR REPLACE FUNCTION triangulate_facet_delta_sql(delta text) RETURNS text[] LANGUAGE plpgsql IMMUTABLE AS $f$
BEGIN
  RETURN ARRAY[format($q$
    WITH delta AS (%s),
    level7 AS (
      SELECT triangulate_cell_x(d."longitude", 7) AS cx, triangulate_cell_y(d."latitude", 7) AS cy, d."countryIso3",
             date_trunc('month', d."dateStart"::timestamp)::date AS "startMonth", date_trunc('month', d."dateEnd"::timestamp)::date AS "endMonth",
             d."eventType", d."flags",
             sum(d.sign) AS n, sum(d.sign * coalesce(d."headlineBest", 0)) AS killed, sum(d.sign * d."headlineContested"::int) AS contested,
             sum(d.sign * d."latitude") AS lat, sum(d.sign * d."longitude") AS lon
      FROM delta d GROUP BY 1, 2, 3, 4, 5, 6, 7
    ),
    facets AS (
      SELECT 'event_type' AS facet, "eventType" AS value, cx, cy, "countryIso3", "startMonth", "endMonth", n, killed, contested, lat, lon FROM level7
      UNION ALL
      SELECT 'flag', f::text, cx, cy, "countryIso3", "startMonth", "endMonth", n, killed, contested, lat, lon FROM level7, unnest("flags") AS f
    ),
    cells AS (
      SELECT facet, value, 7 AS level, cx, cy, "countryIso3", "startMonth", "endMonth",
             sum(n) AS n, sum(killed) AS killed, sum(contested) AS contested, sum(lat) AS lat, sum(lon) AS lon
      FROM facets GROUP BY 1, 2, 4, 5, 6, 7, 8
      UNION ALL
      SELECT facet, value, 5, cx >> 2, cy >> 2, "countryIso3", "startMonth", "endMonth", sum(n), sum(killed), sum(contested), sum(lat), sum(lon)
      FROM facets GROUP BY 1, 2, 4, 5, 6, 7, 8
      UNION ALL
      SELECT facet, value, 3, cx >> 4, cy >> 4, "countryIso3", "startMonth", "endMonth", sum(n), sum(killed), sum(contested), sum(lat), sum(lon)
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

SELECT triangulate_rebuild_summaries();
