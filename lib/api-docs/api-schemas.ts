// zod schemas of what the read API answers. They document the API (the OpenAPI document at
// /api/openapi.json is generated from them) and tests check real answers against them, so the
// documentation cannot drift from the code.
import { z } from "zod";
import {
  ACTOR_ROLES,
  ASSESSMENTS,
  CATEGORIES,
  DATE_PRECISIONS,
  FLAGS,
  GRADINGS,
  METHODS,
  METRICS,
  QUALIFIERS,
  SOURCE_KINDS,
} from "@/lib/domain/vocabularies";
import { REASON_CODES } from "@/lib/domain/statement-parser/reasons";
import { EXPORT_FILES } from "@/lib/export/export-registry";
import { IMPORT_FORMATS } from "@/lib/import/import-types";

/** The schemas named in the OpenAPI document's components (a registry of our own, not zod's global one). */
export const apiSchemas = z.registry<{ id: string; description?: string }>();

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe("A day, YYYY-MM-DD.");
const count = z.number().int().min(0);

export const FigureSchema = z
  .object({
    metric: z.enum(METRICS),
    category: z.enum(CATEGORIES),
    low: count.describe("The lowest credible lower bound."),
    best: count.describe("The best figure under `method`."),
    high: count.nullable().describe("The highest credible figure; null = open (nothing bounds it)."),
    method: z.enum(METHODS).describe("How best was chosen; `editor` = a recorded editor decision."),
    flags: z.array(z.enum(FLAGS)),
    claimCount: count,
    sourceCount: count,
    independentSourceCount: count.describe("Distinct origins: a publisher relaying another source is not a new one."),
  })
  .register(apiSchemas, { id: "Figure", description: "The reconciled figure of one incident × metric × category." });

const HeadlineSchema = z
  .object({ low: count, best: count, high: count.nullable(), contested: z.boolean() })
  .nullable()
  .describe("Killed, all categories (the map's number); null when no killed figure.");

export const IncidentListItemSchema = z
  .object({
    code: z.string().describe("Stable human id, e.g. MLI-2025-0001."),
    title: z.string(),
    dateStart: day,
    dateEnd: day,
    placeName: z.string(),
    countryIso3: z.string().length(3),
    latitude: z.number(),
    longitude: z.number(),
    eventType: z.string(),
    grading: z.enum(GRADINGS),
    headline: HeadlineSchema,
    figures: z.array(FigureSchema),
  })
  .register(apiSchemas, { id: "IncidentListItem" });

export const IncidentListSchema = z
  .object({
    items: z.array(IncidentListItemSchema),
    nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page."),
  })
  .register(apiSchemas, { id: "IncidentList" });

const ClaimSchema = z
  .object({
    id: z.string().uuid(),
    metric: z.enum(METRICS),
    category: z.enum(CATEGORIES),
    subgroup: z.string().nullable(),
    valueMin: count,
    valueMax: count.nullable().describe("null = open-ended (“at least 30”)."),
    qualifier: z.enum(QUALIFIERS),
    statement: z.string().describe("The claim as the document words it."),
    statedOn: day.nullable(),
    statedOnEnd: day.nullable(),
    claimant: z
      .object({ slug: z.string(), name: z.string(), kind: z.enum(SOURCE_KINDS), isParty: z.boolean() })
      .describe("Whose figure it is."),
    document: z
      .object({
        title: z.string(),
        url: z.string().nullable(),
        publisher: z.string(),
        publishedOn: day.nullable(),
        accessedOn: day.nullable(),
        relays: z.array(z.string()),
      })
      .nullable()
      .describe("Where it was read; `relays` names the sources the document cites or republishes."),
    supersedesId: z.string().uuid().nullable(),
    supersededById: z.string().uuid().nullable(),
    assessment: z.enum(ASSESSMENTS),
    assessmentReason: z.string().nullable(),
    retracted: z.boolean(),
    retractedReason: z.string().nullable(),
    version: z.number().int().min(1).describe("Send it back as expectedVersion to assess, retract or supersede the claim."),
  })
  .register(apiSchemas, { id: "Claim" });

