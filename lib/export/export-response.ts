// HTTP side of the exports: a streamed file with its provenance in headers, and the manifest
// that fingerprints the same bytes.
import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "@/lib/db";
import type { ComputedMethod } from "@/lib/domain/reconcile";
import type { IncidentFilter } from "@/lib/validation/incident-filter";
import { EXPORTS, openExport, type ByteChunk, type ExportFile } from "./export-registry";
import { APP_VERSION, canonicalFilter, dataVersionLabel, exportFileName, parseExportQuery, provenanceHeaders } from "./export-request";

/** A pull-based byte stream: the next piece is read from the database only when the client wants more. */
export function chunkStream(chunks: AsyncGenerator<ByteChunk>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value.bytes);
      } catch (error) {
        // Headers are gone already: all we can do is cut the body, so the client sees a failed download.
        console.error("export failed mid-stream", error);
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

export async function exportResponse(db: Db, file: ExportFile, params: URLSearchParams): Promise<Response> {
  const { filter, method } = parseExportQuery(file, params);
  const generatedAt = new Date();
  const opened = await openExport(db, file, filter, method);
  const spec = EXPORTS[file];
  const headers = provenanceHeaders(
    {
      file,
      generatedAt: generatedAt.toISOString(),
      filter: canonicalFilter(filter),
      method: spec.methodLabel(method),
      appVersion: APP_VERSION,
      dataVersion: dataVersionLabel(opened.dataVersion),
    },
    exportFileName(file, generatedAt, method, canonicalFilter(filter)),
  );
  return new Response(chunkStream(opened.chunks), { headers: { "Content-Type": spec.contentType, ...headers } });
}

export type Manifest = {
  file: ExportFile;
  fileName: string;
  generatedAt: string;
  /** The filter in canonical query-string form ("" = everything), and as parsed. */
  filter: string;
  filterParameters: Record<string, string>;
  method: string;
  appVersion: string;
  dataVersion: string;
  /** CSV data rows (header excluded) or GeoJSON features. */
  rows: number;
  bytes: number;
  /** SHA-256 of the file's bytes: the same data and filter always give the same value. */
  sha256: string;
  url: string;
};

export async function exportManifest(db: Db, file: ExportFile, filter: IncidentFilter, method: ComputedMethod | null): Promise<Manifest> {
  const generatedAt = new Date();
  const opened = await openExport(db, file, filter, method);
  const hash = createHash("sha256");
  let rows = 0;
  let bytes = 0;
  for await (const chunk of opened.chunks) {
    hash.update(chunk.bytes);
    bytes += chunk.bytes.byteLength;
    rows += chunk.rows;
  }
  const filterString = canonicalFilter(filter);
  const query = new URLSearchParams(filterString);
  if (method) query.set("method", method);
  return {
    file,
    fileName: exportFileName(file, generatedAt, method, filterString),
    generatedAt: generatedAt.toISOString(),
    filter: filterString,
    filterParameters: Object.fromEntries(new URLSearchParams(filterString)),
    method: EXPORTS[file].methodLabel(method),
    appVersion: APP_VERSION,
    dataVersion: dataVersionLabel(opened.dataVersion),
    rows,
    bytes,
    sha256: hash.digest("hex"),
    url: `/api/export/${file}${query.size ? `?${query}` : ""}`,
  };
}
