import { contentTerms } from "../../text/terms";

/**
 * What the behaviour classifier sees of a question: content-word stems and their adjacent pairs
 * (lib/text/terms, the answerer's own stems), character 3- and 4-grams of the whole lowercased text
 * (word parts survive paraphrase and inflection: "brib", "inspect"; across word boundaries they
 * keep short phrases: " my p"), and whether the asker speaks of themselves ("my", "me", "I"), which
 * marks a personal case and which content terms drop on purpose. Each group is scaled to unit
 * length, so a long question does not outweigh a short one. Chosen by 5-fold cross-validation on
 * the default spec's examples (docs/behaviour-learner.md); grams of content words only scored lower.
 */
export type FeatureVector = Map<string, number>;

const CHAR_GRAMS = [3, 4];
const FIRST_PERSON = new Set(["i", "me", "my", "mine", "myself", "im", "ive", "id"]);
/** Relative weight of each group; words and pairs carry meaning, character grams carry form. */
const GROUP_WEIGHT = { w: 1, b: 0.7, c: 1, p: 0.5 } as const;

export function questionFeatures(text: string): FeatureVector {
  const terms = contentTerms(text);
  const words = (text.toLowerCase().normalize("NFKC").match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? []).map((w) => w.replace("'", ""));
  const groups: Record<keyof typeof GROUP_WEIGHT, Set<string>> = {
    w: new Set(terms),
    b: new Set(terms.slice(1).map((t, i) => `${terms[i]} ${t}`)),
    c: new Set(charGrams(` ${words.join(" ")} `)),
    p: new Set(words.filter((w) => FIRST_PERSON.has(w))),
  };
  const vector: FeatureVector = new Map();
  for (const [group, set] of Object.entries(groups) as [keyof typeof GROUP_WEIGHT, Set<string>][]) {
    if (set.size === 0) continue;
    const value = GROUP_WEIGHT[group] / Math.sqrt(set.size);
    for (const f of set) vector.set(`${group}:${f}`, value);
  }
  return vector;
}

function charGrams(padded: string): string[] {
  return CHAR_GRAMS.flatMap((n) => Array.from({ length: Math.max(0, padded.length - n + 1) }, (_, i) => padded.slice(i, i + n)));
}
