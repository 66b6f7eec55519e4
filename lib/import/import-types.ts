// Shapes shared by the importers, the CLI, the API route and the upload page.

import type pg from "pg";
import type { Tx } from "@/lib/db";

export const IMPORT_FORMATS = ["acled", "ucdp", "claims"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** What a problem is: a code (messages/<locale>/import.json, `problem.<code>`) and the values its words need (row-problems.ts). */
export type RowProblem = { code: string; values?: Record<string, string | number> };

/** One problem, pointing at the place in the file a person has to fix. */
export type RowError = {
  /** 1 = first row after the header; null for a problem with the whole file (e.g. its header). */
  row: number | null;
  line: number | null;
  column: string | null;
  /** The cell as it was in the file, when the problem is with one cell. */
  value?: string;
  /** In English (the CLI, scripts); `problem` is what the upload page words in its reader's language. */
  message: string;
  problem?: RowProblem;
};

export type ImportPhase = "reading" | "validating" | "checking references" | "writing" | "refreshing figures" | "done";
export type ImportProgress = { phase: ImportPhase; done: number; total: number };

export type ImportOptions = {
  format: ImportFormat;
  fileName: string;
  /** Import the valid rows and report the others, instead of importing nothing. */
  validOnly?: boolean;
  /** Check everything, write nothing. */
  dryRun?: boolean;
  /** Who imports (audit, entered_by); null for the command line without --user. */
  actorId: string | null;
  onProgress?: (progress: ImportProgress) => void;
  /**
   * "refresh" reconciles the touched incidents' figures in the import's own transaction; "queue"
   * commits the claims and leaves the figures to the worker (lib/figures/figure-queue.ts). By
   * default, files touching more than IMPORT_QUEUE_FIGURES_ABOVE incidents (5,000) queue.
   */
  figures?: "refresh" | "queue";
  /** The database of the claims import's direct connection; by default the one the Prisma client given to runImport talks to. */
  databaseUrl?: string;
};

export type ImportSummary = {
  format: ImportFormat;
  fileName: string;
  /** True when the rows were written (all of them, or the valid ones with validOnly). */
  imported: boolean;
  validOnly: boolean;
  dryRun: boolean;
  rows: number;
  validRows: number;
  invalidRows: number;
  incidentsCreated: number;
  incidentsMatched: number;
  claimsCreated: number;
  /** Rows whose claim was already in the database (or earlier in the file): importing twice changes nothing. */
  claimsAlreadyPresent: number;
  claimsSuperseded: number;
  sourcesCreated: string[];
  /** Up to 20 codes of the incidents the import created (datasets) or added claims to (claims files): the page links them. */
  incidentCodes: string[];
  documentsCreated: number;
  figuresRefreshed: number;
  /** Incidents whose figures the worker will reconcile after the import (large claims imports). */
  figuresQueued: number;
  errors: RowError[];
  durationMs: number;
};

// What run-import.ts gives the format writers (claims-import.ts, dataset-import.ts).

export type ValidRow<T> = { row: number; line: number; value: T };

/** What a writer sees: a way to refuse a row for a reason found in the database, and whether it may write. */
export type BaseContext<T> = {
  options: ImportOptions;
  summary: ImportSummary;
  reject: (row: ValidRow<T>, column: string, why: { problem: RowProblem; message: string }, value?: string) => void;
  isRejected: (row: ValidRow<T>) => boolean;
  /** Called by the writer once references are checked: throws to roll back when nothing may be written. */
  checkpoint: () => void;
  /** False once the import is sure to roll back (a dry run, or a refused row without validOnly): then check, but do not write. */
  mayWrite: () => boolean;
  progress: (progress: ImportProgress) => void;
};

/** A writer inside a Prisma interactive transaction, given every valid row at once. */
export type WriteContext<T> = BaseContext<T> & { tx: Tx; rows: ValidRow<T>[] };
/**
 * A writer on a direct pg connection (COPY), inside a transaction run-import.ts opened on it, given
 * the valid rows a slice at a time; `url` is that connection's database, for reads on another.
 */
export type PgWriteContext<T> = BaseContext<T> & { client: pg.PoolClient; url: string | undefined };

/** Takes the valid rows of a file a slice at a time; every call but finish returns at once (the work runs in order on the connection). */
export type SliceWriter<T> = {
  add: (rows: ValidRow<T>[]) => void;
  /** Resolves when the work given so far is done; rejects with its failure. */
  settled: () => Promise<void>;
  /** After the last slice: whatever waits for the whole file, then the figures. */
  finish: () => Promise<void>;
  /** Waits for whatever still runs, and lets go of what the writer holds besides the import's connection; never rejects. */
  close: () => Promise<void>;
};
