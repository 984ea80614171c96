import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const oldNode = "/usr/bin/node";
const oldMajor = fs.existsSync(oldNode) ? Number(execFileSync(oldNode, ["--version"], { encoding: "utf8" }).slice(1).split(".")[0]) : null;

describe("Node version check", () => {
  // The user's case: an old Node first on PATH, running the documented commands.
  it.skipIf(oldMajor === null || oldMajor >= 22 || !fs.existsSync("/usr/bin/npm")).each(["start", "dev", "worker"])(
    "npm run %s on an old Node stops at once with one line",
    { timeout: 60_000 }, // about 1.5 s each; generous for a loaded CI machine
    (script) => {
      const run = spawnSync("/usr/bin/npm", ["run", "-s", script], { cwd: root, encoding: "utf8", timeout: 50_000, env: { ...process.env, PATH: "/usr/bin:/bin" } });
      expect(run.status).toBe(1);
      const lines = `${run.stdout}${run.stderr}`.trim().split("\n");
      expect(lines).toEqual([expect.stringMatching(new RegExp(`^Groundwork needs Node.js 22 or newer, but this is v${oldMajor}\\..*nodejs.org`))]);
    },
  );

  it("lets the current Node through", () => {
    const run = spawnSync(process.execPath, ["--import", "./lib/process/require-node.mjs", "-e", "console.log('running')"], { cwd: root, encoding: "utf8" });
    expect(run.stdout.trim()).toBe("running");
  });
});
