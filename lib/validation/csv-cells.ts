// Building blocks for the zod schemas of imported CSV rows. Cells arrive as trimmed strings
// ("" = empty); every message names the column, because that is what a person fixes. A custom
// rule's `params.code` names its words in the catalogues (lib/import/row-problems.ts).
import { z } from "zod";
import { ISO_DAY, isCalendarDay } from "./calendar-day";

export const emptyToNull = (value: unknown) => (value === "" || value === undefined ? null : value);

export const text = (column: string, max = 500) =>
  z.preprocess(emptyToNull, z.string().max(max, `${column} is at most ${max} characters`).nullable());

export const requiredText = (column: string, max = 500) =>
  z
    .string({ message: `${column} is required` })
    .min(1, `${column} is required`)
    .max(max, `${column} is at most ${max} characters`);

/** A whole, non-negative number written in digits ("1,200" is refused: the comma is ambiguous across locales). */
export const countCell = (column: string) =>
  z
    .string({ message: `${column} is required` })
    .min(1, `${column} is required`)
    .refine((v) => /^-?\d+(\.\d+)?$/.test(v), { message: `${column} must be a number written in digits`, params: { code: "digits" } })
    .transform(Number)
    .pipe(
      z
        .number()
        .int(`${column} must be a whole number`)
        .min(0, `${column} cannot be negative`)
        .max(10_000_000, `${column} is implausibly large`),
    );

export const optionalCount = (column: string) => z.preprocess(emptyToNull, countCell(column).nullable());

export const coordinate = (column: string, limit: number) =>
  z
    .string({ message: `${column} is required` })
    .min(1, `${column} is required`)
    .refine((v) => /^-?\d+(\.\d+)?$/.test(v), { message: `${column} must be a decimal number`, params: { code: "decimal" } })
    .transform(Number)
    .pipe(
      z.number().refine((v) => v >= -limit && v <= limit, {
        message: `${column} must lie between -${limit} and ${limit}`,
        params: { code: "between", limit },
      }),
    );

export const smallCode = (column: string, min: number, max: number) =>
  z.preprocess(
    emptyToNull,
    z
      .string()
      .refine((v) => /^\d+$/.test(v), {
        message: `${column} must be a whole number from ${min} to ${max}`,
        params: { code: "code_digits", min, max },
      })
      .transform(Number)
      .pipe(
        z.number().refine((v) => v >= min && v <= max, {
          message: `${column} must be from ${min} to ${max}`,
          params: { code: "code_range", min, max },
        }),
      )
      .nullable(),
  );

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** YYYY-MM-DD when the numbers name a day of the calendar (the one rule: calendar-day.ts), else null. */
function realDay(year: number, month: number, day: number): string | null {
  const iso = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return isCalendarDay(iso) ? iso : null;
}

/**
 * A day as the datasets write it: 2025-02-07, 2025-02-07 00:00:00.000 (UCDP), 07 February 2025
 * or 7-February-2025 (ACLED's older exports). Returns YYYY-MM-DD, or null when it is not a real day.
 */
export function parseDay(value: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(value);
  if (iso) return realDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const written = /^(\d{1,2})[ -]([A-Za-z]+)[ -](\d{4})$/.exec(value);
  if (written) {
    const month = MONTHS.findIndex((m) => m === written[2]!.toLowerCase() || m.slice(0, 3) === written[2]!.toLowerCase()) + 1;
    return month ? realDay(Number(written[3]), month, Number(written[1])) : null;
  }
  return null;
}

export const dayCell = (column: string) =>
  z
    .string({ message: `${column} is required` })
    .min(1, `${column} is required`)
    .transform((value, ctx) => {
      const day = parseDay(value);
      if (!day && ISO_DAY.test(value)) {
        // Written as it should be, but no such day (2025-02-30): say so rather than repeat the format.
        ctx.addIssue({ code: "custom", message: `${column} is not a real calendar date`, params: { code: "calendar_day" } });
        return z.NEVER;
      }
      if (!day) {
        ctx.addIssue({
          code: "custom",
          message: `${column} must be a date written YYYY-MM-DD (or "7 February 2025"), got "${value}"`,
          params: { code: "day", value },
        });
        return z.NEVER;
      }
      return day;
    });

export const optionalDay = (column: string) => z.preprocess(emptyToNull, dayCell(column).nullable());