export const IncidentDetailSchema = z
  .object({
    incident: z.object({
      code: z.string(),
      title: z.string(),
      summary: z.string(),
      dateStart: day,
      dateEnd: day,
      datePrecision: z.enum(DATE_PRECISIONS),
      placeName: z.string(),
      admin1: z.string().nullable(),
      admin2: z.string().nullable(),
      countryIso3: z.string().length(3),
      latitude: z.number(),
      longitude: z.number(),
      locationPrecision: z.number().int().min(1).max(7).describe("UCDP where_prec: 1 exact … 7 international waters."),
      eventType: z.string(),
      subEventType: z.string().nullable(),
      grading: z.enum(GRADINGS),
      actors: z.array(z.object({ name: z.string(), role: z.enum(ACTOR_ROLES) })),
      externalIds: z.object({ acled: z.string().nullable(), ucdp: z.string().nullable() }),
      headline: HeadlineSchema,
      version: z.number().int(),
      updatedAt: z.string().datetime(),
      figuresPendingSince: z
        .string()
        .datetime()
        .nullable()
        .describe(
          "Set while claims a large import added wait for the background reconciliation: the figures shown are from before that import. Null when the figures are current.",
        ),
    }),
    claims: z.array(ClaimSchema),
    figures: z.array(FigureSchema.extend({ rationale: z.string() })),
  })
  .register(apiSchemas, { id: "IncidentDetail" });

export const SourceListSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.string().uuid(),
        slug: z.string().describe("Stable short id; the `claimant` of claims.csv."),
        name: z.string(),
        kind: z.enum(SOURCE_KINDS),
        countryIso3: z.string().nullable(),
        isParty: z.boolean().describe("A party to the conflict."),
        url: z.string().nullable(),
      }),
    ),
  })
  .register(apiSchemas, { id: "SourceList" });

export const ManifestSchema = z
  .object({
    file: z.enum(EXPORT_FILES),
    fileName: z.string(),
    generatedAt: z.string().datetime(),
    filter: z.string().describe("The filter in canonical query-string form; empty = everything."),
    filterParameters: z.record(z.string(), z.string()),
    method: z.string(),
    appVersion: z.string(),
    dataVersion: z.string().describe("Incidents matched and their latest change (also the X-Triangulate-Data-Version header)."),
    rows: count.describe("CSV data rows (header excluded) or GeoJSON features."),
    bytes: count,
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .describe("SHA-256 of the file's bytes: the same data and filter give the same value."),
    url: z.string().describe("The export this manifest describes."),
  })
  .register(apiSchemas, { id: "ExportManifest" });

const RowErrorSchema = z.object({
  row: z.number().int().nullable().describe("1 = first row after the header; null = the whole file."),
  line: z.number().int().nullable(),
  column: z.string().nullable(),
  value: z.string().optional(),
  message: z.string().describe("In English."),
  problem: z
    .object({
      code: z.string().describe("Stable: the key of the problem's words in messages/<locale>/import.json (problem.<code>)."),
      values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    })
    .optional()
    .describe("What the problem is, for a client to word in its own language."),
});

export const ImportSummarySchema = z
  .object({
    format: z.enum(IMPORT_FORMATS),
    fileName: z.string(),
    imported: z.boolean().describe("false: nothing was written."),
    validOnly: z.boolean(),
    dryRun: z.boolean(),
    rows: count,
    validRows: count,
    invalidRows: count,
    incidentsCreated: count,
    incidentsMatched: count,
    claimsCreated: count,
    claimsAlreadyPresent: count,
    claimsSuperseded: count,
    sourcesCreated: z.array(z.string()),
    incidentCodes: z.array(z.string()).describe("Up to 20 codes of the incidents created (datasets) or given claims (claims files)."),
    documentsCreated: count,
    figuresRefreshed: count.describe("Incidents whose figures were reconciled inside the import."),
    figuresQueued: count.describe(
      "Incidents whose figures were queued for the background worker (files touching more than 5,000 incidents); see GET /api/figure-queue.",
    ),
    errors: z.array(RowErrorSchema).describe("At most 1,000; see errorCount."),
    errorCount: count,
    durationMs: count,
  })
  .register(apiSchemas, { id: "ImportSummary" });

