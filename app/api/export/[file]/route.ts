// GET /api/export/{figures.csv|claims.csv|ged.csv|acled.csv|incidents.geojson}: streamed, filtered exports.
import { db } from "@/lib/db";
import { NotFoundError, errorResponse } from "@/lib/errors";
import { EXPORT_FILES, isExportFile } from "@/lib/export/export-registry";
import { exportResponse } from "@/lib/export/export-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  try {
    const { file } = await params;
    if (!isExportFile(file)) throw new NotFoundError(`The export "${file}" (exports: ${EXPORT_FILES.join(", ")})`);
    return await exportResponse(db, file, new URL(request.url).searchParams);
  } catch (error) {
    return errorResponse(error);
  }
}
