import { and, asc, eq, getTableColumns, inArray, sql } from "drizzle-orm";
import { cachedRead, forgetCachedReads } from "../cached-reads";
import type { Executor } from "../client";
import { chunkEmbeddings, embeddingModels } from "../schema";

export type EmbeddingModelRow = typeof embeddingModels.$inferSelect;
export type NewEmbeddingModel = Pick<typeof embeddingModels.$inferInsert, "id" | "provider" | "model" | "dimensions">;

/** Models whose vectors must be written for every new chunk: the one serving and the one being built. */
const LIVE = ["active", "building", "ready"] as const;

// Chunks retrieval can see: current versions of live documents.
const currentChunks = sql`chunks c JOIN documents d ON d.current_version_id = c.version_id AND d.deleted_at IS NULL`;

/** Adds a model to the registry (available, no vectors) unless it is there already. */
export async function registerEmbeddingModel(db: Executor, model: NewEmbeddingModel) {
  await db.insert(embeddingModels).values(model).onConflictDoNothing({ target: embeddingModels.id });
  await fitEmbeddingStorage(db);
}

/**
 * The most dimensions whose vectors are kept in the table's own rows (PLAIN): 4 bytes each plus
 * the row fits in an 8 kB page with room for a long model id. pgvector's type stores a vector
 * out of line (TOAST) once its row passes 2 kB, so a 1,024-dimension vector cost three TOAST
 * lookups each time it was read: an exact scan of 3,000 of them took 70-145 ms on PGlite, 8-10 ms
 * in line (docs/retrieval-speed.md). Compressed in line (MAIN) was slower still: the built-in
 * model's sparse vectors compress, and each read decompressed them.
 */
export const INLINE_VECTOR_DIMENSIONS = 2000;

/**
 * Vectors in line while every registered model's fit (PLAIN), else out of line (EXTERNAL,
 * pgvector's default), since a PLAIN row too big for a page cannot be written at all. Runs before
 * any vector of a model is written (models are registered first); it applies to rows written
 * from then on, and the table is altered only when the choice changes.
 */
async function fitEmbeddingStorage(db: Executor) {
  const result = await db.execute<{ current: string; wanted: string }>(sql`
    SELECT a.attstorage AS current,
      CASE WHEN coalesce(max(m.dimensions), 0) <= ${INLINE_VECTOR_DIMENSIONS} THEN 'p' ELSE 'e' END AS wanted
    FROM pg_attribute a CROSS JOIN embedding_models m
    WHERE a.attrelid = 'chunk_embeddings'::regclass AND a.attname = 'embedding'
    GROUP BY a.attstorage`);
  const row = result.rows[0];
  if (!row || row.current === row.wanted) return;
  await db.execute(sql.raw(`ALTER TABLE chunk_embeddings ALTER COLUMN embedding SET STORAGE ${row.wanted === "p" ? "PLAIN" : "EXTERNAL"}`));
}

/**
 * The registry, the active model's progress counted now: its stored counters are written by its
 * switch only (on a fresh install, never), while ingestion since then adds chunks and their vectors.
 */
export async function listEmbeddingModels(db: Executor): Promise<EmbeddingModelRow[]> {
  // Qualified by table name: drizzle leaves a one-table select's columns bare, and "id" inside the subquery is ambiguous.
  const active = sql`embedding_models.status = 'active'`;
  return db
    .select({
      ...getTableColumns(embeddingModels),
      totalChunks: sql<number>`CASE WHEN ${active} THEN (SELECT count(*)::int FROM ${currentChunks}) ELSE embedding_models.total_chunks END`,
      embeddedChunks: sql<number>`CASE WHEN ${active} THEN (SELECT count(*)::int FROM ${currentChunks}
        JOIN chunk_embeddings e ON e.chunk_id = c.id AND e.model = embedding_models.id) ELSE embedding_models.embedded_chunks END`,
    })
    .from(embeddingModels)
    .orderBy(asc(embeddingModels.createdAt), asc(embeddingModels.id));
}

export async function findEmbeddingModel(db: Executor, id: string): Promise<EmbeddingModelRow | null> {
  const [row] = await db.select().from(embeddingModels).where(eq(embeddingModels.id, id));
  return row ?? null;
}

export async function activeEmbeddingModel(db: Executor): Promise<EmbeddingModelRow | null> {
  const [row] = await db.select().from(embeddingModels).where(eq(embeddingModels.status, "active"));
  return row ?? null;
}

