import { stem as porter2 } from "porter2";
import { STOPWORDS as CONTENT_STOPWORDS } from "./stopwords";

/** Word-level text normalization shared by the offline embedder and the keyword query builder. */
const STOPWORDS = new Set(
  ("a an and are as at be been but by can could did do does for from had has have how i if in into is it its " +
    "may me might must my no not of on or our shall should so than that the their them then there these they " +
    "this those to too us was we were what when where which while who whom why will with would you your").split(" "),
);

export function tokenize(text: string): string[] {
  return (text.toLowerCase().normalize("NFKC").match(/[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*/gu) ?? [])
    .map((t) => t.replace(/['-]/g, ""))
    .filter((t) => !STOPWORDS.has(t));
}

/** A light suffix stripper: enough to fold plurals and common verb forms together. */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  for (const suffix of ["ements", "ement", "ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s"]) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      return suffix === "ies" || suffix === "ied" ? word.slice(0, -suffix.length) + "y" : word.slice(0, -suffix.length);
    }
  }
  return word;
}

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
  return (text.toLowerCase().normalize("NFKC").match(/[\p{L}\p{N}]+/gu) ?? [])
    .filter((w) => !CONTENT_STOPWORDS.has(w) && (w.length > 1 || /\d/.test(w)))
    .map(snowballStem);
}

export function snowballStem(word: string): string {
  return /^[a-z]+$/.test(word) ? porter2(word) : word;
}
