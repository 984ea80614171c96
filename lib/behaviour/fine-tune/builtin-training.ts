import { ANSWER_LABEL, specTrainingSet } from "../classifier/seed";
import { loadClassifier, trainClassifier, type ClassifierWeights, type LabelledQuestion } from "../classifier/softmax";
import type { BehaviourSpec } from "../spec";

/** One frozen dataset line as the built-in trainer reads it: the question, its tags and its split. */
export interface BehaviourLine {
  question: string;
  tags: string[];
  split: "train" | "validation";
}

export interface LabelScore {
  label: string;
  precision: number | null;
  recall: number | null;
  support: number;
}

export interface SplitReport {
  examples: number;
  accuracy: number | null;
  labels: LabelScore[];
  /** matrix[i][j]: examples of labels[i] the model gave labels[j]. */
  confusion: { labels: string[]; matrix: number[][] };
}

/** What the job page shows: stored beside the weights. */
export interface BuiltinReport {
  train: SplitReport;
  validation: SplitReport;
}

export interface BuiltinTraining extends BuiltinReport {
  weights: ClassifierWeights;
}

/** What an example teaches the classifier: its refuse or escalate tag, else to answer. */
export function labelOf(tags: string[]): string {
  return tags.find((t) => t.startsWith("refuse:")) ?? tags.find((t) => t.startsWith("escalate:")) ?? ANSWER_LABEL;
}

/**
 * What the fine-tune trains on: the dataset's train split (or, with `withValidation`, both splits)
 * and the base described below.
 */
export function builtinTrainingSet(lines: BehaviourLine[], spec: BehaviourSpec, withValidation = false): LabelledQuestion[] {
  const train = lines.filter((l) => withValidation || l.split === "train").map((l) => ({ question: l.question, label: labelOf(l.tags) }));
  const taught = new Set([ANSWER_LABEL, ...train.map((l) => l.label)]);
  const held = new Set(withValidation ? [] : lines.filter((l) => l.split === "validation").map((l) => l.question));
  return [...train, ...specTrainingSet(spec).filter((l) => taught.has(l.label) && !held.has(l.question))];
}

/**
 * The `builtin` fine-tune: the behaviour classifier trained on the dataset's train split, and
 * measured on both splits, so the validation figures say what it learned rather than remembered.
 * It starts from what the un-tuned model knows: the training set of the dataset's spec (its
 * examples, keywords and counter-examples, the built-in supplement and the answer base:
 * classifier/seed.ts), less every validation question, and less the topics the dataset does not
 * teach, which are not learned. So a dataset of a few corrections adds to the un-tuned model
 * rather than replacing it, and one generated from the spec alone is the un-tuned model again.
 *
 * The stored weights are then trained once more on both splits (the usual refit after a held-out
 * measurement): a model that never saw its validation questions is weaker than the un-tuned one,
 * which learns every spec example, and the promotion check would rightly block it. So the figures
 * describe the model trained without the validation split, and the candidate has learned it too.
 */
export function trainBuiltinBehaviour(lines: BehaviourLine[], spec: BehaviourSpec): BuiltinTraining {
  const labelled = lines.map((l) => ({ question: l.question, label: labelOf(l.tags), split: l.split }));
  const measured = trainClassifier(builtinTrainingSet(lines, spec));
  const predict = loadClassifier(measured);
  const labels = [...new Set([ANSWER_LABEL, ...labelled.map((l) => l.label), ...measured.classes])].sort();
  const report = (split: "train" | "validation"): SplitReport => {
    const rows = labelled.filter((l) => l.split === split).map((l) => ({ truth: l.label, predicted: measured.classes.length > 1 ? predict(l.question).label : (measured.classes[0] ?? ANSWER_LABEL) }));
    const matrix = labels.map((t) => labels.map((p) => rows.filter((r) => r.truth === t && r.predicted === p).length));
    return {
      examples: rows.length,
      accuracy: rows.length ? rows.filter((r) => r.truth === r.predicted).length / rows.length : null,
      labels: labels.map((label, i) => {
        const tp = matrix[i]![i]!;
        const predicted = matrix.reduce((s, row) => s + row[i]!, 0);
        const support = matrix[i]!.reduce((s, n) => s + n, 0);
        return { label, precision: predicted ? tp / predicted : null, recall: support ? tp / support : null, support };
      }),
      confusion: { labels, matrix },
    };
  };
  const weights = lines.some((l) => l.split === "validation") ? trainClassifier(builtinTrainingSet(lines, spec, true)) : measured;
  return { weights, train: report("train"), validation: report("validation") };
}
