import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client";
import { type DatabaseKind, SESSION_VECTOR_SEARCH, vectorSearchDefaults, type VectorSearchSettings } from "../search-settings";
import { canRead, type Asker } from "./access";

export type KeywordRanking = "bm25" | "fts";

export type LegHit = {
  chunkId: string;
  score: number;
};

/** Which keyword ranking this database offers: BM25 where pg_textsearch is installed. */
export async function detectKeywordRanking(db: Executor): Promise<KeywordRanking> {
  const result = await db.execute(sql`SELECT 1 FROM pg_indexes WHERE indexname = 'chunks_bm25_idx'`);
  return result.rows.length > 0 ? "bm25" : "fts";
}

// Both legs join the same way: only current versions of live documents the asker may read.
const readableChunks = (asker: Asker) => sql`
  FROM chunks c
  JOIN documents d ON d.current_version_id = c.version_id AND d.deleted_at IS NULL
  WHERE ${canRead(asker)}`;

/**
 * Which chunks an asker may read, when that is few enough to score them all: the ids, or null for
 * a wider reader. Counted up to exactPlanLimit (or `exactScanBelow` when given); the legs take it
 * so a question counts it once.
 */
export type ReaderScope = string[] | null;

export async function readerScope(db: Executor, asker: Asker, exactScanBelow?: number): Promise<ReaderScope> {
  if (!asker?.userId) throw new Error("retrieval needs an asker: there is no unscoped retrieval.");
  return readableChunkIds(db, asker, exactScanBelow ?? (await exactPlanLimit(db)), false);
}

/**
 * How many readable chunks an exact scan of them beats the graph walk's cost, measured on PGlite
 * (docs/retrieval-speed.md). The exact plan costs about `a` per readable chunk r (reading the
 * scope, looking up and comparing each vector); an HNSW walk with the reader's filter costs about
 * `b × ef_search` for the reader of everything, and 1/selectivity = N/r times that for a narrower
 * one. Exact is cheaper while a·r < b·ef·N/r, that is r² < (b/a)·ef·N. On 3,000 chunks of
 * 1,024 dimensions stored in line, a ≈ 0.011 ms and b·ef ≈ 16 ms at ef_search 400: b/a ≈ 3.7.
 */
export const EXACT_COST_RATIO = 3.7;

// The vectors' count changes slowly; reading it once a minute keeps it off the question's path.
// Per database: a process may hold several (an evaluation's scratch database beside the app's).
const vectorCounts = new WeakMap<Executor, { value: number; at: number }>();

/**
 * The most readable chunks for which the exact plan is chosen: where it costs less than the
 * graph walk (EXACT_COST_RATIO), and never above `exactScanBelow`. The graph walk is thus chosen
 * only for a reader of at least sqrt(ratio × ef / N) of the vectors: wherever it differs from the
 * fixed count, 30% or more on PGlite (ef 400), 15% on a server (ef 200), so a narrow reader keeps
 * the exact plan and its recall. Without
 * statistics (N unknown) the fixed count decides.
 */
export async function exactPlanLimit(db: Executor, settings: Partial<VectorSearchSettings> = {}): Promise<number> {
  const { efSearch, exactScanBelow } = { ...vectorSearchDefaults(await databaseKind(db)), ...settings };
  let vectorCount = vectorCounts.get(db);
  if (!vectorCount || Date.now() - vectorCount.at > WIDE_READER_TTL_MS) {
    const result = await db.execute<{ n: number }>(sql`SELECT reltuples::float8 AS n FROM pg_class WHERE oid = 'chunk_embeddings'::regclass`);
    vectorCount = { value: Number(result.rows[0]?.n ?? -1), at: Date.now() };
    vectorCounts.set(db, vectorCount);
  }
  return exactPlanLimitFor({ efSearch, exactScanBelow }, vectorCount.value);
}

/** exactPlanLimit's rule for a database of `vectors` vectors (negative: never counted). */
export function exactPlanLimitFor(settings: Pick<VectorSearchSettings, "efSearch" | "exactScanBelow">, vectors: number): number {
  if (vectors < 0) return settings.exactScanBelow;
  return Math.min(settings.exactScanBelow, Math.floor(Math.sqrt(EXACT_COST_RATIO * settings.efSearch * vectors)));
}

