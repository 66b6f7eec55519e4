// Text no field may hold, whatever the field: a NUL character (PostgreSQL's text type cannot store
// it) and a lone UTF-16 surrogate ("\ud800" in JSON: not a character, it has no UTF-8 form and
// jsonb refuses it). Checked once where input enters — JSON bodies (readJson), query strings
// (parseQuery, searchParamsRecord), form fields and route parameters — so every schema behind
// those doors can assume well-formed text, and the 400 names the field.
import { z } from "zod";

type Path = (string | number)[];

/** Why this text cannot be stored, or null when it can. */
export function unsafeTextReason(value: string): string | null {
  if (value.includes("\u0000")) return "contains a NUL character (\\u0000), which cannot be stored";
  if (!value.isWellFormed()) return "contains an unpaired UTF-16 surrogate (e.g. \\ud800), which is not text";
  return null;
}

function fieldName(path: Path): string {
  return path.length ? path.join(".") : "body";
}

function collect(value: unknown, path: Path, issues: z.core.$ZodIssue[], depth: number): void {
  if (issues.length >= 20) return; // enough to say what is wrong
  if (typeof value === "string") {
    const reason = unsafeTextReason(value);
    if (reason)
      issues.push({ code: "custom", path, message: `${fieldName(path)} ${reason}`, params: { code: "unsafe_text" }, input: undefined });
    return;
  }
  if (value === null || typeof value !== "object" || depth > 64) return;
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : value instanceof FormData
      ? [...value].map(([k, v]) => [k, typeof v === "string" ? v : v.name])
      : Object.entries(value);
  for (const [key, item] of entries) {
    if (typeof key === "string") {
      const reason = unsafeTextReason(key);
      if (reason)
        issues.push({
          code: "custom",
          path: [...path, key],
          message: `the name of ${fieldName([...path, key])} ${reason}`,
          input: undefined,
        });
    }
    collect(item, [...path, key], issues, depth + 1);
  }
}

/** Throws a ZodError (→ 400 naming each field) when any string in `value`, keys included, cannot be stored. */
export function assertSafeText(value: unknown, path: Path = []): void {
  const issues: z.core.$ZodIssue[] = [];
  collect(value, path, issues, 0);
  if (issues.length) throw new z.ZodError(issues);
}

/** Refuses a query string (or form) holding unstorable text, naming the parameter. */
export function assertSafeParams(params: URLSearchParams): void {
  for (const [key, value] of params) {
    assertSafeText(key, [key]);
    assertSafeText(value, [key]);
  }
}

/** A query string as a flat record for a zod schema (the last of a repeated key), refusing unstorable text first. */
export function searchParamsRecord(params: URLSearchParams): Record<string, string> {
  assertSafeParams(params);
  return Object.fromEntries(params);
}
