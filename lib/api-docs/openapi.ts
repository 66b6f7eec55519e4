// The OpenAPI 3.1 document of the read API (and the import endpoint), generated from the same
// zod schemas that parse the requests (lib/validation, lib/export/export-request.ts) and from
// the response schemas in ./api-schemas.ts. Served at /api/openapi.json and rendered at /api-docs.
import { z } from "zod";
import { CATEGORIES, FLAGS, GRADINGS, METRICS, SOURCE_KINDS } from "@/lib/domain/vocabularies";
import { ACLED_COLUMNS, CLAIMS_COLUMNS, FIGURES_COLUMNS, GED_COLUMNS } from "@/lib/export/columns";
import { APP_VERSION, ExportQuerySchema, ManifestQuerySchema } from "@/lib/export/export-request";
import { IncidentFilterSchema, IncidentListQuerySchema } from "@/lib/validation/incident-filter";
import { ImportRequestSchema } from "@/lib/import/import-request";
import { SOURCES_COLUMNS, SOURCES_COLUMN_DOCS } from "@/lib/export/sources-export";
import { TrackRecordQuerySchema } from "@/lib/validation/track-record-query";
import { ACLED_COLUMN_DOCS, CLAIMS_COLUMN_DOCS, FIGURES_COLUMN_DOCS, GED_COLUMN_DOCS } from "./column-docs";
import { apiSchemas } from "./api-schemas";

type JsonSchema = Record<string, unknown>;
export type Parameter = { name: string; in: "query" | "path" | "header"; required: boolean; description: string; schema: JsonSchema };
export type CsvColumn = { name: string; description: string };
export type Operation = {
  summary: string;
  description: string;
  tags: string[];
  parameters?: Parameter[];
  requestBody?: { required: boolean; description: string; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { description: string; headers?: Record<string, { description: string; schema: JsonSchema }>; content?: Record<string, { schema: JsonSchema; "x-csv-columns"?: CsvColumn[] }> }>;
  security?: Record<string, string[]>[];
};
export type OpenApiDocument = {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  paths: Record<string, Partial<Record<"get" | "post", Operation>>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, JsonSchema> };
};

const list = (values: readonly string[]) => values.join(", ");

/** Words for the query parameters; the types and limits come from the schemas themselves. */
const PARAMETER_DOCS: Record<string, string> = {
  bbox: "Map area: minLon,minLat,maxLon,maxLat (WGS 84). A box crossing the antimeridian has minLon > maxLon.",
  from: "Incidents that end on or after this day (YYYY-MM-DD).",
  to: "Incidents that start on or before this day (YYYY-MM-DD).",
  country: "ISO 3166-1 alpha-3 codes, comma-separated (MLI,BFA).",
  admin1: "First-level administrative divisions, comma-separated, matched without regard to case.",
  eventType: "ACLED event types, comma-separated.",
  actor: "Part of an actor's name, in any role.",
  claimant: "Source slugs, comma-separated: incidents with a standing claim by one of them.",
  claimantKind: `Source kinds, comma-separated: incidents with a standing claim by such a source. One of ${list(SOURCE_KINDS)}.`,
  grading: `Comma-separated: ${list(GRADINGS)}.`,
  flag: `Comma-separated; incidents with any of these flags: ${list(FLAGS)}.`,
  minKilled: "Headline killed (best, all categories) at least this many.",
  sort: "Order of the list.",
  cursor: "The nextCursor of the previous page.",
  limit: "Items per page.",
  method: "Recompute best under this method from the claims (editor decisions are then left out). Without it, the stored figures are written, editor decisions included.",
  file: "Which export to describe.",
  metric: "Only this metric.",
  category: "Only this category.",
};

function stripDialect(schema: JsonSchema): JsonSchema {
  const { $schema: _dialect, ...rest } = schema;
  return rest;
}

/** Query parameters from a request schema: one per property, with its JSON Schema as the client writes it. */
function queryParameters(schema: z.ZodType): Parameter[] {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: "query",
    required: json.required?.includes(name) ?? false,
    description: PARAMETER_DOCS[name] ?? String(property.description ?? ""),
    schema: property,
  }));
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: ref("Error") } } });

const PROVENANCE_HEADERS = {
  "Content-Disposition": { description: "attachment; filename=\"triangulate-<file>[-<method>]-<YYYY-MM-DD>.<ext>\" (the day it was made).", schema: { type: "string" } },
  "X-Triangulate-Generated-At": { description: "When the export was made (UTC).", schema: { type: "string", format: "date-time" } },
  "X-Triangulate-Filter": { description: "The filter applied, in canonical query-string form (empty = everything).", schema: { type: "string" } },
  "X-Triangulate-Method": { description: "What the figures are: stored, or recomputed under a method.", schema: { type: "string" } },
  "X-Triangulate-Version": { description: "Version of Triangulate that wrote the file.", schema: { type: "string" } },
  "X-Triangulate-Data-Version": { description: "incidents=<n>; last-updated=<time>: a fingerprint known before the first byte. The SHA-256 of the bytes is in /api/export/manifest.", schema: { type: "string" } },
};

