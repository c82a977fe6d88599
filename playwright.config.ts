import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// 3100 unless busy, then any free port. Chosen once: written back to the environment, which the
// test workers (and the web server) inherit, so they all agree on it.
process.env.E2E_PORT ??= execFileSync(process.execPath, ["scripts/free-port.mjs", "3100"], {
  encoding: "utf8",
}).trim();
const port = Number(process.env.E2E_PORT);
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  // One app and one database for the run; the specs share them sequentially.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  // Generous limits, so a loaded 2-core machine only makes the run slower, never red: waits are
  // for conditions (a URL, a row, a download), and each may take this long before it fails.
  timeout: 240_000,
  expect: { timeout: 30_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      // Debian's Chromium: Playwright cannot download its own browser here.
      executablePath: fs.existsSync(chromium) ? chromium : undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // Serves the production build (npm run build) on a fresh, seeded database.
    command: `npx tsx tests/e2e/support/serve.ts`,
    url: `http://localhost:${port}/sign-in`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: { E2E_PORT: String(port) },
  },
});
