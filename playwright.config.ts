import { defineConfig, devices } from "@playwright/test";

// Real Chromium (Debian's), the production build, a real PostgreSQL filled through the ingestion
// API: see e2e/global-setup.ts. Flags keep Chromium off the closed network.
const chromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.E2E_JSON_REPORT ? [["list"], ["json", { outputFile: process.env.E2E_JSON_REPORT }]] : [["list"]],
  outputDir: "test-results",
  use: {
    baseURL: process.env.E2E_BASE_URL,
    trace: "retain-on-failure",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: chromiumArgs },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined }, testIgnore: /chain-time\.spec\.ts/ },
    // Moves the chain's clock 30 days ahead of the wall clock: only after everything else has run. One
    // worker runs its files in alphabetical order: chain-time.spec.ts, which moves the clock, first.
    { name: "chain-time", use: { ...devices["Desktop Chrome"], channel: undefined }, testMatch: /chain-time\.spec\.ts/, dependencies: ["chromium"], workers: 1 },
  ],
});
