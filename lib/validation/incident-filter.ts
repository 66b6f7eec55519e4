// The filter model shared by the incidents API, the pages' URLs and (later) exports.
// Query-string values arrive as strings; every field says what is wrong in its own words.
import { z } from "zod";
import { FLAGS, GRADINGS } from "@/lib/domain/vocabularies";

const isoDay = (field: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${field} must be a date written YYYY-MM-DD`)
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), `${field} is not a real calendar date`);

const list = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .transform((value) => value.split(",").map((v) => v.trim()).filter(Boolean))
    .pipe(z.array(item).min(1));

export const BboxSchema = z
  .string()
  .transform((value, ctx) => {
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

export const IncidentFilterSchema = z
  .object({
    bbox: BboxSchema.optional(),
    from: isoDay("from").optional(),
    to: isoDay("to").optional(),
    country: list(z.string().regex(/^[A-Za-z]{3}$/, "country must be ISO 3166-1 alpha-3 codes, e.g. MLI").transform((c) => c.toUpperCase())).optional(),
    eventType: list(z.string().min(1)).optional(),
    grading: list(z.enum(GRADINGS, { message: `grading must be one of ${GRADINGS.join(", ")}` })).optional(),
    flag: list(z.enum(FLAGS, { message: `flag must be one of ${FLAGS.join(", ")}` })).optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "from must be on or before to", path: ["from"] });

export type IncidentFilter = z.infer<typeof IncidentFilterSchema>;

export const IncidentListQuerySchema = z.intersection(
  IncidentFilterSchema,
  z.object({
    cursor: z.string().regex(/^[A-Za-z0-9_-]+$/, "cursor is not one this API issued").optional(),
    limit: z.coerce.number({ message: "limit must be a number" }).int("limit must be a whole number").min(1, "limit must be at least 1").max(500, "limit must be at most 500").default(100),
  }),
);

export type IncidentListQuery = z.infer<typeof IncidentListQuerySchema>;

const KNOWN_PARAMETERS = new Set(["bbox", "from", "to", "country", "eventType", "grading", "flag", "cursor", "limit"]);

/** Parses URLSearchParams strictly: unknown parameters are refused so typos do not silently return everything. */
export function parseIncidentListQuery(params: URLSearchParams): IncidentListQuery {
  const raw: Record<string, string> = {};
  const unknown: string[] = [];
  for (const [key, value] of params) {
    if (!KNOWN_PARAMETERS.has(key)) unknown.push(key);
    else raw[key] = value;
  }
  if (unknown.length) {
    throw new z.ZodError(unknown.map((key) => ({ code: "custom", path: [key], message: `${key} is not a known parameter (known: ${[...KNOWN_PARAMETERS].join(", ")})`, input: params.get(key) })));
  }
  const parsed = IncidentListQuerySchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  // Query parameters are flat: report "grading", not "grading.0", for a bad item in a list.
  throw new z.ZodError(parsed.error.issues.map((issue) => ({ ...issue, path: issue.path.slice(0, 1) })));
}
