import type { LeakFinding } from "@/db/schema";
import { passageUnits } from "../text/sentences";
import { contentTerms, contentWords, snowballStem } from "../text/terms";

/**
 * The knowledge-leak check. A training example must teach *how* to answer from given sources, never
 * *what* the facts are: a sentence of the ideal answer that states facts its sources do not contain
 * would teach the model to answer from its weights, and that knowledge belongs in retrieval.
 *
 * A sentence is flagged when it carries a number, date or name that no source contains, or when
 * most of its content words (at least MIN_NEW_WORDS of them) appear nowhere in the sources: a
 * paraphrase changes a word or two, a new claim brings its own vocabulary.
 */
const MIN_NEW_WORDS = 3;

/** Words any answer may use without a source saying them (besides the toolkit's stopwords). */
const ANSWER_WORDS = new Set(
  ("according answer apply applies ask asked available case check contact covered details document documents employee employees " +
    "find found help however information mention mentioned note policy policies question questions refer " +
    "relevant request required say says section source sources state states team").split(" ").map(snowballStem),
);

const CITATION = /[ \t]*\[\d+\]/g;
const NUMBER = /\d+(?:[.,]\d+)*/g;
const WORD = /[\p{L}][\p{L}\p{N}'-]*/gu;

/** An answer's sentences, list items and rows, without their citation markers. */
export function answerSentences(text: string): string[] {
  return passageUnits(text.replace(CITATION, "")).map((u) => u.text);
}

/** "1,500" and "1500" are the same amount; "2.5" stays a decimal. */
const normalizeNumber = (n: string) => n.replace(/(?<=\d),(?=\d{3}\b)/g, "");

function vocabulary(texts: string[]) {
  const joined = texts.join("\n").normalize("NFKC");
  return {
    numbers: new Set((joined.match(NUMBER) ?? []).map(normalizeNumber)),
    words: new Set((joined.toLowerCase().match(WORD) ?? []).map((w) => w.replace(/'s$/, ""))),
    stems: new Set(contentTerms(joined)),
  };
}

/** Sentences of `answer` whose facts are not found in `allowed` (the sources, plus the spec's own texts). */
export function findKnowledgeLeaks(answer: string, allowed: string[]): LeakFinding[] {
  const known = vocabulary(allowed);
  const findings: LeakFinding[] = [];
  for (const sentence of answerSentences(answer.normalize("NFKC"))) {
    const missing = new Set<string>();
    for (const n of sentence.match(NUMBER) ?? []) if (!known.numbers.has(normalizeNumber(n))) missing.add(n);
    // Capitalized words after the first are names, places, products, months; acronyms count anywhere.
    const words = sentence.match(WORD) ?? [];
    words.forEach((w, i) => {
      const bare = w.replace(/'s$/, "");
      const name = (i > 0 && /^\p{Lu}/u.test(bare) && bare !== "I") || (bare.length > 1 && bare === bare.toUpperCase());
      if (name && !known.words.has(bare.toLowerCase())) missing.add(bare);
    });
    const content = [...new Set(contentWords(sentence).filter((t) => t.length >= 4 && !/^\d/.test(t)))];
    const unknown = content.filter((t) => !known.stems.has(snowballStem(t)) && !ANSWER_WORDS.has(snowballStem(t)));
    if (unknown.length >= MIN_NEW_WORDS && unknown.length * 2 > content.length) unknown.forEach((t) => missing.add(t));
    if (missing.size > 0) findings.push({ sentence, missing: [...missing] });
  }
  return findings;
}
