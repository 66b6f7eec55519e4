// Sessions and API tokens in PostgreSQL.
import "server-only";
import type { Db } from "@/lib/db";
import { newSecret, secretHash } from "./tokens";
import type { SessionUser } from "./roles";

export const SESSION_COOKIE = "triangulate_session";
export const SESSION_DAYS = 14;

const userSelect = { id: true, email: true, name: true, role: true, disabledAt: true } as const;

export async function createSession(db: Db, userId: string): Promise<{ token: string; expiresAt: Date }> {
  const token = newSecret("ses");
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await db.session.create({ data: { id: secretHash(token), userId, expiresAt } });
  return { token, expiresAt };
}

export async function userForSessionToken(db: Db, token: string | undefined | null): Promise<SessionUser | null> {
  if (!token) return null;
  const session = await db.session.findUnique({ where: { id: secretHash(token) }, include: { user: { select: userSelect } } });
  if (!session || session.expiresAt < new Date() || session.user.disabledAt) return null;
  // Touch at most once an hour: enough to see activity without a write per request.
  if (Date.now() - session.lastSeenAt.getTime() > 3_600_000) {
    await db.session.update({ where: { id: session.id }, data: { lastSeenAt: new Date() } }).catch(() => {});
  }
  const { id, email, name, role } = session.user;
  return { id, email, name, role };
}

export async function deleteSession(db: Db, token: string | undefined | null) {
  if (token) await db.session.deleteMany({ where: { id: secretHash(token) } });
}

export async function createApiToken(db: Db, userId: string, name: string) {
  const token = newSecret("tri");
  const row = await db.apiToken.create({ data: { userId, name, tokenHash: secretHash(token), prefix: token.slice(0, 10) } });
  return { token, row };
}

export async function userForApiToken(db: Db, token: string): Promise<SessionUser | null> {
  const row = await db.apiToken.findUnique({ where: { tokenHash: secretHash(token) }, include: { user: { select: userSelect } } });
  if (!row || row.revokedAt || row.user.disabledAt) return null;
  await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } }).catch(() => {});
  const { id, email, name, role } = row.user;
  return { id, email, name, role };
}
