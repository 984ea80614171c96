import { and, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { fineTuneJobs } from "../schema";
import { registerChatModel, type ChatModelRow, type NewChatModel } from "./chat-models";

export type FineTuneJobRow = typeof fineTuneJobs.$inferSelect;
export type FineTuneJobPatch = Partial<Omit<FineTuneJobRow, "id" | "datasetId" | "provider" | "createdAt" | "createdBy">>;

/** The states in which a job still needs the worker: to submit it, or to follow it. */
export const ACTIVE_STATUSES = ["pending", "validating_files", "queued", "running"] as const;

export async function createFineTuneJob(db: Executor, input: typeof fineTuneJobs.$inferInsert): Promise<FineTuneJobRow> {
  const [row] = await db.insert(fineTuneJobs).values(input).returning();
  return row!;
}

export async function listFineTuneJobs(db: Executor): Promise<FineTuneJobRow[]> {
  return db.select().from(fineTuneJobs).orderBy(desc(fineTuneJobs.createdAt)).limit(200);
}

export async function findFineTuneJob(db: Executor, id: string): Promise<FineTuneJobRow | null> {
  const [row] = await db.select().from(fineTuneJobs).where(eq(fineTuneJobs.id, id));
  return row ?? null;
}

/**
 * Claims the provider job most overdue for a poll. A lease left by a worker that died has expired,
 * so its job is simply claimed again: nothing is ever stuck with a dead owner.
 */
export async function claimFineTuneJob(db: Executor, workerId: string, leaseSeconds: number): Promise<FineTuneJobRow | null> {
  const result = await db.execute<{ id: string }>(sql`
    UPDATE fine_tune_jobs SET locked_by = ${workerId}, lease_until = now() + make_interval(secs => ${leaseSeconds}), updated_at = now()
    WHERE id = (
      SELECT id FROM fine_tune_jobs
      WHERE provider IN ('openai', 'builtin') AND status IN ('pending', 'validating_files', 'queued', 'running')
        AND next_poll_at <= now() AND (lease_until IS NULL OR lease_until < now())
      ORDER BY next_poll_at FOR UPDATE SKIP LOCKED LIMIT 1)
    RETURNING id`);
  const id = result.rows[0]?.id;
  return id ? findFineTuneJob(db, id) : null;
}

/** Keeps the lease while a long step (a large upload) is under way. */
export async function renewFineTuneLease(db: Executor, id: string, workerId: string, leaseSeconds: number) {
  await db
    .update(fineTuneJobs)
    .set({ leaseUntil: sql`now() + make_interval(secs => ${leaseSeconds})` })
    .where(and(eq(fineTuneJobs.id, id), eq(fineTuneJobs.lockedBy, workerId)));
}

/** Saves what a poll learned and releases the lease; false when the job was taken over meanwhile. */
export async function releaseFineTuneJob(db: Executor, id: string, workerId: string, patch: FineTuneJobPatch, pollInSeconds: number) {
  const rows = await db
    .update(fineTuneJobs)
    .set({ ...patch, lockedBy: null, leaseUntil: null, nextPollAt: sql`now() + make_interval(secs => ${pollInSeconds})`, updatedAt: sql`now()` })
    .where(and(eq(fineTuneJobs.id, id), eq(fineTuneJobs.lockedBy, workerId)))
    .returning({ id: fineTuneJobs.id });
  return rows.length > 0;
}

/** Updates a job outside the worker (cancel, external endpoint); records nothing if it is gone. */
export async function updateFineTuneJob(db: Executor, id: string, patch: FineTuneJobPatch) {
  const [row] = await db.update(fineTuneJobs).set({ ...patch, updatedAt: sql`now()` }).where(eq(fineTuneJobs.id, id)).returning();
  return row ?? null;
}

/**
 * Marks a job succeeded and registers its model as a candidate, together: a job never ends
 * "succeeded" without its model in the registry. The name gets the job id when already taken.
 */
export async function completeFineTuneJob(db: Executor, id: string, patch: FineTuneJobPatch, model: NewChatModel): Promise<ChatModelRow> {
  return db.transaction(async (tx) => {
    const registered = (await registerChatModel(tx, model)) ?? (await registerChatModel(tx, { ...model, name: `${model.name} (${id.slice(0, 8)})` }));
    if (!registered) throw new Error(`A model named "${model.name}" is already registered.`);
    await tx
      .update(fineTuneJobs)
      .set({ ...patch, status: "succeeded", chatModelId: registered.id, lockedBy: null, leaseUntil: null, updatedAt: sql`now()` })
      .where(eq(fineTuneJobs.id, id));
    return registered;
  });
}