/** Chunk `column` is part of the current version of a live document the asker may read. */
const readableChunk = (asker: Asker, column: SQL) => sql`EXISTS (SELECT 1 ${readableChunks(asker)} AND c.id = ${column})`;

/**
 * Chunks named by id: the asker's scope, another leg's hits, the fused result. They were current
 * when named, and a version going live since must not drop them in the middle of a question (the
 * passage is then one version old, and cited as such); who may read them, and deletion, are
 * checked again.
 */
const namedChunksWhere = (asker: Asker, match: SQL) => sql`
  FROM chunks c
  JOIN document_versions v ON v.id = c.version_id
  JOIN documents d ON d.id = v.document_id AND d.deleted_at IS NULL
  WHERE ${match} AND ${canRead(asker)}`;
const namedChunks = (asker: Asker, ids: string[]) => namedChunksWhere(asker, sql`c.id = ANY(${sql.param(ids)}::uuid[])`);
const namedChunk = (asker: Asker, column: SQL) => sql`EXISTS (SELECT 1 ${namedChunksWhere(asker, sql`c.id = ${column}`)})`;

/**
 * Keyword leg. `terms` are already-normalized words; only chunks matching at least one are
 * returned. `scope` (a narrow reader's chunks) is taken as given, or read here.
 */
export async function keywordSearch(
  db: Executor, asker: Asker, ranking: KeywordRanking, terms: string[], limit: number, scope?: ReaderScope,
): Promise<LegHit[]> {
  if (terms.length === 0) return [];
  const ids = scope === undefined ? await readerScope(db, asker) : scope;
  if (ranking === "fts") return postingsSearch(db, asker, terms, limit, ids);
  // pg_textsearch scores are negative BM25 (lower is better); 0 means no term matched. The index
  // walk is filtered as it goes; a narrow reader's chunk list is the cheap first filter. (Scoring
  // those chunks one by one instead took 0.4 ms each on 100k chunks: 399 ms for a 1% reader.)
  const query = sql`to_bm25query(${terms.join(" ")}, 'chunks_bm25_idx')`;
  const result = await db.execute<LegHit>(sql`
    SELECT id AS "chunkId", -bm25 AS score FROM (
      SELECT c.id, c.search_text <@> ${query} AS bm25
      ${ids ? namedChunks(asker, ids) : readableChunks(asker)}
      ORDER BY c.search_text <@> ${query} LIMIT ${limit}) ranked
    WHERE bm25 < 0`);
  return result.rows.map((r) => ({ chunkId: r.chunkId, score: Number(r.score) }));
}

/** How the built-in BM25 keyword leg walks its postings; chosen by measurement (docs/retrieval.md, "Retrieval at scale"). */
export const KEYWORD_SEARCH = {
  /** Postings read per query term, best first; deepened tenfold (twice at most) when too few are readable. */
  postingsDepth: 3000,
  /**
   * ...or this share of the corpus's chunks where that is more: a fixed depth sees less of a term's
   * best postings as the corpus grows. 3% is 3,000 at 100,000 chunks; at a million, 30,000 walked
   * found 0.955 of the exact BM25 top 10 (3,000: 0.665) for 20 ms more at the median
   * (docs/retrieval-speed.md, "The cost curve").
   */
  depthShare: 0.03,
  /**
   * A term in more than this share of the chunks (idf below about 3) is common: it is walked only
   * `commonDepth` deep (scaled with the depth), and scored exactly for the candidates the other
   * terms bring, the way Lucene's common-terms query treats frequent terms.
   */
  commonShare: 0.05,
  commonDepth: 300,
  /**
   * In a narrow reader's scope, a common term with more postings than this is not read whole: the
   * chunks of the scope are ranked by the other terms, and the common term's weight is looked up
   * for the `rescored` best of them (as the walk above rescores). Below it every posting is read and
   * the score is exact. At a million chunks a 20-word question's terms hold about 980,000 postings
   * for a reader's 10,000 chunks; deferring terms in more than 100,000 kept 0.994 of the exact
   * top 10 in 45 ms (p50) against 107 ms, where 50,000 kept 0.949 in 33 ms (docs/retrieval-speed.md).
   */
  scopedCommonPostings: 100_000,
  /** Readable chunks with the best partial sums that are then scored exactly (at least 3 × the limit). */
  rescored: 150,
};

