// Who is making this request: the session cookie (browsers) or a Bearer API token (scripts).
import "server-only";
import { cookies, headers } from "next/headers";
import { db } from "@/lib/db";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/client-address.mjs";
import type { SessionUser } from "./roles";
import { SESSION_COOKIE, userForApiToken, userForSessionToken } from "./session-store";

export async function currentUser(): Promise<SessionUser | null> {
  const authorization = (await headers()).get("authorization");
  const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) return userForApiToken(db, bearer);
  return userForSessionToken(db, (await cookies()).get(SESSION_COOKIE)?.value);
}

/**
 * The client address for rate limiting, as the server process stamped it from the socket or the
 * header TRUST_PROXY names (lib/http/client-address.mjs). A server not started by scripts/serve.ts
 * stamps nothing, and then a client's header proves nothing: all its requests count as "unknown".
 */
export async function clientAddress(): Promise<string> {
  if (process.env.TRIANGULATE_STAMPS_CLIENT_ADDRESS !== "1") return "unknown";
  return (await headers()).get(CLIENT_ADDRESS_HEADER) || "unknown";
}
