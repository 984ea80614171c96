import { contentTerms } from "../../text/terms";
import { findTopic, type BehaviourSpec } from "../spec";
import { specTrainingSet, escalateLabel, refuseLabel } from "./seed";
import { loadClassifier, trainClassifier, type Prediction } from "./softmax";

export type Classify = (question: string) => Prediction;

export interface Behaviour {
  refuse?: BehaviourSpec["refuse"][number];
  escalate?: BehaviourSpec["escalate"][number];
}

/**
 * How sure the classifier must be before it refuses or escalates on its own. Trained on a few dozen
 * examples, it puts ordinary questions unlike any of them into a topic at middling confidence: with
 * no floor it refused or escalated 207 of the 744 ordinary questions of the development sets and
 * the 18F set (privacy-policy questions about "my information" as personal HR cases); at 0.7, 3.
 * Below it, a keyword of the topic written in the question still decides (docs/behaviour-learner.md).
 */
export const MIN_TOPIC_CONFIDENCE = 0.7;

/**
 * What the spec asks of a question: the classifier's topic when it is sure, else the topic one of
 * whose keywords the question contains. A label naming a topic the spec no longer has (weights
 * trained on an older spec) means "answer": the spec in force defines the topics.
 */
export function behaviourOf(question: string, spec: BehaviourSpec, classify: Classify): Behaviour {
  // "hi", "?": with no content word there is no evidence of any topic, whatever the biases say.
  if (contentTerms(question).length === 0) return {};
  const prediction = classify(question);
  if ((prediction.probabilities[prediction.label] ?? 0) < MIN_TOPIC_CONFIDENCE) {
    const refuse = findTopic(question, spec.refuse);
    return refuse ? { refuse } : { escalate: findTopic(question, spec.escalate) };
  }
  const { label } = prediction;
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
