import { describe, expect, it } from "vitest";
import { compareRuns, type ResultLike } from "./compare";

const result = (caseId: string, behaviour: string, status: ResultLike["status"]): ResultLike => ({ caseId, behaviour, status, question: "q", expected: "e", output: "o", reason: null });

describe("comparing a candidate with the active model", () => {
  const active = [result("a1", "format", "pass"), result("a2", "format", "pass"), result("t1", "tone", "skipped"), result("r1", "refuses:hr", "pass")];

  it("flags a behaviour whose pass rate drops, and lists the candidate's failed cases there", () => {
    const candidate = [result("a1", "format", "pass"), result("a2", "format", "fail"), result("t1", "tone", "skipped"), result("r1", "refuses:hr", "pass")];
    const c = compareRuns(candidate, active);
    expect(c.regressed).toEqual(["format"]);
    expect(c.regressions.map((r) => r.caseId)).toEqual(["a2"]);
    expect(c.behaviours.find((b) => b.behaviour === "format")).toMatchObject({ candidate: { rate: 0.5 }, active: { rate: 1 }, regressed: true });
  });

  it("does not count skipped checks as passed or as regressions, and counts a behaviour the candidate was not checked on as one", () => {
    const candidate = [result("a1", "format", "pass"), result("a2", "format", "pass"), result("t1", "tone", "fail")];
    const c = compareRuns(candidate, active);
    expect(c.behaviours.find((b) => b.behaviour === "tone")).toMatchObject({ active: { rate: null, skipped: 1 }, regressed: false });
    expect(c.regressed).toEqual(["refuses:hr"]);
  });

  it("finds no regression when the candidate does at least as well", () => {
    expect(compareRuns(active, active).regressed).toEqual([]);
  });
});
