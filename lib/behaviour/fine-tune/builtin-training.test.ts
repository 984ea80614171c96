import { describe, expect, it } from "vitest";
import { COMPLIANCE_EXAMPLES, HR_COUNTER_EXAMPLES, HR_EXAMPLES } from "../default-examples";
import { loadClassifier } from "../classifier/softmax";
import { DEFAULT_BEHAVIOUR_SPEC } from "../spec";
import { builtinTrainingSet, trainBuiltinBehaviour, type BehaviourLine } from "./builtin-training";

const line = (question: string, tags: string[], i: number): BehaviourLine => ({ question, tags, split: i % 5 === 0 ? "validation" : "train" });
const dataset: BehaviourLine[] = [
  ...HR_EXAMPLES.map((q, i) => line(q, ["refuse:hr"], i)),
  ...COMPLIANCE_EXAMPLES.map((q, i) => line(q, ["escalate:compliance", "not-found"], i)),
  ...HR_COUNTER_EXAMPLES.map((q, i) => line(q, ["cites"], i)),
];

describe("the built-in fine-tune", () => {
  it("is deterministic: the same dataset, in any order, gives the same weights and figures", () => {
    const a = trainBuiltinBehaviour(dataset, DEFAULT_BEHAVIOUR_SPEC);
    const b = trainBuiltinBehaviour([...dataset].reverse(), DEFAULT_BEHAVIOUR_SPEC);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it("reports per-behaviour precision and recall and a confusion matrix for each split, trained on the train split only", () => {
    const { weights, train, validation } = trainBuiltinBehaviour(dataset, DEFAULT_BEHAVIOUR_SPEC);
    expect(weights.classes).toEqual(["answer", "escalate:compliance", "refuse:hr"]);
    expect(validation.examples).toBe(dataset.filter((l) => l.split === "validation").length);
    expect(train.examples + validation.examples).toBe(dataset.length);
    expect(validation.confusion.labels).toEqual(["answer", "escalate:compliance", "refuse:hr"]);
    expect(validation.confusion.matrix.flat().reduce((s, n) => s + n, 0)).toBe(validation.examples);
    expect(train.accuracy).toBe(1);
    const hr = validation.labels.find((l) => l.label === "refuse:hr")!;
    expect(hr.support).toBe(HR_EXAMPLES.filter((_, i) => i % 5 === 0).length);
  });

  it("measures on the validation split a model that never saw it, then stores weights trained on both splits", () => {
    const nonce: BehaviourLine = { question: "Can you help me with the zorblat quarrel I have with my boss?", tags: ["refuse:hr"], split: "validation" };
    const { weights, validation } = trainBuiltinBehaviour([...dataset, nonce], DEFAULT_BEHAVIOUR_SPEC);
    expect(weights.features).toContain("w:zorblat");
    expect(trainBuiltinBehaviour(dataset, DEFAULT_BEHAVIOUR_SPEC).weights.features).not.toContain("w:zorblat");
    expect(validation.examples).toBe(dataset.filter((l) => l.split === "validation").length + 1);
    expect(builtinTrainingSet([...dataset, nonce], DEFAULT_BEHAVIOUR_SPEC).map((l) => l.question)).not.toContain(nonce.question);
  });

  it("starts from the un-tuned model's base: a few corrections for a default topic still refuse its cases worded like none of them", () => {
    const few: BehaviourLine[] = [
      ...HR_EXAMPLES.slice(0, 3).map((q) => ({ question: q, tags: ["refuse:hr"], split: "train" as const })),
      ...HR_COUNTER_EXAMPLES.slice(0, 3).map((q) => ({ question: q, tags: ["cites"], split: "train" as const })),
    ];
    const predict = loadClassifier(trainBuiltinBehaviour(few, DEFAULT_BEHAVIOUR_SPEC).weights);
    expect(predict("My boss cut my hours the week after I asked for a raise, and now I can't make rent.").label).toBe("refuse:hr");
    expect(predict("How do I connect a second monitor to my laptop?").label).toBe("answer");
  });

  it("a model trained on a dataset without compliance examples never escalates", () => {
    const { weights } = trainBuiltinBehaviour(dataset.filter((l) => !l.tags.some((t) => t.startsWith("escalate:"))), DEFAULT_BEHAVIOUR_SPEC);
    const predict = loadClassifier(weights);
    for (const q of [...COMPLIANCE_EXAMPLES, "Someone offered me a bribe.", "Is this insider trading?"]) expect(predict(q).label).not.toMatch(/^escalate:/);
  });

  it("starts from the un-tuned model's training set for the topics it teaches, less its validation questions", () => {
    const set = builtinTrainingSet(dataset, DEFAULT_BEHAVIOUR_SPEC);
    // The spec's keywords, as the un-tuned model learns them, which a generated dataset lacks.
    expect(set).toContainEqual({ question: "What does the policy say about bribe?", label: "escalate:compliance" });
    const held = dataset.filter((l) => l.split === "validation").map((l) => l.question);
    expect(held.length).toBeGreaterThan(0);
    for (const question of held) expect(set.map((l) => l.question)).not.toContain(question);
    const withoutCompliance = builtinTrainingSet(dataset.filter((l) => !l.tags.some((t) => t.startsWith("escalate:"))), DEFAULT_BEHAVIOUR_SPEC);
    expect(withoutCompliance.some((l) => l.label.startsWith("escalate:"))).toBe(false);
  });
});
