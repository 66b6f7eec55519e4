// GET /api/map: the incident filter, plus the viewport (required) and the zoom it is drawn at.
import { z } from "zod";
import { FILTER_KEYS } from "@/lib/filters/filter-url";
import { BboxSchema, parseQuery, withFilter } from "./incident-filter";

export const MapQuerySchema = withFilter({
  bbox: z.string({ message: "bbox is required: the map's viewport as minLon,minLat,maxLon,maxLat" }).pipe(BboxSchema),
  zoom: z.coerce
    .number({ message: "zoom is required: the map's zoom level, 0–22" })
    .int("zoom must be a whole number")
    .min(0, "zoom must be at least 0")
    .max(22, "zoom must be at most 22"),
});

export type MapQuery = z.output<typeof MapQuerySchema>;

export function parseMapQuery(params: URLSearchParams): MapQuery {
  return parseQuery(MapQuerySchema, params, [...FILTER_KEYS, "zoom"]);
}
