// The export files, what each one contains and how it is written. An export is produced either as
// a sequence of text chunks (one per batch of incidents) inside one read-only Prisma snapshot
// (./snapshot.ts), or, for the stored figures, by one COPY statement whose rows PostgreSQL formats
// (./copy-export.ts). Either way it comes out as bytes: the route streams them, the manifest
// hashes the very same bytes.
import "server-only";
import { stringify } from "csv-stringify/sync";
import type { Db, Tx } from "@/lib/db";
import { databaseUrlOf } from "@/lib/db/raw-pg";
import type { ComputedMethod } from "@/lib/domain/reconcile";
import type { IncidentFilter } from "@/lib/validation/incident-filter";
import { ACLED_COLUMNS, CLAIMS_COLUMNS, FIGURES_COLUMNS, GED_COLUMNS } from "./columns";
import { claimsRows } from "./claims-export";
import { openCopyExport, type ByteChunk, type CopyPlan, type DataVersion } from "./copy-export";
import { formatCell, type Cell } from "./csv-cell";
import { acledRows, gedRows } from "./dataset-exports";
import { figuresRows } from "./figures-export";
import { storedFiguresCopyPlan } from "./figures-copy";
import { GEOJSON_CLOSE, GEOJSON_OPEN, geojsonFeatures } from "./geojson-export";
import { dataVersion } from "./incident-batches";
import { readInSnapshot } from "./snapshot";
import { SOURCES_COLUMNS, sourcesRows } from "./sources-export";

export type { ByteChunk } from "./copy-export";

export const EXPORT_FILES = ["figures.csv", "claims.csv", "ged.csv", "acled.csv", "incidents.geojson", "sources.csv"] as const;
export type ExportFile = (typeof EXPORT_FILES)[number];

export function isExportFile(value: string): value is ExportFile {
  return (EXPORT_FILES as readonly string[]).includes(value);
}

/** One piece of an export as built in JavaScript: text and how many data rows (CSV rows or GeoJSON features) it holds. */
export type Chunk = { text: string; rows: number };

/** How a file is produced: text chunks built from reads in one Prisma snapshot, or one COPY statement. */
type Source = { chunks: (tx: Tx) => AsyncGenerator<Chunk> } | { copy: CopyPlan };

type Spec = {
  contentType: string;
  /** Only figures.csv recomputes under a chosen method. */
  acceptsMethod: boolean;
  /** What the file's numbers are, for the X-Triangulate-Method header and the manifest. */
  methodLabel: (method: ComputedMethod | null) => string;
  source: (filter: IncidentFilter, method: ComputedMethod | null) => Source;
};

// RFC 4180: CRLF between records, and any field holding a quote, comma, CR or LF is quoted.
// (csv-stringify would leave a bare LF unquoted when the record delimiter is CRLF.) An LF or CRLF
// inside a quoted field is written as it is. ./figures-copy.ts writes the same bytes by COPY.
const CSV_OPTIONS = { record_delimiter: "\r\n", quoted_match: /[\r\n]/ } as const;

export function csvText(rows: Cell[][]): string {
  return rows.length
    ? stringify(
        rows.map((row) => row.map(formatCell)),
        CSV_OPTIONS,
      )
    : "";
}

const csvHeaderText = (columns: readonly string[]) => stringify([columns as string[]], CSV_OPTIONS);

async function* csvChunks(columns: readonly string[], batches: AsyncIterable<Cell[][]>): AsyncGenerator<Chunk> {
  yield { text: csvHeaderText(columns), rows: 0 };
  for await (const rows of batches) if (rows.length) yield { text: csvText(rows), rows: rows.length };
}

const STORED = "stored (per row: source_priority, or editor where an editor decided)";

/** How a recomputed median best is chosen, as the export's method header and manifest state it. */
export const MEDIAN_LABEL =
  "median (of the single figures; with an even count the lower of the two middle ones, so best is a figure a source gave)";

