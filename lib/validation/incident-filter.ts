// The filter model shared by the incidents API, the map and timeline APIs, the pages' URLs and
// (later) exports. Query-string values arrive as strings; every field says what is wrong in its
// own words, and a bad parameter is reported under its own name.
import { z } from "zod";
import { FLAGS, GRADINGS, SOURCE_KINDS } from "@/lib/domain/vocabularies";
import { FILTER_KEYS, INCIDENT_SORTS, type FilterKey } from "@/lib/filters/filter-url";
import { LOCALE_QUERY } from "@/lib/i18n/locales";
import { dayField } from "./day-field";
import { assertSafeParams } from "./safe-text";

/** The most values one list filter takes (every country of the world fits). */
export const MAX_FILTER_VALUES = 300;

const list = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .transform((value) => [
      ...new Set(
        value
          .split(",")
          .map((v) => v.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(item).min(1).max(MAX_FILTER_VALUES, `at most ${MAX_FILTER_VALUES} values in one filter`));

export const BboxSchema = z.string().transform((value, ctx) => {
  const parts = value.split(",").map(Number);
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) {
    ctx.addIssue({ code: "custom", message: "bbox must be four numbers: minLon,minLat,maxLon,maxLat" });
    return z.NEVER;
  }
  const [minLon, minLat, maxLon, maxLat] = parts as [number, number, number, number];
  if (minLat < -90 || maxLat > 90 || minLat > maxLat) {
    ctx.addIssue({ code: "custom", message: "bbox latitudes must lie in -90…90 with minLat ≤ maxLat" });
    return z.NEVER;
  }
  if (minLon < -180 || maxLon > 180) {
    ctx.addIssue({ code: "custom", message: "bbox longitudes must lie in -180…180" });
    return z.NEVER;
  }
  return { minLon, minLat, maxLon, maxLat };
});

export type Bbox = z.output<typeof BboxSchema>;

const filterShape = {
  bbox: BboxSchema.optional(),
  from: dayField("from").optional(),
  to: dayField("to").optional(),
  country: list(
    z
      .string()
      .regex(/^[A-Za-z]{3}$/, "country must be ISO 3166-1 alpha-3 codes, e.g. MLI")
      .transform((c) => c.toUpperCase()),
  ).optional(),
  /** First-level administrative divisions, matched without regard to case ("gao" finds "Gao"). */
  admin1: list(z.string().max(100, "admin1 names are at most 100 characters")).optional(),
  eventType: list(z.string().min(1)).optional(),
  /** Part of an actor's name, any role ("ISGS", "wagner"). */
  actor: z.string().trim().min(2, "actor must be at least 2 characters").max(100, "actor is at most 100 characters").optional(),
  /** Incidents with at least one standing claim by one of these sources (slugs, e.g. hrw). */
  claimant: list(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "claimant must be source slugs, e.g. hrw")).optional(),
  /** Incidents with at least one standing claim by a source of one of these kinds. */
  claimantKind: list(z.enum(SOURCE_KINDS, { message: `claimantKind must be one of ${SOURCE_KINDS.join(", ")}` })).optional(),
  grading: list(z.enum(GRADINGS, { message: `grading must be one of ${GRADINGS.join(", ")}` })).optional(),
  flag: list(z.enum(FLAGS, { message: `flag must be one of ${FLAGS.join(", ")}` })).optional(),
  /** Headline killed (best) at least this many. */
  minKilled: z.coerce
    .number({ message: "minKilled must be a number" })
    .int("minKilled must be a whole number")
    .min(0, "minKilled cannot be negative")
    .max(10_000_000, "minKilled is implausibly large")
    .optional(),
} satisfies Record<FilterKey, z.ZodType>;

const fromNotAfterTo = (f: { from?: string; to?: string }) => !f.from || !f.to || f.from <= f.to;
const fromNotAfterToIssue = { message: "from must be on or before to", path: ["from"] };

export const IncidentFilterSchema = z.object(filterShape).refine(fromNotAfterTo, fromNotAfterToIssue);

export type IncidentFilter = z.infer<typeof IncidentFilterSchema>;

export const IncidentListQuerySchema = z
  .object({
    ...filterShape,
    sort: z.enum(INCIDENT_SORTS, { message: `sort must be one of ${INCIDENT_SORTS.join(", ")}` }).default("newest"),
    cursor: z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/, "cursor is not one this API issued")
      .optional(),
    limit: z.coerce
      .number({ message: "limit must be a number" })
      .int("limit must be a whole number")
      .min(1, "limit must be at least 1")
      .max(500, "limit must be at most 500")
      .default(100),
  })
  .refine(fromNotAfterTo, fromNotAfterToIssue);

