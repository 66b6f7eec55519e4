// REQUIRE_LOGIN=true makes the whole app private: every page and API answers only to a signed-in
// user (session cookie) or an API token; others are sent to /login (pages) or get 401 (APIs).
// With the default (false) this does nothing: reading is public, and mutations check roles
// themselves in their route handlers.
import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE, userForApiToken, userForSessionToken } from "@/lib/auth/session-store";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { csrfRefusal } from "@/lib/http/csrf";
import { unreadableFormRefusal } from "@/lib/http/form-body";

const PUBLIC_PATHS = ["/login", "/api/auth/login", "/api/auth/logout", "/icon.svg"];

export async function proxy(request: NextRequest) {
  // Cross-origin state changes (lib/http/csrf.ts) and unreadable page forms are refused whatever REQUIRE_LOGIN says.
  const refused = csrfRefusal(request) ?? (await unreadableFormRefusal(request));
  if (refused) return refused;
  if (!env().REQUIRE_LOGIN) return NextResponse.next();
  const { pathname, search } = request.nextUrl;
  if (PUBLIC_PATHS.includes(pathname)) return NextResponse.next();
  const bearer = request.headers.get("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const user = bearer ? await userForApiToken(db, bearer) : await userForSessionToken(db, request.cookies.get(SESSION_COOKIE)?.value);
  if (user) return NextResponse.next();
  if (pathname.startsWith("/api/")) {
    return NextResponse.json({ error: { code: "unauthenticated", message: "This Triangulate requires sign-in." } }, { status: 401 });
  }
  const login = new URL("/login", request.url);
  login.searchParams.set("next", `${pathname}${search}`);
  return NextResponse.redirect(login);
}

export const config = {
  // Everything but Next's own static assets.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
