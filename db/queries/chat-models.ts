import { and, desc, eq, isNotNull, sql } from "drizzle-orm";
import { cachedRead, forgetCachedReads } from "../cached-reads";
import type { Executor } from "../client";
import { chatModels } from "../schema";

export type ChatModelRow = typeof chatModels.$inferSelect;
export type NewChatModel = Omit<typeof chatModels.$inferInsert, "id" | "active" | "activatedAt" | "createdAt">;

/** Adds a model to the registry as a candidate (never active on arrival). Null if the name is taken. */
export async function registerChatModel(db: Executor, model: NewChatModel): Promise<ChatModelRow | null> {
  const [row] = await db.insert(chatModels).values(model).onConflictDoNothing({ target: chatModels.name }).returning();
  return row ?? null;
}

export async function listChatModels(db: Executor): Promise<ChatModelRow[]> {
  return db.select().from(chatModels).orderBy(desc(chatModels.createdAt));
}

export async function findChatModel(db: Executor, id: string): Promise<ChatModelRow | null> {
  const [row] = await db.select().from(chatModels).where(eq(chatModels.id, id));
  return row ?? null;
}

export async function activeChatModel(db: Executor): Promise<ChatModelRow | null> {
  const [row] = await db.select().from(chatModels).where(eq(chatModels.active, true));
  return row ?? null;
}

/** activeChatModel as answers read it: kept for a moment (db/cached-reads.ts). */
export const activeChatModelCached = cachedRead(activeChatModel);

/** Makes `id` the one active model, in one transaction (the partial unique index enforces "one"). */
export async function activateChatModel(db: Executor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(chatModels).set({ active: false }).where(eq(chatModels.active, true));
    await tx.update(chatModels).set({ active: true, activatedAt: sql`now()` }).where(eq(chatModels.id, id));
  });
  forgetCachedReads();
}

export async function findChatModelByName(db: Executor, name: string): Promise<ChatModelRow | null> {
  const [row] = await db.select().from(chatModels).where(eq(chatModels.name, name));
  return row ?? null;
}

/** The model active before the current one: the most recently activated of the others. */
export async function previousActiveChatModel(db: Executor): Promise<ChatModelRow | null> {
  const [row] = await db
    .select()
    .from(chatModels)
    .where(and(eq(chatModels.active, false), isNotNull(chatModels.activatedAt)))
    .orderBy(desc(chatModels.activatedAt))
    .limit(1);
  return row ?? null;
}
