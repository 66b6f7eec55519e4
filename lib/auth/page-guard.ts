// For pages that only some roles may open: anonymous visitors go to /login (and come back),
// signed-in users with too low a role see a clear refusal.
import "server-only";
import { redirect } from "next/navigation";
import type { UserRole } from "@/lib/domain/vocabularies";
import { currentUser } from "./current-user";
import { hasRole, type SessionUser } from "./roles";

export async function pageUser(
  role: UserRole,
  returnTo: string,
): Promise<{ user: SessionUser; allowed: true } | { user: SessionUser; allowed: false }> {
  const user = await currentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(returnTo)}`);
  return hasRole(user, role) ? { user, allowed: true } : { user, allowed: false };
}
