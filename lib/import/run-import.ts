// Imports one CSV file: read → check the header → validate every row (zod) → inside ONE
// transaction, check what the rows refer to, then write and refresh the figures of every
// touched incident (or, for a large claims file, queue them: lib/figures/figure-queue.ts), then
// record one audit event. (Claims files write through COPY, so their
// transaction is on a direct pg connection to the same database; ACLED and GED files write
// through a Prisma interactive transaction.) Nothing is written while any row is invalid,
// unless validOnly asks for the valid rows alone. Killing the process at any point leaves the
// database as it was: PostgreSQL rolls back the open transaction when its connection drops.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { audit } from "@/lib/audit";
import type { Db, Tx } from "@/lib/db";
import { databaseUrlOf, withRawTransaction } from "@/lib/db/raw-pg";
import { CLAIMS_COLUMNS } from "@/lib/export/columns";
import { Prisma } from "@/lib/generated/prisma/client";
import { ACLED_OPTIONAL_COLUMNS, ACLED_REQUIRED_COLUMNS, AcledRowSchema } from "@/lib/validation/acled-row";
import { CLAIMS_REQUIRED_COLUMNS, cellIssues, validateClaimsRow, type ClaimsRow, type RowResult } from "@/lib/validation/claims-row";
import { UCDP_OPTIONAL_COLUMNS, UCDP_REQUIRED_COLUMNS, UcdpRowSchema } from "@/lib/validation/ucdp-row";
import { startIncidentLookup, writeClaims } from "./claims-import";
import { CsvFileError, readCsv, type CsvFile, type CsvRow } from "./csv-file";
import { writeDatasetEvents } from "./dataset-import";
import type { DatasetEvent } from "@/lib/validation/dataset-event";
import type { ImportFormat, ImportOptions, ImportProgress, ImportSummary, RowError } from "./import-types";

/** An import may run long (100,000 rows and their figures); it holds its transaction that long. */
export const IMPORT_TIMEOUT_MS = 60 * 60_000;

export type ValidRow<T> = { row: number; line: number; value: T };

/** What a writer sees: the valid rows, and a way to refuse one of them for a reason found in the database. */
type BaseContext<T> = {
  rows: ValidRow<T>[];
  options: ImportOptions;
  summary: ImportSummary;
  reject: (row: ValidRow<T>, column: string, message: string, value?: string) => void;
  isRejected: (row: ValidRow<T>) => boolean;
  /** Called by the writer once references are checked: throws to roll back when nothing may be written. */
  checkpoint: () => void;
  progress: (progress: ImportProgress) => void;
};

/** A writer inside a Prisma interactive transaction. */
export type WriteContext<T> = BaseContext<T> & { tx: Tx };
/**
 * A writer on a direct pg connection (COPY), inside a transaction run-import.ts opened on it;
 * `early` is what its format's startEarly began before the rows were validated (null without one).
 */
export type PgWriteContext<T> = BaseContext<T> & { client: pg.PoolClient; early: Promise<unknown> | null };

type FormatSpec<T> = {
  required: readonly string[];
  /** Columns the format knows; null = others are allowed and ignored (ACLED and GED have many we do not use). */
  known: readonly string[] | null;
  validate: (cells: Record<string, string>) => RowResult<T>;
} & (
  | { write: (ctx: WriteContext<T>) => Promise<void> }
  | { writeOnConnection: (ctx: PgWriteContext<T>) => Promise<void>; startEarly?: (client: pg.ClientBase, rows: readonly CsvRow[]) => Promise<unknown> }
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
    writeOnConnection: writeClaims,
    startEarly: startIncidentLookup,
  },
};

export const FORMAT_COLUMNS: Record<ImportFormat, { required: readonly string[]; optional: readonly string[] }> = {
  acled: { required: ACLED_REQUIRED_COLUMNS, optional: ACLED_OPTIONAL_COLUMNS },
  ucdp: { required: UCDP_REQUIRED_COLUMNS, optional: UCDP_OPTIONAL_COLUMNS },
  claims: { required: CLAIMS_REQUIRED_COLUMNS, optional: CLAIMS_COLUMNS.filter((c) => !(CLAIMS_REQUIRED_COLUMNS as readonly string[]).includes(c)) },
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
      message: `The header lacks the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} that a ${format} file needs (required: ${spec.required.join(", ")}). Is this the right format?`,
    });
  }
  if (spec.known) {
    const unknown = header.filter((c) => c && !spec.known!.includes(c));
    if (unknown.length) {
      errors.push({ row: null, line: 1, column: null, message: `The header has unknown column${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")} (a ${format} file has: ${spec.known.join(", ")}).` });
    }
  }
  return errors;
}

