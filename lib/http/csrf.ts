// Cross-site request forgery. A browser sends our session cookie with any request to us, even
// one a page elsewhere makes it send; SameSite=Lax only stops other *sites*, and another port or a
// sibling subdomain is the same site. So every state-changing request must show that it comes
// from one of our own pages:
//   - requests with an API token (Authorization: Bearer) are exempt: a page elsewhere cannot make a
//     browser add that header (it would need a CORS preflight we never grant), and no cookie is used;
//   - when the browser sends Origin (all current browsers do on POST, PUT, PATCH and DELETE), it must
//     be the app's own origin or one listed in TRUSTED_ORIGINS (a proxy in front, another public name);
//     this holds with or without a cookie, so a page elsewhere cannot sign someone in either;
//   - without Origin, Sec-Fetch-Site must say same-origin (or none: typed in, a bookmark);
//   - with neither and a session cookie, the request is refused: browsers always send one of the two,
//     so only a hand-made request (curl with a copied cookie) lacks both, and scripts use API tokens.
//     Without a cookie (a script signing in) nothing is at stake for a browser user, so it passes.
// Server actions are POSTs to pages and pass through here too (Next also checks their Origin).
import { NextResponse } from "next/server";
import { SESSION_COOKIE } from "@/lib/auth/session-store";
import { env } from "@/lib/env";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

type RequestLike = { method: string; url: string; headers: Headers };

/** The origins a request may come from: its own (as addressed: URL and Host header) and the trusted ones. */
function ownOrigins(request: RequestLike, trusted: readonly string[]): Set<string> {
  const url = new URL(request.url);
  const origins = new Set<string>([url.origin, ...trusted]);
  const host = request.headers.get("host");
  if (host) origins.add(`${url.protocol}//${host.toLowerCase()}`);
  return origins;
}

function hasSessionCookie(headers: Headers): boolean {
  const cookie = headers.get("cookie");
  if (!cookie) return false;
  return cookie.split(";").some((part) => part.trim().startsWith(`${SESSION_COOKIE}=`));
}

/** Why this request is refused as possibly forged, or null when it may proceed. */
export function csrfProblem(request: RequestLike, trustedOrigins: readonly string[] = env().TRUSTED_ORIGINS): string | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  if (/^Bearer\s+\S+$/i.test(request.headers.get("authorization") ?? "")) return null;
  const origin = request.headers.get("origin");
  if (origin !== null) {
    if (ownOrigins(request, trustedOrigins).has(origin.toLowerCase())) return null;
    return `This request comes from another origin (${origin.slice(0, 100)}); state-changing requests must come from this site's own pages, or use an API token.`;
  }
  const site = request.headers.get("sec-fetch-site");
  if (site !== null) {
    if (site === "same-origin" || site === "none") return null;
    return `This request comes from another ${site === "same-site" ? "part of the site" : "site"} (Sec-Fetch-Site: ${site.slice(0, 40)}); state-changing requests must come from this site's own pages, or use an API token.`;
  }
  if (hasSessionCookie(request.headers)) {
    return "This request carries a session cookie but says nothing of where it comes from (no Origin or Sec-Fetch-Site header); scripts should use an API token (Authorization: Bearer).";
  }
  return null;
}

/** A 403 for a refused request (JSON for the API, text for pages), or null to let it through. */
export function csrfRefusal(request: RequestLike): NextResponse | null {
  const problem = csrfProblem(request);
  if (!problem) return null;
  const { pathname } = new URL(request.url);
  if (pathname.startsWith("/api/")) return NextResponse.json({ error: { code: "cross_origin", message: problem } }, { status: 403 });
  return new NextResponse(problem, { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
