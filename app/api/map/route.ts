import { cachedByDataVersion } from "@/lib/cache/data-version-cache";
import { errorResponse } from "@/lib/errors";
import { mapData } from "@/lib/map/map-queries";
import { parseMapQuery } from "@/lib/validation/map-query";

/** GET /api/map?bbox=…&zoom=…&<filter>: incidents, or server-side clusters, for one viewport. */
export async function GET(request: Request) {
  try {
    const { zoom, bbox, ...filter } = parseMapQuery(new URL(request.url).searchParams);
    const url = new URL(request.url);
    url.searchParams.sort();
    return Response.json(await cachedByDataVersion(`${url.pathname}?${url.searchParams}`, () => mapData(filter, bbox, zoom)));
  } catch (error) {
    return errorResponse(error);
  }
}
