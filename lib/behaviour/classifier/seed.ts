import type { BehaviourSpec } from "../spec";
import type { LabelledQuestion } from "./softmax";

/** The label a classifier gives a question that belongs to no topic. */
export const ANSWER_LABEL = "answer";
export const refuseLabel = (id: string) => `refuse:${id}`;
export const escalateLabel = (id: string) => `escalate:${id}`;

type Topic = BehaviourSpec["refuse"][number] | BehaviourSpec["escalate"][number];

const REFUSE_TEMPLATES = ["Can you help me with {k}?", "I need advice about {k}. What should I do?", "Who should I talk to about {k}?"];
const ESCALATE_TEMPLATES = ["What does the policy say about {k}?", "I think I have seen {k} at work.", "Someone asked me about {k}; what do I do?"];

/**
 * A topic's example questions: the admin's own, or, for a spec written before topics had examples,
 * questions made from its keywords, so such a spec still teaches its topics.
 */
export function topicExamples(topic: Topic, kind: "refuse" | "escalate"): string[] {
  if (topic.examples?.length) return topic.examples;
  const templates = kind === "refuse" ? REFUSE_TEMPLATES : ESCALATE_TEMPLATES;
  return topic.keywords.flatMap((k) => templates.map((t) => t.replace("{k}", k)));
}

/** What the classifier learns a topic from: its examples, and its keywords as phrases of their own. */
const topicPhrases = (topic: Topic, kind: "refuse" | "escalate") => [...topicExamples(topic, kind), ...topic.keywords];

/**
 * Everyday questions every spec answers: the "answer" class needs examples even when an admin
 * gives no counter-examples, and many of them speak of "my" things, so that asking about oneself is
 * not taken for a personal case. Written for this file, like the default topics' examples.
 */
const EVERYDAY_QUESTIONS = [
  "How many days of holiday do part-time staff get?",
  "Where do I book a hotel for a conference?",
  "What is the daily meal allowance abroad?",
  "How do I connect to the office wifi?",
  "Can I bring a guest into the building?",
  "What is the deadline for submitting receipts?",
  "Is there a cycle to work scheme?",
  "How do I request a second monitor?",
  "Which train class may I book for long journeys?",
  "How do I set up multi-factor authentication?",
  "What are the office opening hours over the holidays?",
  "How do I claim mileage for using my own car?",
  "Who do I contact when the printer is broken?",
  "Is there a pension matching scheme?",
  "How do I carry over unused leave?",
  "What should I do if I lose my building pass?",
  "Can I work abroad for a few weeks?",
  "How do I order business cards?",
  "What is the process for onboarding a new starter?",
  "Where can I find the expense policy?",
  "How do I change my password?",
  "Can I take my laptop home at weekends?",
  "Where do I update my home address?",
  "How do I book my time off in the HR system?",
  "Can my partner join me on a business trip?",
  "How do I add my child to the health insurance?",
  "Do I need to tell IT before installing software on my laptop?",
  "Which form do I use to claim back my train ticket?",
  "What is the capital of Australia?",
  "How do I bake sourdough bread?",
];

/** The labelled questions a spec teaches: its topics' examples, and counter-examples and everyday questions as answers. */
export function specTrainingSet(spec: BehaviourSpec): LabelledQuestion[] {
  const answers = [...EVERYDAY_QUESTIONS, ...[...spec.refuse, ...spec.escalate].flatMap((t) => t.counterExamples ?? [])];
  return [
    ...spec.refuse.flatMap((t) => topicPhrases(t, "refuse").map((question) => ({ question, label: refuseLabel(t.id) }))),
    ...spec.escalate.flatMap((t) => topicPhrases(t, "escalate").map((question) => ({ question, label: escalateLabel(t.id) }))),
    ...answers.map((question) => ({ question, label: ANSWER_LABEL })),
  ];
}
