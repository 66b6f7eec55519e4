// One row of the UCDP Georeferenced Event Dataset (GED, ucdp.uu.se), as the import reads it.
// GED's other columns may be present and are ignored.
import { z } from "zod";
import type { DatasetEvent } from "./dataset-event";
import { datePrecisionFromGed, eventTypeFromUcdp, iso3FromCountryName, isKnownIso3 } from "@/lib/datasets/dataset-mapping";
import { coordinate, countCell, dayCell, emptyToNull, optionalCount, requiredText, smallCode, text } from "./csv-cells";

export const UCDP_REQUIRED_COLUMNS = ["id", "date_start", "date_end", "latitude", "longitude", "country", "best", "low", "high"] as const;
export const UCDP_OPTIONAL_COLUMNS = [
  "date_prec",
  "where_prec",
  "country_iso3",
  "adm_1",
  "adm_2",
  "where_description",
  "type_of_violence",
  "conflict_name",
  "dyad_name",
  "side_a",
  "side_b",
  "deaths_a",
  "deaths_b",
  "deaths_civilians",
  "deaths_unknown",
  "source_headline",
] as const;

export const UcdpRowSchema = z
  .object({
    id: requiredText("id", 40).regex(/^[A-Za-z0-9_-]+$/, "id must be letters, digits, - or _ (GED ids are numbers)"),
    date_start: dayCell("date_start"),
    date_end: dayCell("date_end"),
    date_prec: smallCode("date_prec", 1, 5),
    where_prec: smallCode("where_prec", 1, 7),
    latitude: coordinate("latitude", 90),
    longitude: coordinate("longitude", 180),
    country: requiredText("country", 100),
    country_iso3: z.preprocess(
      emptyToNull,
      z
        .string()
        .regex(/^[A-Za-z]{3}$/, "country_iso3 must be an ISO 3166-1 alpha-3 code")
        .nullable(),
    ),
    adm_1: text("adm_1", 200),
    adm_2: text("adm_2", 200),
    where_description: text("where_description", 300),
    type_of_violence: smallCode("type_of_violence", 1, 3),
    conflict_name: text("conflict_name", 300),
    dyad_name: text("dyad_name", 300),
    side_a: text("side_a", 200),
    side_b: text("side_b", 200),
    best: countCell("best"),
    low: countCell("low"),
    high: countCell("high"),
    deaths_a: optionalCount("deaths_a"),
    deaths_b: optionalCount("deaths_b"),
    deaths_civilians: optionalCount("deaths_civilians"),
    deaths_unknown: optionalCount("deaths_unknown"),
    source_headline: text("source_headline", 2000),
  })
  .superRefine((row, ctx) => {
    if (row.date_end < row.date_start)
      ctx.addIssue({
        code: "custom",
        path: ["date_end"],
        message: "date_end must be on or after date_start",
        params: { code: "date_end_order" },
      });
    if (row.low > row.best)
      ctx.addIssue({ code: "custom", path: ["low"], message: "low cannot exceed best", params: { code: "low_above_best" } });
    if (row.high < row.best)
      ctx.addIssue({ code: "custom", path: ["high"], message: "high cannot be below best", params: { code: "high_below_best" } });
  })
  .transform((row, ctx): DatasetEvent => {
    const countryIso3 = row.country_iso3?.toUpperCase() ?? iso3FromCountryName(row.country);
    if (!countryIso3 || !isKnownIso3(countryIso3)) {
      ctx.addIssue({
        code: "custom",
        path: [row.country_iso3 ? "country_iso3" : "country"],
        message: "is not a country we know: add a country_iso3 column with the ISO 3166-1 alpha-3 code",
        params: { code: "unknown_country_ucdp" },
      });
      return z.NEVER;
    }
    const place = row.where_description ?? row.adm_2 ?? row.adm_1 ?? row.country;
    const oneSided = row.type_of_violence === 3;
    const breakdown = [
      row.deaths_a !== null ? `side A ${row.deaths_a}` : null,
      row.deaths_b !== null ? `side B ${row.deaths_b}` : null,
      row.deaths_civilians !== null ? `civilians ${row.deaths_civilians}` : null,
      row.deaths_unknown !== null ? `unknown ${row.deaths_unknown}` : null,
    ].filter(Boolean);
    return {
      externalId: row.id,
      dateStart: row.date_start,
      dateEnd: row.date_end,
      datePrecision: (row.date_prec ? datePrecisionFromGed(row.date_prec) : null) ?? (row.date_start === row.date_end ? "day" : "range"),
      countryIso3,
      admin1: row.adm_1,
      admin2: row.adm_2,
      placeName: place,
      latitude: row.latitude,
      longitude: row.longitude,
      locationPrecision: row.where_prec ?? 1,
      eventType: eventTypeFromUcdp(row.type_of_violence),
      subEventType: null,
      title: `${row.dyad_name ?? row.conflict_name ?? `UCDP GED event ${row.id}`} — ${place}`.slice(0, 300),
      summary: row.source_headline ?? "",
      actors: <DatasetEvent["actors"]>[
        ...(row.side_a ? [{ name: row.side_a, role: oneSided ? "alleged_perpetrator" : "other" }] : []),
        ...(row.side_b && row.side_b !== row.side_a ? [{ name: row.side_b, role: oneSided ? "target" : "other" }] : []),
      ],
      claim: {
        valueMin: row.low,
        valueMax: row.high,
        qualifier: row.low === row.high ? "exact" : "range",
        statement:
          `UCDP GED event ${row.id} (${row.date_start}${row.date_end !== row.date_start ? ` to ${row.date_end}` : ""}): ` +
          `best estimate ${row.best} deaths, low ${row.low}, high ${row.high}` +
          (breakdown.length ? ` (${breakdown.join(", ")})` : "") +
          ".",
        statedOn: null,
      },
    };
  });
