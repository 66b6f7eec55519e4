// Imports one CSV file: read → check the header → validate every row (zod) → inside ONE
// transaction, check what the rows refer to, then write and refresh the figures of every
// touched incident (or, for a large claims file, queue them: lib/figures/figure-queue.ts), then
// record one audit event. ACLED and GED files are read whole and written through a Prisma
// interactive transaction. Claims files are read a slice at a time on a direct pg connection
// (COPY): PostgreSQL checks and writes one slice while this thread parses and validates the next
// (claims-import.ts). Nothing is committed while any row is invalid, unless validOnly asks for
// the valid rows alone: a slice written before a bad row is found is rolled back with the rest.
// Killing the process at any point leaves the database as it was: PostgreSQL rolls back the open
// transaction when its connection drops.
import "server-only";
import { randomUUID } from "node:crypto";
import { audit } from "@/lib/audit";
import type { Db } from "@/lib/db";
import { databaseUrlOf, withRawTransaction } from "@/lib/db/raw-pg";
import { CLAIMS_COLUMNS } from "@/lib/export/columns";
import { Prisma } from "@/lib/generated/prisma/client";
import { ACLED_OPTIONAL_COLUMNS, ACLED_REQUIRED_COLUMNS, AcledRowSchema } from "@/lib/validation/acled-row";
import { CLAIMS_REQUIRED_COLUMNS, cellIssues, validateClaimsRow, type ClaimsRow, type RowResult } from "@/lib/validation/claims-row";
import { UCDP_OPTIONAL_COLUMNS, UCDP_REQUIRED_COLUMNS, UcdpRowSchema } from "@/lib/validation/ucdp-row";
import { claimsSlice, openClaimsWriter } from "./claims-import";
import { problem } from "./row-problems";
import { CsvFileError, readCsvSlices, type CsvFile, type CsvRow } from "./csv-file";
import { writeDatasetEvents } from "./dataset-import";
import { stepTimer } from "@/lib/db/step-timer";
import type { DatasetEvent } from "@/lib/validation/dataset-event";
import type {
  BaseContext,
  ImportFormat,
  ImportOptions,
  ImportProgress,
  ImportSummary,
  PgWriteContext,
  RowError,
  SliceWriter,
  ValidRow,
  WriteContext,
} from "./import-types";

/** An import may run long (100,000 rows and their figures); it holds its transaction that long. */
export const IMPORT_TIMEOUT_MS = 60 * 60_000;

type FormatSpec<T> = {
  required: readonly string[];
  /** Columns the format knows; null = others are allowed and ignored (ACLED and GED have many we do not use). */
  known: readonly string[] | null;
  validate: (cells: Record<string, string>) => RowResult<T>;
} & (
  { write: (ctx: WriteContext<T>) => Promise<void> } | { openWriter: (ctx: PgWriteContext<T>) => SliceWriter<T>; sliceRows: () => number }
);

function zodRow<T>(schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: import("zod").ZodError } }) {
  return (cells: Record<string, string>): RowResult<T> => {
    const result = schema.safeParse(cells);
    return result.success ? { ok: true, value: result.data } : { ok: false, issues: cellIssues(result.error) };
  };
}

const FORMATS: { [F in ImportFormat]: FormatSpec<F extends "claims" ? ClaimsRow : DatasetEvent> } = {
  acled: {
    required: ACLED_REQUIRED_COLUMNS,
    known: null,
    validate: zodRow<DatasetEvent>(AcledRowSchema),
    write: (ctx) => writeDatasetEvents(ctx, "acled"),
  },
  ucdp: {
    required: UCDP_REQUIRED_COLUMNS,
    known: null,
    validate: zodRow<DatasetEvent>(UcdpRowSchema),
    write: (ctx) => writeDatasetEvents(ctx, "ucdp"),
  },
  claims: {
    required: CLAIMS_REQUIRED_COLUMNS,
    known: CLAIMS_COLUMNS,
    validate: validateClaimsRow,
    openWriter: openClaimsWriter,
    sliceRows: () => claimsSlice.rows,
  },
};

