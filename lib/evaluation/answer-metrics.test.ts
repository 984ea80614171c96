import { describe, expect, it } from "vitest";
import { aggregate, bestTokenScores, fileHit, pageHit, placeHit, scoreQuestion, squadTokens, tokenScores } from "./answer-metrics";

describe("SQuAD normalisation", () => {
  it("lower-cases and drops punctuation, articles and extra whitespace", () => {
    expect(squadTokens("The  U.S. Army's  budget, an   increase!")).toEqual(["us", "armys", "budget", "increase"]);
    expect(squadTokens("A theme")).toEqual(["theme"]);
  });
});

describe("token scores", () => {
  it("scores recall of the reference's words and SQuAD F1, ignoring citation markers", () => {
    // answer: freeze starts every friday at noon (6 words); reference: every friday at noon (4)
    const s = tokenScores("The freeze starts every Friday at noon [1].", "every Friday at noon");
    expect(s.recall).toBe(1);
    expect(s.f1).toBeCloseTo((2 * (4 / 6) * 1) / (4 / 6 + 1));
  });

  it("counts repeated words only as often as the reference has them", () => {
    expect(tokenScores("no no no", "no yes").recall).toBe(0.5);
    expect(tokenScores("no no no", "no yes").f1).toBeCloseTo((2 * (1 / 3) * 0.5) / (1 / 3 + 0.5));
  });

  it("scores 0 when no word is shared, and agreement only when either side is empty", () => {
    expect(tokenScores("level one", "Friday noon")).toEqual({ recall: 0, f1: 0 });
    expect(tokenScores("the", "a")).toEqual({ recall: 1, f1: 1 });
    expect(tokenScores("something", "the")).toEqual({ recall: 0, f1: 0 });
  });

  it("takes the best reference, scores a decline 0, and nothing without references", () => {
    expect(bestTokenScores("at noon on Fridays", ["Monday", "at noon"], false)).toEqual({ recall: 1, f1: expect.closeTo(2 / 3) });
    expect(bestTokenScores("at noon", ["at noon"], true)).toEqual({ recall: 0, f1: 0 });
    expect(bestTokenScores("at noon", [], false)).toBeNull();
  });
});

describe("citation and retrieval hits", () => {
  const support = [{ file: "a.pdf", page: 3 }, { file: "b.md" }];
  it("matches files, pages where given, and supports among the sources", () => {
    expect(fileHit([{ file: "a.pdf", page: 9 }], support)).toBe(true);
    expect(pageHit([{ file: "a.pdf", page: 9 }], support)).toBe(false);
    expect(pageHit([{ file: "a.pdf", page: 3 }], support)).toBe(true);
    expect(placeHit([{ file: "a.pdf", page: 9 }], support)).toBe(false);
    expect(placeHit([{ file: "b.md", page: null }], support)).toBe(true);
    expect(fileHit([{ file: "c.md" }], support)).toBe(false);
  });
});

describe("aggregating questions", () => {
  const base = { answers: ["every Friday at noon"], citations: [{ file: "deploys.md" }], behaviourPass: null, latencyMs: 10 };
  const found = scoreQuestion({ ...base, answerable: true, answer: "It starts every Friday at noon [1].", declined: false, cited: [{ file: "deploys.md" }], sources: [{ file: "deploys.md" }] });
  const missing = scoreQuestion({ ...base, answerable: true, answer: "I couldn't find this.", declined: true, cited: [], sources: [{ file: "parking.md" }], latencyMs: 30 });
  const declined = scoreQuestion({ ...base, answers: [], citations: [], answerable: false, answer: "I couldn't find this.", declined: true, cited: [], sources: [], behaviourPass: true, latencyMs: 20 });
  const refused = scoreQuestion({ ...base, answers: [], citations: [], answerable: undefined, answer: "Please contact HR.", declined: false, cited: [], sources: [], behaviourPass: false, latencyMs: 40 });

  it("scores a question whose answer is found, and one whose answer is missing", () => {
    expect(found).toMatchObject({ declined: false, citationFileHit: true, citationPageHit: null, retrievalHit: true, answerRecall: 1 });
    expect(missing).toMatchObject({ declined: true, citationFileHit: false, citationPageHit: null, retrievalHit: false, answerRecall: 0, tokenF1: 0 });
    expect(declined).toMatchObject({ citationFileHit: null, retrievalHit: null, answerRecall: null });
  });

  it("reports each figure over the questions it applies to, null where none does", () => {
    const report = aggregate("tiny", "builtin-extractive", [found, missing, declined, refused]);
    expect(report).toEqual({
      set: "tiny",
      model: "builtin-extractive",
      questions: 4,
      answerable: { n: 2, falseRefusalRate: 0.5, citationFileHit: 0.5, citationPageHit: null, retrievalHit: 0.5, answerRecall: 0.5, tokenF1: expect.closeTo((2 * (4 / 6)) / (4 / 6 + 1) / 2, 3) },
      unanswerable: { n: 1, declineRate: 1 },
      behaviour: { n: 2, accuracy: 0.5 },
      latencyMs: { p50: 20, p95: 40 },
    });
  });

  it("reports nulls for an empty run", () => {
    expect(aggregate("none", "m", []).latencyMs).toEqual({ p50: null, p95: null });
  });
});
