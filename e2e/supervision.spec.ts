import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { MALLOC_TRIM_THRESHOLD } from "../lib/process/malloc-trim";
import { freePort, isAlive as alive, portOpen } from "../testing/processes";

/*
 * The real launcher (dist/start.mjs, as `npm start` runs it) killed the ways that used to leave
 * it half-dead. The supervision rules themselves are tested fast with tiny children in
 * lib/process/supervisor.test.ts (SIGTERM draining included); this checks that Next.js and the
 * worker follow them.
 */

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "groundwork-supervision-"));
test.afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
test.setTimeout(360_000);

/** The launcher's children: the Next.js server and the ingest worker. */
const childrenOf = (pid: number) =>
  execFileSync("ps", ["--ppid", String(pid), "-o", "pid=,args="], { encoding: "utf8" })
    .trim().split("\n").map((line) => line.trim().split(/\s+/)).map(([child, ...args]) => ({ pid: Number(child), args: args.join(" ") }));

/** A process's real environment, as glibc read it when the process started. */
const environOf = (pid: number) => fs.readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");

async function startApp(name: string) {
  const port = await freePort();
  // The launcher's own output (and its children's) goes to a file in the test's results, so a start
  // that fails says why rather than only that /api/ready never answered.
  const logPath = test.info().outputPath(`${name}.log`);
  const logFile = fs.openSync(logPath, "w");
  // Node runs the launcher itself (not the tsx CLI), so the pid killed is the launcher's.
  const { MALLOC_TRIM_THRESHOLD_: _, ...env } = process.env;
  const launcher: ChildProcess = spawn(process.execPath, ["dist/start.mjs"], {
    env: { ...env, PORT: String(port), PGLITE_DATA_DIR: dataDir, DATABASE_URL: "", AUTH_SECRET: "e2e-secret-not-for-production", SHUTDOWN_DRAIN_SECONDS: "3" },
    stdio: ["ignore", logFile, logFile],
  });
  fs.closeSync(logFile);
  let exited = false;
  const exit = new Promise<number | null>((resolve) => launcher.once("exit", (code) => ((exited = true), resolve(code))));
  const outputTail = () => fs.readFileSync(logPath, "utf8").split("\n").slice(-40).map((line) => line.slice(0, 400)).join("\n");
  let lastAnswer = "none";
  for (const deadline = Date.now() + 150_000; ; await new Promise((resolve) => setTimeout(resolve, 250))) {
    if (exited) throw new Error(`The launcher exited before it was ready. Its output ends:\n${outputTail()}`);
    const response = await fetch(`http://127.0.0.1:${port}/api/ready`).catch(() => null);
    if (response?.status === 200) break;
    if (response) lastAnswer = `${response.status} ${await response.text()}`;
    if (Date.now() > deadline) throw new Error(`/api/ready did not answer 200 within 150 s (last answer: ${lastAnswer}). The launcher's output ends:\n${outputTail()}`);
  }
  const children = childrenOf(launcher.pid!);
  // Next.js renames its process ("next-server"), so it is the child that is not the worker.
  const worker = children.find((c) => c.args.includes("dist/worker.mjs"))!;
  const next = children.find((c) => c !== worker)!;
  expect([next, worker].every(Boolean)).toBe(true);
  // Started without it, the launcher restarted itself in place (same pid) with glibc's fixed trim
  // threshold, and its children inherited it (lib/process/malloc-trim.ts).
  for (const pid of [launcher.pid!, next.pid, worker.pid]) expect(environOf(pid)).toContain(`MALLOC_TRIM_THRESHOLD_=${MALLOC_TRIM_THRESHOLD}`);
  return { launcher: launcher.pid!, next: next.pid, worker: worker.pid, port, exit };
}

async function expectAllGone(app: { launcher: number; next: number; worker: number; port: number }) {
  await expect.poll(async () => [app.launcher, app.next, app.worker].some(alive) || (await portOpen(app.port)), { timeout: 10_000 }).toBe(false);
}

test("killing the launcher stops Next.js and the worker; after a restart, killing Next.js stops the app with a failure", async () => {
  const app = await startApp("first-start");
  process.kill(app.launcher, "SIGKILL");
  await expectAllGone(app);

  // The lock its killed owner left is taken over, and the same data serves again.
  const again = await startApp("after-kill");
  process.kill(again.next, "SIGKILL");
  expect(await again.exit).toBe(1);
  await expectAllGone(again);
  expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
});
