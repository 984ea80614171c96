import { generateText } from "ai";
import type { ChatModel } from "../ai/models";
import { contentWords } from "../text/terms";

export interface Rewrite {
  /** What retrieval searches for. */
  query: string;
  /** none: a first question, or one that stands alone; model / rules: rewritten by either. */
  method: "none" | "model" | "rules";
  /** Set when the model was asked but failed, and the rules stood in. */
  error?: string;
}

export interface Turn {
  role: "user" | "assistant" | "system";
  text: string;
}

// Opens like a continuation ("and…", "what about…"), perhaps after an acknowledgement ("ok and…",
// "thanks, what about…"), or leans on an earlier noun, person or event ("that", "it", "he", "her", "afterwards").
const ACKNOWLEDGEMENT = String.raw`(?:ok(?:ay)?|thanks|thank you|great|cool|right|alright|got it|i see|yes|yeah|no|sorry|oh|ah|hmm+|well|perfect|nice)\b[\s,.!;:-]*`;
const CONTINUATION = new RegExp(String.raw`^\s*(?:${ACKNOWLEDGEMENT})*(?:and|but|also|so|then|or|what about|how about|what if|same for|even)\b`, "i");
const REFERENCE = /\b(?:it|its|that|this|those|these|they|them|their|same|he|him|his|she|her|hers|afterwards?|beforehand)\b/i;
// Words of asking, not of the subject, that the toolkit's stopwords lack: never carried over into a rewrite.
const ASKING = new Set(["ask", "like"]);
/** A question with at most this many subject words says too little to stand alone after another. */
const BARE_TERMS = 2;
/** Earlier user questions whose subject words may be carried over. */
const CARRY_FROM = 2;
const MODEL_TIMEOUT_MS = 10_000;

const subjectWords = (text: string) => contentWords(text).filter((w) => !ASKING.has(w) && w.length > 1);

/**
 * The built-in, deterministic rewrite: a follow-up keeps its own words and gains the subject
 * words of the previous question(s) it does not repeat. "what about for contractors?" after
 * "How many days of annual leave do I get?" searches for "what about for contractors? days annual leave".
 */
export function rewriteByRules(question: string, history: Turn[]): Rewrite {
  const earlier = history.filter((t) => t.role === "user" && t.text.trim()).slice(-CARRY_FROM).reverse();
  if (earlier.length === 0) return { query: question, method: "none" };
  const own = subjectWords(question);
  const followUp = CONTINUATION.test(question) || REFERENCE.test(question) || own.length <= BARE_TERMS;
  if (!followUp) return { query: question, method: "none" };
  const seen = new Set(own);
  const carried = earlier.flatMap((t) => subjectWords(t.text)).filter((w) => !seen.has(w) && (seen.add(w), true));
  if (carried.length === 0) return { query: question, method: "none" };
  return { query: `${question.trim()} ${carried.join(" ")}`, method: "rules" };
}

const INSTRUCTIONS =
  "You rewrite the user's latest question into one standalone search query for a company policy search engine. " +
  "Resolve references to earlier turns (it, that, what about...) using the conversation. Keep names, numbers and identifiers exactly. " +
  "If the question already stands alone, return it unchanged. Answer with the query only, on one line, without quotes.";

/**
 * The follow-up as a standalone query, by the active chat model; the built-in model, and any
 * model that fails to answer, use the deterministic rules.
 */
export async function standaloneQuery(question: string, history: Turn[], model: ChatModel): Promise<Rewrite> {
  if (!history.some((t) => t.role === "user" && t.text.trim())) return { query: question, method: "none" };
  if (model.id.startsWith("builtin")) return rewriteByRules(question, history);
  try {
    const transcript = history.filter((t) => t.role !== "system" && t.text.trim()).slice(-6)
      .map((t) => `${t.role === "user" ? "User" : "Assistant"}: ${t.text.slice(0, 1000)}`).join("\n");
    const { text } = await generateText({
      model: model.model,
      instructions: INSTRUCTIONS,
      prompt: `Conversation:\n${transcript}\n\nLatest question: ${question}\n\nStandalone query:`,
      abortSignal: AbortSignal.timeout(MODEL_TIMEOUT_MS),
      // The asker is waiting, and the rules are a good enough answer: no retries.
      maxRetries: 0,
    });
    const query = text.trim().split("\n")[0]!.replace(/^["']|["']$/g, "").trim().slice(0, 500);
    if (!query) throw new Error("the model answered with an empty query");
    return { query, method: query === question ? "none" : "model" };
  } catch (err) {
    return { ...rewriteByRules(question, history), error: err instanceof Error ? err.message : String(err) };
  }
}
