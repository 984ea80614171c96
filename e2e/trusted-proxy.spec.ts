import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { expect, test, type Browser } from "@playwright/test";
import { freePort, stopProcess } from "../testing/processes";
import { startProductionApp } from "./support/production-app";

/*
 * Behind a reverse proxy (TRUSTED_PROXIES), end to end: the production build started with its proxy
 * trusted, and in front of it a reverse proxy that appends the client's address to X-Forwarded-For
 * as nginx's $proxy_add_x_forwarded_for does. Every browser here connects from loopback, so the
 * proxy takes "the client's address" from a test header standing in for the TCP peer a real proxy
 * sees, and strips it. The per-address sign-in limit must then tell clients apart by the address
 * the proxy saw, and a client that forges X-Forwarded-For itself must stay in its own bucket.
 */

const SETUP_TOKEN = "trusted-proxy-setup-token-not-for-production";
const ADMIN = { email: "pat@example.com", password: "proxy admin password" };
const PEER_HEADER = "x-test-client-address";
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "groundwork-proxy-"));
let app: ChildProcess;
let proxy: http.Server;
let origin = "";

test.beforeAll(async () => {
  const [appPort, proxyPort] = [await freePort(), await freePort()];
  origin = `http://127.0.0.1:${proxyPort}`;
  proxy = http.createServer((req, res) => {
    const headers = { ...req.headers };
    const client = String(headers[PEER_HEADER] ?? req.socket.remoteAddress);
    delete headers[PEER_HEADER];
    headers["x-forwarded-for"] = headers["x-forwarded-for"] ? `${headers["x-forwarded-for"]}, ${client}` : client;
    const upstream = http.request({ host: "127.0.0.1", port: appPort, method: req.method, path: req.url, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
      answer.pipe(res);
    });
    upstream.on("error", () => res.headersSent ? res.destroy() : res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(proxyPort, "127.0.0.1", resolve));

  app = await startProductionApp({
    port: appPort, dataDir, readyAt: origin, // through the proxy
    env: {
      AUTH_SECRET: "proxy-secret-not-for-production", AUTH_URL: origin, SETUP_TOKEN, TRUSTED_PROXIES: "127.0.0.1",
      // Only the per-address limit acts here: two free failures per address, then a minute's wait.
      SIGNIN_FREE_FAILURES_PER_ADDRESS: "2", SIGNIN_FREE_FAILURES_PER_ACCOUNT: "100", SIGNIN_DELAY_BASE_MS: "60000", SIGNIN_DELAY_MAX_MS: "60000",
    },
  });
});

test.afterAll(async () => {
  await stopProcess(app);
  proxy.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A browser at this client address, behind the proxy; `forged` is an X-Forwarded-For it sends itself. */
async function clientAt(browser: Browser, address: string, forged?: string) {
  const context = await browser.newContext({ baseURL: origin, extraHTTPHeaders: { [PEER_HEADER]: address, ...(forged && { "X-Forwarded-For": forged }) } });
  const page = await context.newPage();
  const signIn = async (password: string) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(ADMIN.email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
  };
  const notRight = page.getByRole("alert").filter({ hasText: "The email or password is not right." });
  const throttled = page.getByRole("alert").filter({ hasText: /^Too many failed sign-ins\. Try again in \d+ seconds?\.$/ });
  return { context, page, signIn, notRight, throttled };
}

test("the sign-in limit keys on the address the trusted proxy saw, and a forged X-Forwarded-For does not escape it", async ({ browser }) => {
  test.setTimeout(240_000);
  // The administrator, created through the proxy with the setup link.
  const setup = await browser.newPage({ baseURL: origin });
  await setup.goto(`/setup/${SETUP_TOKEN}`);
  await setup.getByLabel("Name").fill("Pat Proxy");
  await setup.getByLabel("Email").fill(ADMIN.email);
  await setup.getByLabel("Password").fill(ADMIN.password);
  await setup.getByRole("button", { name: "Create administrator" }).click();
  await expect(setup).toHaveURL(/\/admin\/get-started$/, { timeout: 30_000 });
  await setup.close();

  // Client A guesses: two free failures, a third that starts the wait, then it waits.
  const a = await clientAt(browser, "203.0.113.7");
  for (let i = 0; i < 3; i++) {
    await a.signIn(`wrong guess ${i}`);
    await expect(a.notRight).toBeVisible();
  }
  await a.signIn(ADMIN.password);
  await expect(a.throttled).toBeVisible();

  // Client B, another address behind the same proxy, is not slowed down by A: a wrong password is
  // just wrong, and the right one signs in. (Were X-Forwarded-For ignored, every client would be
  // the proxy's 127.0.0.1, and B would wait with A.)
  const b = await clientAt(browser, "203.0.113.8");
  await b.signIn("one wrong guess");
  await expect(b.notRight).toBeVisible();
  await b.signIn(ADMIN.password);
  await expect(b.page.getByRole("navigation", { name: "Conversations" })).toBeVisible();

  // A again, claiming another address in its own X-Forwarded-For: the proxy appends what it saw,
  // the app reads from the right, and A is still waiting.
  const forging = await clientAt(browser, "203.0.113.7", "198.51.100.9");
  await forging.signIn(ADMIN.password);
  await expect(forging.throttled).toBeVisible();

  for (const client of [a, b, forging]) await client.context.close();
});
