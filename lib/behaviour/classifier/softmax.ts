import { questionFeatures } from "./features";

/*
 * Multinomial logistic regression with an L2 penalty, trained by accelerated full-batch gradient
 * descent for a fixed number of steps: convex, so the same data always reaches the same weights, in
 * tens of milliseconds for a few hundred questions. Written here rather than taken from a package:
 * the JavaScript ones we found (natural, node-nlp, ml-logistic-regression) train one-vs-rest on
 * dense vectors without a tunable penalty or class balancing, and none serialise to a small JSON we
 * can version in the database. See docs/behaviour-learner.md.
 */

export interface LabelledQuestion {
  question: string;
  label: string;
}

export interface TrainOptions {
  /** L2 penalty on the weights (not the biases), relative to the mean loss. */
  l2?: number;
  steps?: number;
}

/** The trained model: plain JSON, stored as the fine-tune's artefact. */
export interface ClassifierWeights {
  format: "softmax-v1";
  classes: string[];
  features: string[];
  /** weights[c][f]: class c, feature f. */
  weights: number[][];
  bias: number[];
  l2: number;
  steps: number;
}

export const DEFAULT_L2 = 1e-3;
const DEFAULT_STEPS = 300;

interface Row {
  index: Int32Array;
  value: Float64Array;
  label: number;
  weight: number;
}

export function trainClassifier(examples: LabelledQuestion[], options: TrainOptions = {}): ClassifierWeights {
  const l2 = options.l2 ?? DEFAULT_L2;
  const steps = options.steps ?? DEFAULT_STEPS;
  // Sorted, so the weights do not depend on the order the examples came in.
  const sorted = [...examples].sort((a, b) => (a.label + "\u0000" + a.question < b.label + "\u0000" + b.question ? -1 : 1));
  const classes = [...new Set(sorted.map((e) => e.label))].sort();
  const vectors = sorted.map((e) => questionFeatures(e.question));
  const features = [...new Set(vectors.flatMap((v) => [...v.keys()]))].sort();
  const featureIndex = new Map(features.map((f, i) => [f, i]));
  const counts = classes.map((c) => sorted.filter((e) => e.label === c).length);
  // Balanced classes: twenty answerable questions do not drown two personal cases.
  const rows: Row[] = sorted.map((e, i) => {
    const label = classes.indexOf(e.label);
    const entries = [...vectors[i]!.entries()].map(([f, v]) => [featureIndex.get(f)!, v] as const);
    return { index: Int32Array.from(entries, (x) => x[0]), value: Float64Array.from(entries, (x) => x[1]), label, weight: sorted.length / (classes.length * counts[label]!) };
  });
  const K = classes.length;
  const V = features.length;
  const size = K * (V + 1); // weights then biases, one flat array
  // Three buffers reused for every step: the weights, the previous step's, and the look-ahead point.
  let w = new Float64Array(size);
  let previous = new Float64Array(size);
  const y = new Float64Array(size);
  const grad = new Float64Array(size);
  // The softmax loss's curvature is at most 1/2 per unit of |x|^2 (+1 for the bias): a step that never overshoots.
  const rate = 1 / (0.5 * (maxRowNorm2(rows) + 1) + l2);
  for (let t = 1; t <= steps && K > 1; t++) {
    // Nesterov's look-ahead point.
    const momentum = (t - 1) / (t + 2);
    for (let i = 0; i < size; i++) y[i] = w[i]! + momentum * (w[i]! - previous[i]!);
    gradient(y, rows, K, V, l2, grad);
    [previous, w] = [w, previous];
    for (let i = 0; i < size; i++) w[i] = y[i]! - rate * grad[i]!;
  }
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  return {
    format: "softmax-v1",
    classes,
    features,
    weights: classes.map((_, c) => Array.from(w.subarray(c * V, (c + 1) * V), round)),
    bias: classes.map((_, c) => round(w[K * V + c]!)),
    l2,
    steps,
  };
}

function maxRowNorm2(rows: Row[]): number {
  return Math.max(1e-9, ...rows.map((r) => r.value.reduce((s, v) => s + v * v, 0)));
}

function gradient(w: Float64Array, rows: Row[], K: number, V: number, l2: number, out: Float64Array) {
  const totalWeight = rows.reduce((s, r) => s + r.weight, 0);
  for (let i = 0; i < K * V; i++) out[i] = l2 * w[i]!;
  for (let c = 0; c < K; c++) out[K * V + c] = 0;
  const scores = new Float64Array(K);
  for (const row of rows) {
    const { index, value } = row;
    for (let c = 0; c < K; c++) {
      let s = w[K * V + c]!;
      const base = c * V;
      for (let j = 0; j < index.length; j++) s += w[base + index[j]!]! * value[j]!;
      scores[c] = s;
    }
    // Softmax in place: this runs for every row at every step.
    let max = -Infinity;
    for (let c = 0; c < K; c++) if (scores[c]! > max) max = scores[c]!;
    let sum = 0;
    for (let c = 0; c < K; c++) sum += scores[c] = Math.exp(scores[c]! - max);
    for (let c = 0; c < K; c++) {
      const g = (row.weight * (scores[c]! / sum - (c === row.label ? 1 : 0))) / totalWeight;
      if (g === 0) continue;
      const base = c * V;
      for (let j = 0; j < index.length; j++) out[base + index[j]!]! += g * value[j]!;
      out[K * V + c]! += g;
    }
  }
}

function softmax(scores: Float64Array): Float64Array {
  const max = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / sum);
}

export interface Prediction {
  label: string;
  /** Probability per class, in the weights' class order. */
  probabilities: Record<string, number>;
}

/** A classifier ready to predict: the feature index is built once per weights. */
export function loadClassifier(model: ClassifierWeights): (question: string) => Prediction {
  const index = new Map(model.features.map((f, i) => [f, i]));
  return (question) => {
    const vector = questionFeatures(question);
    const scores = new Float64Array(model.classes.length);
    model.classes.forEach((_, c) => {
      let s = model.bias[c]!;
      for (const [f, v] of vector) {
        const i = index.get(f);
        if (i !== undefined) s += model.weights[c]![i]! * v;
      }
      scores[c] = s;
    });
    const p = softmax(scores);
    let best = 0;
    for (let c = 1; c < p.length; c++) if (p[c]! > p[best]!) best = c;
    return { label: model.classes[best] ?? "answer", probabilities: Object.fromEntries(model.classes.map((c, i) => [c, p[i]!])) };
  };
}
