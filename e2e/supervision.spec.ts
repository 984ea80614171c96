import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { isAlive as alive, portOpen } from "../lib/testing/processes";

/*
 * The real launcher (scripts/start.ts on the production build) killed the ways that used to leave
 * it half-dead. The supervision rules themselves are tested fast with tiny children in
 * lib/process/supervisor.test.ts (SIGTERM draining included); this checks that Next.js and the
 * worker follow them.
 */

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "groundwork-supervision-"));
test.afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
test.setTimeout(360_000);

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
/** The launcher's children: the Next.js server and the ingest worker. */
const childrenOf = (pid: number) =>
  execFileSync("ps", ["--ppid", String(pid), "-o", "pid=,args="], { encoding: "utf8" })
    .trim().split("\n").map((line) => line.trim().split(/\s+/)).map(([child, ...args]) => ({ pid: Number(child), args: args.join(" ") }));

async function startApp() {
  const port = await freePort();
  // Node runs the launcher itself (not the tsx CLI), so the pid killed is the launcher's.
  const launcher: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "start"], {
    env: { ...process.env, PORT: String(port), PGLITE_DATA_DIR: dataDir, DATABASE_URL: "", AUTH_SECRET: "e2e-secret-not-for-production", SHUTDOWN_DRAIN_SECONDS: "3" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const exit = new Promise<number | null>((resolve) => launcher.once("exit", (code) => resolve(code)));
  await expect.poll(async () => (await fetch(`http://127.0.0.1:${port}/api/ready`).catch(() => null))?.status, { timeout: 150_000 }).toBe(200);
  const children = childrenOf(launcher.pid!);
  // Next.js renames its process ("next-server"), so it is the child that is not the worker.
  const worker = children.find((c) => c.args.includes("scripts/worker.ts"))!;
  const next = children.find((c) => c !== worker)!;
  expect([next, worker].every(Boolean)).toBe(true);
  return { launcher: launcher.pid!, next: next.pid, worker: worker.pid, port, exit };
}

async function expectAllGone(app: { launcher: number; next: number; worker: number; port: number }) {
  await expect.poll(async () => [app.launcher, app.next, app.worker].some(alive) || (await portOpen(app.port)), { timeout: 10_000 }).toBe(false);
}

test("killing the launcher stops Next.js and the worker; after a restart, killing Next.js stops the app with a failure", async () => {
  const app = await startApp();
  process.kill(app.launcher, "SIGKILL");
  await expectAllGone(app);

  // The lock its killed owner left is taken over, and the same data serves again.
  const again = await startApp();
  process.kill(again.next, "SIGKILL");
  expect(await again.exit).toBe(1);
  await expectAllGone(again);
  expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
});
