import { errorResponse } from "@/lib/errors";
import { findLikelyDuplicates } from "@/lib/incidents/duplicate-queries";
import { DuplicateQuerySchema } from "@/lib/validation/incident";
import { searchParamsRecord } from "@/lib/validation/safe-text";

/** Likely duplicates of an incident being entered (±3 days and 50 km, or a similar title). */
export async function GET(request: Request) {
  try {
    const query = DuplicateQuerySchema.parse(searchParamsRecord(new URL(request.url).searchParams));
    return Response.json({ items: await findLikelyDuplicates(query) });
  } catch (error) {
    return errorResponse(error);
  }
}
