// POST /api/import: what the request carries (a multipart form from the upload page, or a raw
// CSV body from a script) and how the answer is shaped (JSON, or NDJSON progress for the page).
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { readBodyLimited } from "@/lib/http/limited-body";
import { IMPORT_FORMATS, type ImportProgress, type ImportSummary } from "./import-types";
import { databaseUrlOf } from "@/lib/db/raw-pg";
import { startFigureQueue } from "@/lib/figures/figure-queue";
import { runImport } from "./run-import";
import { assertSafeParams, searchParamsRecord } from "@/lib/validation/safe-text";

/** Uploads above this are refused before they are read. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;
/** Row errors sent back in one answer; the count says how many there were. */
export const MAX_REPORTED_ERRORS = 1000;

const flag = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((v) => v === true || (typeof v === "string" && ["1", "true", "on", "yes"].includes(v.toLowerCase())));

export const ImportRequestSchema = z.object({
  format: z.enum(IMPORT_FORMATS, { message: `format must be one of ${IMPORT_FORMATS.join(", ")}` }),
  validOnly: flag,
  dryRun: flag,
  fileName: z.string().trim().min(1).max(200).default("upload.csv"),
});

export type ImportRequest = z.output<typeof ImportRequestSchema> & { text: string };

const TOO_LARGE_ADVICE = `files up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB are imported here: split the file, or use npm run import on the server.`;

async function multipartForm(body: Uint8Array, type: string): Promise<FormData> {
  try {
    return await new Response(body as BodyInit, { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError(
      400,
      "Invalid input — file: the multipart body could not be read: check its boundary (Content-Type: multipart/form-data; boundary=…) and that every part is closed.",
      "invalid",
      { file: ["the multipart body could not be read"] },
    );
  }
}

export async function readImportRequest(request: Request): Promise<ImportRequest> {
  const type = request.headers.get("content-type") ?? "";
  const query = searchParamsRecord(new URL(request.url).searchParams);
  // Read whole (or refused whole) before anything is parsed, so an import never sees part of a file.
  const body = await readBodyLimited(request, MAX_IMPORT_BYTES, TOO_LARGE_ADVICE);
  if (type.startsWith("multipart/form-data")) {
    const form = assertStorableFields(await multipartForm(body, type));
    const file = form.get("file");
    // No file chosen (a browser sends an empty part with no name). A chosen file that is empty is
    // read as one, and refused as "the file is empty" like a file of blank lines.
    if (!(file instanceof File) || (file.size === 0 && !file.name))
      throw Object.assign(new AppError(400, "Choose a CSV file to import.", "invalid", { file: ["Choose a CSV file to import."] }), {
        issues: { file: [{ code: "custom", rule: "no_file" }] },
      });
    const fields = ImportRequestSchema.parse({
      ...query,
      format: form.get("format") ?? query.format,
      validOnly: form.get("validOnly") ?? query.validOnly,
      dryRun: form.get("dryRun") ?? query.dryRun,
      fileName: file.name || query.fileName,
    });
    return { ...fields, text: storableText(await file.text()) };
  }
  // A raw body (text/csv): the options travel in the query string.
  const fields = ImportRequestSchema.parse(query);
  const text = storableText(new TextDecoder().decode(body));
  if (!text.trim())
    throw new AppError(400, "The request body is empty: send the CSV file as the body.", "invalid", {
      file: ["The request body is empty."],
    });
  return { ...fields, text };
}

/** The form, refused (400 naming the field) when a field or file name holds a NUL or a lone surrogate. */
function assertStorableFields(form: FormData): FormData {
  const fields = new URLSearchParams();
  for (const [key, value] of form) fields.append(key, typeof value === "string" ? value : value.name);
  assertSafeParams(fields);
  return form;
}

/** The file's text, refused when it holds a NUL character (PostgreSQL cannot store one); names the line. */
function storableText(text: string): string {
  const at = text.indexOf("\u0000");
  if (at >= 0) {
    const line = text.slice(0, at).split("\n").length;
    // The issue's rule lets the upload page say it in its reader's words (a spreadsheet chosen by mistake).
    throw Object.assign(
      new AppError(400, `Invalid input — file: line ${line} contains a NUL character (\\u0000), which cannot be stored.`, "invalid", {
        file: [`line ${line} contains a NUL character`],
      }),
      { issues: { file: [{ code: "custom", rule: "nul_character", values: { line } }] } },
    );
  }
  return text; // decoded from UTF-8: it has no lone surrogates
}

/** The summary as sent over HTTP: errors capped, with their total. */
export function summaryBody(summary: ImportSummary) {
  return { ...summary, errors: summary.errors.slice(0, MAX_REPORTED_ERRORS), errorCount: summary.errors.length };
}

export async function runImportRequest(db: Db, input: ImportRequest, actorId: string, onProgress?: (p: ImportProgress) => void) {
  const summary = await runImport(db, input.text, {
    format: input.format,
    fileName: input.fileName,
    validOnly: input.validOnly,
    dryRun: input.dryRun,
    actorId,
    onProgress,
  });
  // The figures a large import queued are reconciled by this server in the background; the response does not wait.
  if (summary.figuresQueued) void startFigureQueue(databaseUrlOf(db));
  return summary;
}
