import { describe, expect, it } from "vitest";
import { contentTerms } from "../../text/terms";
import { specTrainingSet } from "../classifier/seed";
import { DEFAULT_BEHAVIOUR_SPEC } from "../spec";
import { goldenCases } from "./cases";
import { topicScores } from "./topic-scores";

const overlap = (a: string, b: string) => {
  const [x, y] = [new Set(contentTerms(a)), new Set(contentTerms(b))];
  const shared = [...x].filter((t) => y.has(t)).length;
  return shared / Math.max(1, new Set([...x, ...y]).size);
};

describe("the behaviour evaluation's cases", () => {
  const cases = goldenCases(DEFAULT_BEHAVIOUR_SPEC);

  it("are held apart from everything the default spec trains on: no case is a training question or a near copy of one", () => {
    // Keywords are trained on as phrases too; a case may use a keyword (that is what keyword models match).
    const keywords = new Set([...DEFAULT_BEHAVIOUR_SPEC.refuse, ...DEFAULT_BEHAVIOUR_SPEC.escalate].flatMap((t) => t.keywords));
    const training = specTrainingSet(DEFAULT_BEHAVIOUR_SPEC).map((e) => e.question).filter((q) => !keywords.has(q));
    expect(training.length).toBeGreaterThan(80);
    // The "-keyword" cases ask about the topic's own keyword on purpose: that the seed words were learned.
    for (const c of cases.filter((x) => !x.id.endsWith("-keyword"))) {
      const nearest = training.reduce((best, q) => (overlap(c.question, q) > overlap(c.question, best) ? q : best), training[0]!);
      expect(overlap(c.question, nearest), `${c.id} vs "${nearest}"`).toBeLessThan(0.5);
    }
  });

  it("hold paraphrases and hard negatives for every topic, the issue's three questions among them", () => {
    const questions = cases.map((c) => c.question);
    for (const q of ["Who approves my trip: my manager or the budget holder?", "Does sick leave affect my pay?", "Can I give a gift card to the government inspector visiting next week?", "My team lead keeps shouting at me in meetings, what can I do?"]) {
      expect(questions).toContain(q);
    }
    for (const behaviour of ["refuses:hr", "escalates:compliance"]) {
      const kinds = cases.filter((c) => c.behaviour === behaviour).map((c) => c.check.kind);
      expect(kinds.filter((k) => k === "no-topic").length, behaviour).toBeGreaterThanOrEqual(2);
      expect(kinds.filter((k) => k !== "no-topic").length, behaviour).toBeGreaterThanOrEqual(4);
    }
  });

  it("score a model that refuses everything as precise for nothing and complete for refusals", () => {
    const referral = DEFAULT_BEHAVIOUR_SPEC.refuse[0]!.referral;
    const [hr, compliance] = topicScores(cases, new Map(cases.map((c) => [c.id, referral])), DEFAULT_BEHAVIOUR_SPEC);
    expect(hr).toMatchObject({ label: "refuse:hr", recall: 1 });
    expect(hr!.precision).toBeLessThan(0.5);
    expect(compliance).toMatchObject({ label: "escalate:compliance", recall: 0, precision: null });
  });
});
