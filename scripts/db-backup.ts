// `npm run db:backup -- FILE`: a consistent backup of the database (one snapshot, while the app
// runs) into FILE, gzip'd (lib/db/backup.ts). DATABASE_URL when set, else the embedded database.
import fs from "node:fs";
import { backupDatabase } from "@/lib/db/backup";
import { withCliDatabase } from "@/lib/db/cli-database";

const file = process.argv[2];
if (!file || file.startsWith("-")) {
  console.error("Usage: npm run db:backup -- FILE   (e.g. npm run db:backup -- triangulate-2026-12-06.backup.gz)");
  process.exit(2);
}

try {
  await withCliDatabase(async (url) => {
    const started = performance.now();
    const manifest = await backupDatabase(url, file);
    const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
    const mb = (fs.statSync(file).size / 2 ** 20).toFixed(1);
    console.log(
      `Backup written to ${file}: ${manifest.tables.length} tables, ${rows} rows, ${mb} MB, at migration ${manifest.migrations.at(-1)?.name ?? "(none)"}, in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );
  });
} catch (error) {
  console.error(`Backup failed: ${(error as Error).message}`);
  process.exit(1);
}
