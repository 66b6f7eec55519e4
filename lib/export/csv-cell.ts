// Cell formatting shared by every CSV export and undone by every import.
//
// Spreadsheet programs run a cell that starts with = + - @ (or a tab / carriage return that
// hides one) as a formula: a statement quoted from a hostile web page could then call out or
// exfiltrate data when a researcher opens the file (OWASP "CSV injection"). Text cells that
// start that way get a leading apostrophe, which spreadsheets show as plain text.
//
// The rule is reversible so an export re-imports exactly: a text that already starts with
// apostrophes followed by one of those characters gets one more apostrophe, and imports strip
// exactly one. Numbers are written as numbers and never prefixed, so a longitude of -5.3 stays
// a number for pandas and R.

const FORMULA_START = /^[=+\-@\t\r]/;
const ESCAPED = /^'+[=+\-@\t\r]/;

export function neutraliseText(value: string): string {
  return FORMULA_START.test(value) || ESCAPED.test(value) ? `'${value}` : value;
}

/** The inverse of neutraliseText, applied to every text cell an import reads. */
export function restoreText(value: string): string {
  // Most cells do not start with an apostrophe: skip the pattern for them (every cell of an import passes here).
  return value.charCodeAt(0) === 39 && ESCAPED.test(value) ? value.slice(1) : value;
}

export type Cell = string | number | boolean | null | undefined;

/** One cell as written: empty for null, numbers and booleans as such, text neutralised. */
export function formatCell(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  return neutraliseText(value);
}

/** Lists in one cell (flags, claimants) are joined with ";" — a character no slug or flag contains. */
export function listCell(values: readonly string[]): string {
  return values.join(";");
}
