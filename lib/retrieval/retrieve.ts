import type { Asker } from "@/db/queries/access";
import { chunkDetails, detectKeywordRanking, type ChunkDetails, keywordSearch, type LegHit, vectorSearch, type KeywordRanking } from "@/db/queries/retrieval";
import { db } from "../db";
import { activeEmbedder } from "../embeddings/registry";
import { env } from "../env";
import { keywordTerms } from "../text/terms";
import { reciprocalRankFusion, type FusedHit } from "./fusion";

/** How many candidates each leg contributes to fusion. */
const LEG_DEPTH = 50;
/**
 * Below this cosine similarity a vector hit counts as unrelated. Set for the offline hashing
 * embedder, whose unrelated texts score 0.0-0.2 (shared character trigrams).
 */
const MIN_VECTOR_SIMILARITY = 0.3;

export interface RetrievedSource extends ChunkDetails {
  n: number;
  keywordRank: number | null;
  vectorRank: number | null;
  score: number;
}

export interface RetrievalResult {
  sources: RetrievedSource[];
  keywordRanking: KeywordRanking;
}

let ranking: Promise<KeywordRanking> | undefined;

export interface Candidates {
  keyword: LegHit[];
  vector: LegHit[];
  fused: FusedHit[];
  keywordRanking: KeywordRanking;
}

/** Both legs, filtered for the asker in SQL, and their fusion: chunk ids only. */
export async function rankCandidates(asker: Asker, question: string, depth = LEG_DEPTH): Promise<Candidates> {
  if (!asker?.userId) throw new Error("retrieve() needs an asker: there is no unscoped retrieval.");
  const database = db();
  ranking ??= detectKeywordRanking(database);
  const keywordRanking = await ranking;
  const model = await activeEmbedder();
  const [embedding] = await model.embed([question]);
  const [keyword, vector] = await Promise.all([
    keywordSearch(database, asker, keywordRanking, keywordTerms(question), depth),
    vectorSearch(database, asker, { model: model.id, dimensions: model.dimensions, embedding: embedding!, limit: depth, minSimilarity: MIN_VECTOR_SIMILARITY }),
  ]);
  return { keyword, vector, fused: reciprocalRankFusion(keyword, vector), keywordRanking };
}

/**
 * The one retrieval configuration: the chat, the admin console and the evaluation harness all
 * call this (or rankCandidates, its first half), so what is measured is what employees get.
 */
export async function retrieve(asker: Asker, question: string, k = env().RETRIEVAL_TOP_K): Promise<RetrievalResult> {
  const { fused: all, keywordRanking } = await rankCandidates(asker, question);
  const fused = all.slice(0, k);
  const details = new Map((await chunkDetails(db(), asker, fused.map((f) => f.chunkId))).map((d) => [d.chunkId, d]));
  const sources = fused.flatMap((hit) => {
    const detail = details.get(hit.chunkId);
    return detail ? [{ ...detail, keywordRank: hit.keywordRank, vectorRank: hit.vectorRank, score: hit.score }] : [];
  });
  return { sources: sources.map((s, i) => ({ ...s, n: i + 1 })), keywordRanking };
}
