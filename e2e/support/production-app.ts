import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

/**
 * The production build (`node dist/start.mjs`) started by a spec that needs settings of its own,
 * on an embedded database in `dataDir`, its output in the test's results (app.log). Resolves once
 * `/api/ready` answers 200 at `readyAt` (the app's own origin, or a proxy in front of it).
 */
export async function startProductionApp(options: { port: number; dataDir: string; readyAt: string; env: Record<string, string> }): Promise<ChildProcess> {
  const log = fs.openSync(test.info().outputPath("app.log"), "w");
  const app = spawn(process.execPath, ["dist/start.mjs"], {
    env: { ...process.env, PORT: String(options.port), PGLITE_DATA_DIR: path.join(options.dataDir, "data"), DATABASE_URL: "", ...options.env },
    stdio: ["ignore", log, log],
  });
  fs.closeSync(log);
  await expect.poll(async () => (await fetch(`${options.readyAt}/api/ready`).catch(() => null))?.status, { timeout: 150_000, intervals: [500] }).toBe(200);
  return app;
}
