import { contentTerms } from "../../text/terms";

/**
 * What the behaviour classifier sees of a question: content-word stems and their adjacent pairs
 * (lib/text/terms, the answerer's own stems), and character 3- to 5-grams of the whole lowercased
 * text. The character grams keep what content terms drop on purpose: function words that mark a
 * personal case (" my ", " me ", " i "), and word parts that survive paraphrase ("brib", "inspect").
 * Each group is scaled to unit length, so a long question does not outweigh a short one.
 */
export type FeatureVector = Map<string, number>;

const CHAR_GRAMS = [3, 4, 5];
/** Relative weight of each group; words and pairs carry meaning, character grams carry form. */
const GROUP_WEIGHT = { w: 1, b: 0.7, c: 1 } as const;

export function questionFeatures(text: string): FeatureVector {
  const terms = contentTerms(text);
  const words = (text.toLowerCase().normalize("NFKC").match(/[\p{L}\p{N}]+/gu) ?? []).join(" ");
  const padded = ` ${words} `;
  const groups: Record<keyof typeof GROUP_WEIGHT, Set<string>> = {
    w: new Set(terms),
    b: new Set(terms.slice(1).map((t, i) => `${terms[i]} ${t}`)),
    c: new Set(CHAR_GRAMS.flatMap((n) => Array.from({ length: Math.max(0, padded.length - n + 1) }, (_, i) => padded.slice(i, i + n)))),
  };
  const vector: FeatureVector = new Map();
  for (const [group, set] of Object.entries(groups) as [keyof typeof GROUP_WEIGHT, Set<string>][]) {
    if (set.size === 0) continue;
    const value = GROUP_WEIGHT[group] / Math.sqrt(set.size);
    for (const f of set) vector.set(`${group}:${f}`, value);
  }
  return vector;
}
