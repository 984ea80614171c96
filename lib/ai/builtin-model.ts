import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4Prompt,
  LanguageModelV4StreamPart,
  LanguageModelV4Usage,
} from "@ai-sdk/provider";
import { DEFAULT_BEHAVIOUR_SPEC, findTopic, type BehaviourSpec } from "../behaviour/spec";
import { parseSourcesFromPrompt, type PromptSource } from "./prompt";
import { parseSpecFromPrompt } from "./spec-prompt";

/**
 * The offline default chat model: no weights, no network. It answers by quoting the source sentences
 * that best match the question, each with its citation, so a fresh install gives grounded, cited answers
 * and the whole chat path (retrieval, prompt, streaming, citations) is testable deterministically.
 * It reads its sources and its behaviour rules (refusals, escalations, format, length, disclaimer)
 * from the system prompt, exactly as a hosted model would.
 */

export const NOT_FOUND_ANSWER = DEFAULT_BEHAVIOUR_SPEC.notFound;

const MAX_SENTENCES = 3;
/** Share of the question's term weight a sentence must cover; rejects one incidental word match. */
const MIN_COVERAGE = 0.5;
/** Extra sentences must score at least this fraction of the best one, so weak matches don't pad the answer. */
const MIN_RELATIVE_SCORE = 0.6;
/** Shorter fragments (labels, table headers) state no fact worth quoting. */
const MIN_SENTENCE_WORDS = 3;

// Function words plus the fillers questions are phrased with; contraction tails ("don't" -> "don", "t") too.
const STOPWORDS = new Set(
  ("a about above after all also am an and any are as at be been before being between both but by can could " +
    "did do does doing during each either for from further had has have having he her here hers him his how i " +
    "if in into is it its itself just me more most my no nor not of off on once only or other our ours out over " +
    "own please same she should so some such than that the their them then there these they this those through " +
    "to too under until up very was we were what when where which while who whom why will with would you your " +
    "yours tell know want need must may might shall many much get gets got getting let hi hello hey thanks " +
    "don doesn didn isn aren wasn weren won wouldn shouldn couldn ll re ve").split(" "),
);

interface Sentence {
  n: number;
  text: string;
  terms: Set<string>;
}

/*
 * Text addressed to an assistant inside a document is a planted instruction, not a fact: quoting it
 * would pass the instruction (its links, codes) on to the reader.
 */
const PLANTED_INSTRUCTION = new RegExp(
  [
    String.raw`\b(?:ignore|disregard|forget|override)\b[^.]{0,30}\b(?:previous|prior|above|earlier|all|your|system)\b[^.]{0,20}\b(?:instructions?|rules?|prompts?)\b`,
    String.raw`\b(?:note|message|instructions?)\s+(?:to|for)\s+(?:the\s+)?(?:ai|assistants?|chatbots?|language models?|llms?)\b`,
    String.raw`\b(?:ai|assistants?|chatbots?|language models?|llms?)\s+(?:answering|reading|processing)\b`,
    String.raw`\byou are now\b|\bsystem prompt\b`,
  ].join("|"),
  "i",
);

export interface ComposeOptions {
  notFound?: string;
  bulletLists?: boolean;
  /** Word budget for the quoted sentences; the best one is always kept. */
  maxWords?: number;
}

/** Picks the best-matching source sentences and formats them with citations; pure and deterministic. */
export function composeExtractiveAnswer(question: string, sources: PromptSource[], options: ComposeOptions = {}): { text: string; cited: number[] } {
  const notFound = { text: options.notFound ?? NOT_FOUND_ANSWER, cited: [] };
  const questionTerms = [...new Set(contentTerms(question))];
  const sentences: Sentence[] = sources.flatMap((s) =>
    splitSentences(s.text)
      .filter((text) => !PLANTED_INSTRUCTION.test(text))
      .map((text) => ({ n: s.n, text, terms: new Set(contentTerms(text)) })),
  );
  if (questionTerms.length === 0 || sentences.length === 0) return notFound;

  // Rare terms discriminate, common ones ("policy", "employees") barely count. A question term found in
  // no sentence gets the highest weight, so a question about something absent cannot be half-matched.
  const idf = (term: string) => {
    const df = sentences.filter((s) => s.terms.has(term)).length;
    return Math.log((sentences.length + 1) / (df + 1)) + 1;
  };
  const weights = new Map(questionTerms.map((t) => [t, idf(t)]));
  const totalWeight = [...weights.values()].reduce((a, b) => a + b, 0);

  const seen = new Set<string>();
  const scored = sentences
    .filter((s) => s.text.split(/\s+/).length >= MIN_SENTENCE_WORDS)
    .filter((s) => !seen.has(s.text) && seen.add(s.text)) // the same sentence in two chunks is quoted once
    .map((s, order) => ({ ...s, order, score: questionTerms.reduce((sum, t) => sum + (s.terms.has(t) ? weights.get(t)! : 0), 0) }))
    .filter((s) => s.score > 0 && s.score / totalWeight >= MIN_COVERAGE)
    .sort((a, b) => b.score - a.score || a.order - b.order); // ties keep document order: deterministic

  const best = scored[0];
  if (!best) return notFound;
  let words = 0;
  const chosen = scored
    .filter((s) => s.score >= best.score * MIN_RELATIVE_SCORE)
    .slice(0, MAX_SENTENCES)
    .filter((s, i) => (words += countWords(s.text) + 1) <= (options.maxWords ?? Infinity) || i === 0);

  const lines = chosen.map((s) => `${s.text} [${s.n}]`);
  const bullets = options.bulletLists ?? true;
  return {
    text: lines.length === 1 ? lines[0]! : bullets ? lines.map((l) => `- ${l}`).join("\n") : lines.join(" "),
    cited: [...new Set(chosen.map((s) => s.n))],
  };
}

