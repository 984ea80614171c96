import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

describe("npm run eval:fine-tune", () => {
  it("fine-tunes the built-in model on the default spec's generated dataset, and the candidate regresses on nothing", () => {
    const result = spawnSync(path.join(process.cwd(), "node_modules/.bin/tsx"), ["scripts/eval-fine-tune.ts"], { encoding: "utf8", env: { ...process.env, JUDGE_MODEL_PROVIDER: "" } });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Dataset version 1: \d+ generated examples\./);
    expect(result.stdout).toContain("Fine-tune succeeded");
    // Both reports, the candidate's second; stored weights refit on both splits keep every spec example.
    const overall = [...result.stdout.matchAll(/^overall: (\d+)\/(\d+) decided cases passed/gm)].map((m) => Number(m[1]));
    expect(overall).toHaveLength(2);
    expect(overall[1]).toBeGreaterThanOrEqual(overall[0]!);
    expect(result.stdout).toContain("The candidate against the active model: no regressions, promotion allowed.");
  }, 120_000);
});
