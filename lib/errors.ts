// Two kinds of error. Expected ones (AppError) carry an HTTP status and a message shown as written;
// everything else is logged and answered with a generic message.
import { ZodError, type z } from "zod";
import { RETRY_AFTER_SECONDS, isDatabaseUnavailable, noteDatabaseUnavailable, unavailableMessage } from "@/lib/db/database-unavailable";
import { Prisma } from "@/lib/generated/prisma/client";

export type FieldProblems = Record<string, string[]>;
/**
 * What each field problem is, for a form to word it in its reader's language: the zod issue code,
 * the rule of a custom issue (its `params.code`), and the numbers or words the message needs.
 * Parallel to FieldProblems (the i-th issue of a field is its i-th message).
 */
export type FieldIssue = { code: string; rule?: string; values?: Record<string, string | number> };
export type FieldIssues = Record<string, FieldIssue[]>;

export class AppError extends Error {
  /** Set for a validation error: the kind of each field problem (see FieldIssue). */
  issues?: FieldIssues;
  constructor(
    readonly status: number,
    message: string,
    readonly code: string,
    readonly fields?: FieldProblems,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export class NotFoundError extends AppError {
  constructor(what: string) {
    super(404, `${what} was not found.`, "not_found");
  }
}

/** What a 409 can carry besides `current`: the fields both sides changed, and the merge proposed. */
export type ConflictDetails = { conflicts?: { field: string; base: unknown; theirs: unknown; yours: unknown }[]; proposal?: unknown };

/**
 * A save against a stale version that a merge cannot settle, or a duplicate. `current` carries
 * the newer values so a form can show them; `details` the per-field conflicts of a three-way merge.
 */
export class ConflictError extends AppError {
  constructor(
    message: string,
    readonly current?: unknown,
    readonly details: ConflictDetails = {},
  ) {
    super(409, message, "conflict");
  }
}

export function fieldProblems(error: ZodError): FieldProblems {
  const fields: FieldProblems = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/** What one zod issue is (FieldIssue); the import's cell problems are read off it too (lib/import/row-problems.ts). */
export function issueOf(issue: z.core.$ZodIssue): FieldIssue {
  const values: Record<string, string | number> = {};
  const raw = issue as unknown as Record<string, unknown>;
  for (const key of ["origin", "minimum", "maximum", "expected", "format"]) {
    const value = raw[key];
    if (typeof value === "string" || typeof value === "number") values[key] = value;
    else if (typeof value === "bigint") values[key] = Number(value);
  }
  if (Array.isArray(raw.values)) values.values = raw.values.map(String).join(", ");
  let rule: string | undefined;
  if (issue.code === "custom" && issue.params) {
    for (const [key, value] of Object.entries(issue.params)) {
      if (key === "code" && typeof value === "string") rule = value;
      else if (typeof value === "string" || typeof value === "number") values[key] = value;
    }
  }
  return { code: issue.code, ...(rule ? { rule } : {}), ...(Object.keys(values).length ? { values } : {}) };
}

export function fieldIssues(error: ZodError): FieldIssues {
  const issues: FieldIssues = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    (issues[key] ??= []).push(issueOf(issue));
  }
  return issues;
}

/** The columns of a unique violation: classic engines report meta.target, driver adapters the constraint. */
function uniqueFields(meta: Record<string, unknown> | undefined): string[] {
  const target = meta?.target;
  if (Array.isArray(target)) return target.map(String);
  if (typeof target === "string") return [target];
  const cause = (meta?.driverAdapterError as { cause?: { constraint?: { fields?: unknown } } } | undefined)?.cause;
  const fields = cause?.constraint?.fields;
  return Array.isArray(fields) ? fields.map((f) => String(f).replace(/"/g, "")) : [];
}

/** PostgreSQL cannot be reached (restarting, unreachable): not a bug, 503 with Retry-After. */
export class DatabaseUnavailableError extends AppError {
  constructor() {
    super(503, unavailableMessage, "database_unavailable");
  }
}

/** Normalises any thrown value to an expected error (or null when it is a bug to log). */
export function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (isDatabaseUnavailable(error)) {
    // The next requests get proxy.ts's 503 at once rather than meet the lost database again.
    noteDatabaseUnavailable();
    return new DatabaseUnavailableError();
  }
  if (error instanceof ZodError) {
    const fields = fieldProblems(error);
    const summary = Object.entries(fields)
      .map(([field, messages]) => `${field}: ${messages.join("; ")}`)
      .join(" | ");
    return Object.assign(new AppError(400, `Invalid input — ${summary}`, "invalid", fields), { issues: fieldIssues(error) });
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    const fields = uniqueFields(error.meta);
    const conflict = new ConflictError(
      fields.length ? `A record with the same ${fields.join(", ")} already exists.` : "A record with these values already exists.",
    );
    return fields.length
      ? Object.assign(conflict, { fields: Object.fromEntries(fields.map((f) => [f, [`this ${f} is already taken`]])) })
      : conflict;
  }
  return null;
}

export function errorResponse(error: unknown): Response {
  const expected = toAppError(error);
  if (expected) {
    const conflict = expected instanceof ConflictError ? { current: expected.current, ...expected.details } : {};
    const headers = expected instanceof DatabaseUnavailableError ? { "Retry-After": String(RETRY_AFTER_SECONDS) } : undefined;
    return Response.json(
      { error: { code: expected.code, message: expected.message, fields: expected.fields, issues: expected.issues, ...conflict } },
      { status: expected.status, headers },
    );
  }
  console.error(error);
  return Response.json({ error: { code: "internal", message: "Something went wrong on our side. It has been logged." } }, { status: 500 });
}
