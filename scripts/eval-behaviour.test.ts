import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const run = (...args: string[]) =>
  spawnSync(path.join(process.cwd(), "node_modules/.bin/tsx"), ["scripts/eval-behaviour.ts", ...args], { encoding: "utf8", env: { ...process.env, JUDGE_MODEL_PROVIDER: "" } });

describe("npm run eval:behaviour", () => {
  it("prints the pass rate per behaviour of the named model", () => {
    const result = run("--model", "builtin-extractive");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/builtin-extractive on spec version \d+ \(judge: none\)/);
    // The held-apart paraphrases the un-tuned model misses are listed, not hidden (docs/behaviour-learner.md).
    expect(result.stdout).toMatch(/^escalates:compliance\s+90%\s+9\s+1\s+0$/m);
    expect(result.stdout).toMatch(/^tone\s+n\/a\s+0\s+0\s+2$/m);
    expect(result.stdout).toContain("overall: 38/39 decided cases passed, 2 skipped");
    expect(result.stdout).toContain("- [escalates:compliance] escalate-compliance-gift-card: The escalation message is missing.");
  }, 60_000);

  it("exits non-zero, saying why, for a model that is not registered", () => {
    const result = run("--model", "no-such-model");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('No model named "no-such-model" is registered');
  }, 60_000);
});
