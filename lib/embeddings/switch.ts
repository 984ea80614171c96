import { audit } from "@/lib/admin/audit";
import {
  activateSwitchedModel, chunksWithoutEmbedding, claimEmbeddingSwitch, dropRetiredEmbeddings, failEmbeddingSwitch, findEmbeddingModel, markSwitchReady,
  noteSwitchError, refreshSwitchProgress, renewEmbeddingSwitch, startEmbeddingSwitch, storeSwitchEmbeddings,
} from "@/db/queries/embedding-models";
import { dropVectorIndexes, ensureVectorIndex } from "@/db/queries/retrieval";
import type { CurrentUser } from "../auth/user";
import { db } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { embedderFor } from "./registry";
import { log } from "../log";

/** Chunks embedded per step: small enough that uploads interleave and the lease stays fresh. */
const SWITCH_BATCH = 256;
/** The new model's index is built in memory when it fits: several times faster than on disk. */
const INDEX_BUILD_MEMORY_MB = 512;
const RETRY_SECONDS = 30;
const leaseSeconds = () => env().INGEST_LEASE_SECONDS;

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
  const started = await startEmbeddingSwitch(db(), modelId);
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
 * One step of a switch in progress, if there is one this worker may run: embed a batch of chunks
 * that have no vector of the new model yet; when a full pass finds none, build the new model's
 * index and activate it in one transaction. Every step is idempotent and leased, so a worker that
 * dies mid-switch is replaced by the next one to find the lease expired, which carries on from
 * what is stored. Returns whether it did anything.
 */
export async function processEmbeddingSwitch(workerId: string): Promise<boolean> {
  const row = await claimEmbeddingSwitch(db(), workerId, leaseSeconds());
  if (!row) return false;
  try {
    if (row.status === "building") {
      const after = cursors.get(row.id) ?? null;
      const batch = await chunksWithoutEmbedding(db(), row.id, after, SWITCH_BATCH);
      if (batch.length > 0) {
        const vectors = await embedderFor(row).embed(batch.map((c) => c.searchText));
        const delay = env().INGEST_TEST_DELAY_MS; // tests only: a window in which to kill the worker mid-switch
        if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
        if (await storeSwitchEmbeddings(db(), row.id, workerId, batch.map((c, i) => ({ chunkId: c.id, embedding: vectors[i]! })))) {
          cursors.set(row.id, batch.at(-1)!.id);
        }
        return true;
      }
      if (after !== null) {
        // End of a pass: one more from the start catches chunks committed behind the cursor.
        cursors.set(row.id, null);
        await refreshSwitchProgress(db(), row.id);
        return true;
      }
      await whileLeased(row.id, workerId, () => ensureVectorIndex(db(), row.id, row.dimensions, { maintenanceWorkMemMb: INDEX_BUILD_MEMORY_MB }));
      if (!(await markSwitchReady(db(), row.id, workerId))) return true;
    }
    if (await activateSwitchedModel(db(), row.id, workerId)) {
      cursors.delete(row.id);
      log().info({ model: row.id }, "embedding model switched");
    }
    return true;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    log().error({ model: row.id, reason }, "embedding switch failed");
    await noteSwitchError(db(), row.id, workerId, `${reason} (retrying in ${RETRY_SECONDS} s)`, RETRY_SECONDS);
    return true;
  }
}

/** Runs `work` while renewing the switch's lease on a timer (an index build can take minutes). */
async function whileLeased<T>(modelId: string, workerId: string, work: () => Promise<T>): Promise<T> {
  const renew = setInterval(() => void renewEmbeddingSwitch(db(), modelId, workerId, leaseSeconds()).catch(() => {}), (leaseSeconds() * 1000) / 3);
  try {
    return await work();
  } finally {
    clearInterval(renew);
  }
}
