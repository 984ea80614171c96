import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname, "..");
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const workers: ChildProcess[] = [];

/**
 * A repository script as one real process (`node --import tsx`), so that SIGKILL kills the script
 * itself: the tsx CLI would run it in a child process and survive the signal alone.
 */
export function spawnScript(script: string, args: string[], extraEnv: Record<string, string>) {
  return spawn(process.execPath, ["--import", tsxLoader, script, ...args], { cwd: root, env: { ...process.env, ...extraEnv }, stdio: ["ignore", "pipe", "pipe"] });
}

/**
 * A real `scripts/worker.ts` process against the test database, resolved once it has started. With
 * `embedPauseMs`, its embedder pauses that long after each batch (testing/slow-worker.ts), so a
 * test can kill it mid-job.
 */
export async function startWorker(extraEnv: Record<string, string> = {}, { embedPauseMs }: { embedPauseMs?: number } = {}) {
  const child = embedPauseMs === undefined
    ? spawnScript("scripts/worker.ts", [], extraEnv)
    : spawnScript("testing/slow-worker.ts", [], { ...extraEnv, EMBED_PAUSE_MS: String(embedPauseMs) });
  workers.push(child);
  let output = "";
  child.stderr!.on("data", (d: Buffer) => (output += d));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => (output += d) && output.includes("Ingest worker started.") && resolve());
    child.once("exit", (code) => reject(new Error(`worker exited with ${code} before starting:\n${output}`)));
  });
  return { child, id: `worker-${child.pid}-` };
}

/** SIGKILLs every worker started by this test file (call after each test). */
export async function killWorkers() {
  await Promise.all(workers.splice(0).map((w) => new Promise((resolve) => (w.exitCode !== null || w.signalCode ? resolve(null) : (w.once("exit", resolve), w.kill("SIGKILL"))))));
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
