import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { SETUP_TOKEN } from "./e2e/accounts";

// E2E_PORT lets several checkouts run their browser tests side by side.
const PORT = Number(process.env.E2E_PORT ?? 3100);
// Where Playwright's own browser download is impossible (as on the CI machine), use the system's.
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));
// Set once by the runner and inherited by its workers (which re-read this file with another
// parent), so specs can reach the test server's database for setup the UI does not offer yet.
process.env.E2E_DATA_DIR ??= path.join(os.tmpdir(), `groundwork-e2e-${process.ppid}`);
const dataDir = process.env.E2E_DATA_DIR;

export default defineConfig({
  testDir: "e2e",
  // Screenshots for the documentation are taken on request (`npm run screenshots`), not by `npm test`.
  testIgnore: process.env.SCREENSHOTS ? [] : ["**/screenshots.spec.ts"],
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? "list" : "line",
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: systemChromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/, use: { ...devices["Desktop Chrome"] } },
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"] },
  ],
  webServer: {
    // The production build, started exactly as `npm start` does, on a fresh embedded database.
    command: `rm -rf ${dataDir} ${dataDir}.password && node dist/start.mjs`,
    url: `http://127.0.0.1:${PORT}/login`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    // Specs register their own employees through /register, many a minute from one address: the
    // policy is open and the per-address limit high here (signup.spec.ts switches policies itself;
    // lib/auth/register.test.ts proves the limit).
    env: {
      PORT: String(PORT), PGLITE_DATA_DIR: dataDir, DATABASE_URL: "", AUTH_SECRET: "e2e-secret-not-for-production", BUILTIN_MODEL_DELAY_MS: "25",
      SIGNUP_POLICY: "open", REGISTER_MAX_PER_ADDRESS: "1000", SETUP_TOKEN,
      // Small answer sets, one malformed, for answer-quality.spec.ts.
      ANSWER_SETS_DIR: "e2e/answer-sets",
      // A 2 s first wait after failed sign-ins, so users.spec.ts reliably sees it before it ends.
      SIGNIN_DELAY_BASE_MS: "2000",
      // Warnings and errors only: an access-log line for each of the suite's requests would bury them.
      LOG_LEVEL: "warn",
    },
  },
});
