import type { LegHit } from "@/db/queries/retrieval";

export interface FusedHit {
  chunkId: string;
  score: number;
  keywordRank: number | null;
  vectorRank: number | null;
  /** Rank among the chunks containing an identifier of the question verbatim (see identifiers.ts). */
  exactRank: number | null;
}

export interface Legs {
  keyword: LegHit[];
  vector: LegHit[];
  /** Chunks that contain every identifier of the question verbatim; empty when it names none. */
  exact?: LegHit[];
}

/**
 * Weighted reciprocal rank fusion: each leg adds weight / (k + rank). `k` damps the head of each
 * list; the weights say how far each leg is trusted.
 */
export interface FusionParams {
  k: number;
  keywordWeight: number;
  vectorWeight: number;
}

/**
 * Chosen by `npm run tune:fusion` (scripts/tune-fusion.ts) on SciFact's TRAIN judgements (809
 * queries), never on the test split: with the offline hashing embedder, the best point of the grid
 * was k=20, keyword 1, vector 0.3 (train nDCG@10 keyword 0.711, vector 0.488, fused 0.720, against
 * 0.696 for plain RRF k=60 with equal weights). The vector leg still breaks keyword ties and brings
 * recall, but can no longer outvote a clear keyword match, which plain RRF let it do.
 */
export const FUSION: FusionParams = { k: 20, keywordWeight: 1, vectorWeight: 0.3 };

export function fuse(legs: Legs, params: FusionParams = FUSION): FusedHit[] {
  const fused = new Map<string, FusedHit>();
  const add = (hits: LegHit[], leg: "keywordRank" | "vectorRank" | "exactRank", score: (rank: number) => number) =>
    hits.forEach((hit, i) => {
      const entry = fused.get(hit.chunkId) ?? { chunkId: hit.chunkId, score: 0, keywordRank: null, vectorRank: null, exactRank: null };
      entry.score += score(i + 1);
      entry[leg] = i + 1;
      fused.set(hit.chunkId, entry);
    });
  add(legs.keyword, "keywordRank", (rank) => params.keywordWeight / (params.k + rank));
  add(legs.vector, "vectorRank", (rank) => params.vectorWeight / (params.k + rank));
  // A chunk containing the identifier the question names ("HR-104", "ERR_CONN_RESET") goes above
  // every chunk that does not: the sum of the weights exceeds anything the rank terms can add up to.
  add(legs.exact ?? [], "exactRank", () => params.keywordWeight + params.vectorWeight);
  return [...fused.values()].sort((a, b) => b.score - a.score);
}
