// REQUIRE_LOGIN=true makes the whole app private: every page and API answers only to a signed-in
// user (session cookie) or an API token; others are sent to /login (pages) or get 401 (APIs).
// With the default (false) this does nothing: reading is public, and mutations check roles
// themselves in their route handlers.
import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE, userForApiToken, userForSessionToken } from "@/lib/auth/session-store";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { csrfRefusal } from "@/lib/http/csrf";
import { answerWhileDatabaseDown } from "@/lib/http/database-down-answer";
import { unreadableFormRefusal } from "@/lib/http/form-body";
import { withSecurityHeaders } from "@/lib/http/security-headers";
import { LOCALE_COOKIE, LOCALE_HEADER, LOCALE_QUERY, isLocale, resolveLocale } from "@/lib/i18n/locales";

const PUBLIC_PATHS = ["/login", "/api/auth/login", "/api/auth/logout", "/icon.svg", "/api/health"];

export async function proxy(request: NextRequest) {
  // The interface's language (lib/i18n/locales.ts): a `?lang=` link also becomes the remembered choice.
  const chosen = request.nextUrl.searchParams.get(LOCALE_QUERY);
  const locale = resolveLocale({
    query: chosen,
    cookie: request.cookies.get(LOCALE_COOKIE)?.value,
    acceptLanguage: request.headers.get("accept-language"),
  });
  // Security headers on every answer, whatever the checks below decide. Cross-origin state changes
  // (lib/http/csrf.ts) and unreadable page forms are refused whatever REQUIRE_LOGIN says; 503 while
  // PostgreSQL is unreachable.
  const response = await withSecurityHeaders(
    request,
    async (next) =>
      csrfRefusal(request) ??
      (await unreadableFormRefusal(request)) ??
      (await answerWhileDatabaseDown(request)) ??
      requireLogin(request, next),
    { [LOCALE_HEADER]: locale },
  );
  if (isLocale(chosen) && request.cookies.get(LOCALE_COOKIE)?.value !== chosen) {
    response.cookies.set(LOCALE_COOKIE, chosen, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  }
  return response;
}

async function requireLogin(request: NextRequest, next: () => NextResponse) {
  if (!env().REQUIRE_LOGIN) return next();
  const { pathname, search } = request.nextUrl;
  if (PUBLIC_PATHS.includes(pathname)) return next();
  const bearer = request.headers.get("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const user = bearer ? await userForApiToken(db, bearer) : await userForSessionToken(db, request.cookies.get(SESSION_COOKIE)?.value);
  if (user) return next();
  if (pathname.startsWith("/api/")) {
    return NextResponse.json({ error: { code: "unauthenticated", message: "This Triangulate requires sign-in." } }, { status: 401 });
  }
  const login = new URL("/login", request.url);
  login.searchParams.set("next", `${pathname}${search}`);
  return NextResponse.redirect(login);
}

export const config = {
  // Everything but Next's own static assets, and the import upload: Next buffers a body for the
  // proxy only up to 10 MB and passes the route the first 10 MB of a larger one, so the upload
  // route checks its own caller (withRole) and reads its body with a limit (docs/architecture.md, "Uploads").
  matcher: ["/((?!_next/static|_next/image|api/import).*)"],
};
