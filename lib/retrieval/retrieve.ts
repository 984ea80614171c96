import type { Asker } from "@/db/queries/access";
import {
  candidateDocuments, chunkDetails, chunksContaining, detectKeywordRanking, type ChunkDetails, exactSearch, keywordSearch, type LegHit, readerScope, vectorSearch, type KeywordRanking,
} from "@/db/queries/retrieval";
import type { Database } from "@/db/client";
import type { ServedBy } from "@/db/read-replicas";
import { db, readReplicas } from "../db";
import { servingEmbedder } from "../embeddings/registry";
import { env } from "../env";
import { identifierPattern, identifiersIn } from "../text/identifiers";
import { contentWords, keywordTerms } from "../text/terms";
import { fuse, fusionFor, type FusedHit } from "./fusion";
import { reranker } from "./rerank";
import { diversifyByDocument } from "./diversify";
import { namedDocuments, preferNamed } from "./named-documents";
import type { AnswerTermStats } from "./answer-term-stats";
import { absentWords, correctableWords, phraseReadings, spellingCorrections, type SpellingCorrection } from "./spelling";
import { traced } from "../operations/tracing";
import { applyCorrections } from "../text/typos";

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
  exactRank: number | null;
  keywordScore: number | null;
  vectorScore: number | null;
  /** Fused score (weighted reciprocal rank fusion). */
  score: number;
  /** The reranker's relevance score, when a reranker is configured and answered. */
  rerankScore: number | null;
}

export interface RerankOutcome {
  model: string;
  /** Set when the reranker failed: the fused order was used instead. */
  error?: string;
}

export interface RetrievalResult {
  sources: RetrievedSource[];
  keywordRanking: KeywordRanking;
  embeddingModel: string;
  /** Absent when no reranker is configured. */
  rerank?: RerankOutcome;
  /** Misspelt question words the keyword leg searched as corrected. */
  corrections: SpellingCorrection[];
  /** Documents the question names, whose passages were preferred. */
  named: NamedDocument[];
  /** The server the retrieval queries ran on: a read replica, or the primary (and why). */
  servedBy: ServedBy;
}

export interface NamedDocument {
  documentId: string;
  title: string;
}

/** By database: a tool that evaluates several sets opens one after another, not all alike. */
const rankings = new WeakMap<Database, Promise<KeywordRanking>>();

/** The keyword ranking this database offers: BM25 where pg_textsearch is installed, else built-in full-text search. */
export function keywordRankingInUse(): Promise<KeywordRanking> {
  const primary = db();
  let ranking = rankings.get(primary);
  if (!ranking) rankings.set(primary, (ranking = detectKeywordRanking(primary)));
  return ranking;
}

export function describeKeywordRanking(value: KeywordRanking): string {
  return value === "bm25" ? "BM25 (pg_textsearch)" : "BM25 from PostgreSQL full-text lexemes (built-in postings; no pg_textsearch)";
}

export interface Candidates {
  keyword: LegHit[];
  vector: LegHit[];
  /** Chunks containing the identifiers the question names verbatim. */
  exact: LegHit[];
  fused: FusedHit[];
  /** Misspelt question words the keyword leg searched as corrected (then `keyword` is that search). */
  corrections: SpellingCorrection[];
  /** Documents the question names ("according to the HMO booklet"): their passages are raised in `fused`. */
  named: NamedDocument[];
  keywordRanking: KeywordRanking;
  embeddingModel: string;
  /** Wall-clock time of each leg (the vector leg includes embedding the question) and of the whole. */
  timings: { keywordMs: number; vectorMs: number; totalMs: number };
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await work();
  return [value, performance.now() - start];
}

