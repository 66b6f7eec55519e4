// Reads an uploaded CSV into header + rows of trimmed, un-neutralised text cells, keeping each
// row's number and line so every error can point at the exact place in the file. The file can be
// read a slice of rows at a time (readCsvSlices), so the claims import can check and write one
// slice while the next is parsed.
import { parse, CsvError, type Options, type Parser } from "csv-parse";
import { restoreText } from "@/lib/export/csv-cell";

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
  constructor(
    message: string,
    readonly line: number | null,
  ) {
    super(message);
    this.name = "CsvFileError";
  }
}

/** Characters handed to the parser at a time (~1,500 claims rows): a caller working between slices never waits long. */
const PIECE_CHARS = 1 << 15;

function fileError(error: unknown): unknown {
  if (!(error instanceof CsvError)) return error;
  const line = (error as CsvError & { lines?: number }).lines ?? null;
  return new CsvFileError(`The file is not valid CSV${line ? ` (line ${line})` : ""}: ${error.message.replace(/^.*?:\s*/, "")}`, line);
}

/**
 * The file's rows as they are parsed, a piece of the text at a time (every slice has the header;
 * a file with a header and no rows gives one empty slice). Throws CsvFileError when the file is
 * not CSV, when it is empty, or when its header names a column twice: a slice already given stays
 * valid, but the file as a whole must then be refused.
 */
export function* readCsvSlices(text: string): Generator<CsvFile> {
  let header: string[] | null = null;
  let previousEnd = 0;
  let emptyLines = 0;
  let count = 0;
  // The stream parser used synchronously: each write parses its piece at once, and read() hands
  // over the rows it made. (on_record builds each row as it is parsed, so no second copy of the
  // file's cells is kept.)
  const options: Options<CsvRow, string[]> = {
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    on_record: (record: string[], context) => {
      // A record starts on the line after the last one ended, past the empty lines skipped between.
      const line = previousEnd + 1 + (context.empty_lines - emptyLines);
      previousEnd = context.lines;
      emptyLines = context.empty_lines;
      if (header === null) {
        header = record.map((name) => name.trim());
        const names: string[] = header;
        const duplicates = names.filter((name, i) => name && names.indexOf(name) !== i);
        if (duplicates.length) throw new CsvFileError(`The header names ${[...new Set(duplicates)].join(", ")} more than once.`, 1);
        return null;
      }
      const cells: Record<string, string> = {};
      const names: string[] = header;
      for (let i = 0; i < names.length; i++) {
        const name = names[i]!;
        if (name) cells[name] = restoreText((record[i] ?? "").trim());
      }
      return { row: ++count, line, cells, width: record.length } satisfies CsvRow;
    },
  };
  // csv-parse's stream typings do not let on_record return another shape: the records are CsvRows.
  const parser: Parser = parse(options as unknown as Options);
  parser.on("error", () => {}); // read from parser.errored after each write
  let rows: CsvRow[] = [];
  let given = false;
  const take = () => {
    for (let record = parser.read() as CsvRow | null; record !== null; record = parser.read() as CsvRow | null) rows.push(record);
    if (parser.errored) throw fileError((parser.errored as Error & { err?: unknown }).err ?? parser.errored);
  };
  for (let at = 0, last = false; !last; at += PIECE_CHARS) {
    last = at + PIECE_CHARS >= text.length;
    parser.write(text.slice(at, at + PIECE_CHARS));
    if (last) parser.end(); // the parser holds a file's last rows back until it ends
    take();
    if (header !== null && rows.length) {
      yield { header, rows };
      given = true;
      rows = [];
    }
  }
  if (header === null) throw new CsvFileError("The file is empty: it needs a header row naming the columns.", 1);
  if (rows.length || !given) yield { header, rows };
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
