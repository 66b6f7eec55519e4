// Role-checked wrappers for every mutation: server actions (editorAction, adminAction) and
// route handlers (withRole). The check runs on the server before anything is read or written:
// anonymous → 401, too low a role → 403.
import "server-only";
import { redirect } from "next/navigation";
import type { UserRole } from "@/lib/domain/vocabularies";
import { errorResponse } from "@/lib/errors";
import { csrfRefusal } from "@/lib/http/csrf";
import { assertSafeText } from "@/lib/validation/safe-text";
import { actionError, type ActionError, type ActionResult } from "./action-result";
import { currentUser } from "./current-user";
import { requireRole, type SessionUser } from "./roles";

function roleAction(role: UserRole) {
  return function wrap<Args extends unknown[], T>(fn: (user: SessionUser, ...args: Args) => Promise<T>) {
    return async (...args: Args): Promise<ActionResult<T>> => {
      try {
        const user = requireRole(await currentUser(), role);
        assertSafeText(args); // NUL or lone surrogates in any field: a field message, not a database error
        return { ok: true, data: await fn(user, ...args) };
      } catch (error) {
        return actionError(error);
      }
    };
  };
}

export const editorAction = roleAction("editor");
export const adminAction = roleAction("admin");

export function withRole<Ctx>(role: UserRole, handler: (user: SessionUser, request: Request, context: Ctx) => Promise<Response>) {
  return async (request: Request, context: Ctx): Promise<Response> => {
    // proxy.ts checks the origin of state changes too, but not on routes outside its matcher (the
    // import upload): checked again here, so no role-guarded route depends on the matcher.
    const refused = csrfRefusal(request);
    if (refused) return refused;
    try {
      const user = requireRole(await currentUser(), role);
      return await handler(user, request, context);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/**
 * A server action used as a `<form action>`: it works before the page has hydrated (the browser
 * posts the form natively) and after (React calls it). The wrapped function returns where to go
 * on success (a redirect) or nothing (stay, with `ok: true`); an expected error comes back as
 * field messages for the form to show. The redirect happens outside the try so it is not caught.
 */
export type FormActionState = { ok: boolean; error?: ActionError; done?: string; values?: Record<string, string>; at: number } | null;

/** What was typed, handed back with an error so a form posted before hydration keeps it (never a password). */
function typedValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of form.entries())
    if (typeof value === "string" && !name.startsWith("$ACTION") && !/password/i.test(name)) values[name] = value;
  return values;
}

function roleFormAction(role: UserRole | null) {
  return function wrap(fn: (user: SessionUser | null, form: FormData) => Promise<{ redirectTo?: string; done?: string } | void>) {
    return async (_previous: FormActionState, form: FormData): Promise<FormActionState> => {
      let outcome: { redirectTo?: string; done?: string } | void;
      try {
        const user = role ? requireRole(await currentUser(), role) : null;
        outcome = await fn(user, form);
      } catch (error) {
        return { ok: false, error: actionError(error).error, values: typedValues(form), at: Date.now() };
      }
      if (outcome?.redirectTo) redirect(outcome.redirectTo);
      return { ok: true, done: outcome?.done, at: Date.now() };
    };
  };
}

export const editorFormAction = roleFormAction("editor") as (
  fn: (user: SessionUser, form: FormData) => Promise<{ redirectTo?: string; done?: string } | void>,
) => (previous: FormActionState, form: FormData) => Promise<FormActionState>;
export const adminFormAction = roleFormAction("admin") as typeof editorFormAction;
/** For the sign-in form only: nobody is signed in yet. */
export const publicFormAction = roleFormAction(null);
