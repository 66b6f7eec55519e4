// What an export request asks for (the shared incident filter, plus the method for figures.csv)
// and the provenance an export states about itself.
import { createHash } from "node:crypto";
import { z } from "zod";
import packageJson from "@/package.json";
import type { ComputedMethod } from "@/lib/domain/reconcile";
import { FILTER_KEYS } from "@/lib/filters/filter-url";
import { filterToSearchParams, parseQuery, withFilter, type IncidentFilter } from "@/lib/validation/incident-filter";
import { EXPORTS, EXPORT_FILES, type ExportFile } from "./export-registry";

export const COMPUTED_METHODS = ["source_priority", "conservative", "median"] as const satisfies readonly ComputedMethod[];

const MethodSchema = z.enum(COMPUTED_METHODS, {
  message: `method must be one of ${COMPUTED_METHODS.join(", ")} (leave it out for the stored figures, editor decisions included)`,
});

export const ExportQuerySchema = withFilter({ method: MethodSchema.optional() });
export const ManifestQuerySchema = withFilter({
  file: z.enum(EXPORT_FILES, { message: `file must be one of ${EXPORT_FILES.join(", ")}` }),
  method: MethodSchema.optional(),
});

export type ExportRequest = { filter: IncidentFilter; method: ComputedMethod | null };

function split(parsed: IncidentFilter & { method?: ComputedMethod }): ExportRequest {
  const { method, ...filter } = parsed;
  return { filter, method: method ?? null };
}

/** The query of GET /api/export/{file}: the filter, and `method` where the file has figures to recompute. */
export function parseExportQuery(file: ExportFile, params: URLSearchParams): ExportRequest {
  const known = EXPORTS[file].acceptsMethod ? [...FILTER_KEYS, "method"] : [...FILTER_KEYS];
  return split(parseQuery(ExportQuerySchema, params, known));
}

/** The query of GET /api/export/manifest: `file` plus what that file accepts. */
export function parseManifestQuery(params: URLSearchParams): ExportRequest & { file: ExportFile } {
  const fileParam = params.get("file");
  const acceptsMethod = fileParam !== null && fileParam in EXPORTS && EXPORTS[fileParam as ExportFile].acceptsMethod;
  const known = acceptsMethod ? [...FILTER_KEYS, "file", "method"] : [...FILTER_KEYS, "file"];
  const { file, ...rest } = parseQuery(ManifestQuerySchema, params, known);
  return { file, ...split(rest) };
}

/** The filter written back in canonical form: equal filters give equal strings. */
export function canonicalFilter(filter: IncidentFilter): string {
  return filterToSearchParams(filter).toString();
}

export const APP_VERSION: string = packageJson.version;

/**
 * e.g. triangulate-figures-2026-11-22.csv (the day the export was made, UTC); a filtered export
 * names its filter, so two filtered exports of one day do not share a name:
 * triangulate-figures-MLI-contested-f3a9c1-2026-11-22.csv (the filter's values, shortened, and
 * 6 hex digits of the SHA-256 of the canonical filter, which tell any two filters apart).
 */
export function exportFileName(file: ExportFile, generatedAt: Date, method: ComputedMethod | null, filter: string = ""): string {
  const [base, extension] = file.split(".") as [string, string];
  const methodPart = method ? `-${method.replace(/_/g, "-")}` : "";
  let filterPart = "";
  if (filter) {
    const words = [...new URLSearchParams(filter).values()]
      .join("-")
      .normalize("NFD")
      .replace(/[^A-Za-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 40)
      .replace(/-$/, "");
    filterPart = `-${words ? `${words}-` : ""}${createHash("sha256").update(filter).digest("hex").slice(0, 6)}`;
  }
  return `triangulate-${base}${methodPart}${filterPart}-${generatedAt.toISOString().slice(0, 10)}.${extension}`;
}

export type Provenance = {
  file: ExportFile;
  generatedAt: string;
  filter: string;
  method: string;
  appVersion: string;
  dataVersion: string;
};

export function dataVersionLabel(version: { incidents: number; lastUpdated: string | null; figuresPending: number }): string {
  // Figures still being reconciled after an import are named: such an export is not reproducible.
  const pending = version.figuresPending ? `; figures-pending=${version.figuresPending}` : "";
  return `incidents=${version.incidents}; last-updated=${version.lastUpdated ?? "none"}${pending}`;
}

export function provenanceHeaders(p: Provenance, fileName: string): Record<string, string> {
  return {
    "Content-Disposition": `attachment; filename="${fileName}"`,
    "X-Triangulate-Generated-At": p.generatedAt,
    "X-Triangulate-Filter": p.filter,
    "X-Triangulate-Method": p.method,
    "X-Triangulate-Version": p.appVersion,
    "X-Triangulate-Data-Version": p.dataVersion,
    // Let browser scripts (and researchers' notebooks via CORS) read the provenance.
    "Access-Control-Expose-Headers":
      "Content-Disposition, X-Triangulate-Generated-At, X-Triangulate-Filter, X-Triangulate-Method, X-Triangulate-Version, X-Triangulate-Data-Version",
    "Cache-Control": "no-store",
  };
}
