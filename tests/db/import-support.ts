// Helpers for the import tests: a database that has the Kobé incident and sources but no
// claims (what a fresh Triangulate has after its incidents are loaded), and CSV writing.
import { stringify } from "csv-stringify/sync";
import type { Db } from "@/lib/db";
import { runImport } from "@/lib/import/run-import";
import type { ImportFormat, ImportOptions } from "@/lib/import/import-types";

/** Copies incidents (with actors), sources, documents and relays from one database to another — not claims or figures. */
export async function copyReferenceData(from: Db, to: Db): Promise<void> {
  await to.source.createMany({ data: await from.source.findMany() });
  await to.document.createMany({ data: await from.document.findMany() });
  await to.documentRelay.createMany({ data: await from.documentRelay.findMany() });
  const incidents = await from.incident.findMany();
  await to.incident.createMany({
    data: incidents.map((i) => ({ ...i, headlineLow: null, headlineBest: null, headlineHigh: null, headlineContested: false, flags: [] })),
  });
  await to.incidentActor.createMany({ data: await from.incidentActor.findMany() });
}

export function csv(header: readonly string[], rows: (string | number | null)[][]): string {
  return stringify([header as string[], ...rows.map((r) => r.map((c) => (c === null ? "" : String(c))))], {
    record_delimiter: "\r\n",
    quoted_match: /[\r\n]/,
  });
}

export function importText(db: Db, format: ImportFormat, text: string, options: Partial<ImportOptions> = {}) {
  return runImport(db, text, { format, fileName: `test-${format}.csv`, actorId: null, ...options });
}

export async function counts(db: Db) {
  const [incidents, claims, sources, documents, figures, audits] = await Promise.all([
    db.incident.count(),
    db.claim.count(),
    db.source.count(),
    db.document.count(),
    db.reconciliation.count(),
    db.auditEvent.count(),
  ]);
  return { incidents, claims, sources, documents, figures, audits };
}
