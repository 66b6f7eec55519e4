import { db } from "@/lib/db";
import { errorResponse } from "@/lib/errors";
import { figureQueueStatus } from "@/lib/figures/figure-queue";

/** GET /api/figure-queue: incidents whose figures wait for the worker after a large import. */
export async function GET() {
  try {
    return Response.json(await figureQueueStatus(db), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
