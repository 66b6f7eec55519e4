import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
const e = await startEmbeddedPostgres({ dataDir: path.resolve(".data", "bench"), log: console.error });
console.log("URL", e.url);
setInterval(() => {}, 1 << 30);
