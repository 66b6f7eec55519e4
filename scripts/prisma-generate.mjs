// Runs `prisma generate` after install. Prisma 6's CLI validates `env("DATABASE_URL")` even though
// generating the client never connects; without a URL it falls back to downloading a query engine,
// which cannot work offline. A placeholder URL keeps it on the engine-less client.
import { spawnSync } from "node:child_process";

const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL || "postgresql://placeholder@localhost:5432/placeholder" };
const result = spawnSync("npx", ["--no-install", "prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
