// Who is making this request: the session cookie (browsers) or a Bearer API token (scripts).
import "server-only";
import { cookies, headers } from "next/headers";
import { db } from "@/lib/db";
import type { SessionUser } from "./roles";
import { SESSION_COOKIE, userForApiToken, userForSessionToken } from "./session-store";

export async function currentUser(): Promise<SessionUser | null> {
  const authorization = (await headers()).get("authorization");
  const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) return userForApiToken(db, bearer);
  return userForSessionToken(db, (await cookies()).get(SESSION_COOKIE)?.value);
}

/** The client address for rate limiting: the first proxy hop when behind one, else the socket. */
export async function clientAddress(): Promise<string> {
  const h = await headers();
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || "local";
}
