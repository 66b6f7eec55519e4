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
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as never;
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines ?? null;
      throw new CsvFileError(`The file is not valid CSV${line ? ` (line ${line})` : ""}: ${error.message.replace(/^.*?:\s*/, "")}`, line);
    }
    throw error;
  }
  const [first, ...rest] = records;
  if (!first) throw new CsvFileError("The file is empty: it needs a header row naming the columns.", 1);
  const header = first.record.map((name) => name.trim());
  const duplicates = header.filter((name, i) => name && header.indexOf(name) !== i);
  if (duplicates.length) throw new CsvFileError(`The header names ${[...new Set(duplicates)].join(", ")} more than once.`, 1);
  let previousEnd = first.info.lines;
  const rows: CsvRow[] = rest.map(({ record, info }, index) => {
    const cells: Record<string, string> = {};
    header.forEach((name, i) => {
      if (name) cells[name] = restoreText((record[i] ?? "").trim());
    });
    const row = { row: index + 1, line: previousEnd + 1, cells, width: record.length };
    previousEnd = info.lines;
    return row;
  });
  return { header, rows };
}
