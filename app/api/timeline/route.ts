import { cachedByDataVersion } from "@/lib/cache/data-version-cache";
import { errorResponse } from "@/lib/errors";
import { timelineData } from "@/lib/timeline/timeline-queries";
import { parseTimelineQuery } from "@/lib/validation/timeline-query";

/** GET /api/timeline?interval=auto|week|month&<filter>: incidents and reconciled killed per bucket. */
export async function GET(request: Request) {
  try {
    const { interval, ...filter } = parseTimelineQuery(new URL(request.url).searchParams);
    const url = new URL(request.url);
    url.searchParams.sort();
    return Response.json(await cachedByDataVersion(`${url.pathname}?${url.searchParams}`, () => timelineData(filter, interval)));
  } catch (error) {
    return errorResponse(error);
  }
}
