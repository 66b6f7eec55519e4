// Login attempts are rate-limited in PostgreSQL (works across processes and restarts):
// at most 5 failures per email and 20 per client address in 15 minutes.
import "server-only";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export const WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 20;

export async function assertLoginAllowed(db: Db, email: string, ip: string) {
  const since = new Date(Date.now() - WINDOW_MINUTES * 60_000);
  const [byEmail, byIp] = await Promise.all([
    db.loginAttempt.count({ where: { email, success: false, at: { gte: since } } }),
    db.loginAttempt.count({ where: { ip, success: false, at: { gte: since } } }),
  ]);
  if (byEmail >= MAX_FAILURES_PER_EMAIL || byIp >= MAX_FAILURES_PER_IP) {
    throw new AppError(429, `Too many failed sign-ins. Wait ${WINDOW_MINUTES} minutes and try again.`, "rate_limited");
  }
}

export async function recordLoginAttempt(db: Db, email: string, ip: string, success: boolean) {
  await db.loginAttempt.create({ data: { email, ip, success } });
}