export const FigureQueueSchema = z
  .object({
    pendingIncidents: count.describe(
      "Incidents whose figures wait for the worker: their stored figures predate claims a large import added.",
    ),
    oldestRequestedAt: z.string().datetime().nullable().describe("When the oldest waiting request was made; null when nothing waits."),
  })
  .register(apiSchemas, { id: "FigureQueue" });

const ratioSchema = z
  .object({ median: z.number(), low: z.number(), high: z.number() })
  .nullable()
  .describe(
    "Median of source ÷ others' best, with its bootstrap 90 % interval (seeded: the same data give the same interval); null below 5 compared incidents.",
  );

export const TrackRecordSchema = z
  .object({
    source: z.object({
      slug: z.string(),
      name: z.string(),
      kind: z.enum(SOURCE_KINDS),
      isParty: z.boolean(),
      countryIso3: z.string().nullable(),
    }),
    filter: z.string().describe("The filter applied, in canonical query-string form (empty = every incident)."),
    pending: z.boolean().describe("true while claim changes wait for the background worker: the statistics may be a little behind."),
    method: z.string().describe("How the statistics are made, in words."),
    items: z.array(
      z.object({
        metric: z.enum(METRICS),
        category: z.enum(CATEGORIES),
        incidents: count.describe("Incidents where the source has an active figure of its own."),
        compared: count.describe("Of those, incidents where another independent source gave a figure (n)."),
        lower: count.describe("Below the others' low (leave-one-out)."),
        within: count.describe("Within the others' [low, high]."),
        higher: count.describe("Above the others' high."),
        openEnded: count.describe("Compared figures that were open-ended, counted by their lower bound."),
        midpoints: count.describe("Compared figures that were ranges, counted by their midpoint."),
        ratioN: count.describe("Compared incidents where the others' best is above 0."),
        ratio: ratioSchema,
        revised: z
          .object({ total: count, up: count, down: count })
          .describe("Compared incidents whose first figure from the source was later superseded, and in which direction."),
        medianDelayDays: z.number().nullable().describe("Median days from the incident's start to the source's first claim."),
        summary: z.string().describe("The statistics in words, as the source page shows them."),
      }),
    ),
  })
  .register(apiSchemas, {
    id: "TrackRecord",
    description: "How one source's figures compare with the other sources' on the same incidents.",
  });

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.record(z.string(), z.array(z.string())).optional().describe("For 400: the problems of each parameter, by name."),
      issues: z
        .record(
          z.string(),
          z.array(
            z.object({
              code: z.string().describe("The zod issue code: too_small, too_big, invalid_type, invalid_format, invalid_value, custom…"),
              rule: z.string().optional().describe("For a custom issue: which rule (date_order, calendar_day…)."),
              values: z
                .record(z.string(), z.union([z.string(), z.number()]))
                .optional()
                .describe("minimum, maximum, origin…"),
            }),
          ),
        )
        .optional()
        .describe("For 400: what each problem in `fields` is, in the same order, for a client to word it itself."),
    }),
  })
  .register(apiSchemas, { id: "Error" });

// POST /api/statements/parse: what the statement parser read, and what it left to the editor.
export const StatementParseSchema = z
  .object({
    figures: z.array(
      z.object({
        metric: z.enum(METRICS),
        category: z.enum(CATEGORIES),
        subgroup: z.string().nullable(),
        valueMin: count,
        valueMax: count.nullable().describe("null = open above."),
        qualifier: z.enum(QUALIFIERS),
        text: z.string().describe("The words of the statement the figure was read from."),
      }),
    ),
    unresolved: z.array(
      z.object({
        text: z.string().describe("The phrase not read."),
        reasonCode: z.enum(REASON_CODES).describe("Why, as a stable code (messages/<locale>/parser.json has its words)."),
        values: z.record(z.string(), z.string()).describe("The code's placeholders: `words` (the phrase at fault), `outcome`…"),
        reason: z.string().describe("Why, in words, in the request's language (cookie / Accept-Language; English by default)."),
      }),
    ),
  })
  .register(apiSchemas, {
    id: "StatementParse",
    description: "Figures read from an English or French statement, and the phrases left to the editor with their reason.",
  });
