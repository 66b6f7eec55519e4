// One row of an ACLED export (acleddata.com), as the import reads it. Only the columns below
// are used; ACLED's other columns may be present and are ignored.
import { z } from "zod";
import type { DatasetEvent } from "./dataset-event";
import {
  datePrecisionFromAcled,
  iso3FromCountryName,
  iso3FromNumeric,
  isKnownIso3,
  wherePrecFromAcled,
} from "@/lib/datasets/dataset-mapping";
import { coordinate, countCell, dayCell, emptyToNull, requiredText, smallCode, text } from "./csv-cells";

export const ACLED_REQUIRED_COLUMNS = [
  "event_id_cnty",
  "event_date",
  "event_type",
  "location",
  "latitude",
  "longitude",
  "fatalities",
] as const;
export const ACLED_OPTIONAL_COLUMNS = [
  "time_precision",
  "sub_event_type",
  "actor1",
  "actor2",
  "iso",
  "iso3",
  "country",
  "admin1",
  "admin2",
  "geo_precision",
  "source",
  "notes",
  "timestamp",
] as const;

/** ACLED's timestamp: when the row was last changed, in Unix seconds. */
const timestamp = z.preprocess(
  emptyToNull,
  z
    .string()
    .regex(/^\d{9,11}$/, "timestamp must be Unix seconds, as ACLED writes it")
    .transform((v) => new Date(Number(v) * 1000).toISOString().slice(0, 10))
    .nullable(),
);

export const AcledRowSchema = z
  .object({
    event_id_cnty: requiredText("event_id_cnty", 40).regex(
      /^[A-Za-z0-9_-]+$/,
      "event_id_cnty must be letters, digits, - or _ (e.g. MLI33457)",
    ),
    event_date: dayCell("event_date"),
    time_precision: smallCode("time_precision", 1, 3),
    event_type: requiredText("event_type", 100),
    sub_event_type: text("sub_event_type", 100),
    actor1: text("actor1", 200),
    actor2: text("actor2", 200),
    iso: z.preprocess(
      emptyToNull,
      z
        .string()
        .regex(/^\d{1,3}$/, "iso must be an ISO 3166-1 numeric code (e.g. 466 for Mali)")
        .nullable(),
    ),
    iso3: z.preprocess(
      emptyToNull,
      z
        .string()
        .regex(/^[A-Za-z]{3}$/, "iso3 must be an ISO 3166-1 alpha-3 code")
        .nullable(),
    ),
    country: text("country", 100),
    admin1: text("admin1", 200),
    admin2: text("admin2", 200),
    location: requiredText("location", 300),
    latitude: coordinate("latitude", 90),
    longitude: coordinate("longitude", 180),
    geo_precision: smallCode("geo_precision", 1, 3),
    source: text("source", 2000),
    notes: text("notes", 4000),
    fatalities: countCell("fatalities"),
    timestamp,
  })
  .transform((row, ctx): DatasetEvent => {
    const countryIso3 = row.iso3
      ? row.iso3.toUpperCase()
      : ((row.iso ? iso3FromNumeric(row.iso) : null) ?? (row.country ? iso3FromCountryName(row.country) : null));
    if (!countryIso3 || !isKnownIso3(countryIso3)) {
      ctx.addIssue({
        code: "custom",
        path: [row.iso3 ? "iso3" : row.iso ? "iso" : "country"],
        ...(row.iso3 || row.iso || row.country
          ? {
              message: "is not a country we know: give iso (ISO numeric), iso3 or an English country name",
              params: { code: "unknown_country_acled" },
            }
          : { message: "the country is missing: give iso, iso3 or country", params: { code: "missing_country" } }),
      });
      return z.NEVER;
    }
    return {
      externalId: row.event_id_cnty,
      dateStart: row.event_date,
      dateEnd: row.event_date,
      datePrecision: datePrecisionFromAcled(row.time_precision ?? 1) ?? "day",
      countryIso3,
      admin1: row.admin1,
      admin2: row.admin2,
      placeName: row.location,
      latitude: row.latitude,
      longitude: row.longitude,
      locationPrecision: wherePrecFromAcled(row.geo_precision ?? 1) ?? 1,
      eventType: row.event_type,
      subEventType: row.sub_event_type,
      title: `${row.sub_event_type ?? row.event_type} in ${row.location}`,
      summary: row.notes ?? "",
      actors: <DatasetEvent["actors"]>[
        ...(row.actor1 ? [{ name: row.actor1, role: "alleged_perpetrator" }] : []),
        ...(row.actor2 && row.actor2 !== row.actor1 ? [{ name: row.actor2, role: "target" }] : []),
      ],
      claim: {
        valueMin: row.fatalities,
        valueMax: row.fatalities,
        qualifier: "exact",
        statement: truncate(
          `ACLED event ${row.event_id_cnty} (${row.event_date}): ${row.fatalities} reported fatalities.` +
            (row.source ? ` Sources: ${row.source}.` : "") +
            (row.notes ? ` Notes: ${row.notes}` : ""),
        ),
        statedOn: row.timestamp,
      },
    };
  });

function truncate(statement: string): string {
  return statement.length <= 5000 ? statement : `${statement.slice(0, 4999)}…`;
}