/**
 * BM25 from the postings the chunk triggers keep (drizzle/0007), on servers without pg_textsearch.
 * Every returned score is exact BM25 over all query terms.
 * - A narrow reader: the postings of the query terms among its chunks, summed. Exact.
 * - Anyone else: each term's best `postingsDepth` postings summed per chunk, the `rescored` readable
 *   chunks with the best sums scored exactly, the best `limit` of them returned (a common term is
 *   walked less deep). A chunk in no term's walked postings can be missed; on 100k chunks this
 *   finds 0.97-0.99 of the exact top 10 in about 9 ms (docs/retrieval.md, "Retrieval at scale").
 */
export async function postingsSearch(
  db: Executor, asker: Asker, terms: string[], limit: number, scope: ReaderScope, depth = KEYWORD_SEARCH.postingsDepth,
): Promise<LegHit[]> {
  // idf as float8 once per term: numeric (what ln() of these integers gives) is multiplied with
  // every posting's weight otherwise, and each numeric-to-float conversion goes through text (on
  // 100k chunks an eighth of the leg's median, a quarter of its p95). df is the term's number of
  // postings (the triggers keep both), so a term with df <= its depth is walked whole: its part of
  // a walked sum is final.
  const queryTerms = (depth: number) => {
    const { commonDepth, postingsDepth, depthShare, commonShare } = KEYWORD_SEARCH;
    const walked = sql`greatest(${depth}::int, ceil(${depthShare}::float8 * s.chunks)::int)`;
    return sql`
      SELECT term, idf, df <= depth AS whole, depth, deferred FROM (
        SELECT t.term, t.df, ln(1 + (s.chunks - t.df + 0.5) / (t.df + 0.5))::float8 AS idf,
          t.df > greatest(${commonShare}::float8 * s.chunks, ${KEYWORD_SEARCH.scopedCommonPostings}::float8) AS deferred,
          CASE WHEN t.df > ${commonShare}::float8 * s.chunks
            THEN greatest(1, round(${walked} * ${commonDepth / postingsDepth}::float8))::int ELSE ${walked} END AS depth
        FROM keyword_terms t CROSS JOIN keyword_stats s
        WHERE s.id = 1 AND t.term IN (SELECT lexeme FROM unnest(to_tsvector('english', ${terms.join(" ")})))) terms`;
  };
  // The filters run on ranked rows in order and stop at their LIMIT: a few lookups, not one per
  // posting. The outer ORDER BY repeats the inner one, which the planner then need not sort
  // again; without it an inner order is not guaranteed to survive (PGlite's PostgreSQL 18 dropped one).
  const search = (depth: number, deferring = false) => db.execute<LegHit & { anyDeferred?: boolean }>(scope
      ? sql`
        WITH q AS MATERIALIZED (${queryTerms(depth)}),
        ${deferring ? sql`deferral AS MATERIALIZED (SELECT coalesce(bool_or(deferred), false) AS any_deferred FROM q),` : sql``}
        ranked AS (
          SELECT p.chunk_id, sum(q.idf * p.weight) AS score FROM q JOIN chunk_terms p ON p.term = q.term
          WHERE p.chunk_id = ANY(${sql.param(scope)}::uuid[]) ${deferring ? sql`AND NOT q.deferred` : sql``}
          GROUP BY p.chunk_id ORDER BY score DESC, p.chunk_id OFFSET 0),
        candidates AS (
          SELECT r.chunk_id, r.score FROM ranked r WHERE ${namedChunk(asker, sql`r.chunk_id`)}
          ORDER BY r.score DESC, r.chunk_id
          LIMIT ${deferring ? sql`CASE WHEN (SELECT any_deferred FROM deferral) THEN ${Math.max(KEYWORD_SEARCH.rescored, 3 * limit)}::int ELSE ${limit}::int END` : limit})
        ${deferring
          ? sql`SELECT c.chunk_id AS "chunkId", c.score + coalesce(s.rest, 0) AS score, f.any_deferred AS "anyDeferred"
              FROM candidates c CROSS JOIN deferral f LEFT JOIN LATERAL (
              SELECT sum(q.idf * p.weight) AS rest FROM chunk_terms p JOIN q ON q.term = p.term
              WHERE p.chunk_id = c.chunk_id AND p.term = ANY(ARRAY(SELECT term FROM q WHERE q.deferred))) s
              ON f.any_deferred
            ORDER BY 2 DESC, c.chunk_id LIMIT ${limit}`
          : sql`SELECT chunk_id AS "chunkId", score FROM candidates ORDER BY score DESC, chunk_id`}`
      // The exact score of a candidate is its walked sum over the wholly walked terms ("settled")
      // plus its weights for the other terms, looked up: fewer lookups than rescoring every term.
      // The lookup names the chunk and the terms as one list, so it takes the key (chunk, term): joined
      // term by term, PostgreSQL used the (term, weight, chunk) index instead and read a common
      // term's whole range for each candidate (27 of 33 ms of a 20-word question at 10,000 chunks).
      : sql`
        WITH q AS MATERIALIZED (${queryTerms(depth)}),
        walked AS (
          SELECT p.chunk_id, q.idf * p.weight AS part, q.whole FROM q CROSS JOIN LATERAL (
            SELECT chunk_id, weight FROM chunk_terms WHERE term = q.term ORDER BY weight DESC NULLS LAST LIMIT q.depth) p),
        ranked AS (
          SELECT chunk_id, sum(part) AS partial, coalesce(sum(part) FILTER (WHERE whole), 0) AS settled
          FROM walked GROUP BY chunk_id ORDER BY partial DESC, chunk_id OFFSET 0),
        candidates AS (
          SELECT r.chunk_id, r.settled FROM ranked r WHERE ${readableChunk(asker, sql`r.chunk_id`)}
          ORDER BY r.partial DESC, r.chunk_id LIMIT ${Math.max(KEYWORD_SEARCH.rescored, 3 * limit)})
        SELECT c.chunk_id AS "chunkId", c.settled + coalesce(s.rest, 0) AS score FROM candidates c CROSS JOIN LATERAL (
          SELECT sum(q.idf * p.weight) AS rest FROM chunk_terms p JOIN q ON q.term = p.term
          WHERE p.chunk_id = c.chunk_id AND p.term = ANY(ARRAY(SELECT term FROM q WHERE NOT q.whole))) s
        ORDER BY 2 DESC, c.chunk_id LIMIT ${limit}`);
  const toHits = (rows: LegHit[]) => rows.map((r) => ({ chunkId: r.chunkId, score: Number(r.score) }));
  if (scope) {
    // Common terms deferred, unless the other terms bring too few chunks of the scope. The rows say
    // whether any term was; with none, they are the exact ranking (no rows: read again, to be sure).
    const deferred = (await search(depth, true)).rows;
    if (deferred.length >= limit || (deferred.length > 0 && !deferred[0]!.anyDeferred)) return toHits(deferred);
  }
  for (let attempt = 0; ; attempt++) {
    const hits = toHits((await search(depth)).rows);
    // Too few readable among the walked postings: deeper, if some term has more than were walked.
    if (scope || hits.length >= limit || attempt >= 2 || !(await anyPostingsBeyond(db, queryTerms(depth)))) return hits;
    depth *= 10;
  }
}