/** Lowercased, stemmed content words. */
export function contentTerms(text: string): string[] {
  return (text.toLowerCase().normalize("NFKC").match(/[\p{L}\p{N}]+/gu) ?? [])
    .filter((w) => !STOPWORDS.has(w) && (w.length > 1 || /\d/.test(w)))
    .map(stem);
}

/**
 * A small suffix stripper, applied alike to questions and sources so that only consistency matters:
 * "receipts" ~ "receipt", "travelling" ~ "travel", "reimbursed" ~ "reimbursement", "approval" ~ "approve".
 */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && /ie[sd]$/.test(w)) w = w.slice(0, -3) + "y"; // policies, carried
  else if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith("s") && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  for (const [suffix, minStem] of [["ing", 3], ["ed", 3], ["ment", 3], ["al", 4], ["er", 4], ["ly", 4]] as const) {
    if (w.endsWith(suffix) && w.length - suffix.length >= minStem && !w.endsWith("eed")) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  if (w.length > 3 && w.endsWith("e")) w = w.slice(0, -1);
  // Collapse a final double consonant: "travell(ing)" -> "travel", "submitt(ed)" -> "submit", and "bill" -> "bil" alike.
  return w.replace(/([b-df-hj-np-tv-z])\1$/, "$1");
}

const ABBREVIATIONS = new Set(
  "e.g i.e etc vs approx incl excl cf dept mr mrs ms dr prof st no nos fig ref inc ltd co jr sr a.m p.m".split(" "),
);

/**
 * Splits passage text into quotable sentences. Markdown list items and table rows stand alone (stripped
 * of their markers), heading lines are dropped (they label a section rather than state a fact), and lines
 * of a wrapped paragraph are rejoined before splitting at sentence-ending punctuation.
 */
export function splitSentences(text: string): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  let tableHeader: string[] | null = null;
  let listItem = false;
  const flush = () => {
    const joined = current.join(" ");
    // A short line standing alone without closing punctuation is a heading from a PDF or DOCX
    // ("2.1 Company Laptops"): it labels a section rather than states a fact.
    const headingLike = !listItem && current.length === 1 && !/[.!?:;)"”]$/.test(joined) && joined.split(/\s+/).length <= 6;
    if (current.length > 0 && !headingLike) blocks.push(joined);
    current = [];
    listItem = false;
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line.startsWith("|")) tableHeader = null;
    if (line === "" || /^#{1,6}(\s|$)/.test(line)) {
      flush();
    } else if (line.startsWith("|")) {
      flush();
      const cells = line.split("|").map((c) => c.trim()).filter(Boolean);
      if (cells.every((c) => /^:?-+:?$/.test(c))) {
        // The |---| row marks the row above as the header: label each later cell with its column
        // ("City: London; Nightly limit: £200"), since a bare row of values means little on its own.
        tableHeader = blocks.pop()?.split("; ") ?? null;
      } else {
        const header = tableHeader;
        blocks.push(cells.map((c, i) => (header?.length === cells.length ? `${header[i]}: ${c}` : c)).join("; "));
      }
    } else if (/^([-*+•]|\d+[.)])\s+/.test(line)) {
      flush();
      listItem = true;
      current.push(line.replace(/^([-*+•]|\d+[.)])\s+/, ""));
    } else {
      current.push(line);
    }
  }
  flush();
  return blocks.flatMap(splitParagraph).filter((s) => /[\p{L}\p{N}]/u.test(s));
}

