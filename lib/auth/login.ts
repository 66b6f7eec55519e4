// Email + password sign-in.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordLoginAttempt, reserveLoginAttempt } from "./login-rate-limit";
import { verifyPassword } from "./password";
import { createSession } from "./session-store";

export const LoginSchema = z.object({
  email: z.string().trim().toLowerCase().email("email must be an email address"),
  password: z.string().min(1, "password is required"),
});

export async function signIn(db: Db, input: z.input<typeof LoginSchema>, ip: string) {
  const { email, password } = LoginSchema.parse(input);
  const reservation = await reserveLoginAttempt(db, email, ip);
  const user = await db.user.findUnique({ where: { email } });
  const ok = (await verifyPassword(user?.passwordHash ?? null, password)) && user !== null && !user.disabledAt;
  await recordLoginAttempt(db, reservation, email, ip, ok);
  if (!ok || !user) throw new AppError(401, "The email or password is wrong.", "bad_credentials");
  return { user, ...(await createSession(db, user.id)) };
}
