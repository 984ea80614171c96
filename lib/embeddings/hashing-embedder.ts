import type { EmbeddingModelV4 } from "@ai-sdk/provider";
import { contentTerms } from "../text/terms";

/**
 * The offline embedding: a signed feature-hashing vectorizer (stemmed words and their character
 * trigrams hashed into a fixed number of dimensions, log-scaled, L2-normalized). It needs no model
 * weights and no download, is deterministic, and costs microseconds per chunk. Character trigrams
 * give it what a pure keyword index lacks: "reimbursed" meets "reimbursement", "e-mail" meets
 * "email". It is a lexical model, not a semantic one; a neural embedding provider (OpenAI or any
 * OpenAI-compatible server) can be configured for paraphrase-heavy corpora.
 *
 * Versions differ in how they read words, and each (dimensions, version) is its own model id:
 * an install's stored vectors were made by one of them, and its questions must be embedded alike,
 * so a version's computation never changes; a new reading is a new version, reached by a switch.
 * - v1: its own tokenizer, stopword list and light suffix stripper (frozen below).
 * - v2: the text toolkit's content terms (lib/text/: the one stopword list, Snowball stems).
 */
export type HashingVersion = 1 | 2;

export const HASHING_DIMENSIONS = 1024;
/** The version a new install starts with (docs/embeddings.md has the measurements). */
export const HASHING_VERSION: HashingVersion = 2;
/** A second offline size (smaller, a little less accurate), so a model switch can be made with no provider at all. */
export const HASHING_ALTERNATE_DIMENSIONS = 512;

/** The id of the hashing embedder at `dimensions` and `version`: each pair is a different model. */
export const hashingModelId = (dimensions: number, version: HashingVersion = HASHING_VERSION) => `builtin-hash-${dimensions}-v${version}`;
export const HASHING_MODEL_ID = hashingModelId(HASHING_DIMENSIONS);

/** The built-in models every install registers: the default, the earlier version (installs that hold its vectors), and the smaller size. */
export const BUILTIN_HASHING_MODELS = [
  { dimensions: HASHING_DIMENSIONS, version: 2 },
  { dimensions: HASHING_DIMENSIONS, version: 1 },
  { dimensions: HASHING_ALTERNATE_DIMENSIONS, version: 1 },
] as const satisfies { dimensions: number; version: HashingVersion }[];

/** The dimensions and version a built-in model id names, or null for an id that is not one. */
export function parseHashingModelId(id: string): { dimensions: number; version: HashingVersion } | null {
  const m = /^builtin-hash-(\d+)-v([12])$/.exec(id);
  return m ? { dimensions: Number(m[1]), version: Number(m[2]) as HashingVersion } : null;
}

export interface HashingOptions {
  dimensions: number;
  version: HashingVersion;
  /** Weight of adjacent word pairs, relative to single words (0 = off). */
  bigramWeight: number;
  /** Weight of each character trigram of a word (0 = off). */
  trigramWeight: number;
}

/** The shipped configuration; scripts/eval-embeddings.ts measures the alternatives. */
// Chosen on SciFact (exact search, nDCG@10, v1 words): words only 0.400; + word pairs 0.385; + trigrams
// 0.510 at 512 dimensions, 0.545 at 1024, 0.560 with trigram weight 0.5 at 1024, 0.559 at 2048. Pairs
// hurt (their collisions cost more than their phrase signal); 1024 dimensions is where more stops paying.
// v2 at the same settings: 0.578 (v1 0.560); its other settings in docs/embeddings.md.
export const HASHING_DEFAULTS: HashingOptions = { dimensions: HASHING_DIMENSIONS, version: HASHING_VERSION, bigramWeight: 0, trigramWeight: 0.5 };

const WORDS: Record<HashingVersion, (text: string) => string[]> = {
  1: (text) => v1Tokenize(text).map(v1Stem),
  2: contentTerms,
};

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function hashingEmbedding(text: string, options: HashingOptions = HASHING_DEFAULTS): number[] {
  const { dimensions, bigramWeight, trigramWeight } = options;
  const counts = new Map<string, number>();
  const add = (feature: string, weight: number) => counts.set(feature, (counts.get(feature) ?? 0) + weight);
  const words = WORDS[options.version](text);
  words.forEach((word, i) => {
    add(`w:${word}`, 1);
    const next = words[i + 1];
    if (next && bigramWeight > 0) add(`b:${word}_${next}`, bigramWeight);
    if (trigramWeight === 0) return;
    const padded = `^${word}$`;
    for (let j = 0; j + 3 <= padded.length; j++) add(`c:${padded.slice(j, j + 3)}`, trigramWeight);
  });
  const vector = new Array<number>(dimensions).fill(0);
  for (const [feature, count] of counts) {
    const hash = fnv1a(feature);
    const sign = hash & 0x80000000 ? -1 : 1;
    vector[hash % dimensions]! += sign * Math.log1p(count);
  }
  const norm = Math.hypot(...vector);
  return norm === 0 ? vector : vector.map((v) => v / norm);
}

/** The built-in model with this id; throws for an id that names none. */
export function createHashingEmbeddingModel(modelId: string = HASHING_MODEL_ID): EmbeddingModelV4 {
  const model = parseHashingModelId(modelId);
  if (!model) throw new Error(`${modelId} is not a built-in embedding model (${BUILTIN_HASHING_MODELS.map((m) => hashingModelId(m.dimensions, m.version)).join(", ")}).`);
  const options = { ...HASHING_DEFAULTS, ...model };
  return {
    specificationVersion: "v4",
    provider: "groundwork",
    modelId,
    maxEmbeddingsPerCall: 2048,
    supportsParallelCalls: true,
    async doEmbed({ values }) {
      return { embeddings: values.map((v) => hashingEmbedding(v, options)), warnings: [] };
    },
  };
}

// --- Version 1's reading of words, frozen: installs hold vectors made with it. ---------------------

const V1_STOPWORDS = new Set(
  ("a an and are as at be been but by can could did do does for from had has have how i if in into is it its " +
    "may me might must my no not of on or our shall should so than that the their them then there these they " +
    "this those to too us was we were what when where which while who whom why will with would you your").split(" "),
);

function v1Tokenize(text: string): string[] {
  return (text.toLowerCase().normalize("NFKC").match(/[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*/gu) ?? [])
    .map((t) => t.replace(/['-]/g, ""))
    .filter((t) => !V1_STOPWORDS.has(t));
}

/** A light suffix stripper: enough to fold plurals and common verb forms together. */
function v1Stem(word: string): string {
  if (word.length <= 4) return word;
  for (const suffix of ["ements", "ement", "ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s"]) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      return suffix === "ies" || suffix === "ied" ? word.slice(0, -suffix.length) + "y" : word.slice(0, -suffix.length);
    }
  }
  return word;
}
