import { contentTerms } from "../../text/terms";
import { findTopic, type BehaviourSpec } from "../spec";
import { specTrainingSet, escalateLabel, refuseLabel } from "./seed";
import { loadClassifier, trainClassifier, type Prediction } from "./softmax";

export type Classify = (question: string) => Prediction;

export interface Behaviour {
  refuse?: BehaviourSpec["refuse"][number];
  escalate?: BehaviourSpec["escalate"][number];
  /** The classifier's probability of the topic decided, when one is. */
  probability?: number;
}

/**
 * How sure the classifier must be before it refuses or escalates on its own. Even trained on
 * hundreds of everyday questions (everyday-questions.ts), it puts some ordinary questions unlike any
 * of them into a topic at middling confidence. Over the 797 ordinary questions of the development
 * sets and the project's own sets, and the 18F set's 12 personal and compliance cases: at 0.6 it
 * refuses or escalates 4 and handles 7; at 0.7, 2 and 6; at 0.5, 9 and 8 (`npm run tune:behaviour`,
 * docs/behaviour-learner.md).
 */
export const MIN_TOPIC_CONFIDENCE = 0.6;

/**
 * Below the floor, a keyword of a topic still decides when the classifier gives that topic at least
 * this probability: an admin's topic with a handful of examples is learned less surely than the
 * answer class's hundreds, and its keywords still say what it is. A keyword alone decides nothing
 * ("Does sick leave affect my pay?" holds "my pay" and is a policy question: 0.21).
 */
export const KEYWORD_SUPPORT = 0.3;

/**
 * What the spec asks of a question: the classifier's topic when it is sure; else a topic whose
 * keyword the question holds and which the classifier finds plausible (KEYWORD_SUPPORT), or any
 * topic whose keyword it holds when the topic has no example questions (a spec written before
 * topics had them). A label naming a topic the spec no longer has (weights trained on an older
 * spec) means "answer": the spec in force defines the topics.
 */
export function behaviourOf(question: string, spec: BehaviourSpec, classify: Classify, minConfidence = MIN_TOPIC_CONFIDENCE): Behaviour {
  // "hi", "?": with no content word there is no evidence of any topic, whatever the biases say.
  if (contentTerms(question).length === 0) return {};
  const prediction = classify(question);
  if ((prediction.probabilities[prediction.label] ?? 0) < minConfidence) {
    const candidates = <T extends { id: string; examples?: string[] }>(topics: T[], label: (id: string) => string) =>
      topics.filter((t) => !t.examples?.length || (prediction.probabilities[label(t.id)] ?? 0) >= KEYWORD_SUPPORT);
    const refuse = findTopic(question, candidates(spec.refuse, refuseLabel));
    if (refuse) return { refuse, probability: prediction.probabilities[refuseLabel(refuse.id)] ?? 0 };
    const escalate = findTopic(question, candidates(spec.escalate, escalateLabel));
    return escalate ? { escalate, probability: prediction.probabilities[escalateLabel(escalate.id)] ?? 0 } : {};
  }
  const { label } = prediction;
  const refuse = spec.refuse.find((t) => refuseLabel(t.id) === label);
  const escalate = spec.escalate.find((t) => escalateLabel(t.id) === label);
  return refuse || escalate ? { refuse, escalate, probability: prediction.probabilities[label] } : {};
}

/*
 * Kept on globalThis, like the database (lib/db.ts): Next bundles this module once per entry
 * (instrumentation, each route), and the classifier the start-up warm-up trains in the
 * instrumentation's copy (lib/ai/builtin-warm-up.ts) must be the one the chat route's copy finds.
 */
const holder = globalThis as unknown as { groundworkSpecClassifiers?: Map<string, Classify> };
const cache = (holder.groundworkSpecClassifiers ??= new Map<string, Classify>());
const CACHE_SIZE = 8;

/**
 * The un-tuned classifier for a spec: trained on the spec's own examples the first time the spec is
 * seen (tens of milliseconds), then kept, so an edited spec takes effect on the next question.
 */
export function specClassifier(spec: BehaviourSpec): Classify {
  const key = specKey(spec);
  let classify = cache.get(key);
  if (!classify) {
    classify = loadClassifier(trainClassifier(specTrainingSet(spec)));
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(key, classify);
  }
  return classify;
}

/** Whether the un-tuned classifier for this spec is trained already (a warm-up's effect). */
export function hasSpecClassifier(spec: BehaviourSpec): boolean {
  return cache.has(specKey(spec));
}

const specKey = (spec: BehaviourSpec) => JSON.stringify(specTrainingSet(spec));
