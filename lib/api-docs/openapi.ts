// The OpenAPI 3.1 document of every API route (reads, writes, sign-in, import), generated from the same
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
import { LoginSchema } from "@/lib/auth/login";
import { AssessClaimSchema, DecisionSchema, NewClaimSchema, RetractClaimSchema, SupersedeClaimSchema } from "@/lib/validation/claim";
import { DuplicateQuerySchema, IncidentUpdateSchema, IncidentValuesSchema, MergeSchema } from "@/lib/validation/incident";
import { MapQuerySchema } from "@/lib/validation/map-query";
import { DocumentSchema, SourceSchema } from "@/lib/validation/source";
import { TimelineQuerySchema } from "@/lib/validation/timeline-query";
import { NewUserSchema, UserUpdateSchema } from "@/lib/validation/user";
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
  responses: Record<
    string,
    {
      description: string;
      headers?: Record<string, { description: string; schema: JsonSchema }>;
      content?: Record<string, { schema: JsonSchema; "x-csv-columns"?: CsvColumn[] }>;
    }
  >;
  security?: Record<string, string[]>[];
};
export type OpenApiDocument = {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  paths: Record<string, Partial<Record<"get" | "post" | "patch", Operation>>>;
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
  method:
    "Recompute best under this method from the claims (editor decisions are then left out). Without it, the stored figures are written, editor decisions included.",
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
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
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
  "Content-Disposition": {
    description:
      'attachment; filename="triangulate-<file>[-<method>][-<filter values>-<6 hex of the filter\'s SHA-256>]-<YYYY-MM-DD>.<ext>" (the day it was made; a filtered export names its filter).',
    schema: { type: "string" },
  },
  "X-Triangulate-Generated-At": { description: "When the export was made (UTC).", schema: { type: "string", format: "date-time" } },
  "X-Triangulate-Filter": {
    description: "The filter applied, in canonical query-string form (empty = everything).",
    schema: { type: "string" },
  },
  "X-Triangulate-Method": { description: "What the figures are: stored, or recomputed under a method.", schema: { type: "string" } },
  "X-Triangulate-Version": { description: "Version of Triangulate that wrote the file.", schema: { type: "string" } },
  "X-Triangulate-Data-Version": {
    description:
      "incidents=<n>; last-updated=<time>: a fingerprint known before the first byte. The SHA-256 of the bytes is in /api/export/manifest.",
    schema: { type: "string" },
  },
};

const csvColumns = (columns: readonly string[], docs: Record<string, string>): CsvColumn[] =>
  columns.map((name) => ({ name, description: docs[name] ?? "" }));

function csvExport(summary: string, description: string, columns: CsvColumn[], withMethod: boolean): Operation {
  return {
    summary,
    description:
      `${description} Streamed (no row limit), UTF-8 without BOM, RFC 4180 (CRLF, quoted fields), header row first; text cells that start with = + - @ tab or CR are prefixed with '. ` +
      "Takes the same filter parameters as /api/incidents. The whole file is read in one database snapshot.",
    tags: ["Exports"],
    parameters: queryParameters(withMethod ? ExportQuerySchema : IncidentFilterSchema),
    responses: {
      "200": {
        description: "The file.",
        headers: PROVENANCE_HEADERS,
        content: { "text/csv": { schema: { type: "string" }, "x-csv-columns": columns } },
      },
      "400": errorResponse("A bad parameter; error.fields names it."),
    },
  };
}

/** A request body as the shared zod schema reads it (what a client may send). */
function jsonBody(schema: z.ZodType, description: string): Operation["requestBody"] {
  return {
    required: true,
    description,
    content: {
      "application/json": { schema: stripDialect(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema) },
    },
  };
}

const anyJson = (description: string, schema: JsonSchema = { type: "object" }) => ({
  description,
  content: { "application/json": { schema } },
});
const WRITE_SECURITY: Record<string, string[]>[] = [{ bearer: [] }, { session: [] }];
/** The answers every write can give besides its success. */
const writeErrors = (extra: Record<string, ReturnType<typeof errorResponse>> = {}) => ({
  "400": errorResponse("Invalid input; error.fields names each field and what is wrong with it."),
  "401": errorResponse("Not signed in and no valid token."),
  "403": errorResponse("The role is too low (editor or admin needed)."),
  ...extra,
});
const conflict = errorResponse(
  "Stale: someone saved a newer version meanwhile (send the version you read as expectedVersion). error.current carries the newer values.",
);

