// The session cookie: httpOnly (no script can read it), SameSite=Lax (not sent on cross-site
// POSTs, which also blocks CSRF), Secure in production.
import "server-only";
import { cookies } from "next/headers";
import { secureCookies } from "@/lib/env";
import { SESSION_COOKIE } from "./session-store";

export async function setSessionCookie(token: string, expiresAt: Date) {
  (await cookies()).set(SESSION_COOKIE, token, { httpOnly: true, sameSite: "lax", secure: secureCookies(), path: "/", expires: expiresAt });
}

export async function clearSessionCookie() {
  (await cookies()).set(SESSION_COOKIE, "", { httpOnly: true, sameSite: "lax", secure: secureCookies(), path: "/", maxAge: 0 });
}

export async function sessionToken() {
  return (await cookies()).get(SESSION_COOKIE)?.value;
}
