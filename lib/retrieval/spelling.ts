import type { Asker } from "@/db/queries/access";
import { chunkDetails } from "@/db/queries/retrieval";
import { documentFrequencies } from "@/db/queries/term-stats";
import type { Executor } from "@/db/client";
import { STOPWORDS } from "../text/stopwords";
import { keywordTerms } from "../text/terms";
import type { AnswerTermStats } from "./answer-term-stats";
import { everydayPhrases, formalWords } from "../text/everyday-words";
import { isShorthand, typoCorrections, wordCounts } from "../text/typos";

/** A question word no chunk holds, read as a close word of the passages found for the question. */
export interface SpellingCorrection {
  from: string;
  to: string;
}

/** How many of the first-pass candidates lend their words as the vocabulary a typo is corrected towards. */
const VOCABULARY_PASSAGES = 20;

/**
 * The question's shorthand ("nite", "OT"), everyday words, and words that could be misspelt:
 * letters only, long enough to correct safely (typos.ts), and not capitalised inside a sentence:
 * "Chile" or "Okta" is a name the documents may lack, not a typo.
 */
export function correctableWords(question: string): string[] {
  const names = new Set((question.match(/(?<=[\p{L}\p{N},;:]\s+)\p{Lu}\p{L}*/gu) ?? []).map((w) => w.toLowerCase()));
  return keywordTerms(question).filter((w) => formalWords(w).length > 0 || isShorthand(w) || (w.length >= 5 && /^\p{L}+$/u.test(w) && !STOPWORDS.has(w) && !names.has(w)));
}

/**
 * The question's words that no chunk of the index contains ("servises", "pasword"), each mapped to
 * the closest word of the passages the first pass found. The vocabulary is the corpus's own, taken
 * where the question landed: the vector leg reads character trigrams, so a typo still finds the
 * passages that spell the word right, and a close word there is the likely meant one. A word the
 * index holds is never changed. `candidates` are chunk ids in fused order, read within the asker's
 * scope, so a correction never reveals a word the asker may not read.
 */
export async function spellingCorrections(
  db: Executor, asker: Asker, words: string[], candidates: string[], absent?: Promise<Set<string>>,
): Promise<SpellingCorrection[]> {
  if (words.length === 0) return [];
  const unknown = await (absent ?? absentWords(db, words));
  if (unknown.size === 0) return [];
  // An everyday word is searched as all its formal words ("nan": grandmother, grandparent): the
  // passage that holds one may be none the first pass found, and a word no chunk holds costs nothing.
  const everyday = [...unknown].filter((w) => formalWords(w).length > 0);
  const passages = await chunkDetails(db, asker, candidates.slice(0, VOCABULARY_PASSAGES));
  const corrections = typoCorrections(unknown.difference(new Set(everyday)), wordCounts(passages.map((p) => `${p.title} ${p.text}`)));
  return [...everyday.map((from) => ({ from, to: formalWords(from).join(" ") })), ...[...corrections].map(([from, to]) => ({ from, to }))];
}

/**
 * The question's everyday phrases ("passed away", "time off"), each searched for as written and as
 * its formal words ("died", "bereavement"; "leave"): a policy names the leave, and the passage that
 * does may share no other word with the question. The phrase's own words stay, as a passage may
 * write them.
 */
export function phraseReadings(question: string): SpellingCorrection[] {
  return everydayPhrases(question).map(([from, formal]) => ({ from, to: `${from} ${formal.join(" ")}` }));
}

/**
 * Of `words`, those in no chunk: a stop word of the index (no entry) is not absent. With an
 * answer's statistics, `alsoRead` are read in the same statement, for the answerer to find.
 */
export async function absentWords(db: Executor, words: string[], stats?: AnswerTermStats, alsoRead: string[] = []): Promise<Set<string>> {
  if (words.length === 0 && (!stats || alsoRead.length === 0)) return new Set();
  const { df } = stats ? await stats.read(db, [...words, ...alsoRead]) : await documentFrequencies(db, words);
  return new Set(words.filter((w) => df.get(w) === 0));
}
