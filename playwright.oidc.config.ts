/**
 * The single sign-on browser test: the usual production server, configured for OpenID Connect
 * against a real provider started beside it (e2e/oidc/provider.ts).
 *   npx next build && E2E_PORT=3100 npx playwright test -c playwright.oidc.config.ts
 */
// First: the run's own data directory, before the base config reads it.
import "./e2e/oidc/data-dir";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const OIDC_PORT = PORT + 1000;
// Read by the spec (workers inherit this process's environment) and by the provider.
process.env.E2E_OIDC_CLAIMS = path.join(os.tmpdir(), `groundwork-oidc-claims-${PORT}.json`);

// "localhost", not 127.0.0.1: Next reports loopback addresses as localhost in request URLs, and the
// redirect URI must match the one registered at the provider exactly.
const APP_ORIGIN = `http://localhost:${PORT}`;
const app = base.webServer as Exclude<typeof base.webServer, unknown[] | undefined>;

export default defineConfig({
  ...base,
  use: { ...base.use, baseURL: APP_ORIGIN },
  projects: [base.projects![0]!, { name: "oidc", testMatch: /oidc\/.*\.spec\.ts/, use: base.projects![1]!.use, dependencies: ["setup"] }],
  webServer: [
    {
      command: "node_modules/.bin/tsx e2e/oidc/provider.ts",
      url: `http://127.0.0.1:${OIDC_PORT}/.well-known/openid-configuration`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: { OIDC_TEST_PORT: String(OIDC_PORT), OIDC_TEST_APP_ORIGIN: APP_ORIGIN, OIDC_TEST_CLAIMS: process.env.E2E_OIDC_CLAIMS },
    },
    {
      ...app,
      env: {
        ...app.env,
        AUTH_URL: APP_ORIGIN,
        OIDC_ISSUER: `http://127.0.0.1:${OIDC_PORT}`,
        OIDC_CLIENT_ID: "groundwork",
        OIDC_CLIENT_SECRET: "groundwork-test-secret",
        OIDC_NAME: "Test IdP",
        OIDC_SCOPES: "openid email profile groups",
        OIDC_GROUPS_CLAIM: "groups",
        OIDC_ADMIN_GROUP: "groundwork-admins",
      },
    },
  ],
});
