// Security headers on every response (pages, APIs, files), set by proxy.ts. Scripts run only with
// this request's nonce (Next.js puts it on its own scripts when it finds it in the request's
// Content-Security-Policy header: node_modules/next/dist/docs/01-app/02-guides/content-security-policy.md),
// so every page renders per request (app/layout.tsx awaits connection()).
//
// Styles: <style> and <link> need the nonce or our origin, but inline style *attributes* are
// allowed (style-src-attr 'unsafe-inline'): React renders `style` props as attributes in the
// server HTML (map legend swatches, the claim timeline, the location picker), and Leaflet writes
// positions and sizes into the markup of its panes and icons. An attribute cannot run script nor
// load anything img-src/font-src do not allow; what it cannot do is what the nonce on style-src
// still refuses: injected <style> sheets.
import { NextResponse, type NextRequest } from "next/server";
import { env, secureCookies } from "@/lib/env";

/** A fresh, unguessable nonce per request (128 bits). */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/** The origin of MAP_TILE_URL (`{s}` subdomains become a wildcard), so the optional tile layer may load its images. */
export function tileOrigin(tileUrl: string | undefined): string | null {
  if (!tileUrl) return null;
  try {
    const url = new URL(tileUrl.replace(/\{s\}/g, "tiles-wildcard").replace(/\{[^}]*\}/g, "0"));
    return `${url.protocol}//${url.host.replace("tiles-wildcard", "*")}`;
  } catch {
    return null;
  }
}

export type SecurityOptions = { nonce: string; development: boolean; https: boolean; tileOrigin: string | null };

export function contentSecurityPolicy({ nonce, development, https, tileOrigin }: SecurityOptions): string {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic': the chunks Next's nonce'd scripts load are trusted; React needs eval only in development.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // The development server injects <style> elements without the nonce (hot reload, error overlay).
    development ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    `img-src 'self' data: blob:${tileOrigin ? ` ${tileOrigin}` : ""}`,
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Only behind HTTPS: on plain HTTP it would send the page's own assets to https:// and break it.
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

export function securityHeaders(options: SecurityOptions): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    // Only when the app says it is served over HTTPS (Secure cookies): on plain HTTP browsers ignore it anyway.
    ...(options.https ? { "Strict-Transport-Security": "max-age=31536000" } : {}),
  };
}

/**
 * Runs `handle` (the rest of the proxy) with a `next()` that forwards the request with this
 * request's CSP (Next reads the nonce from it) and any `forward` headers (the chosen locale), then
 * sets the security headers on whatever it answered.
 */
export async function withSecurityHeaders(
  request: NextRequest,
  handle: (next: () => NextResponse) => Promise<NextResponse> | NextResponse,
  forward: Record<string, string> = {},
): Promise<NextResponse> {
  const headers = securityHeaders({
    nonce: newNonce(),
    development: env().NODE_ENV === "development",
    https: secureCookies(),
    tileOrigin: tileOrigin(env().MAP_TILE_URL),
  });
  const next = () => {
    const forwarded = new Headers(request.headers);
    forwarded.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
    for (const [name, value] of Object.entries(forward)) forwarded.set(name, value);
    return NextResponse.next({ request: { headers: forwarded } });
  };
  const response = await handle(next);
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