export const FORMAT_COLUMNS: Record<ImportFormat, { required: readonly string[]; optional: readonly string[] }> = {
  acled: { required: ACLED_REQUIRED_COLUMNS, optional: ACLED_OPTIONAL_COLUMNS },
  ucdp: { required: UCDP_REQUIRED_COLUMNS, optional: UCDP_OPTIONAL_COLUMNS },
  claims: {
    required: CLAIMS_REQUIRED_COLUMNS,
    optional: CLAIMS_COLUMNS.filter((c) => !(CLAIMS_REQUIRED_COLUMNS as readonly string[]).includes(c)),
  },
};

class RollBack extends Error {}

function emptySummary(options: ImportOptions): ImportSummary {
  return {
    format: options.format,
    fileName: options.fileName,
    imported: false,
    validOnly: options.validOnly ?? false,
    dryRun: options.dryRun ?? false,
    rows: 0,
    validRows: 0,
    invalidRows: 0,
    incidentsCreated: 0,
    incidentsMatched: 0,
    claimsCreated: 0,
    claimsAlreadyPresent: 0,
    claimsSuperseded: 0,
    sourcesCreated: [],
    incidentCodes: [],
    documentsCreated: 0,
    figuresRefreshed: 0,
    figuresQueued: 0,
    errors: [],
    durationMs: 0,
  };
}

function headerErrors(header: string[], spec: FormatSpec<unknown>, format: ImportFormat): RowError[] {
  const errors: RowError[] = [];
  const missing = spec.required.filter((c) => !header.includes(c));
  if (missing.length) {
    errors.push({
      row: null,
      line: 1,
      column: null,
      ...problem("missing_columns", { count: missing.length, columns: missing.join(", "), format, required: spec.required.join(", ") }),
    });
  }
  if (spec.known) {
    const unknown = header.filter((c) => c && !spec.known!.includes(c));
    if (unknown.length) {
      errors.push({
        row: null,
        line: 1,
        column: null,
        ...problem("unknown_columns", { count: unknown.length, columns: unknown.join(", "), format, known: spec.known.join(", ") }),
      });
    }
  }
  return errors;
}

function validateRows<T>(
  rows: CsvRow[],
  header: string[],
  spec: FormatSpec<T>,
  errors: RowError[],
  progress: (p: ImportProgress) => void,
  total = rows.length,
): ValidRow<T>[] {
  const valid: ValidRow<T>[] = [];
  const width = header.length;
  rows.forEach((row) => {
    if (row.row % 5000 === 0) progress({ phase: "validating", done: row.row, total: Math.max(total, row.row) });
    if (row.width !== width) {
      errors.push({
        row: row.row,
        line: row.line,
        column: null,
        ...problem("cell_count", { cells: String(row.width), columns: String(width) }),
      });
      return;
    }
    // PostgreSQL text cannot hold a NUL character: refuse the cell here rather than fail the whole write.
    const nul = Object.keys(row.cells).filter((column) => row.cells[column]!.includes("\u0000"));
    if (nul.length) {
      for (const column of nul)
        errors.push({
          row: row.row,
          line: row.line,
          column,
          ...problem("nul", { column }),
        });
      return;
    }
    const result = spec.validate(row.cells);
    if (result.ok) valid.push({ row: row.row, line: row.line, value: result.value });
    else
      for (const issue of result.issues)
        errors.push({
          row: row.row,
          line: row.line,
          column: issue.column,
          value: row.cells[issue.column],
          message: issue.message,
          problem: issue.problem,
        });
  });
  return valid;
}

const FIRST_SLICE_ROWS = 2_000;

/** Lets the event loop run: the writer's statements go out and their answers come in. */
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** About how many rows a file has (its lines but the header; quoted line breaks count too), for progress. */
function estimateRows(text: string): number {
  let lines = 0;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) lines++;
  return Math.max(lines - (text.endsWith("\n") ? 1 : 0), 0);
}

