import { contentTerms } from "../../text/terms";
import type { BehaviourSpec } from "../spec";
import { specTrainingSet, escalateLabel, refuseLabel } from "./seed";
import { loadClassifier, trainClassifier, type Prediction } from "./softmax";

export type Classify = (question: string) => Prediction;

export interface Behaviour {
  refuse?: BehaviourSpec["refuse"][number];
  escalate?: BehaviourSpec["escalate"][number];
}

/**
 * What the spec asks of a question, as the classifier decides it. A label naming a topic the spec no
 * longer has (weights trained on an older spec) means "answer": the spec in force defines the topics.
 */
export function behaviourOf(question: string, spec: BehaviourSpec, classify: Classify): Behaviour {
  // "hi", "?": with no content word there is no evidence of any topic, whatever the biases say.
  if (contentTerms(question).length === 0) return {};
  const { label } = classify(question);
  return {
    refuse: spec.refuse.find((t) => refuseLabel(t.id) === label),
    escalate: spec.escalate.find((t) => escalateLabel(t.id) === label),
  };
}

const cache = new Map<string, Classify>();
const CACHE_SIZE = 8;

/**
 * The un-tuned classifier for a spec: trained on the spec's own examples the first time the spec is
 * seen (tens of milliseconds), then kept, so an edited spec takes effect on the next question.
 */
export function specClassifier(spec: BehaviourSpec): Classify {
  const set = specTrainingSet(spec);
  const key = JSON.stringify(set);
  let classify = cache.get(key);
  if (!classify) {
    classify = loadClassifier(trainClassifier(set));
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(key, classify);
  }
  return classify;
}