/** The three legs, filtered for the asker in SQL, and their fusion: chunk ids only. */
export async function rankCandidates(
  asker: Asker, question: string, depth = LEG_DEPTH, database: Database = db(), termStats?: AnswerTermStats,
): Promise<Candidates> {
  if (!asker?.userId) throw new Error("retrieve() needs an asker: there is no unscoped retrieval.");
  const start = performance.now();
  const identifiers = identifiersIn(question);
  // Whether the asker reads few enough chunks to score them all decides both legs' plans. Nothing
  // here waits for what it does not need: the keyword leg never waits for the embedding model.
  const scope = readerScope(database, asker);
  const activeModel = servingEmbedder();
  const ranking = keywordRankingInUse();
  const patterns = identifiers.map(identifierPattern);
  const searchKeywords = async (text: string) => keywordSearch(database, asker, await ranking, keywordTerms(text), depth, await scope);
  const keywordLeg = timed(() => traced("retrieval.keyword", {}, () => searchKeywords(question)));
  // Which words no chunk holds is asked beside the legs, so a question without typos waits for nothing more.
  const correctable = correctableWords(question);
  // Within an answer, the question's other words are read in the same statement: the built-in
  // model weighs them before its first word, and then finds them read (answer-term-stats.ts).
  const absent = absentWords(database, correctable, termStats, termStats ? contentWords(question) : []);
  // Awaited only after the legs: should a leg fail first (a read replica going away), this query's
  // failure must not surface as an unhandled rejection; it is still thrown where it is awaited.
  absent.catch(() => undefined);
  const vectorLeg = timed(() => traced("retrieval.vector", {}, async () => {
    const model = await activeModel;
    const [embedding] = await model.embed([question]);
    const query = { model: model.id, dimensions: model.dimensions, embedding: embedding!, limit: depth, minSimilarity: MIN_VECTOR_SIMILARITY };
    return vectorSearch(database, asker, query, { scope: await scope });
  }));
  const found = scope.then((ids) => traced("retrieval.exact", { "groundwork.identifiers": identifiers.length }, () => exactSearch(database, asker, identifiers, patterns, depth, ids)));
  // An identifier in too many chunks to rank them all ("common"): its chunks among each leg's
  // candidates, looked up as soon as that leg is done (the faster leg's while the other still runs).
  const containing = async (leg: Promise<[LegHit[], number]>) => {
    const [[hits], matches] = await Promise.all([leg, found]);
    return matches === "common" ? chunksContaining(database, asker, hits.map((h) => h.chunkId), patterns) : new Set<string>();
  };
  const [[firstKeyword, keywordMs], [vector, vectorMs], matches, inKeyword, inVector] =
    await Promise.all([keywordLeg, vectorLeg, found, containing(keywordLeg), containing(vectorLeg)]);
  const [model, keywordRanking] = await Promise.all([activeModel, ranking]);
  const fusion = fusionFor(model.id);
  // A misspelt word matches nothing in the keyword leg: corrected against the words of the
  // passages both legs found, it is searched again (only then, so the cost falls on typos alone).
  const firstPass = fuse({ keyword: firstKeyword, vector }, fusion).map((h) => h.chunkId);
  const corrections = [...(await spellingCorrections(database, asker, correctable, firstPass, absent)), ...phraseReadings(question)];
  const keyword = corrections.length === 0 ? firstKeyword
    : await searchKeywords(applyCorrections(question, new Map(corrections.map((c) => [c.from, c.to]))));
  const exact = matches !== "common" ? matches
    : fuse({ keyword, vector }, fusion).filter((h) => inKeyword.has(h.chunkId) || inVector.has(h.chunkId)).map((h, i) => ({ chunkId: h.chunkId, score: 1 / (i + 1) }));
  const fused = fuse({ keyword, vector, exact }, fusion);
  // The documents of the candidates, by what their titles and file names share with the question.
  const docs = await candidateDocuments(database, asker, fused.slice(0, depth).map((h) => h.chunkId));
  const named = namedDocuments(question, docs);
  const documentOf = new Map(docs.map((d) => [d.chunkId, d.documentId]));
  return {
    keyword, vector, exact,
    fused: diversifyByDocument(preferNamed(fused, documentOf, named), documentOf),
    corrections,
    named: [...new Map(docs.filter((d) => named.has(d.documentId)).map((d) => [d.documentId, { documentId: d.documentId, title: d.title }])).values()],
    keywordRanking,
    embeddingModel: model.id,
    timings: { keywordMs, vectorMs, totalMs: performance.now() - start },
  };
}

/**
 * The one retrieval configuration: the chat, the admin console and the evaluation harness all
 * call this (or rankCandidates, its first half), so what is measured is what employees get.
 * `termStats`: the answer's word statistics, shared with its model (answer-term-stats.ts).
 */
export function retrieve(asker: Asker, question: string, k = env().RETRIEVAL_TOP_K, termStats?: AnswerTermStats): Promise<RetrievalResult> {
  return traced("retrieval", { "groundwork.retrieval.top_k": k }, () => retrieveTraced(asker, question, k, termStats));
}

async function retrieveTraced(asker: Asker, question: string, k: number, termStats?: AnswerTermStats): Promise<RetrievalResult> {
  const rerank = reranker();
  // Retrieval tolerates the replicas' bounded lag: a document deleted a moment ago may still be
  // found for that moment (docs/scaling.md). Its queries are repeated on the primary if a replica fails.
  const { value: [candidates, pool, found], servedBy } = await readReplicas().read(async (database) => {
    const ranked = await rankCandidates(asker, question, LEG_DEPTH, database, termStats);
    const pool = ranked.fused.slice(0, rerank ? Math.max(k, env().RERANK_CANDIDATES) : k);
    return [ranked, pool, await chunkDetails(database, asker, pool.map((f) => f.chunkId))] as const;
  });
  const details = new Map(found.map((d) => [d.chunkId, d]));
  const scoreOf = (hits: LegHit[]) => new Map(hits.map((h) => [h.chunkId, h.score]));
  const keywordScores = scoreOf(candidates.keyword);
  const vectorScores = scoreOf(candidates.vector);
  let sources = pool.flatMap((hit): RetrievedSource[] => {
    const detail = details.get(hit.chunkId);
    return detail
      ? [{
          ...detail, ...hit, n: 0, rerankScore: null,
          keywordScore: keywordScores.get(hit.chunkId) ?? null,
          vectorScore: vectorScores.get(hit.chunkId) ?? null,
        } satisfies RetrievedSource]
      : [];
  });
  let outcome: RerankOutcome | undefined;
  if (rerank) {
    outcome = { model: rerank.id };
    try {
      sources = reorder(sources, await rerank.rerank(question, sources.map((s) => s.text)));
    } catch (err) {
      // Answers never wait on or fail with an optional stage: the fused order stands, and the
      // trace says why it was not reranked.
      outcome.error = err instanceof Error ? err.message : String(err);
    }
  }
  return {
    sources: sources.slice(0, k).map((s, i) => ({ ...s, n: i + 1 })),
    keywordRanking: candidates.keywordRanking,
    embeddingModel: candidates.embeddingModel,
    rerank: outcome,
    corrections: candidates.corrections,
    named: candidates.named,
    servedBy,
  };
}

/** Reranked candidates first, by the reranker's score; any it left out keep their fused order after them. */
function reorder(sources: RetrievedSource[], scores: { index: number; score: number }[]): RetrievedSource[] {
  const scored = new Map(scores.map((s) => [s.index, s.score]));
  const withScores = sources.map((s, i) => ({ ...s, rerankScore: scored.get(i) ?? null }));
  const ranked = withScores.filter((s) => s.rerankScore !== null).sort((a, b) => b.rerankScore! - a.rerankScore!);
  return [...ranked, ...withScores.filter((s) => s.rerankScore === null)];
}
