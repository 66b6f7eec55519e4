// One schema for an incident, shared by the editor form, the API route and imports.
import { z } from "zod";
import { ACTOR_ROLES, DATE_PRECISIONS, GRADINGS } from "@/lib/domain/vocabularies";
import { dayField } from "./day-field";

/** An incident's code: country, year, serial (MLI-2025-0001). */
export const INCIDENT_CODE = /^[A-Z]{3}-\d{4}-\d{4,}$/;

const optionalText = (max: number, field: string) =>
  z
    .string()
    .trim()
    .max(max, `${field} is at most ${max} characters`)
    .nullish()
    .transform((v) => (v ? v : null));

export const ActorSchema = z.object({
  name: z.string().trim().min(1, "actor name is required").max(200),
  role: z.enum(ACTOR_ROLES, { message: `role must be one of ${ACTOR_ROLES.join(", ")}` }),
});

export const IncidentValuesSchema = z
  .object({
    title: z.string().trim().min(3, "title must be at least 3 characters").max(300, "title is at most 300 characters"),
    summary: z.string().trim().max(10_000, "summary is at most 10,000 characters").default(""),
    dateStart: dayField("dateStart"),
    // Optional: an empty "last day" means a one-day incident (the first day), not an error.
    dateEnd: z.preprocess((v) => (v === "" || v === null ? undefined : v), dayField("dateEnd").optional()),
    datePrecision: z.enum(DATE_PRECISIONS, { message: `datePrecision must be one of ${DATE_PRECISIONS.join(", ")}` }).default("day"),
    placeName: z.string().trim().min(1, "placeName is required").max(300),
    admin1: optionalText(200, "admin1"),
    admin2: optionalText(200, "admin2"),
    countryIso3: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, "countryIso3 must be an ISO 3166-1 alpha-3 code, e.g. MLI"),
    latitude: z.coerce
      .number({ message: "latitude must be a number" })
      .min(-90, "latitude must be between -90 and 90")
      .max(90, "latitude must be between -90 and 90"),
    longitude: z.coerce
      .number({ message: "longitude must be a number" })
      .min(-180, "longitude must be between -180 and 180")
      .max(180, "longitude must be between -180 and 180"),
    locationPrecision: z.coerce
      .number()
      .int()
      .min(1, "locationPrecision is UCDP where_prec, 1 to 7")
      .max(7, "locationPrecision is UCDP where_prec, 1 to 7")
      .default(1),
    eventType: z.string().trim().min(1, "eventType is required").max(100),
    subEventType: optionalText(100, "subEventType"),
    grading: z.enum(GRADINGS, { message: `grading must be one of ${GRADINGS.join(", ")}` }).default("fair"),
    acledEventId: optionalText(50, "acledEventId"),
    ucdpId: optionalText(50, "ucdpId"),
    actors: z.array(ActorSchema).max(50).default([]),
  })
  .transform((v) => ({ ...v, dateEnd: v.dateEnd ?? v.dateStart }))
  .refine((v) => v.dateEnd >= v.dateStart, {
    path: ["dateEnd"],
    message: "dateEnd must be on or after dateStart",
    params: { code: "date_order" },
  });

export type IncidentValues = z.output<typeof IncidentValuesSchema>;

export const IncidentUpdateSchema = z.intersection(IncidentValuesSchema, z.object({ expectedVersion: z.coerce.number().int().min(1) }));

export const MergeSchema = z.object({
  targetCode: z.string().trim().min(1, "targetCode is required"),
  expectedVersion: z.coerce.number().int().min(1),
  targetExpectedVersion: z.coerce.number().int().min(1),
});

export const DuplicateQuerySchema = z.object({
  title: z.string().trim().max(300).default(""),
  dateStart: dayField("dateStart").optional(),
  latitude: z.coerce.number().min(-90).max(90).optional(),
  longitude: z.coerce.number().min(-180).max(180).optional(),
  excludeCode: z.string().optional(),
});
