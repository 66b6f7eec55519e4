-- The facet timeline also per set of flags (facet 'flag_set', value: the incident's flags sorted
-- and joined by commas), so a timeline filtered by several flags reads it too: an incident has
-- exactly one set of flags, so the rows of the sets that share a flag with the filter count each
-- matching incident once. From the incidents, two flags took p95 344 ms at 1,000,000 incidents
-- (budget 300). The benchmark's data has 55 sets; incidents without flags have no such row.
CREATE OR REPLACE FUNCTION triangulate_timeline_facet_delta_sql(delta text) RETURNS text[] LANGUAGE plpgsql IMMUTABLE AS $f$
BEGIN
  RETURN ARRAY[format($q$
    WITH delta AS (%s),
    facets AS (
      SELECT 'event_type' AS facet, d."eventType" AS value, d.* FROM delta d
      UNION ALL
      SELECT 'flag', f::text, d.* FROM delta d, unnest(d."flags") AS f
      UNION ALL
      SELECT 'flag_set', (SELECT string_agg(f::text, ',' ORDER BY f::text) FROM unnest(d."flags") AS f), d.* FROM delta d WHERE cardinality(d."flags") > 0
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

-- Rebuild this table only, with the new rows.
TRUNCATE "IncidentTimelineFacetDay";
DO $f$
DECLARE
  statement text;
BEGIN
  FOREACH statement IN ARRAY triangulate_timeline_facet_delta_sql(format('SELECT 1 AS sign, %s FROM "Incident" WHERE "mergedIntoId" IS NULL', triangulate_summary_columns())) LOOP
    EXECUTE statement;
  END LOOP;
END
$f$;
