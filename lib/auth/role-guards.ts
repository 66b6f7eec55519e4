// Role-checked wrappers for every mutation: server actions (editorAction, adminAction) and
// route handlers (withRole). The check runs on the server before anything is read or written:
// anonymous → 401, too low a role → 403.
import "server-only";
import type { UserRole } from "@/lib/domain/vocabularies";
import { errorResponse } from "@/lib/errors";
import { csrfRefusal } from "@/lib/http/csrf";
import { assertSafeText } from "@/lib/validation/safe-text";
import { actionError, type ActionResult } from "./action-result";
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
