import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { chunkEmbeddings, chunks, documentVersions, ingestJobs } from "../schema";
import { lockLiveEmbeddingModels } from "./embedding-models";

export interface ClaimedJob {
  id: string;
  versionId: string;
  attempts: number;
  maxAttempts: number;
  filename: string;
  mime: string;
  original: Buffer;
}

/**
 * Claims the oldest runnable job: queued and due, or running with an expired lease (its worker
 * died). SKIP LOCKED lets any number of workers share the queue without waiting on each other.
 */
export async function claimJob(db: Executor, workerId: string, leaseSeconds: number): Promise<ClaimedJob | null> {
  return db.transaction(async (tx) => {
    const claimed = await tx.execute<{ id: string; versionId: string; attempts: number; maxAttempts: number }>(sql`
      UPDATE ingest_jobs SET status = 'running', attempts = attempts + 1, locked_by = ${workerId},
             lease_until = now() + make_interval(secs => ${leaseSeconds}), updated_at = now()
      WHERE id = (
        SELECT id FROM ingest_jobs
        WHERE (status = 'queued' AND run_after <= now()) OR (status = 'running' AND lease_until < now())
        ORDER BY run_after, created_at
        FOR UPDATE SKIP LOCKED LIMIT 1)
      RETURNING id, version_id AS "versionId", attempts, max_attempts AS "maxAttempts"`);
    const job = claimed.rows[0];
    if (!job) return null;
    const [version] = await tx
      .update(documentVersions)
      .set({ status: "processing", error: null })
      .where(eq(documentVersions.id, job.versionId))
      .returning({ filename: documentVersions.filename, mime: documentVersions.mime, original: documentVersions.original });
    return { ...job, ...version! };
  });
}

/**
 * A file imported again while its version is still waiting (or was left running by a process that
 * died) is asked for afresh: the attempts its earlier, interrupted runs used are forgiven, so that
 * kills of the importer do not add up to "stopped responding repeatedly".
 */
export async function forgiveAttempts(db: Executor, versionIds: string[]) {
  if (versionIds.length === 0) return;
  await db.update(ingestJobs).set({ attempts: 0, updatedAt: sql`now()` }).where(and(inArray(ingestJobs.versionId, versionIds), inArray(ingestJobs.status, ["queued", "running"])));
}

/** Extends the lease while work is in progress; false when the job is no longer ours. */
export async function heartbeat(db: Executor, jobId: string, workerId: string, leaseSeconds: number, progress: number) {
  const rows = await db
    .update(ingestJobs)
    .set({ leaseUntil: sql`now() + make_interval(secs => ${leaseSeconds})`, progress, updatedAt: sql`now()` })
    .where(and(eq(ingestJobs.id, jobId), eq(ingestJobs.lockedBy, workerId), eq(ingestJobs.status, "running")))
    .returning({ id: ingestJobs.id });
  return rows.length > 0;
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
 * the document's current-version pointer moved, the job done. A crash before commit leaves
 * nothing behind; a retry starts from a clean slate. Returns "lost" if the job was taken over,
 * "models-changed" if an embedding model switch started since the vectors were computed (embed
 * with the new live set and call again).
 */
export async function completeJob(db: Executor, jobId: string, workerId: string, versionId: string, result: IngestResult): Promise<"done" | "lost" | "models-changed"> {
  return db.transaction(async (tx) => {
    const owned = await tx.execute(sql`
      SELECT 1 FROM ingest_jobs WHERE id = ${jobId} AND locked_by = ${workerId} AND status = 'running' FOR UPDATE`);
    if (owned.rows.length === 0) return "lost";
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
    await tx.update(ingestJobs).set({ status: "done", progress: 100, leaseUntil: null, updatedAt: sql`now()` }).where(eq(ingestJobs.id, jobId));
    return "done" as const;
  });
}

/** Records a failed attempt: retried after a backoff, or failed for good with a readable reason. */
export async function failJob(db: Executor, jobId: string, workerId: string, versionId: string, error: string, retryInSeconds: number | null) {
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(ingestJobs)
      .set(
        retryInSeconds === null
          ? { status: "failed", error, leaseUntil: null, updatedAt: sql`now()` }
          : { status: "queued", error, leaseUntil: null, lockedBy: null, runAfter: sql`now() + make_interval(secs => ${retryInSeconds})`, updatedAt: sql`now()` },
      )
      .where(and(eq(ingestJobs.id, jobId), eq(ingestJobs.lockedBy, workerId)))
      .returning({ id: ingestJobs.id });
    if (updated.length === 0) return;
    await tx
      .update(documentVersions)
      .set(retryInSeconds === null ? { status: "failed", error } : { status: "queued", error: null })
      .where(eq(documentVersions.id, versionId));
  });
}
