import { audit } from "@/lib/admin/audit";
import type { Job } from "pg-boss";
import {
  activateSwitchedModel, chunksWithoutEmbedding, dropRetiredEmbeddings, failEmbeddingSwitch, findEmbeddingModel, markSwitchReady,
  noteSwitchError, refreshSwitchProgress, startEmbeddingSwitch, storeSwitchEmbeddings, switchInProgress,
} from "@/db/queries/embedding-models";
import { hasLiveJob } from "@/db/queries/queued-jobs";
import { dropVectorIndexes, ensureVectorIndex } from "@/db/queries/retrieval";
import type { CurrentUser } from "../auth/user";
import type { Executor } from "@/db/client";
import { db } from "../db";
import { AppError } from "../errors";
import { queues, transactionalSender } from "../jobs/queue";
import { embedderFor } from "./registry";
import { log } from "../log";

/** Chunks embedded per step: small enough that uploads interleave and a cancel is noticed soon. */
const SWITCH_BATCH = 256;
/** The new model's index is built in memory when it fits: several times faster than on disk. */
const INDEX_BUILD_MEMORY_MB = 512;

export interface SwitchJob {
  modelId: string;
}

/** Queues a switch's job, in the transaction that starts it. */
async function switchQueue() {
  const send = await transactionalSender<SwitchJob>(queues.embeddingSwitch);
  return (tx: Executor, modelId: string) => send(tx, { modelId });
}

/** Where this process's pass over the chunks has got to, per model (a keyset cursor). */
const cursors = new Map<string, string | null>();

/** Starts re-embedding every current chunk with `modelId` in the background; the active model keeps serving. */
export async function startModelSwitch(actor: CurrentUser, modelId: string) {
  const row = await findEmbeddingModel(db(), modelId);
  if (!row) throw new AppError("not_found", "No such embedding model.");
  if (row.status === "active") throw new AppError("conflict", `${modelId} is already the active embedding model.`);
  try {
    embedderFor(row);
  } catch (err) {
    throw new AppError("bad_request", err instanceof Error ? err.message : String(err));
  }
  const started = await startEmbeddingSwitch(db(), modelId, await switchQueue());
  if (!started) throw new AppError("conflict", "Another embedding model switch is in progress: wait for it to finish, or cancel it.");
  await audit(db(), actor, "embedding_model.switch_started", { type: "embedding_model", id: modelId });
}

export async function cancelModelSwitch(actor: CurrentUser, modelId: string) {
  await failEmbeddingSwitch(db(), modelId, "Cancelled by an administrator.");
  await audit(db(), actor, "embedding_model.switch_cancelled", { type: "embedding_model", id: modelId });
}

/** Frees the space of a retired model: its vectors and its index. */
export async function dropModelVectors(actor: CurrentUser, modelId: string) {
  if (!(await dropRetiredEmbeddings(db(), modelId))) throw new AppError("conflict", "Only a retired model's vectors can be dropped.");
  await dropVectorIndexes(db(), modelId);
  await audit(db(), actor, "embedding_model.vectors_dropped", { type: "embedding_model", id: modelId });
}

/**
 * The embedding-switch queue's handler: steps through the switch until the model is active, or the
 * switch was cancelled. Every step is idempotent and works from what is stored, so a worker that
 * dies mid-switch is replaced (its job's heartbeat stops and the queue retries it) by one that
 * carries on where it stopped. An error is shown on the admin page while the queue retries.
 */
export async function runModelSwitch(job: Job<SwitchJob>) {
  const { modelId } = job.data;
  try {
    for (;;) {
      const step = await switchStep(modelId);
      if (step !== "more") return { outcome: step };
    }
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    log().error({ model: modelId, reason }, "embedding switch failed");
    await noteSwitchError(db(), modelId, `${reason} (retrying)`);
    throw err;
  }
}

/**
 * One step of the switch to `modelId`: embed a batch of chunks that have no vector of the new
 * model yet; when a full pass finds none, build the new model's index and activate it in one
 * transaction. Returns "more" while there is work left, "active" once switched, "stopped" if the
 * switch was cancelled.
 */
export async function switchStep(modelId: string): Promise<"more" | "active" | "stopped"> {
  const row = await findEmbeddingModel(db(), modelId);
  if (row?.status === "building") {
    const after = cursors.get(row.id) ?? null;
    const batch = await chunksWithoutEmbedding(db(), row.id, after, SWITCH_BATCH);
    if (batch.length > 0) {
      const vectors = await embedderFor(row).embed(batch.map((c) => c.searchText));
      if (await storeSwitchEmbeddings(db(), row.id, batch.map((c, i) => ({ chunkId: c.id, embedding: vectors[i]! })))) cursors.set(row.id, batch.at(-1)!.id);
      return "more";
    }
    if (after !== null) {
      // End of a pass: one more from the start catches chunks committed behind the cursor.
      cursors.set(row.id, null);
      await refreshSwitchProgress(db(), row.id);
      return "more";
    }
    await ensureVectorIndex(db(), row.id, row.dimensions, { maintenanceWorkMemMb: INDEX_BUILD_MEMORY_MB });
    await markSwitchReady(db(), row.id);
    return "more";
  }
  if (row?.status === "ready") {
    // False when chunks arrived without the new model's vectors: back to building for them.
    if (!(await activateSwitchedModel(db(), row.id))) return "more";
    cursors.delete(row.id);
    log().info({ model: row.id }, "embedding model switched");
    return "active";
  }
  cursors.delete(modelId);
  return row?.status === "active" ? "active" : "stopped";
}

/** Queues the switch in progress if it has no job (an install upgraded from the lease loop, or a job whose workers kept dying). */
export async function resumeOrphanedSwitch() {
  const row = await switchInProgress(db());
  if (!row || (await hasLiveJob(db(), queues.embeddingSwitch, { modelId: row.id }))) return;
  const send = await switchQueue();
  await db().transaction((tx) => send(tx, row.id));
}
