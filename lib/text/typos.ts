import { distance } from "fastest-levenshtein";
import { everydayPhrases, formalWords } from "./everyday-words";
import { STOPWORDS } from "./stopwords";
import { snowballStem } from "./terms";
import { wholeWordToken } from "./tokens";

/** Shorter words are too close to too many others ("form", "from") to be corrected safely. */
const MIN_TYPO_LENGTH = 5;

/** Edits allowed for a word of this length: one in a short word, two in a long one ("interantional"). */
const allowedEdits = (length: number) => (length >= 9 ? 2 : 1);

/**
 * For each misspelt word, the closest word of `vocabulary` within the edits its length allows (the
 * more frequent on a tie), as written there; never a stop word, which says nothing ("chile" is not
 * "while"), and never one starting with another letter: people rarely mistype a word's first letter,
 * so a word that differs there is another word ("fiver" is not "giver"). Only words the caller knows
 * to be unknown should be passed: a real word is never corrected into another ("costs" into "coats").
 * A shorthand ("max") is read as the word it stands for, and an everyday word ("nan", "ute") as the
 * formal one a policy writes (everyday-words.ts), when the vocabulary has that word.
 */
export function typoCorrections(unknown: Iterable<string>, vocabulary: ReadonlyMap<string, number>): Map<string, string> {
  const corrections = new Map<string, string>();
  for (const word of unknown) {
    const spelled = [ABBREVIATIONS.get(word), ...formalWords(word)].find((w) => w !== undefined && vocabulary.has(w));
    if (spelled) {
      corrections.set(word, spelled);
      continue;
    }
    if (word.length < MIN_TYPO_LENGTH || !/^\p{L}+$/u.test(word) || isCommonWord(word)) continue;
    const limit = allowedEdits(word.length);
    let best: { word: string; edits: number; count: number } | undefined;
    for (const [candidate, count] of vocabulary) {
      if (Math.abs(candidate.length - word.length) > limit || candidate === word || candidate[0] !== word[0] || STOPWORDS.has(candidate)) continue;
      const edits = distance(word, candidate);
      if (edits > limit) continue;
      if (!best || edits < best.edits || (edits === best.edits && count > best.count)) best = { word: candidate, edits, count };
    }
    if (best) corrections.set(word, best.word);
  }
  return corrections;
}

/**
 * Shorthand people type in questions and policies spell out ("lifetime max", "16 yrs of service",
 * "got called in for OT", "my drs note", "on 2nd shift"): read as the word, when the sources have it
 * and not the shorthand. Only these, not any word a shorthand begins: "Cat C licence" is not a
 * "category". ("max" and "min" are everyday words, read as a cap or limit too where the sources
 * write no "maximum": everyday-words.ts.)
 */
const ABBREVIATIONS: ReadonlyMap<string, string> = new Map(
  ("approx:approximately dept:department mgr:manager yr:year yrs:years hrs:hours " +
    "mins:minutes wk:week wks:weeks mo:month mos:months appt:appointment nite:night tmrw:tomorrow " +
    "pic:photo pics:photos maint:maintenance mgmt:management govt:government ot:overtime dr:doctor drs:doctor " +
    "sched:schedule diff:differential diffs:differentials 1st:first 2nd:second 3rd:third 4th:fourth 5th:fifth " +
    "sup:supervisor tech:technician techs:technicians rep:representative reps:representatives dev:developer devs:developers").split(" ").map((pair) => pair.split(":") as [string, string]),
);

/** Whether the word is a shorthand read as the word it stands for ("yrs", "nite"). */
export function isShorthand(word: string): boolean {
  return ABBREVIATIONS.has(word);
}

/**
 * Byte-pair merges are learnt in order of frequency, so a low token id is a string written often.
 * Of everyday words, "close" is 5,263, "married" 17,189, "fifty" 51,942; the misspellings common
 * enough to be whole tokens come later ("anual" 73,825, "recieve" 159,041), and most are split.
 */
const COMMON_WORD_TOKENS = 60_000;

/**
 * Whether the word is one people often write (a whole o200k token among the first merges). A word the
 * index lacks is then one the documents do not use, not a typo: read as the closest corpus word,
 * "married" became "carried", "carrier" "carried", "fifty" "fifth".
 */
export function isCommonWord(word: string): boolean {
  const token = wholeWordToken(word);
  return token !== undefined && token < COMMON_WORD_TOKENS;
}

/** Lower-cased words of `texts`, each with how often it occurs: what a typo is corrected towards. */
export function wordCounts(texts: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const word of text.toLowerCase().normalize("NFKC").match(/\p{L}+/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}

/** `text` with each corrected word replaced, wherever it stands as a whole word, in any case. */
export function applyCorrections(text: string, corrections: ReadonlyMap<string, string>): string {
  if (corrections.size === 0) return text;
  let joined = text;
  for (const [pair, word] of corrections) {
    const [first, second] = pair.split(" ");
    if (second) joined = joined.replace(new RegExp(`(?<!\\p{L})${first}[ -]${second}(?!\\p{L})`, "giu"), word);
  }
  return joined.replace(/[\p{L}\p{N}]+/gu, (word) => corrections.get(word.toLowerCase()) ?? word);
}

/**
 * An everyday phrase ("passed away", "time off") keyed as written, read as the first of its formal
 * words the sources use ("died", "leave"), when the sources never write the phrase itself.
 */
export function phraseCorrections(text: string, sourceText: string, vocabulary: ReadonlyMap<string, number>): Map<string, string> {
  const asked = everydayPhrases(text);
  if (asked.length === 0) return new Map();
  const written = new Set(everydayPhrases(sourceText).map(([phrase]) => phrase));
  // In any form the sources write it: "speeding fine" where they write "speeding ... fines".
  const stems = new Set([...vocabulary.keys()].map(snowballStem));
  const corrections = new Map<string, string>();
  for (const [phrase, formal] of asked) {
    const word = formal.find((w) => w.split(" ").every((part) => stems.has(snowballStem(part))));
    if (word && !written.has(phrase)) corrections.set(phrase, word);
  }
  return corrections;
}

/**
 * Two words the sources write as one ("ear muffs", "fork lift" for "earmuffs", "forklift"), keyed
 * "ear muffs", when either is a word no chunk holds: read as the one word, as applyCorrections does.
 */
export function compoundCorrections(text: string, unknown: ReadonlySet<string>, vocabulary: ReadonlyMap<string, number>): Map<string, string> {
  const compounds = new Map<string, string>();
  for (const [, first, second] of text.toLowerCase().matchAll(/(?<!\p{L})(\p{L}+)[ -](?=(\p{L}+)(?!\p{L}))/gu)) {
    if ((unknown.has(first!) || unknown.has(second!)) && vocabulary.has(first! + second!)) compounds.set(`${first} ${second}`, first! + second!);
  }
  return compounds;
}
