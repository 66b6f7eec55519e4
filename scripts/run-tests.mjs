// `npm test`: the three tiers in order (unit → real PostgreSQL → browser), then one summary line
// with the total, so CI shows how many tests passed. Exits non-zero when any tier fails.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const reports = path.resolve("test-results", "summary");
fs.mkdirSync(reports, { recursive: true });

const tiers = [
  {
    name: "unit",
    command: ["npx", "vitest", "run", "--project", "unit", "--reporter=default", "--reporter=json", `--outputFile=${reports}/unit.json`],
    report: "unit.json",
    kind: "vitest",
  },
  {
    name: "db",
    command: ["npx", "vitest", "run", "--project", "db", "--reporter=default", "--reporter=json", `--outputFile=${reports}/db.json`],
    report: "db.json",
    kind: "vitest",
  },
  {
    name: "e2e",
    command: ["npx", "playwright", "test", "--reporter=list,json"],
    report: "e2e.json",
    kind: "playwright",
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/e2e.json` },
  },
];

const only = process.argv.slice(2);
let failedTiers = 0;
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

for (const tier of tiers) {
  if (only.length && !only.includes(tier.name)) continue;
  fs.rmSync(path.join(reports, tier.report), { force: true });
  const started = Date.now();
  const result = spawnSync(tier.command[0], tier.command.slice(1), { stdio: "inherit", env: { ...process.env, ...tier.env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  let counts = { passed: 0, failed: 0, skipped: 0 };
  try {
    const report = JSON.parse(fs.readFileSync(path.join(reports, tier.report), "utf8"));
    counts =
      tier.kind === "vitest"
        ? { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests }
        : { passed: report.stats.expected, failed: report.stats.unexpected + report.stats.flaky, skipped: report.stats.skipped };
  } catch {
    counts.failed += 1; // no report: the tier crashed before reporting
  }
  if (result.status !== 0 && counts.failed === 0) counts.failed = 1;
  if (result.status !== 0) failedTiers++;
  for (const key of Object.keys(totals)) totals[key] += counts[key];
  lines.push(
    `  ${tier.name.padEnd(5)} ${String(counts.passed).padStart(4)} passed, ${counts.failed} failed, ${counts.skipped} skipped (${seconds}s)`,
  );
}

console.log("\nTest summary");
for (const line of lines) console.log(line);
const summaryLine = `Tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`;
console.log(summaryLine);
fs.writeFileSync(path.join(reports, "summary.txt"), `${lines.join("\n")}\n${summaryLine}\n`);
process.exit(failedTiers ? 1 : 0);
