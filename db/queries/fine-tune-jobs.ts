import { and, desc, eq, inArray, sql } from "drizzle-orm";
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
 * Saves what a step of the job learned and, while the job is still under way, queues its next step
 * (`next`) in the same transaction: a poll's result is never saved without the poll that follows.
 */
export async function saveFineTuneStep(db: Executor, id: string, patch: FineTuneJobPatch, next: (tx: Executor) => Promise<unknown>) {
  await db.transaction(async (tx) => {
    const [row] = await tx.update(fineTuneJobs).set({ ...patch, updatedAt: sql`now()` }).where(eq(fineTuneJobs.id, id)).returning({ status: fineTuneJobs.status });
    if (row && (ACTIVE_STATUSES as readonly string[]).includes(row.status)) await next(tx);
  });
}

/** Jobs the worker still has to submit or follow (an install upgraded from the lease loop has them without a queued step). */
export async function followedFineTuneJobs(db: Executor): Promise<string[]> {
  const rows = await db
    .select({ id: fineTuneJobs.id })
    .from(fineTuneJobs)
    .where(and(inArray(fineTuneJobs.provider, ["openai", "builtin"]), inArray(fineTuneJobs.status, [...ACTIVE_STATUSES])));
  return rows.map((r) => r.id);
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
      .set({ ...patch, status: "succeeded", chatModelId: registered.id, updatedAt: sql`now()` })
      .where(eq(fineTuneJobs.id, id));
    return registered;
  });
}
