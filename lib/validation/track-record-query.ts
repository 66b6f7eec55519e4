// The query of a source's track record (page, API, compare page): the shared incident filter, plus
// which metric × category the scatter shows, plus the two sources of a head-to-head.
import { z } from "zod";
import { CATEGORIES, METRICS } from "@/lib/domain/vocabularies";
import { FILTER_KEYS } from "@/lib/filters/filter-url";
import { parseQuery, withFilter, type IncidentFilter } from "./incident-filter";

const slug = (field: string) =>
  z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, `${field} must be a source slug, e.g. hrw`)
    .max(100, `${field} is at most 100 characters`);

const groupShape = {
  metric: z.enum(METRICS, { message: `metric must be one of ${METRICS.join(", ")}` }).optional(),
  category: z.enum(CATEGORIES, { message: `category must be one of ${CATEGORIES.join(", ")}` }).optional(),
};

export const TrackRecordQuerySchema = withFilter(groupShape);
export const TRACK_RECORD_PARAMETERS = [...FILTER_KEYS, "metric", "category"] as const;

export type TrackRecordQuery = { filter: IncidentFilter; metric?: (typeof METRICS)[number]; category?: (typeof CATEGORIES)[number] };

function split(parsed: z.output<typeof TrackRecordQuerySchema>): TrackRecordQuery {
  const { metric, category, ...filter } = parsed;
  return { filter, metric, category };
}

export function parseTrackRecordQuery(params: URLSearchParams): TrackRecordQuery {
  return split(parseQuery(TrackRecordQuerySchema, params, TRACK_RECORD_PARAMETERS));
}

export const CompareQuerySchema = withFilter({ a: slug("a").optional(), b: slug("b").optional() });
export const COMPARE_PARAMETERS = [...FILTER_KEYS, "a", "b"] as const;

export function parseCompareQuery(params: URLSearchParams): { filter: IncidentFilter; a?: string; b?: string } {
  const { a, b, ...filter } = parseQuery(CompareQuerySchema, params, COMPARE_PARAMETERS);
  return { filter, a, b };
}

/** The two sources a link names, each kept when it is a slug: what the page still compares when the link's filter cannot be read. */
export function compareSourcesOf(params: URLSearchParams): { a?: string; b?: string } {
  const valid = (field: "a" | "b") => {
    const value = params.get(field);
    return value !== null && slug(field).safeParse(value).success ? value : undefined;
  };
  return { a: valid("a"), b: valid("b") };
}

/** Whether a filter selects everything (then the stored statistics answer as they are). */
export function isEmptyFilter(filter: IncidentFilter): boolean {
  return Object.values(filter).every((value) => value === undefined);
}