function splitParagraph(paragraph: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  // A boundary is end punctuation (plus closing quotes/brackets), whitespace, then a capital, digit or opening quote.
  for (const m of paragraph.matchAll(/[.!?]+["'”’)\]]*\s+(?=["'“‘([]?[\p{Lu}\p{N}])/gu)) {
    const end = m.index + m[0].length;
    const lastWord = paragraph.slice(start, m.index + 1).split(/\s+/).pop() ?? "";
    const bare = lastWord.toLowerCase().replace(/^[("'“‘[]+/, "").replace(/\.$/, "");
    // "e.g. Paris", "Dr. Smith", "J. Smith": not the end of a sentence.
    if (m[0].startsWith(".") && (ABBREVIATIONS.has(bare) || /^\p{L}$/u.test(bare))) continue;
    sentences.push(paragraph.slice(start, end).trim());
    start = end;
  }
  sentences.push(paragraph.slice(start).trim());
  return sentences.filter(Boolean);
}

export interface BuiltinModelOptions {
  /** Pause between streamed words, for demos and streaming tests. Default 0. */
  delayMs?: number;
}

export function createBuiltinModel(options: BuiltinModelOptions = {}): LanguageModelV4 {
  const delayMs = options.delayMs ?? 0;
  return {
    specificationVersion: "v4",
    provider: "groundwork",
    modelId: "builtin-extractive",
    supportedUrls: {},

    async doGenerate(call) {
      call.abortSignal?.throwIfAborted();
      const { text, usage } = answer(call);
      return { content: [{ type: "text", text }], finishReason: { unified: "stop", raw: undefined }, usage, warnings: [] };
    },

    async doStream(call) {
      call.abortSignal?.throwIfAborted();
      const signal = call.abortSignal;
      const { text, usage } = answer(call);
      const parts: LanguageModelV4StreamPart[] = [
        { type: "stream-start", warnings: [] },
        { type: "text-start", id: "text-0" },
        // One word per delta, with its trailing whitespace, so the concatenation is the exact text.
        ...(text.match(/\S+\s*/g) ?? []).map((delta): LanguageModelV4StreamPart => ({ type: "text-delta", id: "text-0", delta })),
        { type: "text-end", id: "text-0" },
        { type: "finish", finishReason: { unified: "stop", raw: undefined }, usage },
      ];
      let i = 0;
      // Pull-based: nothing is produced ahead of the reader, and an abort stops the stream at the next part.
      const stream = new ReadableStream<LanguageModelV4StreamPart>({
        async pull(controller) {
          if (delayMs > 0 && i > 1) await sleep(delayMs, signal);
          if (signal?.aborted) return controller.error(signal.reason);
          const part = parts[i++];
          if (part) controller.enqueue(part);
          else controller.close();
        },
      });
      return { stream };
    },
  };
}

/** What the spec asks for this question: a referral, or the extract with escalation and disclaimer. */
export function composeAnswer(question: string, sources: PromptSource[], spec: BehaviourSpec): string {
  const refusal = findTopic(question, spec.refuse);
  if (refusal) return refusal.referral;
  const escalation = findTopic(question, spec.escalate);
  const escalationText = escalation ? `${escalation.message} Contact: ${escalation.contact}` : "";
  const tail = [escalationText, spec.disclaimer ?? ""].filter(Boolean);
  const extract = composeExtractiveAnswer(question, sources, {
    notFound: spec.notFound,
    bulletLists: spec.format.bulletLists,
    maxWords: spec.format.maxWords - countWords(tail.join(" ")),
  });
  // The disclaimer goes with information given; the escalation goes with the topic, answer or not.
  const found = extract.cited.length > 0;
  return [extract.text, escalationText, found ? spec.disclaimer : undefined].filter(Boolean).join("\n\n");
}

function answer(call: LanguageModelV4CallOptions): { text: string; usage: LanguageModelV4Usage } {
  const system = call.prompt.flatMap((m) => (m.role === "system" ? [m.content] : [])).join("\n\n");
  const spec = parseSpecFromPrompt(system) ?? DEFAULT_BEHAVIOUR_SPEC;
  const text = composeAnswer(lastUserText(call.prompt), parseSourcesFromPrompt(system), spec);
  // Word counts stand in for tokens: there is no tokenizer, but usage should still be plausible.
  const inputWords = countWords(call.prompt.map(messageText).join(" "));
  const outputWords = countWords(text);
  return {
    text,
    usage: {
      inputTokens: { total: inputWords, noCache: inputWords, cacheRead: undefined, cacheWrite: undefined },
      outputTokens: { total: outputWords, text: outputWords, reasoning: undefined },
    },
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

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
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
