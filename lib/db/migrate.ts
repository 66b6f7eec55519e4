// Applies the committed migrations with `prisma migrate deploy`, through the offline Prisma setup
// (prisma.config.ts → Wasm schema engine → our pg adapter).
import "server-only";
import { spawn } from "node:child_process";
import path from "node:path";

export function prismaBin(): string {
  return path.resolve("node_modules", ".bin", "prisma");
}

export function runPrisma(args: string[], databaseUrl: string, options: { quiet?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(prismaBin(), args, {
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) {
        if (!options.quiet && out.trim()) process.stderr.write(out);
        resolve(out);
      } else reject(new Error(`prisma ${args.join(" ")} failed (exit ${code}):\n${out}\n${err}`));
    });
  });
}

export async function migrateDeploy(databaseUrl: string, options: { quiet?: boolean } = {}) {
  await runPrisma(["migrate", "deploy"], databaseUrl, options);
}
