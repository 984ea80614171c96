import { randomUUID } from "node:crypto";
import { forgetWorker, recordWorkerHeartbeat } from "@/db/queries/health";
import { claimJob, completeJob, failJob, heartbeat, type ClaimedJob } from "@/db/queries/ingest-jobs";
import { ensureVectorIndex } from "@/db/queries/retrieval";
import { pollNextFineTuneJob } from "../behaviour/fine-tune/poller";
import { db } from "../db";
import { activeEmbedder, liveEmbedders, registerConfiguredEmbeddingModels } from "../embeddings/registry";
import { env } from "../env";
import { processEmbeddingSwitch } from "../embeddings/switch";
import { chunkDocument } from "./chunker";
import { failureReason, isUnprocessable } from "./errors";
import { parseIsolated } from "./isolated-parse";
import { log } from "../log";

const EMBED_BATCH = 64;
const leaseSeconds = () => env().INGEST_LEASE_SECONDS;

/** Backoff before retry n (1-based): 5 s, 25 s, 125 s. */
const backoffSeconds = (attempt: number) => 5 ** attempt;

/**
 * Runs one claimed job, renewing its lease on a timer throughout: parsing may take up to
 * PARSE_TIMEOUT_MS and an embedding call as long as the provider likes, and a lapsed lease would let
 * a second worker take over a job that is still running. Only a dead process stops renewing.
 */
async function runJob(job: ClaimedJob, workerId: string) {
  const state = { progress: 0 };
  const renew = setInterval(() => void heartbeat(db(), job.id, workerId, leaseSeconds(), state.progress).catch(() => {}), (leaseSeconds() * 1000) / 3);
  try {
    return await indexDocument(job, workerId, state);
  } finally {
    clearInterval(renew);
  }
}

/** Parses, chunks and embeds the job's file, then stores it all in one transaction. */
async function indexDocument(job: ClaimedJob, workerId: string, state: { progress: number }) {
  // job.original is handed over to the parse thread (transferred, not copied); it is not used after.
  const doc = await parseIsolated({ bytes: job.original, filename: job.filename, mime: job.mime });
  const pieces = chunkDocument(doc);
  const texts = pieces.map((c) => searchTextOf(doc.title, c.headingPath, c.text));
  const embeddings = new Map<string, number[][]>();
  // Every live model embeds: while a switch runs, new chunks get vectors from the old and the new model.
  for (;;) {
    for (const model of await liveEmbedders()) {
      if (embeddings.has(model.id)) continue;
      const vectors: number[][] = [];
      for (let i = 0; i < texts.length; i += EMBED_BATCH) {
        const batch = texts.slice(i, i + EMBED_BATCH);
        vectors.push(...(await model.embed(batch)));
        const delay = env().INGEST_TEST_DELAY_MS; // tests only: a window in which to kill the worker mid-job
        if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
        state.progress = Math.round(((i + batch.length) / texts.length) * 90);
        if (!(await heartbeat(db(), job.id, workerId, leaseSeconds(), state.progress))) return false;
      }
      embeddings.set(model.id, vectors);
    }
    const outcome = await completeJob(db(), job.id, workerId, job.versionId, {
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
    if (outcome !== "models-changed") return outcome === "done";
  }
}

/** Title and section path travel with every chunk so that "travel policy: per diem" finds it. */
export function searchTextOf(title: string, headingPath: string[], text: string): string {
  return [title, ...headingPath.filter((h) => h !== title), text].join("\n");
}

/** Claims and runs one job; returns whether there was one. */
export async function processNextJob(workerId: string): Promise<boolean> {
  const job = await claimJob(db(), workerId, leaseSeconds());
  if (!job) return false;
  if (job.attempts > job.maxAttempts) {
    await failJob(db(), job.id, workerId, job.versionId, "Ingestion stopped responding repeatedly and was abandoned. Try re-uploading the file.", null);
    return true;
  }
  try {
    await runJob(job, workerId);
  } catch (err) {
    const reason = failureReason(err);
    // A document that cannot be parsed fails the same way every time: say so now, not in 155 s.
    const retry = !isUnprocessable(err) && job.attempts < job.maxAttempts ? backoffSeconds(job.attempts) : null;
    await failJob(db(), job.id, workerId, job.versionId, reason, retry);
  }
  return true;
}

/** How often a running worker tells readiness (/api/ready) it is alive: on a timer, so a long job does not silence it. */
const WORKER_HEARTBEAT_MS = 10_000;

/** Runs until the signal aborts, polling when the queue is empty. */
export async function runWorker(signal: AbortSignal, { idleMs = 500 } = {}) {
  const workerId = `worker-${process.pid}-${randomUUID().slice(0, 8)}`;
  await registerConfiguredEmbeddingModels();
  const model = await activeEmbedder();
  await ensureVectorIndex(db(), model.id, model.dimensions);
  const beat = () => recordWorkerHeartbeat(db(), workerId).catch((err: unknown) => log().error({ err }, "ingest worker heartbeat failed"));
  await beat();
  const beating = setInterval(() => void beat(), WORKER_HEARTBEAT_MS);
  try {
    await pollQueue(workerId, signal, idleMs);
  } finally {
    clearInterval(beating);
    await forgetWorker(db(), workerId).catch(() => {});
  }
}

async function pollQueue(workerId: string, signal: AbortSignal, idleMs: number) {
  while (!signal.aborted) {
    let worked = false;
    try {
      // Documents first: an upload should not wait behind a re-embedding of the whole corpus.
      worked = (await processNextJob(workerId)) || (await processEmbeddingSwitch(workerId));
      // Fine-tuning jobs ride along: each poll is a few HTTP calls, due every FINE_TUNE_POLL_SECONDS.
      if (await pollNextFineTuneJob(workerId)) worked = true;
    } catch (err) {
      log().error({ err }, "ingest worker failed; retrying");
    }
    if (!worked) await new Promise((resolve) => setTimeout(resolve, idleMs));
  }
}
