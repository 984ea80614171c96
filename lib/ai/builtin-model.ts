import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4Prompt,
  LanguageModelV4StreamPart,
  LanguageModelV4Usage,
} from "@ai-sdk/provider";
import { behaviourOf, specClassifier, type Classify } from "../behaviour/classifier/topic-of";
import { loadClassifier, type ClassifierWeights } from "../behaviour/classifier/softmax";
import { DEFAULT_BEHAVIOUR_SPEC, type BehaviourSpec } from "../behaviour/spec";
import { askedFigure } from "./answer-figures";
import { ANSWERER_DEFAULTS, asksOnlyAboutStory, composeExtractiveAnswer, countWords, readQuestion, type ReadQuestion, type TermStatsSource } from "./extractive-answer";
import { parseSourcesFromPrompt, parseStandaloneQuestion, type PromptSource } from "./prompt";
import { parseSpecFromPrompt } from "./spec-prompt";
import { UNPACED, wordDueAt, type Pace } from "./builtin-pace";
import { countTokens } from "../text/tokens";

/**
 * The offline default chat model: no weights, no network. It answers by quoting the source sentences
 * that best match the question, each with its citation, so a fresh install gives grounded, cited answers
 * and the whole chat path (retrieval, prompt, streaming, citations) is testable deterministically.
 * It reads its sources, its behaviour rules (refusals, escalations, format, length, disclaimer) and
 * a follow-up's standalone form from the system prompt, exactly as a hosted model would; what it
 * adds is the index's word statistics, to know which of the question's words matter. Whether a
 * question is refused, escalated or answered is decided by a learned classifier: fine-tuned weights
 * when the model was fine-tuned, else one trained on the example questions of the spec it reads.
 */

export const NOT_FOUND_ANSWER = DEFAULT_BEHAVIOUR_SPEC.notFound;


export interface BuiltinModelOptions {
  /** How its words are spread out when streamed (builtin-pace.ts). Default: all at once. */
  pace?: Pace;
  /** Corpus statistics; without them the given sources stand in for the corpus. */
  termStats?: TermStatsSource;
  /** Loads fine-tuned behaviour weights (once); without it the classifier is trained on the prompt's spec. */
  behaviour?: () => Promise<ClassifierWeights | undefined>;
}

export function createBuiltinModel(options: BuiltinModelOptions = {}): LanguageModelV4 {
  const pace = options.pace ?? UNPACED;
  let tuned: Promise<Classify> | undefined;
  const load = options.behaviour;
  const classifier = load
    ? () =>
        (tuned ??= load().then((weights) => {
          if (!weights) throw new Error("This fine-tuned model's behaviour weights are missing; its fine-tuning job may have been deleted.");
          return loadClassifier(weights);
        }).catch((err: unknown) => {
          tuned = undefined; // a database hiccup is retried on the next question
          throw err;
        }))
    : undefined;
  const answer = async (call: LanguageModelV4CallOptions) => answerCall(call, options.termStats, classifier ? await classifier() : undefined);
  return {
    specificationVersion: "v4",
    provider: "groundwork",
    modelId: "builtin-extractive",
    supportedUrls: {},

    async doGenerate(call) {
      call.abortSignal?.throwIfAborted();
      const text = await answer(call);
      return { content: [{ type: "text", text }], finishReason: { unified: "stop", raw: undefined }, usage: usageOf(call, text), warnings: [] };
    },

    async doStream(call) {
      call.abortSignal?.throwIfAborted();
      const signal = call.abortSignal;
      const text = await answer(call);
      const words = streamedWords(text);
      const parts: (LanguageModelV4StreamPart | (() => LanguageModelV4StreamPart))[] = [
        { type: "stream-start", warnings: [] },
        { type: "text-start", id: "text-0" },
        ...words.map((delta): LanguageModelV4StreamPart => ({ type: "text-delta", id: "text-0", delta })),
        { type: "text-end", id: "text-0" },
        // Counted when the words are out: tokenizing the prompt's passages would delay the first word.
        () => ({ type: "finish", finishReason: { unified: "stop", raw: undefined }, usage: usageOf(call, text) }),
      ];
      const FIRST_WORD = 2;
      let i = 0;
      let started = 0;
      // Pull-based: nothing is produced ahead of the reader, and an abort stops the stream at the next part.
      const stream = new ReadableStream<LanguageModelV4StreamPart>({
        async pull(controller) {
          const word = i - FIRST_WORD;
          if (word === 0) started = performance.now();
          // Each word waits for its own time from the first, not a pause from the last: timers fire
          // late on a busy server, and pauses would add that lateness up beyond the pace's second.
          if (word > 0 && word < words.length) await sleep(started + wordDueAt(pace, words.length, word) - performance.now(), signal);
          if (signal?.aborted) return controller.error(signal.reason);
          const part = parts[i++];
          if (part) controller.enqueue(typeof part === "function" ? part() : part);
          else controller.close();
        },
      });
      return { stream };
    },
  };
}

/**
 * Below this probability of a refuse topic, a question asking for a figure the documents state is
 * answered rather than referred. Employees tell policy questions about their own situation the way
 * they tell personal cases ("My manager said my schedule changes next week but it was already
 * posted. How much notice is she supposed to give?", HR 0.65). Of the personal cases the classifier
 * refers (the development sets' and the behaviour evaluation's held-apart ones), none asks for a
 * figure below 0.8 (docs/behaviour-learner.md).
 */
export const SURE_REFERRAL = 0.8;

