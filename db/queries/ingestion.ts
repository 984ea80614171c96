import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { chunkEmbeddings, chunks, documentVersions } from "../schema";
import { lockLiveEmbeddingModels } from "./embedding-models";
import { liveJobIn } from "./queued-jobs";

export interface VersionToIndex {
  filename: string;
  mime: string;
  original: Buffer;
}

/**
 * Marks a version as being processed and returns its file, or null when there is nothing to do:
 * the version was deleted, or an earlier attempt at the same job already finished it (a worker
 * that died between storing the result and settling the job).
 */
export async function startIndexing(db: Executor, versionId: string): Promise<VersionToIndex | null> {
  const [version] = await db
    .update(documentVersions)
    .set({ status: "processing", error: null })
    .where(and(eq(documentVersions.id, versionId), inArray(documentVersions.status, ["queued", "processing"])))
    .returning({ filename: documentVersions.filename, mime: documentVersions.mime, original: documentVersions.original });
  return version ?? null;
}

export interface IngestResult {
  title: string;
  blocks: unknown[];
  pageCount: number | null;
  pagesWithoutText: number[];
  /** Vectors per embedding model, parallel to `chunks`: every live model (the active one, and one being switched to). */
  embeddings: Map<string, number[][]>;
  chunks: {
    ordinal: number;
    text: string;
    searchText: string;
    headingPath: string[];
    page: number | null;
    pageEnd: number | null;
    pageStarts: number[];
    spanStart: number;
    spanEnd: number;
    tokenCount: number;
  }[];
}

/**
 * Writes a finished ingestion in one transaction: chunks, embeddings, the version marked ready,
 * the document's current-version pointer moved. A crash before commit leaves nothing behind; a
 * retry starts from a clean slate. Two attempts at one job (a worker presumed dead that was only
 * slow) store it once: the second finds the version ready. Returns "models-changed" if an
 * embedding model switch started since the vectors were computed (embed with the new live set and
 * call again).
 */
export async function storeIndexedVersion(db: Executor, versionId: string, result: IngestResult): Promise<"done" | "already-done" | "models-changed"> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ status: documentVersions.status })
      .from(documentVersions)
      .where(eq(documentVersions.id, versionId))
      .for("update");
    if (!current || (current.status !== "processing" && current.status !== "queued")) return "already-done";
    const live = await lockLiveEmbeddingModels(tx);
    if (live.some((model) => !result.embeddings.has(model))) return "models-changed";
    await tx.delete(chunks).where(eq(chunks.versionId, versionId));
    const BATCH = 500;
    for (let i = 0; i < result.chunks.length; i += BATCH) {
      const batch = result.chunks.slice(i, i + BATCH);
      const inserted = await tx
        .insert(chunks)
        .values(batch.map((c) => ({ ...c, versionId })))
        .returning({ id: chunks.id });
      for (const model of live) {
        const vectors = result.embeddings.get(model)!;
        await tx.insert(chunkEmbeddings).values(inserted.map((row, j) => ({ chunkId: row.id, model, embedding: vectors[i + j]! })));
      }
    }
    const [version] = await tx
      .update(documentVersions)
      .set({ status: "ready", error: null, blocks: result.blocks, pageCount: result.pageCount, pagesWithoutText: result.pagesWithoutText })
      .where(eq(documentVersions.id, versionId))
      .returning({ documentId: documentVersions.documentId, number: documentVersions.number });
    // The pointer only moves forward: a slow older version finishing late must not replace a newer one.
    await tx.execute(sql`
      UPDATE documents d SET current_version_id = ${versionId}, title = CASE WHEN d.title_edited THEN d.title ELSE ${result.title} END
      WHERE d.id = ${version!.documentId} AND (d.current_version_id IS NULL OR
        (SELECT number FROM document_versions WHERE id = d.current_version_id) < ${version!.number})`);
    return "done" as const;
  });
}

/**
 * Records a failed attempt on the version: back to queued while the job will be retried, or
 * failed for good with a readable reason. A version already finished is left alone.
 */
export async function recordIndexingFailure(db: Executor, versionId: string, error: string, final: boolean) {
  await db
    .update(documentVersions)
    .set(final ? { status: "failed", error } : { status: "queued", error: null })
    .where(and(eq(documentVersions.id, versionId), inArray(documentVersions.status, ["queued", "processing"])));
}

/** Versions waiting to be indexed that have no ingest job alive in the queue: those left by an install from before the queue moved to pg-boss. */
export async function versionsWithoutIngestJob(db: Executor, queue: string): Promise<string[]> {
  const { rows } = await db.execute<{ id: string }>(sql`
    SELECT v.id FROM document_versions v
    WHERE v.status IN ('queued', 'processing') AND NOT ${liveJobIn(queue, sql`j.data->>'versionId' = v.id::text`)}`);
  return rows.map((r) => r.id);
}