/** activeEmbeddingModel as retrieval reads it: kept for a moment (db/cached-reads.ts). */
export const activeEmbeddingModelCached = cachedRead(activeEmbeddingModel);

/**
 * Locks and returns the live models. Ingestion calls this inside the transaction that writes a
 * document's vectors: the switch's activation waits for that transaction, so no chunk can be
 * committed without a vector of the model being activated.
 */
export async function lockLiveEmbeddingModels(db: Executor): Promise<string[]> {
  const rows = await db.execute<{ id: string }>(sql`SELECT id FROM embedding_models WHERE status IN ('active', 'building', 'ready') FOR SHARE`);
  return rows.rows.map((r) => r.id);
}

export async function liveEmbeddingModels(db: Executor): Promise<EmbeddingModelRow[]> {
  return db.select().from(embeddingModels).where(inArray(embeddingModels.status, [...LIVE])).orderBy(asc(embeddingModels.status));
}

/**
 * Makes a model active if none is: on a fresh install `id` (the configured default); on one from
 * before the registry, the registered model its stored vectors were made by, whatever the default
 * has become since, so its questions are embedded like its chunks.
 */
export async function activateIfNoneActive(db: Executor, id: string) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('embedding_models_activate'))`);
    const active = await tx.execute(sql`SELECT 1 FROM embedding_models WHERE status = 'active'`);
    if (active.rows.length > 0) return;
    await tx.execute(sql`UPDATE embedding_models SET status = 'active', activated_at = now(), updated_at = now()
      WHERE id = COALESCE((SELECT e.model FROM chunk_embeddings e JOIN embedding_models m ON m.id = e.model LIMIT 1), ${id})`);
  });
  forgetCachedReads();
}

/** Makes `id` the active model at once, retiring the previous one (benchmarks and tests). */
export async function activateEmbeddingModel(db: Executor, id: string) {
  await db.transaction(async (tx) => {
    await tx.update(embeddingModels).set({ status: "retired", updatedAt: sql`now()` }).where(eq(embeddingModels.status, "active"));
    await tx.update(embeddingModels).set({ status: "active", activatedAt: sql`now()`, updatedAt: sql`now()` }).where(eq(embeddingModels.id, id));
  });
  forgetCachedReads();
}

/**
 * Starts a switch to `id`: it becomes `building`, and its job (queued by `enqueue` in the same
 * transaction) embeds every current chunk with it in the background. Only one switch at a time;
 * only from a model that is not serving.
 */
export async function startEmbeddingSwitch(db: Executor, id: string, enqueue: (tx: Executor, id: string) => Promise<unknown>): Promise<EmbeddingModelRow | null> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('embedding_models_activate'))`);
    const busy = await tx.execute(sql`SELECT 1 FROM embedding_models WHERE status IN ('building', 'ready')`);
    if (busy.rows.length > 0) return null;
    const [row] = await tx
      .update(embeddingModels)
      .set({ status: "building", error: null, updatedAt: sql`now()` })
      .where(and(eq(embeddingModels.id, id), inArray(embeddingModels.status, ["available", "retired"])))
      .returning();
    if (!row) return null;
    await refreshSwitchProgress(tx, id);
    await enqueue(tx, id);
    return row;
  });
}

/** Recounts a model's progress over the chunks retrieval can currently see. */
export async function refreshSwitchProgress(db: Executor, id: string) {
  await db.execute(sql`
    UPDATE embedding_models SET updated_at = now(),
      total_chunks = (SELECT count(*) FROM ${currentChunks}),
      embedded_chunks = (SELECT count(*) FROM ${currentChunks} JOIN chunk_embeddings e ON e.chunk_id = c.id AND e.model = ${id})
    WHERE id = ${id}`);
}

/** The switch in progress (building or ready), if any. */
export async function switchInProgress(db: Executor): Promise<EmbeddingModelRow | null> {
  const [row] = await db.select().from(embeddingModels).where(inArray(embeddingModels.status, ["building", "ready"])).limit(1);
  return row ?? null;
}

/** Current chunks without a vector of `model`, in id order after `after` (a keyset cursor). */
export async function chunksWithoutEmbedding(db: Executor, model: string, after: string | null, limit: number) {
  const result = await db.execute<{ id: string; searchText: string }>(sql`
    SELECT c.id, c.search_text AS "searchText" FROM ${currentChunks}
    WHERE ${after === null ? sql`TRUE` : sql`c.id > ${after}`}
      AND NOT EXISTS (SELECT 1 FROM chunk_embeddings e WHERE e.chunk_id = c.id AND e.model = ${model})
    ORDER BY c.id LIMIT ${limit}`);
  return result.rows;
}

