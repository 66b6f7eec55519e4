// GET /api/export/manifest?file=figures.csv&<filter>: provenance and SHA-256 of that export.
import { db } from "@/lib/db";
import { errorResponse } from "@/lib/errors";
import { exportManifest } from "@/lib/export/export-response";
import { parseManifestQuery } from "@/lib/export/export-request";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  try {
    const { file, filter, method } = parseManifestQuery(new URL(request.url).searchParams);
    return Response.json(await exportManifest(db, file, filter, method), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
