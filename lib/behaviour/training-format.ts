import { encodeChat } from "gpt-tokenizer/model/gpt-4o";
import type { ChatLine, TrainingSource } from "@/db/schema";
import { buildSystemPrompt } from "../ai/prompt";
import type { BehaviourSpec } from "./spec";

/**
 * The system message of a training example: the same prompt the chat model gets at question time,
 * the spec's rules followed by the numbered sources, so the model is trained on exactly what it will see.
 */
export function trainingSystemPrompt(spec: BehaviourSpec, sources: TrainingSource[]): string {
  return buildSystemPrompt(sources.map((s) => ({ n: s.n, title: s.title, headingPath: s.headingPath, page: s.page, text: s.text })), spec);
}

export function toChatLine(spec: BehaviourSpec, example: { question: string; sources: TrainingSource[]; idealAnswer: string }): ChatLine {
  return {
    messages: [
      { role: "system", content: trainingSystemPrompt(spec, example.sources) },
      { role: "user", content: example.question },
      { role: "assistant", content: example.idealAnswer },
    ],
  };
}

/**
 * Tokens of one example as the provider counts them for training: o200k_base (the GPT-4o and
 * GPT-4.1 families' encoding) with the chat-format overhead per message. Text that happens to
 * spell a special token is counted as plain text, as the API treats it.
 */
export function countLineTokens(line: ChatLine): number {
  return encodeChat(line.messages, undefined, { disallowedSpecial: new Set() }).length;
}

/** The spec's own sentences: an answer may say them without a source (they are behaviour, not knowledge). */
export function specTexts(spec: BehaviourSpec): string[] {
  return [
    spec.notFound,
    ...spec.refuse.map((t) => t.referral),
    ...spec.escalate.flatMap((t) => [t.message, t.contact]),
    ...(spec.disclaimer ? [spec.disclaimer] : []),
  ];
}
