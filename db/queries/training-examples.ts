import { and, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { trainingExamples } from "../schema";

export type TrainingExampleRow = typeof trainingExamples.$inferSelect;
export type NewTrainingExample = Omit<typeof trainingExamples.$inferInsert, "id" | "createdAt" | "archived" | "leakAccepted">;

/** Inserts examples; those whose dedupe key exists already are skipped. Returns the inserted rows. */
export async function insertExamples(db: Executor, rows: NewTrainingExample[]): Promise<TrainingExampleRow[]> {
  if (rows.length === 0) return [];
  return db.insert(trainingExamples).values(rows).onConflictDoNothing({ target: trainingExamples.dedupeKey }).returning();
}

export async function listExamples(db: Executor, filter: { specVersion?: number; includeArchived?: boolean; limit?: number } = {}) {
  return db
    .select()
    .from(trainingExamples)
    .where(
      and(
        filter.specVersion === undefined ? undefined : eq(trainingExamples.specVersion, filter.specVersion),
        filter.includeArchived ? undefined : eq(trainingExamples.archived, false),
      ),
    )
    .orderBy(desc(trainingExamples.createdAt), trainingExamples.id)
    .limit(filter.limit ?? 10_000);
}

export async function findExample(db: Executor, id: string): Promise<TrainingExampleRow | null> {
  const [row] = await db.select().from(trainingExamples).where(eq(trainingExamples.id, id));
  return row ?? null;
}

export async function updateExample(db: Executor, id: string, patch: Partial<Pick<TrainingExampleRow, "leakAccepted" | "archived">>) {
  const [row] = await db.update(trainingExamples).set(patch).where(eq(trainingExamples.id, id)).returning();
  return row ?? null;
}

export async function countExamplesByTag(db: Executor) {
  const result = await db.execute<{ tag: string; count: number }>(sql`
    SELECT unnest(tags) AS tag, count(*)::int AS count FROM training_examples WHERE NOT archived GROUP BY 1 ORDER BY 1`);
  return result.rows.map((r) => ({ tag: r.tag, count: Number(r.count) }));
}
