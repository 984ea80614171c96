/**
 * `npm run bench:memory -- [--runs 3] [--launcher "node dist/start.mjs"] [--cwd DIR]`: what a
 * production install costs at rest (`npm run build` first).
 *
 * Each run starts the launcher on a fresh embedded database and reports:
 *   - the first page: from starting the launcher to the first 200 on /login;
 *   - idle memory of every process of the app together, once ready and settled;
 *   - the same at rest after the sample policies are loaded (through the queue, by the app's own
 *     worker), 20 s after the last is ready.
 * Memory is PSS of all the app's processes (testing/process-tree.ts), RSS beside it. Medians over the runs.
 * `--launcher` and `--cwd` measure another command in another folder (for example an older
 * checkout's `node_modules/.bin/tsx scripts/start.ts start`), so before and after are taken in one
 * session.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { eq, sql } from "drizzle-orm";
import { runningEmbeddedServer } from "@/db/embedded-server";
import { createUser, setUserRole } from "@/db/queries/users";
import { documentVersions } from "@/db/schema";
import { useDatabase } from "@/lib/db";
import { stopJobQueue } from "@/lib/jobs/queue";
import { loadSamplePolicies } from "@/lib/samples/load";
import { type Memory, memoryOf, processTree } from "@/testing/process-tree";
import { stopProcess } from "@/testing/processes";

const { values } = parseArgs({ options: { runs: { type: "string", default: "3" }, launcher: { type: "string", default: "node dist/start.mjs" }, cwd: { type: "string", default: "." } } });
const SETTLE_MS = 10_000;
// At rest after the import: longer than a parse thread is kept idle for the next file (15 s).
const SETTLE_AFTER_IMPORT_MS = 20_000;

interface Run { firstPageMs: number; idle: Memory; loaded: Memory }

const runs: Run[] = [];
for (let i = 0; i < Number(values.runs); i++) runs.push(await measureOnce());
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`launcher: ${values.launcher}; ${runs.length} runs, medians (range)`);
const row = (label: string, xs: number[], unit: string) => console.log(`| ${label} | ${median(xs)} ${unit} | ${Math.min(...xs)}-${Math.max(...xs)} |`);
console.log("| | median | range |\n|---|---|---|");
row("first page after start", runs.map((r) => r.firstPageMs), "ms");
row("idle, PSS of all processes", runs.map((r) => r.idle.pssMb), "MB");
row("idle, RSS of all processes", runs.map((r) => r.idle.rssMb), "MB");
row("sample policies loaded, PSS", runs.map((r) => r.loaded.pssMb), "MB");
row("sample policies loaded, RSS", runs.map((r) => r.loaded.rssMb), "MB");
console.log(`processes: ${runs[0]!.idle.processes} idle, ${runs[0]!.loaded.processes} loaded`);

async function measureOnce(): Promise<Run> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "groundwork-memory-"));
  const dataDir = path.join(work, "data");
  const port = 3400 + Math.floor(Math.random() * 500);
  const [command, ...args] = values.launcher.split(" ");
  const started = performance.now();
  const launcher = spawn(command!, args, {
    cwd: values.cwd,
    env: { ...process.env, PORT: String(port), PGLITE_DATA_DIR: dataDir, DATABASE_URL: "", AUTH_SECRET: "bench-secret-not-for-production", LOG_LEVEL: "error" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/login`).catch(() => null))?.status === 200);
    const firstPageMs = Math.round(performance.now() - started);
    await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/api/ready`).catch(() => null))?.status === 200);
    await sleep(SETTLE_MS);
    const idle = memoryOf(processTree(launcher.pid!));

    const { db, pool } = useDatabase(runningEmbeddedServer(dataDir)!);
    const admin = await createUser(db, { email: "bench@example.com", name: "Bench", passwordHash: "not-used" });
    await setUserRole(db, admin!.id, "admin");
    const loaded = await loadSamplePolicies(admin!.id);
    await waitFor(async () => {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(documentVersions).where(eq(documentVersions.status, "ready"));
      return row!.n >= loaded.length;
    });
    await stopJobQueue(); // uploading opened the queue here too
    await pool.end();
    await sleep(SETTLE_AFTER_IMPORT_MS);
    return { firstPageMs, idle, loaded: memoryOf(processTree(launcher.pid!)) };
  } finally {
    await stopProcess(launcher);
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await sleep(250);
  }
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
