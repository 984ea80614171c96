import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MALLOC_TRIM_THRESHOLD } from "./malloc-trim";

const root = path.resolve(import.meta.dirname, "../..");

/** Each run of testing/malloc-trim-child.ts, as it reported itself. */
function runs(env: NodeJS.ProcessEnv) {
  const child = spawnSync(process.execPath, ["--import", "tsx", "testing/malloc-trim-child.ts", "one", "two words"], { cwd: root, env, encoding: "utf8", timeout: 30_000 });
  expect(child.status, child.stderr).toBe(0);
  return child.stdout.trim().split("\n").map((line) => JSON.parse(line) as { pid: number; args: string[]; threshold: string | null });
}

// Linux only, and a Node that can restart in place (22.15+, 23.11+).
describe.skipIf(process.platform !== "linux" || typeof process.execve !== "function")("restartWithMallocTrim", () => {
  const { MALLOC_TRIM_THRESHOLD_: _, ...withoutThreshold } = process.env;

  it("restarts a process that lacks the threshold in place, with the same arguments, so glibc reads it at start", () => {
    const [first, second, ...more] = runs(withoutThreshold);
    expect(more).toEqual([]);
    expect(first).toEqual({ pid: expect.any(Number), args: ["one", "two words"], threshold: null });
    expect(second).toEqual({ pid: first!.pid, args: ["one", "two words"], threshold: MALLOC_TRIM_THRESHOLD });
  });

  it("keeps an operator's own value and does not restart", () => {
    expect(runs({ ...withoutThreshold, MALLOC_TRIM_THRESHOLD_: "262144" })).toEqual([{ pid: expect.any(Number), args: ["one", "two words"], threshold: "262144" }]);
  });
});
