import { COMPLIANCE_COUNTER_EXAMPLES, HR_COUNTER_EXAMPLES } from "../default-examples";
import type { BehaviourSpec } from "../spec";
import { EVERYDAY_QUESTIONS } from "./everyday-questions";
import type { LabelledQuestion } from "./softmax";
import { COMPLIANCE_CASES, HR_PERSONAL_CASES } from "./topic-supplement";

/** The label a classifier gives a question that belongs to no topic. */
export const ANSWER_LABEL = "answer";
export const refuseLabel = (id: string) => `refuse:${id}`;
export const escalateLabel = (id: string) => `escalate:${id}`;

type Topic = BehaviourSpec["refuse"][number] | BehaviourSpec["escalate"][number];

const REFUSE_TEMPLATES = ["Can you help me with {k}?", "I need advice about {k}. What should I do?", "Who should I talk to about {k}?"];
const ESCALATE_TEMPLATES = ["What does the policy say about {k}?", "I think I have seen {k} at work.", "Someone asked me about {k}; what do I do?"];

/** Questions made from a topic's keywords ("Can you help me with my salary?"): what a keyword looks like asked. */
const keywordQuestions = (topic: Topic, kind: "refuse" | "escalate") =>
  topic.keywords.flatMap((k) => (kind === "refuse" ? REFUSE_TEMPLATES : ESCALATE_TEMPLATES).map((t) => t.replace("{k}", k)));

/**
 * A topic's example questions: the admin's own, or, for a spec written before topics had examples,
 * questions made from its keywords, so such a spec still teaches its topics.
 */
export function topicExamples(topic: Topic, kind: "refuse" | "escalate"): string[] {
  return topic.examples?.length ? topic.examples : keywordQuestions(topic, kind);
}

/**
 * The built-in model's own further examples of the default spec's topics, by kind and topic id: a
 * few dozen spec examples (which also travel in every hosted model's prompt) are too few for a
 * linear model to tell a personal case from a policy question. A topic an admin adds has only its
 * own examples; one that keeps a default id keeps these.
 */
const SUPPLEMENT: Record<"refuse" | "escalate", Record<string, readonly string[]>> = {
  refuse: { hr: HR_PERSONAL_CASES },
  escalate: { compliance: COMPLIANCE_CASES },
};

/** The supplement's examples for a classifier label ("refuse:hr"); none for other labels. */
function supplementFor(label: string): readonly string[] {
  const [kind, id] = label.split(":") as [string, string | undefined];
  return (kind === "refuse" || kind === "escalate") && id ? (SUPPLEMENT[kind][id] ?? []) : [];
}

/**
 * What the classifier learns a topic from: its examples, its keywords asked and as phrases of their
 * own (among hundreds of everyday questions, a keyword seen once is drowned: "a question about
 * bribe" went unescalated), and the supplement.
 */
const topicPhrases = (topic: Topic, kind: "refuse" | "escalate") => {
  const label = kind === "refuse" ? refuseLabel(topic.id) : escalateLabel(topic.id);
  return [...new Set([...topicExamples(topic, kind), ...keywordQuestions(topic, kind), ...topic.keywords, ...supplementFor(label)])];
};

/**
 * Questions every classifier learns as answers, whatever the spec or dataset: everyday questions
 * (everyday-questions.ts) and the default spec's counter-examples, which are policy questions
 * whether or not a spec keeps them.
 */
const ANSWER_BASE: readonly string[] = [...new Set([...EVERYDAY_QUESTIONS, ...HR_COUNTER_EXAMPLES, ...COMPLIANCE_COUNTER_EXAMPLES])];

/** The labelled questions a spec teaches: its topics' examples; as answers, its counter-examples and the answer base. */
export function specTrainingSet(spec: BehaviourSpec): LabelledQuestion[] {
  const counter = [...spec.refuse, ...spec.escalate].flatMap((t) => t.counterExamples ?? []);
  const answers = [...new Set([...ANSWER_BASE, ...counter])];
  return [
    ...spec.refuse.flatMap((t) => topicPhrases(t, "refuse").map((question) => ({ question, label: refuseLabel(t.id) }))),
    ...spec.escalate.flatMap((t) => topicPhrases(t, "escalate").map((question) => ({ question, label: escalateLabel(t.id) }))),
    ...answers.map((question) => ({ question, label: ANSWER_LABEL })),
  ];
}
