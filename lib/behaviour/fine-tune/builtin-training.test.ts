import { describe, expect, it } from "vitest";
import { COMPLIANCE_EXAMPLES, HR_COUNTER_EXAMPLES, HR_EXAMPLES } from "../default-examples";
import { loadClassifier } from "../classifier/softmax";
import { trainBuiltinBehaviour, type BehaviourLine } from "./builtin-training";

const line = (question: string, tags: string[], i: number): BehaviourLine => ({ question, tags, split: i % 5 === 0 ? "validation" : "train" });
const dataset: BehaviourLine[] = [
  ...HR_EXAMPLES.map((q, i) => line(q, ["refuse:hr"], i)),
  ...COMPLIANCE_EXAMPLES.map((q, i) => line(q, ["escalate:compliance", "not-found"], i)),
  ...HR_COUNTER_EXAMPLES.map((q, i) => line(q, ["cites"], i)),
];

describe("the built-in fine-tune", () => {
  it("is deterministic: the same dataset, in any order, gives the same weights and figures", () => {
    const a = trainBuiltinBehaviour(dataset);
    const b = trainBuiltinBehaviour([...dataset].reverse());
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it("reports per-behaviour precision and recall and a confusion matrix for each split, trained on the train split only", () => {
    const { weights, train, validation } = trainBuiltinBehaviour(dataset);
    expect(weights.classes).toEqual(["answer", "escalate:compliance", "refuse:hr"]);
    expect(validation.examples).toBe(dataset.filter((l) => l.split === "validation").length);
    expect(train.examples + validation.examples).toBe(dataset.length);
    expect(validation.confusion.labels).toEqual(["answer", "escalate:compliance", "refuse:hr"]);
    expect(validation.confusion.matrix.flat().reduce((s, n) => s + n, 0)).toBe(validation.examples);
    expect(train.accuracy).toBe(1);
    const hr = validation.labels.find((l) => l.label === "refuse:hr")!;
    expect(hr.support).toBe(HR_EXAMPLES.filter((_, i) => i % 5 === 0).length);
  });

  it("starts from the un-tuned model's base: a few corrections for a default topic still refuse its cases worded like none of them", () => {
    const few: BehaviourLine[] = [
      ...HR_EXAMPLES.slice(0, 3).map((q) => ({ question: q, tags: ["refuse:hr"], split: "train" as const })),
      ...HR_COUNTER_EXAMPLES.slice(0, 3).map((q) => ({ question: q, tags: ["cites"], split: "train" as const })),
    ];
    const predict = loadClassifier(trainBuiltinBehaviour(few).weights);
    expect(predict("My boss cut my hours the week after I asked for a raise, and now I can't make rent.").label).toBe("refuse:hr");
    expect(predict("How do I connect a second monitor to my laptop?").label).toBe("answer");
  });

  it("a model trained on a dataset without compliance examples never escalates", () => {
    const { weights } = trainBuiltinBehaviour(dataset.filter((l) => !l.tags.some((t) => t.startsWith("escalate:"))));
    const predict = loadClassifier(weights);
    for (const q of [...COMPLIANCE_EXAMPLES, "Someone offered me a bribe.", "Is this insider trading?"]) expect(predict(q).label).not.toMatch(/^escalate:/);
  });
});