export type IncidentSort = (typeof INCIDENT_SORTS)[number];
/** Callers may leave out the sort (newest first). */
export type IncidentListQuery = Omit<z.output<typeof IncidentListQuerySchema>, "sort"> & { sort?: IncidentSort };

/** Builds a schema for another endpoint: the filter plus that endpoint's own parameters. */
export function withFilter<T extends z.ZodRawShape>(extra: T) {
  return z
    .object(filterShape)
    .extend(extra)
    .refine((f) => fromNotAfterTo(f as { from?: string; to?: string }), fromNotAfterToIssue);
}

/**
 * Reads URLSearchParams into a flat record for a schema. Repeated keys (what an HTML form with
 * several checked boxes sends) are joined with commas, empty values (an untouched form field)
 * are left out, and unknown keys are refused so a typo does not silently return everything.
 * `lang` is the interface language of a shared link (lib/i18n/locales.ts), read by proxy.ts, so
 * every page and route takes it without counting it as a filter.
 */
export function parseQuery<S extends z.ZodType>(schema: S, params: URLSearchParams, known: readonly string[]): z.output<S> {
  assertSafeParams(params);
  const knownSet = new Set(known);
  const raw: Record<string, string> = {};
  const unknown: string[] = [];
  for (const [key, value] of params) {
    if (key === LOCALE_QUERY) continue;
    if (!knownSet.has(key)) {
      if (!unknown.includes(key)) unknown.push(key);
      continue;
    }
    const trimmed = value.trim();
    if (!trimmed) continue;
    raw[key] = raw[key] === undefined ? trimmed : `${raw[key]},${trimmed}`;
  }
  if (unknown.length) {
    throw new z.ZodError(
      unknown.map((key) => ({
        code: "custom",
        path: [key],
        message: `${key} is not a known parameter (known: ${known.join(", ")})`,
        input: params.get(key),
      })),
    );
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  // Query parameters are flat: report "grading", not "grading.0", for a bad item in a list.
  throw new z.ZodError(parsed.error.issues.map((issue) => ({ ...issue, path: issue.path.slice(0, 1) })));
}

const LIST_PARAMETERS = [...FILTER_KEYS, "sort", "cursor", "limit"] as const;

export function parseIncidentListQuery(params: URLSearchParams): IncidentListQuery {
  return parseQuery(IncidentListQuerySchema, params, LIST_PARAMETERS);
}

export function parseIncidentFilter(params: URLSearchParams): IncidentFilter {
  return parseQuery(IncidentFilterSchema, params, FILTER_KEYS);
}

/** The filter written back as query parameters, in a fixed order, so equal filters give equal URLs. */
export function filterToSearchParams(filter: IncidentFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filter[key];
    if (value === undefined) continue;
    if (key === "bbox") {
      const b = value as Bbox;
      params.set(key, [b.minLon, b.minLat, b.maxLon, b.maxLat].join(","));
    } else if (Array.isArray(value)) {
      params.set(key, value.join(","));
    } else {
      params.set(key, String(value));
    }
  }
  return params;
}