/** Stores a batch of the switch's vectors and counts them, if the switch is still under way (not cancelled). */
export async function storeSwitchEmbeddings(db: Executor, model: string, rows: { chunkId: string; embedding: number[] }[]): Promise<boolean> {
  return db.transaction(async (tx) => {
    const owned = await tx.execute(sql`SELECT 1 FROM embedding_models WHERE id = ${model} AND status = 'building' FOR UPDATE`);
    if (owned.rows.length === 0) return false;
    // A chunk deleted since it was read has no row to point at: keep only those still there.
    const inserted = await tx.execute(sql`
      INSERT INTO chunk_embeddings (chunk_id, model, embedding)
      SELECT v.chunk_id, ${model}, v.embedding::vector FROM unnest(${sql.param(rows.map((r) => r.chunkId))}::uuid[], ${sql.param(rows.map((r) => `[${r.embedding.join(",")}]`))}::text[]) AS v(chunk_id, embedding)
      WHERE EXISTS (SELECT 1 FROM chunks WHERE id = v.chunk_id)
      ON CONFLICT DO NOTHING`);
    await tx.execute(sql`UPDATE embedding_models SET embedded_chunks = embedded_chunks + ${inserted.rowCount ?? 0}, updated_at = now() WHERE id = ${model}`);
    return true;
  });
}

export async function markSwitchReady(db: Executor, model: string): Promise<boolean> {
  const rows = await db
    .update(embeddingModels)
    .set({ status: "ready", updatedAt: sql`now()` })
    .where(and(eq(embeddingModels.id, model), eq(embeddingModels.status, "building")))
    .returning({ id: embeddingModels.id });
  return rows.length > 0;
}

/**
 * The switch itself, one transaction: if every current chunk has a vector of `model`, it becomes
 * active and the previous model retired; retrieval sees either the old model or the new, never a
 * mix. Returns false (and sets the model back to building) if chunks arrived without its vectors.
 */
export async function activateSwitchedModel(db: Executor, model: string): Promise<boolean> {
  const activated = await db.transaction(async (tx) => {
    // Waits for ingest transactions holding the live rows (lockLiveEmbeddingModels) to commit.
    await tx.execute(sql`SELECT id FROM embedding_models WHERE status IN ('active', 'building', 'ready') FOR UPDATE`);
    const owned = await tx.execute(sql`SELECT 1 FROM embedding_models WHERE id = ${model} AND status = 'ready'`);
    if (owned.rows.length === 0) return false;
    const missing = await chunksWithoutEmbedding(tx, model, null, 1);
    if (missing.length > 0) {
      await tx.update(embeddingModels).set({ status: "building", updatedAt: sql`now()` }).where(eq(embeddingModels.id, model));
      return false;
    }
    await tx.update(embeddingModels).set({ status: "retired", updatedAt: sql`now()` }).where(eq(embeddingModels.status, "active"));
    await tx
      .update(embeddingModels)
      .set({ status: "active", activatedAt: sql`now()`, updatedAt: sql`now()`, error: null })
      .where(eq(embeddingModels.id, model));
    await refreshSwitchProgress(tx, model);
    return true;
  });
  forgetCachedReads();
  return activated;
}

/** Gives up a switch (an admin's cancel, or a model that cannot embed): the active model was never touched. */
export async function failEmbeddingSwitch(db: Executor, model: string, error: string | null) {
  await db
    .update(embeddingModels)
    .set({ status: "available", error, updatedAt: sql`now()` })
    .where(and(eq(embeddingModels.id, model), inArray(embeddingModels.status, ["building", "ready"])));
}

/** Deletes a retired model's vectors; it stays registered, available for a later switch. */
export async function dropRetiredEmbeddings(db: Executor, model: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(embeddingModels)
      .set({ status: "available", embeddedChunks: 0, updatedAt: sql`now()` })
      .where(and(eq(embeddingModels.id, model), eq(embeddingModels.status, "retired")))
      .returning({ id: embeddingModels.id });
    if (!row) return false;
    await tx.delete(chunkEmbeddings).where(eq(chunkEmbeddings.model, model));
    return true;
  });
}

/** Records why a switch step failed (shown on the admin page while the queue retries it). */
export async function noteSwitchError(db: Executor, model: string, error: string) {
  await db
    .update(embeddingModels)
    .set({ error, updatedAt: sql`now()` })
    .where(and(eq(embeddingModels.id, model), inArray(embeddingModels.status, ["building", "ready"])));
}
