// Login attempts are rate-limited in PostgreSQL (works across processes, servers and restarts):
// at most 5 failures per email and 20 per client address in a 15-minute window.
//
// Counting and checking are one atomic step: each attempt first reserves its place by adding one
// to the email's and the address's counters in a single upsert (the row lock orders concurrent
// attempts), and is evaluated only when both counts stay within the limit. So 30 concurrent wrong
// passwords for one email get exactly 5 evaluations; the others are refused (429) unevaluated.
// A successful sign-in gives its place back. A window starts at a key's first counted attempt
// and ends 15 minutes later. Every evaluated attempt is also logged in LoginAttempt.
import "server-only";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export const WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 20;

export type LoginReservation = { keys: [string, string] };

const keysFor = (email: string, ip: string): [string, string] => [`email:${email}`, `ip:${ip}`];

/** Counts this attempt against the email and the address; throws 429 when either is over its limit. */
export async function reserveLoginAttempt(db: Db, email: string, ip: string): Promise<LoginReservation> {
  const keys = keysFor(email, ip);
  const rows = await db.$queryRaw<{ key: string; failures: number }[]>`
    INSERT INTO "LoginThrottle" AS t ("key", "windowStart", "failures")
    VALUES (${keys[0]}, clock_timestamp(), 1), (${keys[1]}, clock_timestamp(), 1)
    ON CONFLICT ("key") DO UPDATE SET
      "windowStart" = CASE WHEN t."windowStart" < clock_timestamp() - make_interval(mins => ${WINDOW_MINUTES}::int) THEN clock_timestamp() ELSE t."windowStart" END,
      "failures" = CASE WHEN t."windowStart" < clock_timestamp() - make_interval(mins => ${WINDOW_MINUTES}::int) THEN 1 ELSE t."failures" + 1 END
    RETURNING "key", "failures"`;
  const count = (key: string) => rows.find((r) => r.key === key)?.failures ?? 0;
  if (count(keys[0]) > MAX_FAILURES_PER_EMAIL || count(keys[1]) > MAX_FAILURES_PER_IP) {
    throw new AppError(429, `Too many failed sign-ins. Wait ${WINDOW_MINUTES} minutes and try again.`, "rate_limited");
  }
  return { keys };
}

/** Logs an evaluated attempt; a success gives its reserved place back, so only failures count. */
export async function recordLoginAttempt(db: Db, reservation: LoginReservation, email: string, ip: string, success: boolean) {
  await db.loginAttempt.create({ data: { email, ip, success } });
  if (success) {
    // One row per statement: a statement locking both rows could deadlock with a reservation.
    for (const key of reservation.keys)
      await db.$executeRaw`UPDATE "LoginThrottle" SET "failures" = "failures" - 1 WHERE "key" = ${key} AND "failures" > 0`;
    // Expired windows count for nothing: drop them now and then, so the table stays small.
    // SKIP LOCKED: never wait on (or deadlock with) an attempt counting itself right now.
    await db.$executeRaw`DELETE FROM "LoginThrottle" WHERE "key" IN (SELECT "key" FROM "LoginThrottle" WHERE "windowStart" < clock_timestamp() - make_interval(mins => ${WINDOW_MINUTES}::int) FOR UPDATE SKIP LOCKED)`;
  }
}
