// Login limits hold under concurrency and across servers: counting and checking are one atomic
// step in PostgreSQL, so concurrent wrong passwords cannot all slip past the count.
import { beforeAll, describe, expect, it } from "vitest";
import { signIn } from "@/lib/auth/login";
import { MAX_FAILURES_PER_EMAIL, MAX_FAILURES_PER_IP } from "@/lib/auth/login-rate-limit";
import { createPrismaClient, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createUser } from "@/lib/users/user-commands";
import { createDatabase } from "./test-database";

const PASSWORD = "the-right-password";
let url = "";
let db: Db;

beforeAll(async () => {
  ({ url } = await createDatabase());
  db = createPrismaClient(url);
  for (const email of ["race@example.org", "two-servers@example.org", "gives-back@example.org"])
    await createUser(db, { email, role: "viewer", password: PASSWORD }, null);
  return () => db.$disconnect();
});

/** The HTTP status signIn would answer with. */
async function attempt(client: Db, email: string, password: string, ip: string): Promise<number> {
  try {
    await signIn(client, { email, password }, ip);
    return 200;
  } catch (error) {
    if (error instanceof AppError) return error.status;
    throw error;
  }
}

const tally = (statuses: number[]) => statuses.reduce<Record<number, number>>((t, s) => ({ ...t, [s]: (t[s] ?? 0) + 1 }), {});

describe("login limits", () => {
  it("evaluates exactly 5 of 30 concurrent wrong passwords for one email; the other 25 are refused unevaluated", async () => {
    const statuses = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt(db, "race@example.org", `wrong-${i}`, `10.0.0.${i}`)));
    expect(tally(statuses)).toEqual({ 401: MAX_FAILURES_PER_EMAIL, 429: 30 - MAX_FAILURES_PER_EMAIL });
    // Only evaluated attempts are logged.
    expect(await db.loginAttempt.count({ where: { email: "race@example.org" } })).toBe(MAX_FAILURES_PER_EMAIL);
    // The right password is refused too while the window lasts.
    expect(await attempt(db, "race@example.org", PASSWORD, "10.0.1.1")).toBe(429);
  });

  it("holds across two servers on one database (two clients, 15 concurrent attempts each)", async () => {
    const other = createPrismaClient(url);
    try {
      const statuses = await Promise.all(
        Array.from({ length: 30 }, (_, i) => attempt(i % 2 ? other : db, "two-servers@example.org", `wrong-${i}`, `10.0.2.${i}`)),
      );
      expect(tally(statuses)).toEqual({ 401: MAX_FAILURES_PER_EMAIL, 429: 30 - MAX_FAILURES_PER_EMAIL });
    } finally {
      await other.$disconnect();
    }
  });

  it("counts failures per client address across emails, 20 at most, and not for other addresses", async () => {
    const statuses = await Promise.all(Array.from({ length: 25 }, (_, i) => attempt(db, `nobody-${i}@example.org`, "wrong", "10.9.9.9")));
    expect(tally(statuses)).toEqual({ 401: MAX_FAILURES_PER_IP, 429: 25 - MAX_FAILURES_PER_IP });
    expect(await attempt(db, "nobody-0@example.org", "wrong", "10.9.9.10")).toBe(401);
  });

  it("does not count a successful sign-in as a failure", async () => {
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL - 1; i++) expect(await attempt(db, "gives-back@example.org", "wrong", "10.0.3.1")).toBe(401);
    expect(await attempt(db, "gives-back@example.org", PASSWORD, "10.0.3.1")).toBe(200);
    expect(await attempt(db, "gives-back@example.org", "wrong", "10.0.3.1")).toBe(401); // the 5th failure
    expect(await attempt(db, "gives-back@example.org", PASSWORD, "10.0.3.1")).toBe(429);
  });

  it("starts a new window once the last one is over", async () => {
    await db.$executeRaw`UPDATE "LoginThrottle" SET "windowStart" = "windowStart" - interval '16 minutes' WHERE "key" = 'email:race@example.org'`;
    expect(await attempt(db, "race@example.org", PASSWORD, "10.0.4.1")).toBe(200);
  });
});