/** Writes: one per route handler that changes something. */
function writeOperation(
  summary: string,
  description: string,
  tags: string[],
  body: z.ZodType | null,
  success: { status: string; description: string },
  extra: Record<string, ReturnType<typeof errorResponse>> = {},
  parameters: Parameter[] = [],
): Operation {
  return {
    summary,
    description,
    tags,
    ...(parameters.length ? { parameters } : {}),
    ...(body ? { requestBody: jsonBody(body, "JSON, validated by the same schema as the editor's form and the CSV import.") } : {}),
    security: WRITE_SECURITY,
    responses: { [success.status]: anyJson(success.description), ...writeErrors(extra) },
  };
}

/** An operation whose answer has a documented schema instead of "any object". */
function withResponseSchema(operation: Operation, status: string, schema: JsonSchema): Operation {
  const response = operation.responses[status];
  return { ...operation, responses: { ...operation.responses, [status]: anyJson(response?.description ?? "", schema) } };
}

export function openApiDocument(): OpenApiDocument {
  const components = z.toJSONSchema(apiSchemas, { uri: (id) => `#/components/schemas/${id}`, unrepresentable: "any" }) as {
    schemas: Record<string, JsonSchema>;
  };
  const schemas = Object.fromEntries(Object.entries(components.schemas).map(([id, schema]) => [id, stripDialect(schema)]));
  const claimIdParameter: Parameter = {
    name: "id",
    in: "path",
    required: true,
    description: "Claim id (claims[].id of GET /api/incidents/{code}).",
    schema: { type: "string", format: "uuid" },
  };
  const codeParameter: Parameter = {
    name: "code",
    in: "path",
    required: true,
    description: "Incident code, e.g. MLI-2025-0001.",
    schema: { type: "string", pattern: "^[A-Z]{3}-\\d{4}-\\d{4,}$" },
  };

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
          responses: {
            "200": { description: "A page of incidents.", content: { "application/json": { schema: ref("IncidentList") } } },
            "400": errorResponse("A bad parameter; error.fields names it."),
          },
        },
        post: writeOperation(
          "Create an incident (editors)",
          "Title, dates, place, coordinates, event type, grading, actors. Figures come later, as claims.",
          ["Incidents"],
          IncidentValuesSchema,
          { status: "201", description: "{ code, version }." },
        ),
      },
      "/api/incidents/{code}": {
        get: {
          summary: "One incident",
          description: "The incident, every claim (with claimant, document and statement) and its reconciled figures with their rationale.",
          tags: ["Incidents"],
          parameters: [codeParameter],
          responses: {
            "200": { description: "The incident.", content: { "application/json": { schema: ref("IncidentDetail") } } },
            "308": { description: "The incident was merged into another: Location names the surviving incident." },
            "400": errorResponse("Not an incident code."),
            "404": errorResponse("No such incident."),
          },
        },
        patch: writeOperation(
          "Edit an incident (editors)",
          "Every field of the incident, and expectedVersion: the version read (incident.version of the GET).",
          ["Incidents"],
          IncidentUpdateSchema,
          { status: "200", description: "{ code, version }." },
          { "404": errorResponse("No such incident."), "409": conflict },
          [codeParameter],
        ),
      },
      "/api/incidents/{code}/history": {
        get: {
          summary: "An incident's history",
          description:
            "Every change, newest first, as a readable sentence (text, details) with who and when. An edit's changes list each field with its value before → after; figure revisions carry the figure before and after. Optional limit (1–1000, default 200).",
          tags: ["Incidents"],
          parameters: [
            codeParameter,
            {
              name: "limit",
              in: "query",
              required: false,
              description: "How many changes, newest first (1–1000, default 200).",
              schema: { type: "integer", minimum: 1, maximum: 1000 },
            },
          ],
          responses: {
            "200": anyJson(
              "{ code, version, truncated, items: [{ kind: change | figure, at, actor, text, details, action?, changes?: [{ field, label, before, after }] }] }.",
            ),
            "400": errorResponse("Not an incident code, or a bad limit."),
            "404": errorResponse("No such incident."),
          },
        },
      },
      "/api/health": {
        get: {
          summary: "Health (for load balancers)",
          description: "The app and its database: 200 when PostgreSQL answers, 503 with Retry-After when it does not. No sign-in.",
          tags: ["Operations"],
          responses: {
            "200": anyJson("{ status: ok, app: ok, database: { status, latencyMs } }."),
            "503": anyJson("{ status: unavailable, … } with Retry-After."),
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
        post: writeOperation(
          "Add a source (editors)",
          "A new source: name, kind, slug, whether it is a party to the conflict.",
          ["Sources"],
          SourceSchema,
          { status: "201", description: "Created: { source }." },
          { "409": errorResponse("The slug is taken.") },
        ),
      },
      "/api/documents": {
        post: writeOperation(
          "Add a document (editors)",
          "One publication of a source, and the sources it relays (cites or republishes).",
          ["Sources"],
          DocumentSchema,
          { status: "201", description: "Created: { document }." },
          {
            "404": errorResponse("A source it names does not exist."),
            "409": errorResponse("The source already has a document with this title."),
          },
        ),
      },
      "/api/map": {
        get: {
          summary: "Map data for a viewport",
          description:
            "The incidents in the box when few are in view, or server-side grid clusters (count, killed, contested, bounds) when many are. Same filter parameters as /api/incidents.",
          tags: ["Analysis"],
          parameters: queryParameters(MapQuerySchema),
          responses: {
            "200": anyJson("{ mode: points | clusters, total, points, clusters }."),
            "400": errorResponse("A bad parameter; error.fields names it."),
          },
        },
      },
      "/api/timeline": {
        get: {
          summary: "Timeline buckets",
          description: "Incidents and reconciled killed (best, all categories) per week or month for the filter.",
          tags: ["Analysis"],
          parameters: queryParameters(TimelineQuerySchema),
          responses: {
            "200": anyJson("{ interval, buckets: [{ start, incidents, killed }] }."),
            "400": errorResponse("A bad parameter; error.fields names it."),
          },
        },
      },
      "/api/incidents/duplicates": {
        get: {
          summary: "Likely duplicates",
          description: "Incidents within ±3 days and 50 km, or with a similar title, of one being entered.",
          tags: ["Incidents"],
          parameters: queryParameters(DuplicateQuerySchema),
          responses: {
            "200": anyJson("{ items: [{ code, title, dateStart, placeName, reason }] }."),
            "400": errorResponse("A bad parameter."),
          },
        },
      },
      "/api/incidents/{code}/decisions": {
        post: writeOperation(
          "Record an editor's decision on a figure (editors)",
          "Overrides best (and optionally low/high) for one metric × category, with a rationale. expectedDecisionId names the decision being replaced (null for the first).",
          ["Incidents"],
          DecisionSchema,
          { status: "201", description: "Recorded." },
          { "404": errorResponse("No such incident."), "409": conflict },
          [codeParameter],
        ),
      },
      "/api/incidents/{code}/merge": {
        post: writeOperation(
          "Merge an incident into another (editors)",
          "Its claims, actors and history move to the target; its code then redirects there. Both versions must be the ones read.",
          ["Incidents"],
          MergeSchema,
          { status: "200", description: "{ code (the surviving incident), claimsMoved }." },
          { "404": errorResponse("No such incident."), "409": conflict },
          [codeParameter],
        ),
      },
      "/api/claims": {
        post: writeOperation(
          "Add claims (editors)",
          "One claim, or { claims: [...] } for several figures from one statement, saved all or nothing. Figures are reconciled again at once.",
          ["Claims"],
          z.union([NewClaimSchema, z.object({ claims: z.array(NewClaimSchema) })]),
          { status: "201", description: "The claims created." },
          { "404": errorResponse("The incident, claimant or document does not exist.") },
        ),
      },
      "/api/claims/{id}/assess": {
        post: writeOperation(
          "Assess a claim (editors)",
          "credible / not credible / duplicate / not assessed, with a reason (required unless credible or not assessed).",
          ["Claims"],
          AssessClaimSchema,
          { status: "200", description: "The claim as saved." },
          { "404": errorResponse("No such claim."), "409": conflict },
          [claimIdParameter],
        ),
      },
      "/api/claims/{id}/retract": {
        post: writeOperation(
          "Retract a claim (editors)",
          "The claim stays, marked retracted with the reason, and stops counting.",
          ["Claims"],
          RetractClaimSchema,
          { status: "200", description: "The claim as saved." },
          { "404": errorResponse("No such claim."), "409": conflict },
          [claimIdParameter],
        ),
      },
      "/api/claims/{id}/supersede": {
        post: writeOperation(
          "Supersede a claim with a newer figure (editors)",
          "A newer figure from the same claimant: both are kept, the older stops counting.",
          ["Claims"],
          SupersedeClaimSchema,
          { status: "201", description: "The new claim." },
          { "404": errorResponse("No such claim."), "409": conflict },
          [claimIdParameter],
        ),
      },
      "/api/statements/parse": {
        post: withResponseSchema(
          writeOperation(
            "Read figures from a statement (editors)",
            "Pre-fills claim rows from a pasted statement in English or French (nothing is saved; the language is detected per sentence): " +
              "figures found, and phrases not read with a stable `reasonCode` and a `reason` in the request's language.",
            ["Claims"],
            z.object({ statement: z.string().min(3).max(5000) }),
            { status: "200", description: "{ figures, unresolved }." },
          ),
          "200",
          { $ref: "#/components/schemas/StatementParse" },
        ),
      },
      "/api/gazetteer": {
        get: {
          summary: "Search places (editors)",
          description: "Offline place-name search (GeoNames places of 1,000+ people) for the incident form.",
          tags: ["Incidents"],
          parameters: [
            {
              name: "q",
              in: "query",
              required: true,
              description: "At least 2 characters of the name.",
              schema: { type: "string", minLength: 2, maxLength: 100 },
            },
            {
              name: "country",
              in: "query",
              required: false,
              description: "ISO3 code to search within.",
              schema: { type: "string", pattern: "^[A-Za-z]{3}$" },
            },
          ],
          security: WRITE_SECURITY,
          responses: { "200": anyJson("{ items: [{ name, admin1, countryIso3, latitude, longitude }] }."), ...writeErrors() },
        },
      },
      "/api/auth/login": {
        post: {
          summary: "Sign in",
          description:
            "Email and password in a JSON body (never in the URL). Sets the session cookie. Repeated failures are rate-limited (429).",
          tags: ["Accounts"],
          requestBody: jsonBody(LoginSchema, "The credentials."),
          responses: {
            "200": anyJson("{ user: { id, email, name, role } }."),
            "400": errorResponse("Missing or malformed email or password."),
            "401": errorResponse("Wrong email or password."),
            "429": errorResponse("Too many failed attempts: wait."),
          },
        },
      },
      "/api/auth/logout": {
        post: {
          summary: "Sign out",
          description: "Ends the session and clears its cookie.",
          tags: ["Accounts"],
          responses: { "204": { description: "Signed out." } },
        },
      },
      "/api/auth/me": {
        get: {
          summary: "Who is signed in",
          description: "The signed-in user, or null.",
          tags: ["Accounts"],
          responses: { "200": anyJson("{ user: { id, email, name, role } | null }.") },
        },
      },
      "/api/admin/users": {
        get: {
          summary: "List users (admins)",
          description: "Every account with its role and whether it is disabled.",
          tags: ["Accounts"],
          security: WRITE_SECURITY,
          responses: { "200": anyJson("{ items }."), ...writeErrors() },
        },
        post: writeOperation(
          "Create a user (admins)",
          "Email, name, role and an initial password (at least 12 characters).",
          ["Accounts"],
          NewUserSchema,
          { status: "201", description: "{ user }." },
          { "409": errorResponse("The email is taken.") },
        ),
      },
      "/api/admin/users/{id}": {
        patch: writeOperation(
          "Change a user's role or disable them (admins)",
          "Disabling ends their sessions and revokes nothing else; their records keep their name.",
          ["Accounts"],
          UserUpdateSchema,
          { status: "200", description: "{ user }." },
          { "404": errorResponse("No such user.") },
          [{ name: "id", in: "path", required: true, description: "User id.", schema: { type: "string", format: "uuid" } }],
        ),
      },
      "/api/openapi.json": {
        get: {
          summary: "This document",
          description: "The OpenAPI 3.1 description of the API.",
          tags: ["Meta"],
          responses: { "200": anyJson("The OpenAPI document.") },
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
            {
              name: "slug",
              in: "path",
              required: true,
              description: "The source's slug, e.g. hrw.",
              schema: { type: "string", pattern: "^[a-z0-9][a-z0-9-]*$" },
            },
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
        get: csvExport(
          "Figures (CSV)",
          "One row per incident × metric × category.",
          csvColumns(FIGURES_COLUMNS, FIGURES_COLUMN_DOCS),
          true,
        ),
      },
      "/api/export/claims.csv": {
        get: csvExport(
          "Claims (CSV)",
          "One row per standing claim (retracted claims are left out); the claims import reads this format.",
          csvColumns(CLAIMS_COLUMNS, CLAIMS_COLUMN_DOCS),
          false,
        ),
      },
      "/api/export/ged.csv": {
        get: csvExport("Incidents in UCDP GED columns (CSV)", "One row per incident.", csvColumns(GED_COLUMNS, GED_COLUMN_DOCS), false),
      },
      "/api/export/acled.csv": {
        get: csvExport(
          "Incidents in ACLED columns (CSV)",
          "One row per incident; fatalities = the conservative figure.",
          csvColumns(ACLED_COLUMNS, ACLED_COLUMN_DOCS),
          false,
        ),
      },
      "/api/export/incidents.geojson": {
        get: {
          summary: "Incidents (GeoJSON)",
          description:
            "A FeatureCollection (RFC 7946): one Point per incident, with its headline and figures as properties. Streamed; same filter and provenance headers as the CSVs.",
          tags: ["Exports"],
          parameters: queryParameters(IncidentFilterSchema),
          responses: {
            "200": {
              description: "The FeatureCollection.",
              headers: PROVENANCE_HEADERS,
              content: { "application/geo+json": { schema: { type: "object" } } },
            },
            "400": errorResponse("A bad parameter."),
          },
        },
      },
      "/api/export/manifest": {
        get: {
          summary: "Provenance of an export",
          description:
            "Reads the export described by the parameters and returns when, with which filter, method and version it was made, its row count and the SHA-256 of its bytes. The same data and filter always give the same SHA-256.",
          tags: ["Exports"],
          parameters: queryParameters(ManifestQuerySchema),
          responses: {
            "200": { description: "The manifest.", content: { "application/json": { schema: ref("ExportManifest") } } },
            "400": errorResponse("A bad parameter."),
          },
        },
      },
      "/api/figure-queue": {
        get: {
          summary: "Figures waiting to be reconciled",
          description:
            "How many incidents a large claims import left for the background worker, and since when. Zero when every stored figure reflects every claim; exports then carry no figures-pending in their data version.",
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
          parameters: queryParameters(ImportRequestSchema).map((p) => ({
            ...p,
            required: false,
            description:
              p.description ||
              (p.name === "format"
                ? "acled, ucdp or claims (required here or in the form)."
                : p.name === "validOnly"
                  ? "Import the valid rows only."
                  : p.name === "dryRun"
                    ? "Check everything, write nothing."
                    : "Name recorded with the import."),
          })),
          requestBody: {
            required: true,
            description: "The CSV file.",
            content: {
              "multipart/form-data": {
                schema: {
                  type: "object",
                  properties: {
                    file: { type: "string", contentMediaType: "text/csv" },
                    format: { type: "string", enum: ["acled", "ucdp", "claims"] },
                    validOnly: { type: "boolean" },
                  },
                  required: ["file", "format"],
                },
              },
              "text/csv": { schema: { type: "string" } },
            },
          },
          security: [{ bearer: [] }, { session: [] }],
          responses: {
            "200": { description: "Imported.", content: { "application/json": { schema: ref("ImportSummary") } } },
            "401": errorResponse("Not signed in and no valid token."),
            "403": errorResponse("Not an editor."),
            "413": errorResponse("The file is too large."),
            "422": {
              description: "Refused: invalid rows, nothing written. The summary lists every problem by row, line and column.",
              content: { "application/json": { schema: ref("ImportSummary") } },
            },
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
