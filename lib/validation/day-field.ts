// The zod field of every calendar day in forms, routes, filters and imports.
import { z } from "zod";
import { ISO_DAY, isCalendarDay } from "./calendar-day";

/** A zod field for a calendar day written YYYY-MM-DD, its messages naming `field`. */
export const dayField = (field: string) =>
  z
    .string({ message: `${field} must be a date written YYYY-MM-DD` })
    .regex(ISO_DAY, `${field} must be a date written YYYY-MM-DD`)
    .refine(isCalendarDay, { message: `${field} is not a real calendar date`, params: { code: "calendar_day" } });
