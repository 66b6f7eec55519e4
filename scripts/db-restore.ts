// `npm run db:restore -- FILE [--force]`: restores a backup made by `npm run db:backup` into an
// empty database (--force: replace everything in a non-empty one). DATABASE_URL when set, else
// the embedded database. Stop the app before a --force restore: it would see the data vanish.
import { BackupError, restoreDatabase } from "@/lib/db/backup";
import { withCliDatabase } from "@/lib/db/cli-database";

const args = process.argv.slice(2);
const force = args.includes("--force");
const file = args.find((a) => !a.startsWith("-"));
if (!file) {
  console.error("Usage: npm run db:restore -- FILE [--force]");
  process.exit(2);
}

try {
  await withCliDatabase(async (url, where) => {
    if (where.runningApp && force) console.error("Warning: the app is running on this database; restart it after the restore.");
    const started = performance.now();
    const report = await restoreDatabase(url, file, { force, log: (line) => console.error(line) });
    console.log(
      `Restored ${file}: ${report.tables} tables, ${report.rows} rows (backup of ${report.manifest.createdAt}), in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );
  });
} catch (error) {
  console.error(error instanceof BackupError ? `Restore refused: ${error.message}` : `Restore failed: ${(error as Error).message}`);
  process.exit(1);
}
