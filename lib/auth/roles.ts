// Roles are ordered: an admin can do what an editor can, an editor what a viewer can.
import { AppError } from "@/lib/errors";
import type { UserRole } from "@/lib/domain/vocabularies";

export type SessionUser = { id: string; email: string; name: string; role: UserRole };

const RANK: Record<UserRole, number> = { viewer: 0, editor: 1, admin: 2 };

export function hasRole(user: SessionUser | null, role: UserRole): boolean {
  return user !== null && RANK[user.role] >= RANK[role];
}

/** Throws 401 when nobody is signed in, 403 when the user's role is too low. */
export function requireRole(user: SessionUser | null, role: UserRole): SessionUser {
  if (!user) throw new AppError(401, "Sign in to do this.", "unauthenticated");
  if (!hasRole(user, role)) throw new AppError(403, `This needs the ${role} role; you are signed in as ${user.role}.`, "forbidden");
  return user;
}
