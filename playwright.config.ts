// End-to-end tests drive a real Chromium against the real app on a fresh embedded PostgreSQL.
// Playwright cannot download its own browser here: we use the system Chromium (Debian's
// `chromium`), or the one named by CHROMIUM_PATH.
import fs from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const dataDir = path.resolve("tests", ".tmp", "e2e-data");

function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean) as string[];
  return candidates.find((candidate) => fs.existsSync(candidate));
}

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  outputDir: "test-results",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // A fresh data folder every run: the app creates its database, migrates and seeds it itself.
    // Tests run against a production build (what users get); E2E_DEV=1 uses the dev server instead.
    command: process.env.E2E_DEV
      ? `rm -rf "${dataDir}" && npx tsx --conditions=react-server scripts/serve.ts dev`
      : `rm -rf "${dataDir}" && npx next build && npx tsx --conditions=react-server scripts/serve.ts start`,
    url: `${baseURL}/api/incidents?limit=1`,
    timeout: 420_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    // Claims files touching more than two incidents queue their figures, so a test can follow the worker.
    env: {
      PORT: String(port),
      TRIANGULATE_DATA_DIR: dataDir,
      NEXT_DIST_DIR: ".next-e2e",
      NEXT_TELEMETRY_DISABLED: "1",
      IMPORT_QUEUE_FIGURES_ABOVE: "2",
    },
  },
});
