import type { LegHit } from "@/db/queries/retrieval";
import { HASHING_DIMENSIONS, hashingModelId } from "../embeddings/hashing-embedder";

export interface FusedHit {
  chunkId: string;
  score: number;
  keywordRank: number | null;
  vectorRank: number | null;
  /** Rank among the chunks containing an identifier of the question verbatim (see lib/text/identifiers.ts). */
  exactRank: number | null;
}

export interface Legs {
  keyword: LegHit[];
  vector: LegHit[];
  /** Chunks that contain every identifier of the question verbatim; empty when it names none. */
  exact?: LegHit[];
}

/**
 * rrf: weighted reciprocal rank fusion, each leg adds weight / (k + rank).
 * convex: keywordShare * keyword + (1 - keywordShare) * vector, each leg's scores min-max
 * normalized within this query's list (a chunk a leg did not return counts as that leg's minimum).
 */
export type FusionParams =
  | { method: "rrf"; k: number; keywordWeight: number; vectorWeight: number }
  | { method: "convex"; keywordShare: number };

/**
 * Chosen by `npm run tune:fusion` (scripts/tune-fusion.ts) on SciFact's TRAIN judgements (809
 * queries), never on the test split, for the offline hashing embedder. nDCG@10 on train: keyword
 * alone 0.690, vector alone 0.480; plain RRF (k=60) 0.660, the best weighted RRF of the grid
 * (k=5, vector weight 0.1) 0.691; convex combination with keyword share 0.5 / 0.7 / 0.8 / 0.9 / 1:
 * 0.679 / 0.691 / 0.695 / 0.694 / 0.690. The weak vector leg only helps where the scores say the
 * keyword leg is unsure, which rank-only fusion cannot see.
 */
export const FUSION: FusionParams = { method: "convex", keywordShare: 0.8 };

/**
 * For embedding models nobody has tuned for: plain reciprocal rank fusion (k=60, the original
 * paper's value, equal weights), the published default, suited to a vector leg about as strong as
 * BM25. Rerun `npm run tune:fusion` with the model configured and add its constants here.
 */
export const DEFAULT_FUSION: FusionParams = { method: "rrf", k: 60, keywordWeight: 1, vectorWeight: 1 };

// Tuned with v1 of the hashing embedder; v2 differs only in how it reads words (docs/embeddings.md).
const TUNED: Record<string, FusionParams> = { [hashingModelId(HASHING_DIMENSIONS, 1)]: FUSION, [hashingModelId(HASHING_DIMENSIONS, 2)]: FUSION };

export function fusionFor(embeddingModel: string): FusionParams {
  return TUNED[embeddingModel] ?? DEFAULT_FUSION;
}

function minMax(hits: LegHit[]): (i: number) => number {
  const scores = hits.map((h) => h.score);
  const lo = Math.min(...scores);
  const span = Math.max(...scores) - lo;
  return (i) => (span > 0 ? (scores[i]! - lo) / span : 1);
}

export function fuse(legs: Legs, params: FusionParams = FUSION): FusedHit[] {
  const fused = new Map<string, FusedHit>();
  const add = (hits: LegHit[], leg: "keywordRank" | "vectorRank" | "exactRank", score: (i: number) => number) =>
    hits.forEach((hit, i) => {
      const entry = fused.get(hit.chunkId) ?? { chunkId: hit.chunkId, score: 0, keywordRank: null, vectorRank: null, exactRank: null };
      entry.score += score(i);
      entry[leg] = i + 1;
      fused.set(hit.chunkId, entry);
    });
  if (params.method === "rrf") {
    add(legs.keyword, "keywordRank", (i) => params.keywordWeight / (params.k + i + 1));
    add(legs.vector, "vectorRank", (i) => params.vectorWeight / (params.k + i + 1));
  } else {
    const keyword = minMax(legs.keyword);
    const vector = minMax(legs.vector);
    add(legs.keyword, "keywordRank", (i) => params.keywordShare * keyword(i));
    add(legs.vector, "vectorRank", (i) => (1 - params.keywordShare) * vector(i));
  }
  // A chunk containing the identifier the question names ("HR-104", "ERR_CONN_RESET") goes above
  // every chunk that does not, keeping the legs' order among such chunks.
  const ceiling = Math.max(0, ...[...fused.values()].map((h) => h.score)) + 1;
  add(legs.exact ?? [], "exactRank", () => ceiling);
  return [...fused.values()].sort((a, b) => b.score - a.score);
}
