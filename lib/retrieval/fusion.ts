import type { LegHit } from "@/db/queries/retrieval";

/** Reciprocal rank fusion's damping constant; 60 is the value from the original paper. */
export const RRF_K = 60;

export interface FusedHit {
  chunkId: string;
  score: number;
  keywordRank: number | null;
  vectorRank: number | null;
}

/** Reciprocal rank fusion: robust to the two legs' incomparable score scales. */
export function reciprocalRankFusion(keyword: LegHit[], vector: LegHit[], k = RRF_K): FusedHit[] {
  const fused = new Map<string, FusedHit>();
  const add = (hits: LegHit[], leg: "keywordRank" | "vectorRank") =>
    hits.forEach((hit, i) => {
      const entry = fused.get(hit.chunkId) ?? { chunkId: hit.chunkId, score: 0, keywordRank: null, vectorRank: null };
      entry.score += 1 / (k + i + 1);
      entry[leg] = i + 1;
      fused.set(hit.chunkId, entry);
    });
  add(keyword, "keywordRank");
  add(vector, "vectorRank");
  return [...fused.values()].sort((a, b) => b.score - a.score);
}
