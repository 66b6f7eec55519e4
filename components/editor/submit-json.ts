// Sends a form's values as JSON and turns the answer into what the form shows: success, or the
// field messages and the conflicting newer values from a 4xx.
import type { FieldIssues } from "@/lib/errors";

export type FieldErrors = Record<string, string[]>;
export type { FieldIssues };
export type SubmitOutcome<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      status: number;
      /** The API's error code ("invalid", "conflict"…); "network" when the server could not be reached. */
      code: string;
      message: string;
      fields: FieldErrors;
      /** What each field message is (zod issue code…), for the form to word it in its reader's language. */
      issues: FieldIssues;
      current?: Record<string, unknown>;
      conflicts?: FieldConflict[];
      proposal?: Record<string, unknown>;
    };

/** A field both you and someone else changed since you opened the record (a 409 of a three-way merge). */
export type FieldConflict = { field: string; base: unknown; theirs: unknown; yours: unknown };

export async function submitJson<T>(url: string, method: "POST" | "PATCH", body: unknown): Promise<SubmitOutcome<T>> {
  let response: Response;
  try {
    response = await fetch(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  } catch {
    return {
      ok: false,
      status: 0,
      code: "network",
      message: "Could not reach the server. Your input is kept; try again.",
      fields: {},
      issues: {},
    };
  }
  const payload = (await response.json().catch(() => null)) as {
    error?: {
      code?: string;
      message?: string;
      fields?: FieldErrors;
      issues?: FieldIssues;
      current?: Record<string, unknown>;
      conflicts?: FieldConflict[];
      proposal?: Record<string, unknown>;
    };
  } | null;
  if (response.ok) return { ok: true, data: payload as T };
  return {
    ok: false,
    status: response.status,
    code: payload?.error?.code ?? "http",
    message: payload?.error?.message ?? `The server answered ${response.status}.`,
    fields: payload?.error?.fields ?? {},
    issues: payload?.error?.issues ?? {},
    current: payload?.error?.current ?? undefined,
    conflicts: payload?.error?.conflicts ?? undefined,
    proposal: payload?.error?.proposal ?? undefined,
  };
}

/** The messages for one field (zod paths such as "valueMax" or "actors.0.name"). */
export function messagesFor(fields: FieldErrors, name: string): string[] {
  return Object.entries(fields)
    .filter(([key]) => key === name || key.startsWith(`${name}.`))
    .flatMap(([, messages]) => messages);
}