const csvColumns = (columns: readonly string[], docs: Record<string, string>): CsvColumn[] => columns.map((name) => ({ name, description: docs[name] ?? "" }));

function csvExport(summary: string, description: string, columns: CsvColumn[], withMethod: boolean): Operation {
  return {
    summary,
    description:
      `${description} Streamed (no row limit), UTF-8 without BOM, RFC 4180 (CRLF, quoted fields), header row first; text cells that start with = + - @ tab or CR are prefixed with '. ` +
      "Takes the same filter parameters as /api/incidents. The whole file is read in one database snapshot.",
    tags: ["Exports"],
    parameters: queryParameters(withMethod ? ExportQuerySchema : IncidentFilterSchema),
    responses: {
      "200": { description: "The file.", headers: PROVENANCE_HEADERS, content: { "text/csv": { schema: { type: "string" }, "x-csv-columns": columns } } },
      "400": errorResponse("A bad parameter; error.fields names it."),
    },
  };
}

export function openApiDocument(): OpenApiDocument {
  const components = z.toJSONSchema(apiSchemas, { uri: (id) => `#/components/schemas/${id}`, unrepresentable: "any" }) as { schemas: Record<string, JsonSchema> };
  const schemas = Object.fromEntries(Object.entries(components.schemas).map(([id, schema]) => [id, stripDialect(schema)]));
  const codeParameter: Parameter = { name: "code", in: "path", required: true, description: "Incident code, e.g. MLI-2025-0001.", schema: { type: "string", pattern: "^[A-Z]{3}-\\d{4}-\\d{4,}$" } };

  return {
    openapi: "3.1.0",
    info: {
      title: "Triangulate API",
      version: APP_VERSION,
      description:
        "Armed-conflict incidents with every source's casualty claim kept as its own record, reconciled into low / best / high figures by a recorded method. " +
        `Reading is public (unless the server requires sign-in); writing needs an editor's session or API token (Authorization: Bearer …, created at /settings/tokens). Metrics: ${list(METRICS)}; categories: ${list(CATEGORIES)}.`,
    },
    paths: {
      "/api/incidents": {
        get: {
          summary: "List incidents",
          description: "Incidents matching the filter, newest first by default, with their stored figures. Paginated by cursor.",
          tags: ["Incidents"],
          parameters: queryParameters(IncidentListQuerySchema),
          responses: { "200": { description: "A page of incidents.", content: { "application/json": { schema: ref("IncidentList") } } }, "400": errorResponse("A bad parameter; error.fields names it.") },
        },
      },
      "/api/incidents/{code}": {
        get: {
          summary: "One incident",
          description: "The incident, every claim (with claimant, document and statement) and its reconciled figures with their rationale.",
          tags: ["Incidents"],
          parameters: [codeParameter],
          responses: {
            "200": { description: "The incident.", content: { "application/json": { schema: ref("IncidentDetail") } } },
            "400": errorResponse("Not an incident code."),
            "404": errorResponse("No such incident."),
          },
        },
      },
      "/api/sources": {
        get: {
          summary: "List sources",
          description: "Every source (the claimants of claims), with the slug used by claims.csv.",
          tags: ["Sources"],
          responses: { "200": { description: "The sources.", content: { "application/json": { schema: ref("SourceList") } } } },
        },
      },
      "/api/sources/{slug}/track-record": {
        get: {
          summary: "A source's track record",
          description:
            "Per metric × category, over the incidents where the source has an active figure and another independent source has one too: how often its figure is lower than, within or higher than " +
            "the figure reconciled from the others without it (leave-one-out), the median ratio with a bootstrap 90 % interval (from 5 incidents on), revisions and delay. " +
            "Stored and refreshed by the background worker when claims change; takes the same filter parameters as /api/incidents. A correlation, not proof of intent.",
          tags: ["Sources"],
          parameters: [
            { name: "slug", in: "path", required: true, description: "The source's slug, e.g. hrw.", schema: { type: "string", pattern: "^[a-z0-9][a-z0-9-]*$" } },
            ...queryParameters(TrackRecordQuerySchema),
          ],
          responses: {
            "200": { description: "The track record.", content: { "application/json": { schema: ref("TrackRecord") } } },
            "400": errorResponse("A bad parameter; error.fields names it."),
            "404": errorResponse("No such source."),
          },
        },
      },
      "/api/export/sources.csv": {
        get: csvExport(
          "Source track records (CSV)",
          "One row per source × metric × category with its track-record statistics and n (see /api/sources/{slug}/track-record).",
          csvColumns(SOURCES_COLUMNS, SOURCES_COLUMN_DOCS),
          false,
        ),
      },
      "/api/export/figures.csv": {
        get: csvExport("Figures (CSV)", "One row per incident × metric × category.", csvColumns(FIGURES_COLUMNS, FIGURES_COLUMN_DOCS), true),
      },
      "/api/export/claims.csv": {
        get: csvExport("Claims (CSV)", "One row per standing claim (retracted claims are left out); the claims import reads this format.", csvColumns(CLAIMS_COLUMNS, CLAIMS_COLUMN_DOCS), false),
      },
      "/api/export/ged.csv": {
        get: csvExport("Incidents in UCDP GED columns (CSV)", "One row per incident.", csvColumns(GED_COLUMNS, GED_COLUMN_DOCS), false),
      },
      "/api/export/acled.csv": {
        get: csvExport("Incidents in ACLED columns (CSV)", "One row per incident; fatalities = the conservative figure.", csvColumns(ACLED_COLUMNS, ACLED_COLUMN_DOCS), false),
      },
      "/api/export/incidents.geojson": {
        get: {
          summary: "Incidents (GeoJSON)",
          description: "A FeatureCollection (RFC 7946): one Point per incident, with its headline and figures as properties. Streamed; same filter and provenance headers as the CSVs.",
          tags: ["Exports"],
          parameters: queryParameters(IncidentFilterSchema),
          responses: { "200": { description: "The FeatureCollection.", headers: PROVENANCE_HEADERS, content: { "application/geo+json": { schema: { type: "object" } } } }, "400": errorResponse("A bad parameter.") },
        },
      },
      "/api/export/manifest": {
        get: {
          summary: "Provenance of an export",
          description: "Reads the export described by the parameters and returns when, with which filter, method and version it was made, its row count and the SHA-256 of its bytes. The same data and filter always give the same SHA-256.",
          tags: ["Exports"],
          parameters: queryParameters(ManifestQuerySchema),
          responses: { "200": { description: "The manifest.", content: { "application/json": { schema: ref("ExportManifest") } } }, "400": errorResponse("A bad parameter.") },
        },
      },
      "/api/figure-queue": {
        get: {
          summary: "Figures waiting to be reconciled",
          description: "How many incidents a large claims import left for the background worker, and since when. Zero when every stored figure reflects every claim; exports then carry no figures-pending in their data version.",
          tags: ["Imports"],
          responses: { "200": { description: "The queue.", content: { "application/json": { schema: ref("FigureQueue") } } } },
        },
      },
      "/api/import": {
        post: {
          summary: "Import a CSV file (editors)",
          description:
            "Validates every row, then imports in one transaction: nothing is written when a row is invalid unless validOnly is set. Importing the same file twice changes nothing. " +
            "Send multipart/form-data (file, format, validOnly) or the CSV itself with the options in the query string. With Accept: application/x-ndjson the answer streams progress lines, then a result line.",
          tags: ["Imports"],
          parameters: queryParameters(ImportRequestSchema).map((p) => ({ ...p, required: false, description: p.description || (p.name === "format" ? "acled, ucdp or claims (required here or in the form)." : p.name === "validOnly" ? "Import the valid rows only." : p.name === "dryRun" ? "Check everything, write nothing." : "Name recorded with the import.") })),
          requestBody: {
            required: true,
            description: "The CSV file.",
            content: {
              "multipart/form-data": { schema: { type: "object", properties: { file: { type: "string", contentMediaType: "text/csv" }, format: { type: "string", enum: ["acled", "ucdp", "claims"] }, validOnly: { type: "boolean" } }, required: ["file", "format"] } },
              "text/csv": { schema: { type: "string" } },
            },
          },
          security: [{ bearer: [] }, { session: [] }],
          responses: {
            "200": { description: "Imported.", content: { "application/json": { schema: ref("ImportSummary") } } },
            "401": errorResponse("Not signed in and no valid token."),
            "403": errorResponse("Not an editor."),
            "413": errorResponse("The file is too large."),
            "422": { description: "Refused: invalid rows, nothing written. The summary lists every problem by row, line and column.", content: { "application/json": { schema: ref("ImportSummary") } } },
          },
        },
      },
    },
    components: {
      schemas,
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "An API token created at /settings/tokens." },
        session: { type: "apiKey", in: "cookie", name: "triangulate_session", description: "The browser session after signing in." },
      },
    },
  };
}
