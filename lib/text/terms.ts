import { lancasterStemmer } from "lancaster-stemmer";
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

/**
 * Words Snowball cuts to another word's stem, where a policy means two things: an allowance is
 * money, being allowed is permission ("Is there an allowance for work trousers?" is not answered
 * by "The uniform is not allowed outside work").
 */
const STEM_EXCEPTIONS: ReadonlyMap<string, string> = new Map([["allowance", "allowanc"], ["allowances", "allowanc"]]);

export function snowballStem(word: string): string {
  return /^[a-z]+$/.test(word) ? (STEM_EXCEPTIONS.get(word) ?? porter2(word)) : word;
}

/** Stems of the words of asking and about documents ("explain", "according", "pdf"): never what a question is about. */
export const ASKING_STEMS: ReadonlySet<string> = new Set([...ASKING_WORDS].map(snowballStem));

/**
 * A word's family beyond its inflections: "apply" and "application", "admitted" and "admission",
 * "pay" and "payment", "decide" and "decision", which Snowball keeps apart by design. Questions ask
 * with verbs and policies state with nouns. The Lancaster stemmer joins them; it also joins words of
 * different meaning when it cuts them short ("insurance" and "insure" to "in", "general" and
 * "generation" to "gen"), so a key under five letters says nothing. A match on it counts for less
 * than a word match (the answerer's `derivedShare`).
 */
export function derivationKey(word: string): string | undefined {
  if (!/^[a-z]+$/.test(word)) return undefined;
  let key = derivationKeys.get(word);
  if (key === undefined) {
    // Every sentence of every passage is read on each answer, and the same words recur: remembered,
    // a key costs a lookup instead of Lancaster's rule walk. Bounded, as a vocabulary grows.
    if (derivationKeys.size >= MAX_REMEMBERED_KEYS) derivationKeys.clear();
    const stem = lancasterStemmer(word);
    key = stem.length >= 5 ? stem : "";
    derivationKeys.set(word, key);
  }
  return key || undefined;
}

const derivationKeys = new Map<string, string>();
const MAX_REMEMBERED_KEYS = 50_000;
