import { ndcgAt } from "./beir";

export interface QueryScores {
  ndcg10: number;
  recall10: number;
  recall100: number;
  mrr10: number;
}

/** BEIR's per-query measures over a ranked list of document ids (first occurrence counts). */
export function scoreRanking(ranked: string[], relevant: Map<string, number>): QueryScores {
  const unique = [...new Set(ranked)];
  const positives = [...relevant.entries()].filter(([, rel]) => rel > 0).map(([id]) => id);
  const recallAt = (k: number) => (positives.length === 0 ? 0 : positives.filter((id) => unique.slice(0, k).includes(id)).length / positives.length);
  const firstHit = unique.slice(0, 10).findIndex((id) => (relevant.get(id) ?? 0) > 0);
  return { ndcg10: ndcgAt(10, unique, relevant), recall10: recallAt(10), recall100: recallAt(100), mrr10: firstHit === -1 ? 0 : 1 / (firstHit + 1) };
}

export function mean(scores: QueryScores[]): QueryScores {
  const sum = (key: keyof QueryScores) => scores.reduce((total, s) => total + s[key], 0) / Math.max(1, scores.length);
  return { ndcg10: sum("ndcg10"), recall10: sum("recall10"), recall100: sum("recall100"), mrr10: sum("mrr10") };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** A ranking with its scores, best first. */
export type Ranked = { chunkId: string; score: number }[];

/**
 * Recall@10 of approximate searches `got` against the exact rankings `truth` (scored, best first,
 * deeper than 10): the share of the exact top 10 found, or with `tieShare`, of the 10 places filled
 * by any chunk scoring within that share of the exact 10th's score (a tie with it is not a miss).
 */
export function recallAgainstExact(truth: Ranked[], got: string[][], tieShare?: number): number {
  return truth.reduce((sum, ranked, i) => {
    const top = ranked.slice(0, 10);
    if (top.length === 0) return sum + 1;
    const tenth = top[top.length - 1]!.score;
    const counted = tieShare === undefined ? top : ranked.filter((h) => h.score >= tenth - Math.abs(tenth) * tieShare);
    const ids = new Set(counted.map((h) => h.chunkId));
    return sum + Math.min(top.length, got[i]!.filter((id) => ids.has(id)).length) / top.length;
  }, 0) / Math.max(1, truth.length);
}
