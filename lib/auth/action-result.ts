// What a server action returns to its form: data, or an error a person can act on.
import { ConflictError, toAppError, type FieldIssues, type FieldProblems } from "@/lib/errors";

export type ActionError = {
  status: number;
  code: string;
  message: string;
  fields?: FieldProblems;
  issues?: FieldIssues;
  current?: unknown;
};
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

export function actionError(error: unknown): { ok: false; error: ActionError } {
  const expected = toAppError(error);
  if (!expected) {
    console.error(error);
    return { ok: false, error: { status: 500, code: "internal", message: "Something went wrong on our side. It has been logged." } };
  }
  return {
    ok: false,
    error: {
      status: expected.status,
      code: expected.code,
      message: expected.message,
      fields: expected.fields,
      issues: expected.issues,
      current: expected instanceof ConflictError ? JSON.parse(JSON.stringify(expected.current ?? null)) : undefined,
    },
  };
}
