import { desc, eq, sql } from "drizzle-orm";
import { cachedRead, forgetCachedReads } from "../cached-reads";
import type { Executor } from "../client";
import { behaviourSpecs } from "../schema";

export type BehaviourSpecRow = typeof behaviourSpecs.$inferSelect;

/** The current spec: the highest version. Null before any has been saved. */
export async function latestSpec(db: Executor): Promise<BehaviourSpecRow | null> {
  const [row] = await db.select().from(behaviourSpecs).orderBy(desc(behaviourSpecs.version)).limit(1);
  return row ?? null;
}

/** latestSpec as answers read it: kept for a moment (db/cached-reads.ts). */
export const latestSpecCached = cachedRead(latestSpec);

export async function specByVersion(db: Executor, version: number): Promise<BehaviourSpecRow | null> {
  const [row] = await db.select().from(behaviourSpecs).where(eq(behaviourSpecs.version, version));
  return row ?? null;
}

export async function listSpecVersions(db: Executor) {
  return db
    .select({ id: behaviourSpecs.id, version: behaviourSpecs.version, note: behaviourSpecs.note, createdBy: behaviourSpecs.createdBy, createdAt: behaviourSpecs.createdAt })
    .from(behaviourSpecs)
    .orderBy(desc(behaviourSpecs.version));
}

/** Saves content as the next version; concurrent saves are serialized by the unique version. */
export async function saveSpecVersion(db: Executor, input: { content: Record<string, unknown>; note?: string; createdBy?: string }) {
  const saved = await db.transaction(async (tx) => {
    await tx.execute(sql`LOCK TABLE behaviour_specs IN SHARE ROW EXCLUSIVE MODE`);
    const [{ next }] = (await tx.select({ next: sql<number>`coalesce(max(${behaviourSpecs.version}), 0) + 1` }).from(behaviourSpecs)) as [{ next: number }];
    const [row] = await tx.insert(behaviourSpecs).values({ ...input, version: Number(next) }).returning();
    return row!;
  });
  forgetCachedReads();
  return saved;
}

/** Stores content as version 1 unless a version 1 exists: racing first requests seed it once. */
export async function seedFirstSpec(db: Executor, content: Record<string, unknown>) {
  await db.insert(behaviourSpecs).values({ version: 1, content, note: "Default spec" }).onConflictDoNothing({ target: behaviourSpecs.version });
  forgetCachedReads();
}