const byPosition = (a: RowError, b: RowError) => (a.row ?? 0) - (b.row ?? 0);

/** What the import's audit event records. */
function auditRecord(summary: ImportSummary, options: ImportOptions) {
  return {
    format: options.format,
    fileName: options.fileName,
    rows: summary.rows,
    importedRows: summary.rows - new Set(summary.errors.map((e) => e.row)).size,
    invalidRows: new Set(summary.errors.filter((e) => e.row !== null).map((e) => e.row)).size,
    validOnly: summary.validOnly,
    incidentsCreated: summary.incidentsCreated,
    incidentsMatched: summary.incidentsMatched,
    claimsCreated: summary.claimsCreated,
    claimsAlreadyPresent: summary.claimsAlreadyPresent,
    claimsSuperseded: summary.claimsSuperseded,
    sourcesCreated: summary.sourcesCreated,
    documentsCreated: summary.documentsCreated,
    figuresQueued: summary.figuresQueued,
    user: options.actorId ?? "command line",
  };
}

export async function runImport(db: Db, text: string, options: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const summary = emptySummary(options);
  const progress = (p: ImportProgress) => options.onProgress?.(p);
  const finish = () => {
    summary.errors.sort(byPosition);
    summary.invalidRows = new Set(summary.errors.filter((e) => e.row !== null).map((e) => e.row)).size;
    summary.validRows = summary.rows - summary.invalidRows;
    summary.durationMs = Date.now() - started;
    progress({ phase: "done", done: summary.rows, total: summary.rows });
    return summary;
  };
  const refuseFile = (error: CsvFileError) => {
    // Not CSV: nothing of it counts, and whatever was found in its rows before is moot.
    summary.rows = 0;
    summary.errors = [{ row: null, line: error.line, column: null, message: error.message, problem: error.problem }];
    return finish();
  };

  progress({ phase: "reading", done: 0, total: 0 });
  const spec = FORMATS[options.format] as FormatSpec<unknown>;
  const slices = readCsvSlices(text);
  let first: CsvFile;
  try {
    first = slices.next().value as CsvFile; // the first slice has the header (an empty file throws)
  } catch (error) {
    if (!(error instanceof CsvFileError)) throw error;
    return refuseFile(error);
  }
  const header = first.header;
  const fileErrors = headerErrors(header, spec, options.format);
  if (fileErrors.length) {
    summary.errors.push(...fileErrors);
    return finish();
  }

  const rejected = new Set<number>();
  /** Errors found in the database, as opposed to in the rows themselves. */
  const referenceErrors = new Set<RowError>();
  const refused = () => summary.errors.length > 0 && !options.validOnly;
  const context: BaseContext<unknown> = {
    options,
    summary,
    reject: (row, column, why, value) => {
      rejected.add(row.row);
      const error = { row: row.row, line: row.line, column, value, ...why };
      referenceErrors.add(error);
      summary.errors.push(error);
    },
    isRejected: (row) => rejected.has(row.row),
    checkpoint: () => {
      if (refused() || options.dryRun) throw new RollBack();
    },
    mayWrite: () => !refused() && !options.dryRun,
    progress,
  };
  try {
    if ("openWriter" in spec) {
      // The database of `db` (lib/db.ts records it), else DATABASE_URL.
      const url = options.databaseUrl ?? databaseUrlOf(db);
      await withRawTransaction(
        async (client) => {
          // One import at a time: incident codes and the idempotency checks assume nobody else is importing.
          const { rows: free } = await client.query<{ got: boolean }>(
            `SELECT pg_try_advisory_xact_lock(hashtext('triangulate:import')) AS got`,
          );
          const writer = spec.openWriter({ ...context, client, url });
          const total = estimateRows(text);
          let invalidRows = false; // a row failed validation (reference errors come from the writer)
          let pending: ValidRow<unknown>[] = [];
          const held: ValidRow<unknown>[][] = [];
          let given = 0;
          // A small first slice, so PostgreSQL starts soon after the file is opened.
          const sliceRows = () => (given ? spec.sliceRows() : Math.min(spec.sliceRows(), FIRST_SLICE_ROWS));
          const give = () => {
            given++;
            if (free[0]?.got) writer.add(pending);
            else held.push(pending);
            pending = [];
          };
          const take = (slice: CsvFile, last: boolean) => {
            summary.rows += slice.rows.length;
            const errorsBefore = summary.errors.length;
            const valid = validateRows(slice.rows, header, spec, summary.errors, progress, total);
            invalidRows ||= summary.errors.length > errorsBefore;
            progress({ phase: "validating", done: summary.rows, total: last ? summary.rows : Math.max(total, summary.rows) });
            // A file with an invalid row is refused whole: its rows need only be validated, for the report.
            if (invalidRows && !options.validOnly) return;
            for (const row of valid) {
              pending.push(row);
              if (pending.length >= sliceRows()) give();
            }
            if (last && pending.length) give();
          };
          const step = stepTimer("claims file");
          let readingMs = 0; // this thread's own work on the file, as opposed to the writer's
          try {
            // PostgreSQL works through the slices given while this thread parses and validates the
            // next piece of the file: yielding after each piece lets the writer's statements go out.
            for (let slice: IteratorResult<CsvFile> = { done: false, value: first }; !slice.done;) {
              const current = slice.value;
              const began = performance.now();
              slice = slices.next();
              take(current, !!slice.done);
              readingMs += performance.now() - began;
              await yieldToLoop();
            }
            if (!free[0]?.got) {
              // Another import runs: the file was checked first, so an invalid one is refused without waiting for it.
              if (refused()) throw new RollBack();
              await client.query(`SELECT pg_advisory_xact_lock(hashtext('triangulate:import'))`);
              for (const rows of held) writer.add(rows);
            }
            if (invalidRows && !options.validOnly) {
              // As when the rows are checked before the references: the report is about the rows.
              await writer.settled();
              summary.errors = summary.errors.filter((e) => !referenceErrors.has(e));
              throw new RollBack();
            }
            step(`read and validated (${(readingMs / 1000).toFixed(2)} s of parsing and validating)`);
            await writer.finish();
            step("the writer's work after the last row");
          } finally {
            // Nothing of the writer's may still be running on this connection when the transaction ends.
            await writer.close();
          }
          summary.imported = true;
          await client.query(
            `INSERT INTO "AuditEvent" ("at", "actorId", "action", "entityType", "entityId", "after") VALUES ($1::timestamp(3), $2::uuid, 'import', 'Import', $3, $4::jsonb)`,
            [new Date().toISOString(), options.actorId, randomUUID(), JSON.stringify(auditRecord(summary, options))],
          );
        },
        { url, begin: "BEGIN ISOLATION LEVEL READ COMMITTED" },
      );
    } else {
      const rows = first.rows;
      for (const slice of slices) for (const row of slice.rows) rows.push(row);
      summary.rows = rows.length;
      progress({ phase: "validating", done: 0, total: rows.length });
      const valid = validateRows(rows, header, spec, summary.errors, progress);
      progress({ phase: "validating", done: rows.length, total: rows.length });
      // The raw cells are no longer needed (errors carry their own values): let them go before writing.
      rows.length = 0;
      if (refused()) return finish();
      await db.$transaction(
        async (tx) => {
          // One import at a time: incident codes and the idempotency checks assume nobody else is importing.
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('triangulate:import'))`;
          await spec.write({ ...context, tx, rows: valid });
          summary.imported = true;
          await audit(tx, {
            actorId: options.actorId,
            action: "import",
            entityType: "Import",
            entityId: randomUUID(),
            after: auditRecord(summary, options),
          });
        },
        { timeout: IMPORT_TIMEOUT_MS, maxWait: 60_000, isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted },
      );
    }
  } catch (error) {
    if (error instanceof CsvFileError) return refuseFile(error);
    if (!(error instanceof RollBack)) throw error;
    // Counts describe what would have been written; nothing was.
    summary.imported = false;
  }
  return finish();
}
