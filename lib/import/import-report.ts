// Plain-text reports of an import, for the command line (the upload page renders the same summary as HTML).
import type { ImportSummary, RowError } from "./import-types";

export function formatRowError(error: RowError): string {
  const place = error.row === null ? (error.line ? `line ${error.line}` : "file") : `row ${error.row} (line ${error.line})`;
  const column = error.column ? `, column ${error.column}` : "";
  const value =
    error.value !== undefined && error.value !== ""
      ? ` [${JSON.stringify(error.value.length > 60 ? `${error.value.slice(0, 60)}…` : error.value)}]`
      : "";
  return `${place}${column}: ${error.message}${value}`;
}

const incidents = (n: number) => `${n} incident${n === 1 ? "" : "s"}`;

/** What happened to the figures of the incidents the import touched. */
export function figuresOutcome(s: Pick<ImportSummary, "figuresRefreshed" | "figuresQueued">): string {
  if (s.figuresQueued) {
    return `queued for ${incidents(s.figuresQueued)}: they are reconciled in the background, and until then each shows its figures from before the import, marked as being reconciled`;
  }
  return `refreshed for ${incidents(s.figuresRefreshed)}`;
}

export function formatSummary(s: ImportSummary): string {
  const seconds = (s.durationMs / 1000).toFixed(1);
  if (!s.imported) {
    if (s.dryRun && s.errors.length === 0)
      return `Dry run of ${s.fileName}: all ${s.rows} rows are valid; nothing was written (${seconds} s).`;
    return (
      `Nothing was imported from ${s.fileName}: ${s.invalidRows} of ${s.rows} rows are invalid` +
      (s.errors.some((e) => e.row === null) ? " (or the file itself is)" : "") +
      `. Fix them, or import the valid rows only with --valid-only. (${seconds} s)`
    );
  }
  const lines = [
    `Imported ${s.fileName} (${s.format}): ${s.rows - s.invalidRows} of ${s.rows} rows in ${seconds} s${s.invalidRows ? `, ${s.invalidRows} invalid rows skipped` : ""}.`,
    `  incidents: ${s.incidentsCreated} created, ${s.incidentsMatched} matched`,
    `  claims: ${s.claimsCreated} created, ${s.claimsAlreadyPresent} already present, ${s.claimsSuperseded} superseded`,
    `  figures ${figuresOutcome(s)}`,
  ];
  if (s.sourcesCreated.length) lines.push(`  new sources (check their names): ${s.sourcesCreated.join(", ")}`);
  if (s.documentsCreated) lines.push(`  documents created: ${s.documentsCreated}`);
  return lines.join("\n");
}
