import { randomUUID } from "node:crypto";
import { claimJob, completeJob, failJob, heartbeat, type ClaimedJob } from "@/db/queries/ingest-jobs";
import { ensureVectorIndex } from "@/db/queries/retrieval";
import { db } from "../db";
import { embedder } from "../embeddings";
import { chunkDocument } from "./chunker";
import { parseDocument } from "./parsers";

const LEASE_SECONDS = 60;
const EMBED_BATCH = 64;

/** Backoff before retry n (1-based): 5 s, 25 s, 125 s. */
const backoffSeconds = (attempt: number) => 5 ** attempt;

/** Parses, chunks and embeds one claimed job, then stores it all in one transaction. */
async function runJob(job: ClaimedJob, workerId: string) {
  const doc = await parseDocument({ bytes: new Uint8Array(job.original), filename: job.filename, mime: job.mime });
  const pieces = chunkDocument(doc);
  const model = embedder();
  const embeddings: number[][] = [];
  for (let i = 0; i < pieces.length; i += EMBED_BATCH) {
    const batch = pieces.slice(i, i + EMBED_BATCH);
    embeddings.push(...(await model.embed(batch.map((c) => searchTextOf(doc.title, c.headingPath, c.text)))));
    const progress = Math.round(((i + batch.length) / pieces.length) * 90);
    if (!(await heartbeat(db(), job.id, workerId, LEASE_SECONDS, progress))) return false;
  }
  return completeJob(db(), job.id, workerId, job.versionId, {
    title: doc.title,
    blocks: doc.blocks,
    pageCount: doc.pageCount ?? null,
    embeddingModel: model.id,
    chunks: pieces.map((c, i) => ({
      ordinal: c.ordinal,
      text: c.text,
      searchText: searchTextOf(doc.title, c.headingPath, c.text),
      headingPath: c.headingPath,
      page: c.page,
      spanStart: c.start,
      spanEnd: c.end,
      tokenCount: c.tokenCount,
      embedding: embeddings[i]!,
    })),
  });
}

/** Title and section path travel with every chunk so that "travel policy: per diem" finds it. */
export function searchTextOf(title: string, headingPath: string[], text: string): string {
  return [title, ...headingPath.filter((h) => h !== title), text].join("\n");
}

/** Claims and runs one job; returns whether there was one. */
export async function processNextJob(workerId: string): Promise<boolean> {
  const job = await claimJob(db(), workerId, LEASE_SECONDS);
  if (!job) return false;
  if (job.attempts > job.maxAttempts) {
    await failJob(db(), job.id, workerId, job.versionId, "Ingestion stopped responding repeatedly and was abandoned. Try re-uploading the file.", null);
    return true;
  }
  try {
    await runJob(job, workerId);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    const retry = job.attempts < job.maxAttempts ? backoffSeconds(job.attempts) : null;
    await failJob(db(), job.id, workerId, job.versionId, reason, retry);
  }
  return true;
}

/** Runs until the signal aborts, polling when the queue is empty. */
export async function runWorker(signal: AbortSignal, { idleMs = 500 } = {}) {
  const workerId = `worker-${process.pid}-${randomUUID().slice(0, 8)}`;
  const model = embedder();
  await ensureVectorIndex(db(), model.id, model.dimensions);
  while (!signal.aborted) {
    let worked = false;
    try {
      worked = await processNextJob(workerId);
    } catch (err) {
      console.error("ingest worker:", err instanceof Error ? err.message : err);
    }
    if (!worked) await new Promise((resolve) => setTimeout(resolve, idleMs));
  }
}
