import { describe, expect, it } from "vitest";
import { verifyAnswer, verifyAnswerParts } from "./citations";

describe("verifying an answer's citations", () => {
  it("removes markers that name no source given in this turn and keeps the valid ones", () => {
    const v = verifyAnswer("Hotels up to 150 euros [2]. Taxis are fine [7], and so are trains [1].", new Set([1, 2, 3]));
    expect(v.text).toBe("Hotels up to 150 euros [2]. Taxis are fine, and so are trains [1].");
    expect(v.cited).toEqual([2, 1]);
    expect(v.ungrounded).toBe(false);
  });

  it("flags an answer with content and no valid citation as ungrounded", () => {
    const v = verifyAnswer("You may expense up to 500 euros [9].", new Set([1, 2]));
    expect(v.cited).toEqual([]);
    expect(v.ungrounded).toBe(true);
  });

  it("gives a not-found answer no citations and does not call it ungrounded", () => {
    const v = verifyAnswer("I couldn't find this in the documents available to you [1].", new Set([1]));
    expect(v.cited).toEqual([]);
    expect(v.text).not.toContain("[1]");
    expect(v.notFound).toBe(true);
    expect(v.ungrounded).toBe(false);
  });

  it("does not call an empty (stopped before any text) answer ungrounded", () => {
    expect(verifyAnswer("", new Set([1])).ungrounded).toBe(false);
  });

  it("cleans every text part alike and leaves the other parts alone", () => {
    const sources = { type: "data-sources", data: [] };
    const v = verifyAnswerParts([sources, { type: "text", text: "A [1] and B [4]." }], new Set([1]));
    expect(v.parts).toEqual([sources, { type: "text", text: "A [1] and B." }]);
    expect(v.cited).toEqual([1]);
  });
});