/** Whether some query term has more postings than were walked. */
async function anyPostingsBeyond(db: Executor, queryTerms: SQL): Promise<boolean> {
  const result = await db.execute(sql`SELECT 1 FROM (${queryTerms}) q WHERE NOT q.whole LIMIT 1`);
  return result.rows.length > 0;
}

export interface VectorQuery {
  model: string;
  dimensions: number;
  embedding: number[];
  limit: number;
  minSimilarity: number;
}

/**
 * Identifier leg: chunks containing every identifier as a whole word, case-insensitively. The
 * phrase query narrows through the full-text GIN index, the regular expression makes it exact
 * (the phrase alone would also match "HR 104" or "hr-104-b" split differently).
 *
 * "common" when more than `limit` readable chunks contain them: such an identifier is a word like
 * any other, which the keyword leg ranks, and ranking all its chunks here cost 49 ms for "CD4" in
 * 2,613 of 100k chunks. The caller then keeps the identifier's chunks among the legs' candidates
 * (chunksContaining). A narrow reader's `scope` is searched instead of every readable chunk:
 * otherwise each chunk naming "CD4" was checked for its readers until enough passed, and for a
 * reader of 1% of the chunks that was all 2,613 of them.
 */
export async function exactSearch(
  db: Executor, asker: Asker, identifiers: string[], patterns: string[], limit: number, scope: ReaderScope = null,
): Promise<LegHit[] | "common"> {
  if (identifiers.length === 0) return [];
  const phrase = sql.join(identifiers.map((id) => sql`phraseto_tsquery('english', ${id})`), sql` && `);
  const result = await db.execute<LegHit>(sql`
    SELECT "chunkId", score FROM (
      SELECT c.id AS "chunkId", ts_rank_cd(c.tsv, ${phrase}) AS score
      ${scope ? namedChunks(asker, scope) : readableChunks(asker)} AND c.tsv @@ (${phrase}) AND ${containsAll(patterns)}
      LIMIT ${limit + 1}) matches
    ORDER BY score DESC, "chunkId"`);
  if (result.rows.length > limit) return "common";
  return result.rows.map((r) => ({ chunkId: r.chunkId, score: Number(r.score) }));
}