export const EXPORTS: Record<ExportFile, Spec> = {
  "figures.csv": {
    contentType: "text/csv; charset=utf-8; header=present",
    acceptsMethod: true,
    // The median is named with its rule for an even count: the lower middle figure, a figure some source gave.
    methodLabel: (method) => (method === "median" ? MEDIAN_LABEL : (method ?? STORED)),
    // Stored figures: PostgreSQL writes the rows. Recomputed ones: the pure engine, batch by batch.
    source: (filter, method) =>
      method === null
        ? { copy: { header: csvHeaderText(FIGURES_COLUMNS), ...storedFiguresCopyPlan(filter) } }
        : { chunks: (tx) => csvChunks(FIGURES_COLUMNS, figuresRows(tx, filter, method)) },
  },
  "claims.csv": {
    contentType: "text/csv; charset=utf-8; header=present",
    acceptsMethod: false,
    methodLabel: () => "none (claims as recorded; active = counted in the stored figure)",
    source: (filter) => ({ chunks: (tx) => csvChunks(CLAIMS_COLUMNS, claimsRows(tx, filter)) }),
  },
  "ged.csv": {
    contentType: "text/csv; charset=utf-8; header=present",
    acceptsMethod: false,
    methodLabel: () => `${STORED}; best/low/high = headline killed, all categories`,
    source: (filter) => ({ chunks: (tx) => csvChunks(GED_COLUMNS, gedRows(tx, filter)) }),
  },
  "acled.csv": {
    contentType: "text/csv; charset=utf-8; header=present",
    acceptsMethod: false,
    methodLabel: () => "conservative (fatalities = headline low)",
    source: (filter) => ({ chunks: (tx) => csvChunks(ACLED_COLUMNS, acledRows(tx, filter)) }),
  },
  "sources.csv": {
    contentType: "text/csv; charset=utf-8; header=present",
    acceptsMethod: false,
    methodLabel: () =>
      "track record: each source's active figure vs the others' source_priority figure without it (leave-one-out); median ratio with a bootstrap 90 % interval (1,000 resamples, seed 20)",
    source: (filter) => ({ chunks: (tx) => csvChunks(SOURCES_COLUMNS, sourcesRows(tx, filter)) }),
  },
  "incidents.geojson": {
    contentType: "application/geo+json; charset=utf-8",
    acceptsMethod: false,
    methodLabel: () => STORED,
    source: (filter) => ({
      chunks: async function* (tx) {
        yield { text: GEOJSON_OPEN, rows: 0 };
        let first = true;
        for await (const features of geojsonFeatures(tx, filter)) {
          if (!features.length) continue;
          yield { text: (first ? "" : ",\n") + features.join(",\n"), rows: features.length };
          first = false;
        }
        yield { text: GEOJSON_CLOSE, rows: 0 };
      },
    }),
  },
};

export type OpenedExport = {
  /** A fingerprint known before the first byte: incidents matched and their latest change. */
  dataVersion: DataVersion;
  chunks: AsyncGenerator<ByteChunk>;
};

/**
 * Starts an export: opens its snapshot, reads the cheap fingerprint in it (so headers can carry
 * it) and returns the bytes, which the caller must consume or `return()` to release the snapshot.
 * A COPY export runs on a direct connection to the database of `db`: `options.databaseUrl`, else
 * the URL recorded for `db` (lib/db/raw-pg.ts rememberDatabaseUrl), else DATABASE_URL (the app's client).
 */
export async function openExport(
  db: Db,
  file: ExportFile,
  filter: IncidentFilter,
  method: ComputedMethod | null,
  options: { databaseUrl?: string } = {},
): Promise<OpenedExport> {
  const source = EXPORTS[file].source(filter, method);
  if ("copy" in source) return openCopyExport(source.copy, options.databaseUrl ?? databaseUrlOf(db));
  type Item = { version: DataVersion } | { chunk: Chunk };
  const items = readInSnapshot<Item>(db, async function* (tx) {
    yield { version: await dataVersion(tx, filter) };
    for await (const chunk of source.chunks(tx)) yield { chunk };
  });
  const first = await items.next();
  if (first.done || !("version" in first.value)) throw new Error("export produced no fingerprint");
  const version = first.value.version;
  async function* chunks(): AsyncGenerator<ByteChunk> {
    for await (const item of items) if ("chunk" in item) yield { bytes: Buffer.from(item.chunk.text, "utf8"), rows: item.chunk.rows };
  }
  const iterator = chunks();
  // Returning early from the outer generator must release the snapshot too.
  const originalReturn = iterator.return.bind(iterator);
  iterator.return = async (value) => {
    await items.return(undefined);
    return originalReturn(value);
  };
  return { dataVersion: version, chunks: iterator };
}
