import { errorResponse } from "@/lib/errors";
import { timelineData } from "@/lib/timeline/timeline-queries";
import { parseTimelineQuery } from "@/lib/validation/timeline-query";

/** GET /api/timeline?interval=auto|week|month&<filter>: incidents and reconciled killed per bucket. */
export async function GET(request: Request) {
  try {
    const { interval, ...filter } = parseTimelineQuery(new URL(request.url).searchParams);
    return Response.json(await timelineData(filter, interval));
  } catch (error) {
    return errorResponse(error);
  }
}