const containsAll = (patterns: string[]) => sql.join(patterns.map((p) => sql`c.search_text ~* ${p}`), sql` AND `);

/** Those of `chunkIds` that the asker may read and that match every pattern. */
export async function chunksContaining(db: Executor, asker: Asker, chunkIds: string[], patterns: string[]): Promise<Set<string>> {
  if (chunkIds.length === 0 || patterns.length === 0) return new Set();
  const result = await db.execute<{ id: string }>(sql`
    SELECT c.id ${namedChunks(asker, chunkIds)} AND ${containsAll(patterns)}`);
  return new Set(result.rows.map((r) => r.id));
}

/** Rebuilds the BM25 index with other parameters (the fusion tuning script compares them). */
export async function rebuildBm25Index(db: Executor, k1: number, b: number) {
  await db.execute(sql`DROP INDEX IF EXISTS chunks_bm25_idx`);
  await db.execute(sql.raw(
    `CREATE INDEX chunks_bm25_idx ON chunks USING bm25 (search_text) WITH (text_config = 'english', k1 = ${Number(k1)}, b = ${Number(b)})`,
  ));
}

/**
 * Vector leg. The asker's reader groups are part of the SQL either way; which plan runs depends on
 * how much the asker may read (counted up to exactPlanLimit, which is cheap):
 * - few readable chunks (a narrow reader, a small install): the distance to each of them, exactly.
 *   A graph walk would have to visit ~1/selectivity tuples per hit and still miss some;
 * - otherwise: the model's HNSW index with an iterative scan that keeps walking until `limit` rows
 *   pass the filter.
 * The similarity floor is applied after the ordered scan.
 */
