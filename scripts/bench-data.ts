// `npm run bench:data -- --incidents 1000000`: fills the benchmark database (default data folder
// .data/bench, or DATABASE_URL) with a synthetic dataset, loaded with COPY — never row by row.
// Figures are reconciled by the real engine and stored like the app stores them.
import path from "node:path";
import { parseArgs } from "node:util";
import { fillBenchDatabase } from "@/lib/bench/fill-bench-database";
import { withCliDatabase } from "@/lib/db/cli-database";

const { values } = parseArgs({ options: { incidents: { type: "string", default: "50000" }, quiet: { type: "boolean", default: false } } });
const total = Number(values.incidents);
if (!Number.isInteger(total) || total < 1) {
  console.error("--incidents must be a positive whole number");
  process.exit(2);
}
process.env.TRIANGULATE_DATA_DIR ??= path.resolve(".data", "bench");

await withCliDatabase(async (url) => {
  const log = values.quiet ? () => {} : (line: string) => console.error(line);
  log(`Loading ${total} synthetic incidents…`);
  const result = await fillBenchDatabase(url, total, log);
  console.log(
    `Loaded ${result.incidents} incidents, ${result.claims} claims and ${result.figures} figures in ${result.seconds.toFixed(1)} s (${Math.round(result.incidents / result.seconds)} incidents/s).`,
  );
});