function validateRows<T>(rows: CsvRow[], header: string[], spec: FormatSpec<T>, errors: RowError[], progress: (p: ImportProgress) => void): ValidRow<T>[] {
  const valid: ValidRow<T>[] = [];
  const width = header.length;
  rows.forEach((row, index) => {
    if (index % 5000 === 0) progress({ phase: "validating", done: index, total: rows.length });
    if (row.width !== width) {
      errors.push({ row: row.row, line: row.line, column: null, message: `The row has ${row.width} cells but the header has ${width} columns (a stray comma, or an unclosed quote?).` });
      return;
    }
    // PostgreSQL text cannot hold a NUL character: refuse the cell here rather than fail the whole write.
    const nul = Object.keys(row.cells).filter((column) => row.cells[column]!.includes("\u0000"));
    if (nul.length) {
      for (const column of nul) errors.push({ row: row.row, line: row.line, column, message: `${column} contains a NUL character (byte 0), which cannot be stored: remove it` });
      return;
    }
    const result = spec.validate(row.cells);
    if (result.ok) valid.push({ row: row.row, line: row.line, value: result.value });
    else for (const issue of result.issues) errors.push({ row: row.row, line: row.line, column: issue.column, value: row.cells[issue.column], message: issue.message });
  });
  progress({ phase: "validating", done: rows.length, total: rows.length });
  return valid;
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

  progress({ phase: "reading", done: 0, total: 0 });
  let file: CsvFile | null;
  try {
    file = readCsv(text);
  } catch (error) {
    if (!(error instanceof CsvFileError)) throw error;
    summary.errors.push({ row: null, line: error.line, column: null, message: error.message });
    return finish();
  }
  summary.rows = file.rows.length;
  const spec = FORMATS[options.format] as FormatSpec<unknown>;
  const fileErrors = headerErrors(file.header, spec, options.format);
  if (fileErrors.length) {
    summary.errors.push(...fileErrors);
    return finish();
  }
  const header = file.header;
  const validate = () => {
    const valid = validateRows(file!.rows, header, spec, summary.errors, progress);
    // The raw cells are no longer needed (errors carry their own values): let them go before writing.
    file = null;
    return valid;
  };

  const rejected = new Set<number>();
  const contextFor = (valid: ValidRow<unknown>[]): BaseContext<unknown> => ({
    rows: valid,
    options,
    summary,
    reject: (row, column, message, value) => {
      rejected.add(row.row);
      summary.errors.push({ row: row.row, line: row.line, column, value, message });
    },
    isRejected: (row) => rejected.has(row.row),
    checkpoint: () => {
      if ((summary.errors.length && !options.validOnly) || options.dryRun) throw new RollBack();
    },
    progress,
  });
  try {
    if ("writeOnConnection" in spec) {
      // The whole write path on one direct connection, in one transaction: COPY needs it, and
      // a Prisma transaction would be another transaction.
      await withRawTransaction(
        async (client) => {
          // One import at a time: incident codes and the idempotency checks assume nobody else is importing.
          const { rows: free } = await client.query<{ got: boolean }>(`SELECT pg_try_advisory_xact_lock(hashtext('triangulate:import')) AS got`);
          let early: Promise<unknown> | null = null;
          let valid: ValidRow<unknown>[];
          if (free[0]?.got) {
            // Lookups that need only the raw cells go to PostgreSQL first: it works on them while this
            // thread validates (100,000 claims rows: ~0.8 s of lookups hidden behind ~0.9 s of validation).
            early = spec.startEarly?.(client, file!.rows) ?? null;
            early?.catch(() => {}); // awaited by the writer (or below), so a failure is reported there
            valid = validate();
          } else {
            // Another import runs: check the file first, so an invalid one is refused without waiting for it.
            valid = validate();
            if (summary.errors.length && !options.validOnly) throw new RollBack();
            await client.query(`SELECT pg_advisory_xact_lock(hashtext('triangulate:import'))`);
          }
          try {
            if (summary.errors.length && !options.validOnly) throw new RollBack();
            await spec.writeOnConnection({ ...contextFor(valid), client, early });
          } finally {
            // Nothing of the lookup may still be running on this connection when the transaction ends.
            await early?.catch(() => {});
          }
          summary.imported = true;
          await client.query(
            `INSERT INTO "AuditEvent" ("at", "actorId", "action", "entityType", "entityId", "after") VALUES ($1::timestamp(3), $2::uuid, 'import', 'Import', $3, $4::jsonb)`,
            [new Date().toISOString(), options.actorId, randomUUID(), JSON.stringify(auditRecord(summary, options))],
          );
        },
        // The database of `db` (lib/db.ts records it), else DATABASE_URL.
        { url: options.databaseUrl ?? databaseUrlOf(db), begin: "BEGIN ISOLATION LEVEL READ COMMITTED" },
      );
    } else {
      const valid = validate();
      if (summary.errors.length && !options.validOnly) return finish();
      await db.$transaction(
        async (tx) => {
          // One import at a time: incident codes and the idempotency checks assume nobody else is importing.
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('triangulate:import'))`;
          await spec.write({ ...contextFor(valid), tx });
          summary.imported = true;
          await audit(tx, { actorId: options.actorId, action: "import", entityType: "Import", entityId: randomUUID(), after: auditRecord(summary, options) });
        },
        { timeout: IMPORT_TIMEOUT_MS, maxWait: 60_000, isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted },
      );
    }
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
    // Counts describe what would have been written; nothing was.
    summary.imported = false;
  }
  return finish();
}