export async function vectorSearch(
  db: Executor, asker: Asker, query: VectorQuery,
  settings: Partial<VectorSearchSettings & VectorIndexSettings> & { plan?: "index" | "exact"; scope?: ReaderScope } = {},
): Promise<LegHit[]> {
  if (!asker?.userId) throw new Error("vectorSearch needs an asker: there is no unscoped retrieval.");
  const kind = await databaseKind(db);
  const { efSearch, maxScanTuples } = { ...vectorSearchDefaults(kind), ...settings };
  const type = settings.type ?? (await vectorIndexType(db));
  const readable = settings.plan === "index" ? null
    : settings.plan !== "exact" && settings.scope !== undefined ? settings.scope
    : await readableChunkIds(db, asker, settings.plan === "exact" ? 0 : await exactPlanLimit(db, settings), settings.plan === "exact");
  const dims = sql.raw(String(Math.trunc(query.dimensions)));
  const vector = `[${query.embedding.join(",")}]`;
  const search = async (tx: Executor) => {
    if (readable) {
      // One embedding looked up per chunk id (OFFSET 0 keeps the lookup a nested loop): given
      // `chunk_id = ANY(ids)`, PostgreSQL scanned the whole table in parallel instead, which
      // took twice as long for 1,000 ids and held both cores (docs/retrieval.md, "Retrieval at scale").
      // The access filter is applied again (readers may have changed since the ids were read),
      // to the ranked rows in order until `limit` pass: a few lookups, not one per chunk.
      return tx.execute<{ chunkId: string; distance: number }>(sql`
        SELECT "chunkId", distance FROM (
          SELECT s.id AS "chunkId", (e.embedding::vector(${dims}) <=> ${vector}::vector(${dims})) + 0 AS distance
          FROM unnest(${sql.param(readable)}::uuid[]) AS s(id)
          CROSS JOIN LATERAL (
            SELECT embedding FROM chunk_embeddings WHERE chunk_id = s.id AND model = ${query.model} OFFSET 0) e
          ORDER BY 2 OFFSET 0) ranked
        WHERE ${namedChunk(asker, sql`ranked."chunkId"`)}
        ORDER BY distance LIMIT ${query.limit}`); // "+ 0": not the index's order
    }
    // relaxed_order returns rows slightly out of order; the outer sort restores it.
    return tx.execute<{ chunkId: string; distance: number }>(sql`
      SELECT "chunkId", distance FROM (
        SELECT c.id AS "chunkId", ${indexedDistance(type, dims, vector)} AS distance
        FROM chunk_embeddings e
        JOIN chunks c ON c.id = e.chunk_id
        JOIN documents d ON d.current_version_id = c.version_id AND d.deleted_at IS NULL
        WHERE e.model = ${query.model} AND ${canRead(asker)}
        ORDER BY ${indexedDistance(type, dims, vector)} LIMIT ${query.limit}) ranked
      ORDER BY distance`);
  };
  // Every session starts with the default index settings (db/search-settings.ts), so the usual search is
  // one statement; other settings (the benchmark's) are set for one transaction.
  const session = SESSION_VECTOR_SEARCH[kind];
  // The index plan was chosen above by measured cost. Without an access filter to price (an admin),
  // the planner puts the graph walk above reading and sorting every vector up to about 14,000 of
  // them, and does that: at 10,000 chunks 40 ms on the embedded database against 16 ms for the walk
  // (docs/retrieval-speed.md). So an admin's index search is told not to sort: only the graph gives
  // the order without one.
  const keepIndex = !readable && asker.isAdmin;
  const rows = readable || (!keepIndex && efSearch === session.efSearch && maxScanTuples === session.maxScanTuples)
    ? await search(db)
    : await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT set_config('hnsw.iterative_scan', 'relaxed_order', true),
        set_config('hnsw.ef_search', ${String(efSearch)}, true), set_config('hnsw.max_scan_tuples', ${String(maxScanTuples)}, true),
        set_config('enable_sort', ${keepIndex ? "off" : "on"}, true)`);
      return search(tx);
    });
  return rows.rows
    .map((r) => ({ chunkId: r.chunkId, score: 1 - Number(r.distance) }))
    .filter((r) => r.score >= query.minSimilarity);
}

// Askers known to read more than the exact plan's limit, kept for a minute: finding out costs
// as much as a search. This only picks the plan; both plans apply the same access filter, so a
// stale entry is never wrong, only slower.
const WIDE_READER_TTL_MS = 60_000;
const wideReaders = new Map<string, { cap: number; at: number }>();

/**
 * The ids of the chunks the asker may read if there are at most `cap` of them, else null (use the
 * index). Walks readable documents and their chunks by index (a nested loop the planner would not
 * pick on its own: it cannot estimate how selective the group filter is, and guesses half).
 */
async function readableChunkIds(db: Executor, asker: Asker, cap: number, force: boolean): Promise<string[] | null> {
  const key = asker.isAdmin ? "admin" : asker.userId;
  const wide = wideReaders.get(key);
  if (!force && wide && wide.cap === cap && Date.now() - wide.at < WIDE_READER_TTL_MS) return null;
  // An employee's documents are found from its groups (and the documents for everyone) rather than
  // by testing every document, each once: through the first of its groups the reader is in. The
  // list streams, so a wide reader is found out after cap + 1 ids, not after listing and
  // de-duplicating every readable document (a UNION did: 135 ms at a million chunks). It only
  // chooses which chunks are scored; every leg applies canRead to what it returns (namedChunk).
  const versions = asker.isAdmin
    ? sql`SELECT current_version_id FROM documents WHERE deleted_at IS NULL AND current_version_id IS NOT NULL`
    : sql`
      SELECT current_version_id FROM documents
      WHERE readable_by_everyone AND deleted_at IS NULL AND current_version_id IS NOT NULL
      UNION ALL
      SELECT d.current_version_id FROM user_groups ug
      CROSS JOIN LATERAL (SELECT document_id, group_id FROM document_groups WHERE group_id = ug.group_id OFFSET 0) dg
      CROSS JOIN LATERAL (
        SELECT current_version_id FROM documents d
        WHERE d.id = dg.document_id AND NOT d.readable_by_everyone AND d.deleted_at IS NULL AND d.current_version_id IS NOT NULL
          AND NOT EXISTS (
            SELECT 1 FROM document_groups earlier JOIN user_groups mine ON mine.group_id = earlier.group_id
            WHERE earlier.document_id = d.id AND mine.user_id = ${asker.userId} AND earlier.group_id < dg.group_id)
        OFFSET 0) d
      WHERE ug.user_id = ${asker.userId}`;
  const result = await db.execute<{ id: string }>(sql`
    SELECT c.id FROM (${versions}) v
    CROSS JOIN LATERAL (SELECT id FROM chunks WHERE version_id = v.current_version_id OFFSET 0) c
    ${force ? sql`` : sql`LIMIT ${cap + 1}`}`);
  if (force || result.rows.length <= cap) return result.rows.map((r) => r.id);
  if (wideReaders.size > 10_000) wideReaders.clear();
  wideReaders.set(key, { cap, at: Date.now() });
  return null;
}

export type ChunkDetails = {
  chunkId: string;
  versionId: string;
  versionNumber: number;
  documentId: string;
  title: string;
  headingPath: string[];
  page: number | null;
  /** Where the chunk's later pages start in its text; null for chunks stored before these were kept. */
  pageStarts: number[] | null;
  text: string;
};

/** Details for the fused result, re-checked against the asker (cheap, and never wrong). */
export async function chunkDetails(db: Executor, asker: Asker, chunkIds: string[]): Promise<ChunkDetails[]> {
  if (chunkIds.length === 0) return [];
  const result = await db.execute<ChunkDetails>(sql`
    SELECT c.id AS "chunkId", c.version_id AS "versionId", v.number AS "versionNumber", d.id AS "documentId",
           d.title, c.heading_path AS "headingPath", c.page, c.page_starts AS "pageStarts", c.text
    ${namedChunks(asker, chunkIds)}`);
  return result.rows;
}

export type CandidateDocument = {
  chunkId: string;
  documentId: string;
  title: string;
  filename: string;
};

/** The document each candidate chunk belongs to, with its title and file name (what a question may name). */
export async function candidateDocuments(db: Executor, asker: Asker, chunkIds: string[]): Promise<CandidateDocument[]> {
  if (chunkIds.length === 0) return [];
  const result = await db.execute<CandidateDocument>(sql`
    SELECT c.id AS "chunkId", d.id AS "documentId", d.title, d.filename
    ${namedChunks(asker, chunkIds)}`);
  return result.rows;
}

/** How each model's HNSW index is built; chosen by `npm run bench:retrieval` (docs/retrieval.md, "Retrieval at scale"). */
export interface VectorIndexSettings {
  /** `halfvec` indexes 16-bit copies of the vectors: half the index size and build memory. */
  type: VectorType;
  m: number;
  efConstruction: number;
}

export type VectorType = "vector" | "halfvec";
/**
 * Chosen with VECTOR_SEARCH (db/search-settings.ts); `type` undefined: chosen per database by vectorIndexType. An
 * index built with other parameters stays as it is until it is dropped; the ingest worker builds
 * the missing index when it starts.
 */
export const VECTOR_INDEX: Omit<VectorIndexSettings, "type"> & { type?: VectorType } = { m: 24, efConstruction: 150 };

const detectedKinds = new WeakMap<Executor, Promise<DatabaseKind>>();

/** Whether this is the embedded PGlite (PostgreSQL built for WebAssembly) or a server; asked once per database. */
export function databaseKind(db: Executor): Promise<DatabaseKind> {
  let kind = detectedKinds.get(db);
  if (!kind) {
    kind = db.execute<{ wasm: boolean }>(sql`SELECT version() LIKE '%emscripten%' AS wasm`).then((r) => (r.rows[0]!.wasm ? "embedded" : "server"));
    detectedKinds.set(db, kind);
  }
  return kind;
}

/**
 * halfvec on PostgreSQL, vector on PGlite, by measurement: PGlite's WebAssembly build converts
 * float16 in software, which made its halfvec index build 14x slower than a vector one, while on
 * a native server halfvec halves the index and searches at least as fast.
 */
export async function vectorIndexType(db: Executor): Promise<VectorType> {
  if (VECTOR_INDEX.type) return VECTOR_INDEX.type;
  return (await databaseKind(db)) === "embedded" ? "vector" : "halfvec";
}

/** The distance expression exactly as the index is defined, so the planner can order by the index. */
function indexedDistance(type: VectorType, dims: SQL, vector: string): SQL {
  const cast = sql.raw(type);
  return sql`e.embedding::${cast}(${dims}) <=> ${vector}::${cast}(${dims})`;
}

export function vectorIndexName(model: string, type: VectorType): string {
  const prefix = type === "halfvec" ? "chunk_embeddings_hnswh_" : "chunk_embeddings_hnsw_";
  return `${prefix}${model.replace(/[^a-z0-9]+/gi, "_").toLowerCase()}`.slice(0, 63);
}

/**
 * One partial HNSW index per embedding model, on the vectors cast to that model's dimension.
 * Created at run time because the embedding model is configuration, not schema. Serialized:
 * concurrent CREATE INDEX IF NOT EXISTS of one name can fail when workers start together.
 */
export async function ensureVectorIndex(
  db: Executor, model: string, dimensions: number, settings: Partial<VectorIndexSettings> & { maintenanceWorkMemMb?: number } = {},
) {
  const { m, efConstruction } = { ...VECTOR_INDEX, ...settings };
  const type = settings.type ?? (await vectorIndexType(db));
  const name = vectorIndexName(model, type);
  const dims = Math.trunc(dimensions);
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${name}))`);
    // The build is several times faster when the whole graph fits in maintenance_work_mem.
    if (settings.maintenanceWorkMemMb) await tx.execute(sql`SELECT set_config('maintenance_work_mem', ${`${Math.trunc(settings.maintenanceWorkMemMb)}MB`}, true)`);
    await tx.execute(sql.raw(
      `CREATE INDEX IF NOT EXISTS "${name}" ON chunk_embeddings USING hnsw ((embedding::${type}(${dims})) ${type}_cosine_ops) ` +
        `WITH (m = ${Math.trunc(m)}, ef_construction = ${Math.trunc(efConstruction)}) WHERE model = '${model.replace(/'/g, "''")}'`,
    ));
  });
}

/** Removes a model's indexes (of either vector type). */
export async function dropVectorIndexes(db: Executor, model: string) {
  for (const type of ["vector", "halfvec"] as const) await db.execute(sql.raw(`DROP INDEX IF EXISTS "${vectorIndexName(model, type)}"`));
}
