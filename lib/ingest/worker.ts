import { hostname } from "node:os";
import type { Job } from "pg-boss";
import { recordIndexingFailure, startIndexing, storeIndexedVersion, versionsWithoutIngestJob, type VersionToIndex } from "@/db/queries/ingestion";
import { db } from "../db";
import { liveEmbedders } from "../embeddings/registry";
import { INGEST_RETRY_LIMIT, queues, runOneJob } from "../jobs/queue";
import { chunkDocument } from "./chunker";
import { failureReason, isUnprocessable } from "./errors";
import { parseIsolated } from "./isolated-parse";
import { ingestionQueue } from "./upload";

const EMBED_BATCH = 64;
/** Recorded on each job this process completes: which machine and process indexed a version. */
const thisProcess = `${hostname()}:${process.pid}`;

export interface IngestJob {
  versionId: string;
}

/**
 * The ingest queue's handler: indexes one document version. A file that cannot be parsed fails
 * the same way every time, so it is recorded as failed at once and the job ends; any other error
 * is thrown for the queue to retry after a backoff, and recorded as the version's failure on the
 * last attempt.
 */
export async function ingestVersion(job: Job<IngestJob>) {
  const { versionId } = job.data;
  const version = await startIndexing(db(), versionId);
  if (!version) return { skipped: "the version was deleted or is already indexed" };
  try {
    return { chunks: await indexDocument(versionId, version), worker: thisProcess };
  } catch (err) {
    const reason = failureReason(err);
    if (isUnprocessable(err)) {
      await recordIndexingFailure(db(), versionId, reason, true);
      return { failed: reason };
    }
    await recordIndexingFailure(db(), versionId, reason, job.retryCount >= INGEST_RETRY_LIMIT);
    throw new Error(reason, { cause: err });
  }
}

/** Why a version failed when every worker that took its job died (killed, or crashed on the file). */
export const ABANDONED_REASON = "Ingestion stopped responding repeatedly and was abandoned. Try re-uploading the file.";

/** The failed-ingest queue's handler: a job that ran out of attempts without recording why (its workers kept dying). */
export async function abandonVersion(job: Job<IngestJob>) {
  await recordIndexingFailure(db(), job.data.versionId, ABANDONED_REASON, true);
  return null;
}

/** Parses, chunks and embeds the version's file, then stores it all in one transaction; returns the chunk count. */
async function indexDocument(versionId: string, version: VersionToIndex): Promise<number> {
  // version.original is handed over to the parse thread (transferred, not copied); it is not used after.
  const doc = await parseIsolated({ bytes: version.original, filename: version.filename, mime: version.mime });
  const pieces = chunkDocument(doc);
  const texts = pieces.map((c) => searchTextOf(doc.title, c.headingPath, c.text));
  const embeddings = new Map<string, number[][]>();
  // Every live model embeds: while a switch runs, new chunks get vectors from the old and the new model.
  for (;;) {
    for (const model of await liveEmbedders()) {
      if (embeddings.has(model.id)) continue;
      const vectors: number[][] = [];
      for (let i = 0; i < texts.length; i += EMBED_BATCH) {
        vectors.push(...(await model.embed(texts.slice(i, i + EMBED_BATCH))));
      }
      embeddings.set(model.id, vectors);
    }
    const outcome = await storeIndexedVersion(db(), versionId, {
      title: doc.title,
      blocks: doc.blocks,
      pageCount: doc.pageCount ?? null,
      pagesWithoutText: doc.pagesWithoutText ?? [],
      embeddings,
      chunks: pieces.map((c, i) => ({
        ordinal: c.ordinal,
        text: c.text,
        searchText: texts[i]!,
        headingPath: c.headingPath,
        page: c.page,
        pageEnd: c.pageEnd,
        pageStarts: c.pageStarts,
        spanStart: c.start,
        spanEnd: c.end,
        tokenCount: c.tokenCount,
      })),
    });
    if (outcome !== "models-changed") return pieces.length;
  }
}

/** Title and section path travel with every chunk so that "travel policy: per diem" finds it. */
export function searchTextOf(title: string, headingPath: string[], text: string): string {
  return [title, ...headingPath.filter((h) => h !== title), text].join("\n");
}

/**
 * Runs one due ingest job in this process (a failed one's abandonment first); returns whether
 * there was one. For imports and tests that work the queue themselves, beside any workers.
 */
export async function processNextJob(): Promise<boolean> {
  return (await runOneJob(queues.ingestFailed, abandonVersion)) || (await runOneJob(queues.ingest, ingestVersion));
}

/** Queues the versions that wait with no job (an install upgraded from the earlier queue table). */
export async function queueWaitingVersions() {
  const waiting = await versionsWithoutIngestJob(db(), queues.ingest);
  const send = await ingestionQueue();
  for (const versionId of waiting) await db().transaction((tx) => send(tx, versionId));
  return waiting.length;
}
