import { sql } from "drizzle-orm";
import type { Executor } from "../client";
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

/** Keyword leg. `terms` are already-normalized words; only chunks matching at least one are returned. */
export async function keywordSearch(db: Executor, asker: Asker, ranking: KeywordRanking, terms: string[], limit: number): Promise<LegHit[]> {
  if (terms.length === 0) return [];
  if (ranking === "bm25") {
    // pg_textsearch scores are negative BM25 (lower is better); 0 means no term matched.
    const query = terms.join(" ");
    const result = await db.execute<LegHit>(sql`
      SELECT id AS "chunkId", -score AS score FROM (
        SELECT c.id, c.search_text <@> to_bm25query(${query}, 'chunks_bm25_idx') AS score
        ${readableChunks(asker)}
        ORDER BY c.search_text <@> to_bm25query(${query}, 'chunks_bm25_idx') LIMIT ${limit}) ranked
      WHERE score < 0`);
    return result.rows.map((r) => ({ chunkId: r.chunkId, score: Number(r.score) }));
  }
  const tsquery = terms.map((t) => `'${t.replace(/'/g, "")}'`).join(" | ");
  const result = await db.execute<LegHit>(sql`
    SELECT c.id AS "chunkId", ts_rank_cd(c.tsv, to_tsquery('english', ${tsquery})) AS score
    ${readableChunks(asker)} AND c.tsv @@ to_tsquery('english', ${tsquery})
    ORDER BY score DESC LIMIT ${limit}`);
  return result.rows.map((r) => ({ chunkId: r.chunkId, score: Number(r.score) }));
}

/**
 * Identifier leg: chunks containing every identifier as a whole word, case-insensitively. The
 * phrase query narrows through the full-text GIN index, the regular expression makes it exact
 * (the phrase alone would also match "HR 104" or "hr-104-b" split differently).
 */
export async function exactSearch(db: Executor, asker: Asker, identifiers: string[], patterns: string[], limit: number): Promise<LegHit[]> {
  if (identifiers.length === 0) return [];
  const phrase = sql.join(identifiers.map((id) => sql`phraseto_tsquery('english', ${id})`), sql` && `);
  const exact = sql.join(patterns.map((p) => sql`c.search_text ~* ${p}`), sql` AND `);
  const result = await db.execute<LegHit>(sql`
    SELECT c.id AS "chunkId", ts_rank_cd(c.tsv, ${phrase}) AS score
    ${readableChunks(asker)} AND c.tsv @@ (${phrase}) AND ${exact}
    ORDER BY score DESC, c.id LIMIT ${limit}`);
  return result.rows.map((r) => ({ chunkId: r.chunkId, score: Number(r.score) }));
}

/** Rebuilds the BM25 index with other parameters (the fusion tuning script compares them). */
export async function rebuildBm25Index(db: Executor, k1: number, b: number) {
  await db.execute(sql`DROP INDEX IF EXISTS chunks_bm25_idx`);
  await db.execute(sql.raw(
    `CREATE INDEX chunks_bm25_idx ON chunks USING bm25 (search_text) WITH (text_config = 'english', k1 = ${Number(k1)}, b = ${Number(b)})`,
  ));
}

/**
 * Vector leg, ordered by the cosine distance operator ascending so the model's HNSW index is
 * used; the similarity threshold is applied after the ordered scan. Iterative scans keep
 * returning rows until `limit` pass the access filter (pgvector 0.8).
 */
export async function vectorSearch(
  db: Executor, asker: Asker, model: string, dimensions: number, embedding: number[], limit: number, minSimilarity: number,
): Promise<LegHit[]> {
  const dims = sql.raw(String(Math.trunc(dimensions)));
  const vector = `[${embedding.join(",")}]`;
  return db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL hnsw.iterative_scan = relaxed_order`);
    const result = await tx.execute<{ chunkId: string; distance: number }>(sql`
      SELECT c.id AS "chunkId", e.embedding::vector(${dims}) <=> ${vector}::vector(${dims}) AS distance
      FROM chunk_embeddings e
      JOIN chunks c ON c.id = e.chunk_id
      JOIN documents d ON d.current_version_id = c.version_id AND d.deleted_at IS NULL
      WHERE e.model = ${model} AND ${canRead(asker)}
      ORDER BY e.embedding::vector(${dims}) <=> ${vector}::vector(${dims}) LIMIT ${limit}`);
    return result.rows
      .map((r) => ({ chunkId: r.chunkId, score: 1 - Number(r.distance) }))
      .filter((r) => r.score >= minSimilarity);
  });
}

export type ChunkDetails = {
  chunkId: string;
  versionId: string;
  versionNumber: number;
  documentId: string;
  title: string;
  headingPath: string[];
  page: number | null;
  text: string;
};

/** Details for the fused result, re-checked against the asker (cheap, and never wrong). */
export async function chunkDetails(db: Executor, asker: Asker, chunkIds: string[]): Promise<ChunkDetails[]> {
  if (chunkIds.length === 0) return [];
  const result = await db.execute<ChunkDetails>(sql`
    SELECT c.id AS "chunkId", c.version_id AS "versionId", v.number AS "versionNumber", d.id AS "documentId",
           d.title, c.heading_path AS "headingPath", c.page, c.text
    FROM chunks c
    JOIN document_versions v ON v.id = c.version_id
    JOIN documents d ON d.current_version_id = c.version_id AND d.deleted_at IS NULL
    WHERE c.id = ANY(${sql.param(chunkIds)}::uuid[])
      AND ${canRead(asker)}`);
  return result.rows;
}

export async function ensureVectorIndex(db: Executor, model: string, dimensions: number) {
  // One partial HNSW index per embedding model, on the vectors cast to that model's dimension.
  // Created at run time because the embedding model is configuration, not schema.
  // Serialized: concurrent CREATE INDEX IF NOT EXISTS of one name can fail when workers start together.
  const name = `chunk_embeddings_hnsw_${model.replace(/[^a-z0-9]+/gi, "_").toLowerCase()}`.slice(0, 63);
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${name}))`);
    await tx.execute(sql.raw(
    `CREATE INDEX IF NOT EXISTS "${name}" ON chunk_embeddings USING hnsw ((embedding::vector(${Math.trunc(dimensions)})) vector_cosine_ops) WHERE model = '${model.replace(/'/g, "''")}'`,
    ));
  });
}
