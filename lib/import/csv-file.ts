// Reads an uploaded CSV into header + rows of trimmed, un-neutralised text cells, keeping each
// row's number and line so every error can point at the exact place in the file.
import { CsvError, parse } from "csv-parse/sync";
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

export function readCsv(text: string): CsvFile {
  let header: string[] | null = null;
  let previousEnd = 0;
  let rows: CsvRow[];
  try {
    // Rows are built as they are parsed (on_record), so no second copy of the file's cells is kept.
    const options = {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (record: string[], context: { lines: number }) => {
        const line = previousEnd + 1;
        previousEnd = context.lines;
        if (header === null) {
          header = record.map((name) => name.trim());
          return null;
        }
        const cells: Record<string, string> = {};
        header.forEach((name, i) => {
          if (name) cells[name] = restoreText((record[i] ?? "").trim());
        });
        return { row: 0, line, cells, width: record.length };
      },
    };
    // csv-parse's types do not model on_record returning another shape: the records are CsvRows.
    rows = (parse as unknown as (input: string, opts: typeof options) => CsvRow[])(text, options);
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines ?? null;
      throw new CsvFileError(`The file is not valid CSV${line ? ` (line ${line})` : ""}: ${error.message.replace(/^.*?:\s*/, "")}`, line);
    }
    throw error;
  }
  if (header === null) throw new CsvFileError("The file is empty: it needs a header row naming the columns.", 1);
  const names: string[] = header;
  const duplicates = names.filter((name, i) => name && names.indexOf(name) !== i);
  if (duplicates.length) throw new CsvFileError(`The header names ${[...new Set(duplicates)].join(", ")} more than once.`, 1);
  rows.forEach((row, index) => (row.row = index + 1));
  return { header: names, rows };
}
