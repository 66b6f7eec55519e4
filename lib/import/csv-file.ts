// Reads an uploaded CSV into header + rows of trimmed, un-neutralised text cells, keeping each
// row's number and line so every error can point at the exact place in the file. The file can be
// read a slice of rows at a time (readCsvSlices), so the claims import can check and write one
// slice while the next is parsed.
//
// papaparse's Parser does the CSV (RFC 4180 quoting, escaped quotes, line breaks inside quoted
// cells): it reads a 100,000-row claims file in ~0.3 s where csv-parse took ~1 s on the import's
// critical path. Its incremental form is used, as papaparse's own streamers use it: each piece of
// the text is parsed with its last, possibly cut, row held back for the next piece.
import Papa from "papaparse";
import { restoreText } from "@/lib/export/csv-cell";
import { problem as rowProblem } from "./row-problems";
import type { RowProblem } from "./import-types";

export type CsvRow = {
  /** 1 = the first row after the header. */
  row: number;
  /** The line of the file the row starts on (the header is line 1). */
  line: number;
  /** Cells by column name. Missing trailing cells read as "". */
  cells: Record<string, string>;
  /** How many cells the row had, to report rows that do not match the header. */
  width: number;
};

export type CsvFile = { header: string[]; rows: CsvRow[] };

export class CsvFileError extends Error {
  readonly problem: RowProblem;
  constructor(
    why: { problem: RowProblem; message: string },
    readonly line: number | null,
  ) {
    super(why.message);
    this.problem = why.problem;
    this.name = "CsvFileError";
  }
}

/** Characters parsed at a time (~1,500 claims rows): a caller working between slices never waits long. */
const PIECE_CHARS = 1 << 15;

type PapaError = { code: string; row?: number; index?: number };

/** The line break the file uses: that of its first line (a file written on old Macs uses \r alone). */
function lineBreakOf(text: string): "\n" | "\r\n" | "\r" {
  const lf = text.indexOf("\n");
  if (lf > 0 && text[lf - 1] === "\r") return "\r\n";
  if (lf === -1 && text.includes("\r")) return "\r";
  return "\n";
}

/** Longest cell value shared between rows, and how many distinct ones a column may have before it stops sharing. */
const SHARED_CHARS = 32;
const SHARED_VALUES = 512;

/**
 * Gives rows that repeat a short cell value (a metric, a date, a country) one string between them:
 * a large import holds its rows for a second or more, long enough for the young-generation GC to
 * copy each row's strings to the old generation, one copy per row otherwise. A column whose values
 * are mostly distinct (codes, statements) stops being looked up.
 */
function valueSharer(): (column: number, value: string) => string {
  const seen: (Map<string, string> | null)[] = [];
  return (column, value) => {
    if (!value || value.length > SHARED_CHARS) return value;
    let values = seen[column];
    if (values === null) return value;
    if (values === undefined) values = seen[column] = new Map();
    const shared = values.get(value);
    if (shared !== undefined) return shared;
    if (values.size >= SHARED_VALUES) seen[column] = null;
    else values.set(value, value);
    return value;
  };
}

/** How many times `char` occurs in `value`. */
function occurrences(value: string, char: string): number {
  let n = 0;
  for (let at = value.indexOf(char); at !== -1; at = value.indexOf(char, at + 1)) n++;
  return n;
}

/**
 * The file's rows as they are parsed, a piece of the text at a time (every slice has the header;
 * a file with a header and no rows gives one empty slice). Empty lines are skipped. Throws
 * CsvFileError when the file is not CSV, when it is empty, or when its header names a column
 * twice: a slice already given stays valid, but the file as a whole must then be refused.
 */
export function* readCsvSlices(input: string): Generator<CsvFile> {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const lineBreak = lineBreakOf(text);
  // A line ends with the file's line break; a cell quoting a line break counts as many lines as it holds.
  const lineChar = lineBreak === "\r" ? "\r" : "\n";
  const parser = new Papa.Parser({ delimiter: ",", newline: lineBreak, quoteChar: '"' });
  let header: string[] | null = null;
  let names: string[] = [];
  let line = 1; // the line the next record starts on
  let count = 0;
  let given = false;
  const share = valueSharer();
  let consumed = 0; // characters of `text` whose rows have been taken
  const lineAt = (offset: number) => 1 + occurrences(text.slice(0, offset), lineChar);

  // A piece that holds no whole row (a long quoted cell, or a quote never closed) is parsed again,
  // twice as long: doubling keeps that re-reading linear in the file.
  for (let piece = PIECE_CHARS; ;) {
    const end = Math.min(consumed + piece, text.length);
    const last = end === text.length;
    // Until the end, the piece's last row may be cut short: the parser holds it back (and its problems).
    const result = parser.parse(text.slice(consumed, end), consumed, !last) as {
      data: string[][];
      errors: PapaError[];
      meta: { cursor: number };
    };
    const records = result.data;
    const problem = result.errors.find((e) => e.row === undefined || e.row < records.length || last);
    if (problem) {
      const at = consumed + (problem.index ?? 0);
      const where = lineAt(at);
      // Papa Parse's quote problems (MissingQuotes, InvalidQuotes) are worded in the catalogues.
      throw new CsvFileError(rowProblem("not_csv", { line: String(where), quote: problem.code }), where);
    }
    consumed = last ? text.length : result.meta.cursor;
    piece = records.length ? PIECE_CHARS : piece * 2;
    const rows: CsvRow[] = [];
    for (const record of records) {
      const start = line;
      line += 1;
      for (const cell of record) if (cell.includes(lineChar)) line += occurrences(cell, lineChar);
      if (record.length === 1 && record[0] === "") continue; // an empty line
      if (header === null) {
        header = record.map((name) => name.trim());
        names = header;
        const duplicates = names.filter((name, i) => name && names.indexOf(name) !== i);
        if (duplicates.length) throw new CsvFileError(rowProblem("duplicate_header", { columns: [...new Set(duplicates)].join(", ") }), 1);
        continue;
      }
      const cells: Record<string, string> = {};
      for (let i = 0; i < names.length; i++) {
        const name = names[i]!;
        if (name) cells[name] = share(i, restoreText((record[i] ?? "").trim()));
      }
      rows.push({ row: ++count, line: start, cells, width: record.length });
    }
    if (header !== null && rows.length) {
      yield { header, rows };
      given = true;
    }
    if (last) break;
  }
  if (header === null) throw new CsvFileError(rowProblem("empty_file"), 1);
  if (!given) yield { header, rows: [] };
}

/** The whole file at once. */
export function readCsv(text: string): CsvFile {
  const file: CsvFile = { header: [], rows: [] };
  for (const slice of readCsvSlices(text)) {
    file.header = slice.header;
    for (const row of slice.rows) file.rows.push(row);
  }
  return file;
}
