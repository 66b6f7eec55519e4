import { errorResponse } from "@/lib/errors";
import { mapData } from "@/lib/map/map-queries";
import { parseMapQuery } from "@/lib/validation/map-query";

/** GET /api/map?bbox=…&zoom=…&<filter>: incidents, or server-side clusters, for one viewport. */
export async function GET(request: Request) {
  try {
    const { zoom, bbox, ...filter } = parseMapQuery(new URL(request.url).searchParams);
    return Response.json(await mapData(filter, bbox, zoom));
  } catch (error) {
    return errorResponse(error);
  }
}
