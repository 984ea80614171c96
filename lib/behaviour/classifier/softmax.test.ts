import { describe, expect, it } from "vitest";
import { loadClassifier, trainClassifier, type LabelledQuestion } from "./softmax";

const data: LabelledQuestion[] = [
  { label: "refuse:hr", question: "Why was my pay cut this month?" },
  { label: "refuse:hr", question: "My boss gave me a bad review and I think it is unfair." },
  { label: "refuse:hr", question: "I was put on a warning by my supervisor, can you help?" },
  { label: "refuse:hr", question: "Can I get a raise after my appraisal?" },
  { label: "escalate:compliance", question: "A supplier offered me cash to pick their bid." },
  { label: "escalate:compliance", question: "My colleague is faking invoices, what should I do?" },
  { label: "escalate:compliance", question: "Can I trade shares before our merger is announced?" },
  { label: "answer", question: "How many days of annual leave do I get?" },
  { label: "answer", question: "Where do I book flights for a business trip?" },
  { label: "answer", question: "What is the hotel limit in capital cities?" },
  { label: "answer", question: "How do I reset my laptop password?" },
  { label: "answer", question: "When are salaries paid each month?" },
];
const shuffled = [...data].reverse();

describe("the behaviour classifier", () => {
  it("is deterministic: the same examples, in any order, give the same weights", () => {
    const a = trainClassifier(data);
    const b = trainClassifier(shuffled);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(a.classes).toEqual(["answer", "escalate:compliance", "refuse:hr"]);
    // Weights survive JSON: what is stored predicts what was trained.
    const reloaded = loadClassifier(JSON.parse(JSON.stringify(a)));
    expect(reloaded("My boss cut my pay").probabilities).toEqual(loadClassifier(a)("My boss cut my pay").probabilities);
  });

  it("learns its training set and trains well under a second", () => {
    const started = performance.now();
    const predict = loadClassifier(trainClassifier(data));
    expect(performance.now() - started).toBeLessThan(1000);
    for (const e of data) expect(predict(e.question).label, e.question).toBe(e.label);
  });

  it("a model trained without compliance examples never escalates", () => {
    const predict = loadClassifier(trainClassifier(data.filter((e) => !e.label.startsWith("escalate:"))));
    for (const question of [...data.map((e) => e.question), "Someone offered me a bribe", "Is insider trading allowed?"]) {
      expect(predict(question).label).not.toMatch(/^escalate:/);
    }
  });

  it("a different penalty gives different weights (the option is used)", () => {
    expect(JSON.stringify(trainClassifier(data, { l2: 0.1 }).weights)).not.toBe(JSON.stringify(trainClassifier(data).weights));
  });
});