/**
 * Below SURE_REFERRAL, a question the documents answer with at least this evidence is answered,
 * whether or not it asks a figure: "supervisor here, they want me reachable on my own cell. do i get
 * anything for that" is answered by the phone stipend's sentence (evidence 1.16). Over the
 * development sets, the personal cases the classifier referred below 0.8 found no sentence above
 * 0.40; of the answerable policy questions it referred there, 12 of 17 found one of 0.5 or more,
 * and the two unanswerable ones none (docs/answer-quality.md). A story whose question names nothing
 * ("... Can he do that?") asks for a judgement on the case, and stays referred.
 */
export const SURE_RULE_EVIDENCE = 0.5;

/**
 * The evidence an escalated question's extract needs. An employee telling a compliance matter tells
 * a story ("the scrap hauler said he'd slip me a couple hundred a month if ..."), whose many words
 * no rule repeats; the escalation already sends them to Compliance, and the closest rule quoted
 * beside it is what they weigh before acting. Over the six policy sets' escalated questions, the
 * extracts with evidence from 0.3 up to the usual 0.45 cited the right document for 4 of 5, and
 * none answered an unanswerable question; below 0.3 a third cited another document. Measured again
 * once a long question's evidence counted at most seven of its words (extractive-answer.ts,
 * `sentenceTerms`), over the twelve development sets' questions the classifier escalates: 4 of the 5
 * with a supporting file cited it from 0.3 to 0.45 (docs/answer-quality.md).
 */
export const ESCALATED_MIN_EVIDENCE = 0.3;

/**
 * What the spec asks for this question: a referral, or the extract with escalation and disclaimer.
 * Topics are read from what the employee wrote; the extract from the question as read (`read`).
 */
export function composeAnswer(question: string, sources: PromptSource[], spec: BehaviourSpec, read?: ReadQuestion, classify: Classify = specClassifier(spec)): string {
  const { refuse: refusal, escalate: escalation, probability = 1 } = behaviourOf(question, spec, classify);
  const escalationText = escalation ? `${escalation.message} Contact: ${escalation.contact}` : "";
  const tail = [escalationText, spec.disclaimer ?? ""].filter(Boolean);
  const extract = (minEvidence = ANSWERER_DEFAULTS.minEvidence) => composeExtractiveAnswer(read?.asked ?? question, sources, {
    notFound: spec.notFound,
    bulletLists: spec.format.bulletLists,
    maxWords: spec.format.maxWords - countWords(tail.join(" ")),
    weights: read?.weights,
    standalone: read?.standalone,
    settings: { ...ANSWERER_DEFAULTS, minEvidence },
  });
  if (refusal) {
    // A question that asks for a figure ("how much notice is she supposed to give?") asks for the
    // rule, not for a decision on the asker's case: when the classifier is unsure of the referral
    // and the documents state the figure, or answer the question surely, the rule is the answer.
    const rule = probability < SURE_REFERRAL ? extract() : undefined;
    const sure = rule && rule.share >= SURE_RULE_EVIDENCE && !asksOnlyAboutStory(question);
    if (!rule?.cited.length || (!sure && !askedFigure(read?.asked ?? question))) return refusal.referral;
    return [rule.text, spec.disclaimer].filter(Boolean).join("\n\n");
  }
  const found = escalation ? extract(ESCALATED_MIN_EVIDENCE) : extract();
  // The disclaimer goes with information given; the escalation goes with the topic, answer or not.
  return [found.text, escalationText, found.cited.length > 0 ? spec.disclaimer : undefined].filter(Boolean).join("\n\n");
}

async function answerCall(call: LanguageModelV4CallOptions, termStats?: TermStatsSource, tuned?: Classify): Promise<string> {
  const system = call.prompt.flatMap((m) => (m.role === "system" ? [m.content] : [])).join("\n\n");
  const spec = parseSpecFromPrompt(system) ?? DEFAULT_BEHAVIOUR_SPEC;
  const asked = lastUserText(call.prompt);
  // A follow-up ("and for contractors?") is answered as what it means, not as its bare words; the
  // refusal and escalation topics are read from what the employee actually wrote.
  const standalone = parseStandaloneQuestion(system);
  const sources = parseSourcesFromPrompt(system);
  const read = termStats && sources.length > 0 ? await readQuestion(asked, standalone, sources, termStats) : { asked, standalone };
  return composeAnswer(asked, sources, spec, read, tuned ?? specClassifier(spec));
}

/** Usage in the tokens a hosted model would have counted for the same prompt and answer. */
function usageOf(call: LanguageModelV4CallOptions, text: string): LanguageModelV4Usage {
  const inputTokens = countTokens(call.prompt.map(messageText).join("\n"));
  const outputTokens = countTokens(text);
  return {
    inputTokens: { total: inputTokens, noCache: inputTokens, cacheRead: undefined, cacheWrite: undefined },
    outputTokens: { total: outputTokens, text: outputTokens, reasoning: undefined },
  };
}

function lastUserText(prompt: LanguageModelV4Prompt): string {
  const last = [...prompt].reverse().find((m) => m.role === "user");
  return last ? messageText(last) : "";
}

function messageText(message: LanguageModelV4Prompt[number]): string {
  if (typeof message.content === "string") return message.content;
  return message.content.flatMap((p) => (p.type === "text" ? [p.text] : [])).join(" ");
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
  });
}

/**
 * One word per delta, with its trailing whitespace, so the concatenation is the exact text. A line's
 * list or heading marker ("- ", "2. ", "## ") goes with the word after it: sent alone, it draws an
 * empty bullet, and the first words are seen only when the next delta arrives.
 */
export function streamedWords(text: string): string[] {
  return text.match(/(?:(?<=^|\n[ \t]*)(?:[-*+>]|#{1,6}|\d{1,3}[.)])[ \t]+)?\S+\s*/g) ?? [];
}
