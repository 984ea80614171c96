import { stem as porter2 } from "porter2";
import { STOPWORDS } from "./stopwords";

/**
 * Words for the keyword leg: split at every non-alphanumeric, so an identifier such as
 * "POL-TRV-004" or "EXP-12" becomes parts that both BM25 and PostgreSQL's parser index.
 */
export function keywordTerms(text: string): string[] {
  const words = text.toLowerCase().normalize("NFKC").match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.filter((w) => !STOPWORDS.has(w)))];
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
