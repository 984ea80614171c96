import { z } from "zod";
import { COMPLIANCE_COUNTER_EXAMPLES, COMPLIANCE_EXAMPLES, HR_COUNTER_EXAMPLES, HR_EXAMPLES } from "./default-examples";

const required = () => z.string().trim().min(1, "Fill this in.");

/**
 * The behaviour spec: how the assistant must behave, whatever the facts. One definition serves
 * three purposes: the system prompt for base models, the target of fine-tuning (each training
 * example records the spec version it teaches), and the oracle of the behaviour evaluation.
 * Facts never go here; they live in retrieval.
 */
const topic = z.object({
  /** Short name shown to admins and used as a behaviour tag, e.g. "hr". */
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, "Use lowercase letters, digits and dashes."),
  description: required(),
  /**
   * Phrases typical of the topic. Seed material, not a rule: when the topic has no examples, example
   * questions are made from them; the evaluation uses them to keep plain cases off the topic.
   */
  keywords: z.array(required()).min(1, "Give at least one keyword."),
  /** Questions that belong to the topic: what the built-in model's classifier learns the topic from. */
  examples: z.array(required()).optional(),
  /** Questions that sound like the topic but ask about policy, and must be answered (hard negatives). */
  counterExamples: z.array(required()).optional(),
});

export const behaviourSpecSchema = z.object({
  format: z.object({
    /** Lists of several items as Markdown bullet points. */
    bulletLists: z.boolean(),
    /** Every factual sentence ends with a [n] citation. */
    citeEveryFactualSentence: z.boolean(),
    /** Length norm for an answer, in words. */
    maxWords: z.number("Enter a number of words.").int("Use a whole number of words.").min(20, "Use at least 20 words.").max(2000, "Use at most 2000 words."),
  }),
  tone: required(),
  /** Topics answered with a referral instead of an answer. */
  refuse: z.array(topic.extend({ referral: required() })),
  /** Topics answered (when the sources allow) and always escalated with a contact. */
  escalate: z.array(topic.extend({ message: required(), contact: required() })),
  /** Said when the sources do not contain the answer. */
  notFound: required(),
  /** Appended to every answer that gives information, when set. */
  disclaimer: z.string().optional(),
});

export type BehaviourSpec = z.infer<typeof behaviourSpecSchema>;

/** Topic ids name behaviours in the evaluation, so they must be unique across both lists. */
export function duplicateTopicIds(spec: BehaviourSpec): { path: string; message: string }[] {
  const seen = new Set<string>();
  return (["refuse", "escalate"] as const).flatMap((list) =>
    spec[list].flatMap((t, i) => {
      const clash = seen.has(t.id);
      seen.add(t.id);
      return clash ? [{ path: `${list}.${i}.id`, message: "Another topic already uses this id." }] : [];
    }),
  );
}

export const DEFAULT_BEHAVIOUR_SPEC: BehaviourSpec = {
  format: { bulletLists: true, citeEveryFactualSentence: true, maxWords: 200 },
  tone: "Professional, friendly and concise. Plain language, no speculation, no opinions.",
  refuse: [
    {
      id: "hr",
      description: "A person's own HR case: their pay, performance review, grievance, disciplinary or medical situation.",
      keywords: ["my salary", "my pay", "my raise", "my performance review", "my manager", "grievance", "disciplinary", "harassment", "fired", "my medical"],
      examples: HR_EXAMPLES,
      counterExamples: HR_COUNTER_EXAMPLES,
      referral: "This is a personal HR matter, so I can't help with it here. Please contact HR at hr@example.com.",
    },
  ],
  escalate: [
    {
      id: "compliance",
      description: "Possible legal or regulatory breaches: bribery, fraud, insider trading, sanctions, conflicts of interest, data breaches.",
      keywords: ["bribe", "bribery", "kickback", "fraud", "insider trading", "sanctions", "money laundering", "conflict of interest", "data breach", "whistleblow"],
      examples: COMPLIANCE_EXAMPLES,
      counterExamples: COMPLIANCE_COUNTER_EXAMPLES,
      message: "This may be a compliance matter. Please report it to the Compliance team before acting.",
      contact: "compliance@example.com",
    },
  ],
  notFound: "I couldn't find this in the documents available to you. Try rephrasing the question, or ask the owner of the relevant policy.",
  disclaimer: undefined,
};

type Topic = z.infer<typeof topic>;

/**
 * The first topic one of whose keywords occurs in the text as whole words, case-insensitively. The
 * built-in model falls back on it when its classifier is unsure (behaviourOf); the evaluation uses it
 * to keep plain cases clear of every topic's vocabulary.
 */
export function findTopic<T extends Topic>(text: string, topics: T[]): T | undefined {
  return topics.find((t) => t.keywords.some((k) => keywordPattern(k).test(text)));
}

function keywordPattern(keyword: string): RegExp {
  const words = keyword.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join("\\s+")}(?![\\p{L}\\p{N}])`, "iu");
}
