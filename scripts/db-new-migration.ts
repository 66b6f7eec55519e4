// Writes a new migration for the changes made to prisma/schema.prisma since the last commit:
// `npm run db:new-migration -- <snake_case_name> [--from <old-schema.prisma>]`.
// It diffs two schema files rather than replaying migrations into a shadow database, because
// Prisma 6.19's Wasm schema engine cannot introspect PostgreSQL 18 (it panics on catalog rows).
// Hand-written SQL (CHECK constraints, extensions) goes at the end of the generated file.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { withCliDatabase } from "@/lib/db/cli-database";
import { runPrisma } from "@/lib/db/migrate";

const args = process.argv.slice(2);
const name = args[0];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:new-migration -- <snake_case_name> [--from <old-schema.prisma>]");
  process.exit(2);
}
const fromIndex = args.indexOf("--from");
const oldSchema =
  fromIndex > 0 && args[fromIndex + 1]
    ? fs.readFileSync(args[fromIndex + 1]!, "utf8")
    : execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { encoding: "utf8" });
const oldFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "triangulate-schema-")), "schema.prisma");
fs.writeFileSync(oldFile, oldSchema);

await withCliDatabase(async (url) => {
  const sql = await runPrisma(
    ["migrate", "diff", "--from-schema-datamodel", oldFile, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    url,
    { quiet: true },
  );
  if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
    console.log("prisma/schema.prisma has no changes since the last commit: nothing to write.");
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const target = path.join("prisma", "migrations", `${stamp}_${name}`);
  fs.mkdirSync(target, { recursive: true });
  fs.writeFileSync(path.join(target, "migration.sql"), sql);
  console.log(`Wrote ${target}/migration.sql — review it, then run npm run db:migrate.`);
});
