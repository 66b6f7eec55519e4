// Helpers for the export and import tests: read an export to text, parse CSV back.
import { parse } from "csv-parse/sync";
import type { Db } from "@/lib/db";
import type { ComputedMethod } from "@/lib/domain/reconcile";
import { openExport, type ExportFile } from "@/lib/export/export-registry";
import type { IncidentFilter } from "@/lib/validation/incident-filter";

/** An export's bytes, as the route streams them. */
export async function exportBytes(
  db: Db,
  file: ExportFile,
  filter: IncidentFilter = {},
  method: ComputedMethod | null = null,
): Promise<Buffer> {
  const opened = await openExport(db, file, filter, method);
  const pieces: Uint8Array[] = [];
  for await (const chunk of opened.chunks) pieces.push(chunk.bytes);
  return Buffer.concat(pieces);
}

export async function exportText(
  db: Db,
  file: ExportFile,
  filter: IncidentFilter = {},
  method: ComputedMethod | null = null,
): Promise<string> {
  return (await exportBytes(db, file, filter, method)).toString("utf8");
}

/** CSV text → objects by header, exactly as pandas or R would read the cells (strings). */
export function csvRecords(text: string): Record<string, string>[] {
  return parse(text, { columns: true, bom: true }) as Record<string, string>[];
}

export function csvHeader(text: string): string[] {
  return (parse(text, { to_line: 1 }) as string[][])[0] ?? [];
}
