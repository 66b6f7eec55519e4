// `npm run import -- --format acled|ucdp|claims FILE [--valid-only] [--dry-run] [--user EMAIL]`
// Imports a CSV file in one transaction (see lib/import/run-import.ts). Progress goes to stderr,
// the summary to stdout. Exit status: 0 imported, 1 refused (invalid rows; nothing written), 2 usage.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { createPrismaClient } from "@/lib/db";
import { withCliDatabase } from "@/lib/db/cli-database";
import { migrateDeploy } from "@/lib/db/migrate";
import { formatSummary, formatRowError } from "@/lib/import/import-report";
import { IMPORT_FORMATS, type ImportFormat, type ImportProgress } from "@/lib/import/import-types";
import { pendingFigureCount, startFigureQueue } from "@/lib/figures/figure-queue";
import { runImport } from "@/lib/import/run-import";
import { isDatabaseUnavailable } from "@/lib/db/database-unavailable";

const USAGE = `Usage: npm run import -- --format ${IMPORT_FORMATS.join("|")} FILE [--valid-only] [--dry-run] [--user EMAIL]

  --format      acled (an ACLED export), ucdp (UCDP GED) or claims (the claims.csv export format)
  --valid-only  import the valid rows and report the others (default: import nothing if any row is invalid)
  --dry-run     check every row and reference, write nothing
  --user EMAIL  record the import (and the claims it enters) as this user's`;

function usage(message?: string): never {
  if (message) console.error(message);
  console.error(USAGE);
  process.exit(2);
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      format: { type: "string" },
      "valid-only": { type: "boolean", default: false },
      "dry-run": { type: "boolean", default: false },
      user: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
}
try {
  args = parse();
} catch (error) {
  usage((error as Error).message);
}
if (args.values.help) usage();
const format = args.values.format as ImportFormat | undefined;
if (!format || !IMPORT_FORMATS.includes(format)) usage(`--format must be one of ${IMPORT_FORMATS.join(", ")}.`);
const [file, ...extra] = args.positionals;
if (!file || extra.length) usage("Give exactly one FILE to import.");
if (!fs.existsSync(file)) usage(`No such file: ${file}`);

const text = fs.readFileSync(file, "utf8");

const bar = new cliProgress.SingleBar(
  {
    format: "{phase} |{bar}| {value}/{total}",
    stream: process.stderr,
    hideCursor: true,
    clearOnComplete: false,
    noTTYOutput: false,
    etaBuffer: 50,
  },
  cliProgress.Presets.shades_classic,
);
let phase = "";
function onProgress(p: ImportProgress) {
  if (p.phase === "done") return;
  const label = p.phase.padEnd(18);
  if (p.phase !== phase) {
    if (phase) bar.stop();
    phase = p.phase;
    bar.start(Math.max(p.total, 1), p.done, { phase: label });
    // Without a terminal the bar would not redraw: say which phase we are in on its own line.
    if (!process.stderr.isTTY) console.error(`${p.phase}…`);
  } else {
    bar.setTotal(Math.max(p.total, 1));
    bar.update(p.done, { phase: label });
  }
}

const exitCode = await withCliDatabase(async (url, { runningApp }) => {
  // A running app has applied the migrations already; otherwise make sure the schema is current.
  if (!runningApp) await migrateDeploy(url, { quiet: true });
  const db = createPrismaClient(url);
  try {
    let actorId: string | null = null;
    if (args.values.user) {
      const user = await db.user.findUnique({ where: { email: args.values.user.toLowerCase() }, select: { id: true, role: true } });
      if (!user) usage(`No user with the email ${args.values.user}.`);
      if (user.role === "viewer") usage(`${args.values.user} is a viewer; imports need an editor.`);
      actorId = user.id;
    }
    const summary = await runImport(db, text, {
      format,
      fileName: path.basename(file),
      validOnly: args.values["valid-only"],
      dryRun: args.values["dry-run"],
      actorId,
      onProgress,
    });
    if (phase) bar.stop();
    const shown = summary.errors.slice(0, 50);
    for (const error of shown) console.error(formatRowError(error));
    if (summary.errors.length > shown.length) console.error(`… and ${summary.errors.length - shown.length} more problems.`);
    console.log(formatSummary(summary));
    if (summary.figuresQueued) {
      // Reconciled here, before the command ends, so it leaves current figures behind.
      console.error(`Reconciling the figures of ${summary.figuresQueued} incidents…`);
      const started = Date.now();
      await startFigureQueue(url);
      const left = await pendingFigureCount(db);
      console.log(
        left
          ? `  figures: ${left} incidents still wait; the app reconciles them when it next starts`
          : `  figures reconciled in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    }
    return summary.imported || (summary.dryRun && summary.errors.length === 0) ? 0 : 1;
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    if (phase) bar.stop();
    // The import is one transaction: PostgreSQL rolled back whatever it had written.
    console.error(
      `\nThe database went away during the import (${(error as Error).message.trim().split("\n").at(-1)}). Nothing of this file was imported; run the command again once PostgreSQL is back.`,
    );
    // Not `return 1`: closing pools whose connections died can wait on clients never given back, and
    // with nothing left to run the process then ended with status 0 and no word (async-exit-hook).
    process.exit(1);
  } finally {
    await db.$disconnect().catch(() => {});
  }
});
process.exit(exitCode);
