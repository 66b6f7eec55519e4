// GET /api/timeline: the incident filter, plus the bucket size (week, month, or auto = chosen
// from the span of the matching incidents).
import { z } from "zod";
import { FILTER_KEYS } from "@/lib/filters/filter-url";
import { TIMELINE_INTERVALS } from "@/lib/timeline/timeline-buckets";
import { parseQuery, withFilter } from "./incident-filter";

export const TimelineQuerySchema = withFilter({
  interval: z
    .enum(["auto", ...TIMELINE_INTERVALS], { message: `interval must be one of auto, ${TIMELINE_INTERVALS.join(", ")}` })
    .default("auto"),
});

export type TimelineQuery = z.output<typeof TimelineQuerySchema>;

export function parseTimelineQuery(params: URLSearchParams): TimelineQuery {
  return parseQuery(TimelineQuerySchema, params, [...FILTER_KEYS, "interval"]);
}
