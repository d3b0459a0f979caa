// End-to-end and API tests against the built app on a throwaway SQLite file,
// in Debian's Chromium when it is installed (Playwright cannot download its own here).
import { defineConfig, devices } from "@playwright/test";
import { existsSync, mkdirSync, rmSync } from "node:fs";

const PORT = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${PORT}`;

// One throwaway database per test run, created by the web server (migrations + demo runs).
if (!process.env.E2E_DATABASE_FILE) {
  const folder = `data/e2e-${PORT}`;
  process.env.E2E_DATABASE_FILE = `${folder}/run-${Date.now()}.db`;
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
}

// `npm run test:pg` runs the API suite and the multi-instance tests against PostgreSQL.
const postgresUrl = process.env.E2E_POSTGRES_URL;

const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
    },
  },
  projects: postgresUrl
    ? [
        // SQLite-only specs (a killed server's SQLite file; a server of its own) stay out.
        { name: "api-postgres", testMatch: /api\/.*\.spec\.ts/, testIgnore: /(crash|write-lock)\.spec\.ts/ },
        { name: "postgres", testMatch: /postgres\/.*\.spec\.ts/ },
      ]
    : [
        { name: "api", testMatch: /api\/.*\.spec\.ts/ },
        { name: "chromium", testIgnore: /(api|postgres)\/.*\.spec\.ts/, use: { ...devices["Desktop Chrome"], channel: undefined } },
      ],
  webServer: {
    command: "node scripts/start.mjs",
    url: `${baseURL}/api/runs?limit=1`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      DATABASE_URL: postgresUrl ?? `file:./${process.env.E2E_DATABASE_FILE}`,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
