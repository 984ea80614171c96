import type { EmbeddingModelV4 } from "@ai-sdk/provider";
import { stem, tokenize } from "../text/terms";

/**
 * The offline default embedding: a signed feature-hashing vectorizer (stemmed words and their
 * character trigrams hashed into a fixed number of dimensions, log-scaled, L2-normalized).
 * It needs no model weights and no download, is deterministic, and costs microseconds per chunk.
 * Character trigrams give it what a pure keyword index lacks: "reimbursed" meets "reimbursement",
 * "e-mail" meets "email". It is a lexical model, not a semantic one; a neural embedding provider
 * (OpenAI or any OpenAI-compatible server) can be configured for paraphrase-heavy corpora.
 */
export const HASHING_DIMENSIONS = 1024;
export const HASHING_MODEL_ID = `builtin-hash-${HASHING_DIMENSIONS}-v1`;
/** A second offline model (smaller, a little less accurate), so a model switch can be made with no provider at all. */
export const HASHING_ALTERNATE_DIMENSIONS = 512;

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export interface HashingOptions {
  dimensions: number;
  /** Weight of adjacent word pairs, relative to single words (0 = off). */
  bigramWeight: number;
  /** Weight of each character trigram of a word (0 = off). */
  trigramWeight: number;
}

/** The shipped configuration; scripts/eval-embeddings.ts measures the alternatives. */
// Chosen on SciFact (exact search, nDCG@10): words only 0.400; + word pairs 0.385; + trigrams 0.510 at 512
// dimensions, 0.545 at 1024, 0.560 with trigram weight 0.5 at 1024, 0.559 at 2048. Pairs hurt (their
// collisions cost more than their phrase signal); 1024 dimensions is where more stops paying.
export const HASHING_DEFAULTS: HashingOptions = { dimensions: HASHING_DIMENSIONS, bigramWeight: 0, trigramWeight: 0.5 };

export function hashingEmbedding(text: string, options: HashingOptions = HASHING_DEFAULTS): number[] {
  const { dimensions, bigramWeight, trigramWeight } = options;
  const counts = new Map<string, number>();
  const add = (feature: string, weight: number) => counts.set(feature, (counts.get(feature) ?? 0) + weight);
  const words = tokenize(text).map(stem);
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

/** The id of the hashing embedder at `dimensions`: a different dimension is a different model. */
export const hashingModelId = (dimensions: number) => `builtin-hash-${dimensions}-v1`;

export function createHashingEmbeddingModel(dimensions = HASHING_DIMENSIONS): EmbeddingModelV4 {
  const options = { ...HASHING_DEFAULTS, dimensions };
  return {
    specificationVersion: "v4",
    provider: "groundwork",
    modelId: hashingModelId(dimensions),
    maxEmbeddingsPerCall: 2048,
    supportsParallelCalls: true,
    async doEmbed({ values }) {
      return { embeddings: values.map((v) => hashingEmbedding(v, options)), warnings: [] };
    },
  };
}
