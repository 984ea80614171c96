import { stem as porter2 } from "porter2";
import { ASKING_WORDS, STOPWORDS } from "./stopwords";

/**
 * Words for the keyword leg: split at every non-alphanumeric, so an identifier such as
 * "POL-TRV-004" or "EXP-12" becomes parts that both BM25 and PostgreSQL's parser index. No
 * stopwords are dropped here: the index's 'english' configuration drops its own from the query as
 * from the chunks, so the query's lexemes are what the index makes of the question. (Dropping the
 * toolkit's list, which is made for reading questions, cost "need", "get", "many": on the 18F set
 * the supporting file among the sources fell from 0.879 to 0.845; docs/embeddings.md.)
 */
export function keywordTerms(text: string): string[] {
  return [...new Set(text.toLowerCase().normalize("NFKC").match(/[\p{L}\p{N}]+/gu) ?? [])];
}

/**
 * Content words as Snowball (Porter2) English stems, the stemmer PostgreSQL's 'english'
 * configuration uses, so the answerer's terms line up with the index's lexemes: "policies" ~
 * "policy", "travelling" ~ "travel", "reimbursed" ~ "reimbursement".
 */
export function contentTerms(text: string): string[] {
  return contentWords(text).map(snowballStem);
}

/** The words of `text` that carry its subject, lower-cased, as written: no stopwords, no lone letters. */
export function contentWords(text: string): string[] {
  return (text.toLowerCase().normalize("NFKC").match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !STOPWORDS.has(w) && (w.length > 1 || /\d/.test(w)));
}

export function snowballStem(word: string): string {
  return /^[a-z]+$/.test(word) ? porter2(word) : word;
}

/** Stems of the words of asking and about documents ("explain", "according", "pdf"): never what a question is about. */
export const ASKING_STEMS: ReadonlySet<string> = new Set([...ASKING_WORDS].map(snowballStem));
