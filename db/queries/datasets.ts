import { asc, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { datasetExamples, datasets, type ChatLine } from "../schema";

export type DatasetRow = typeof datasets.$inferSelect;

export interface FrozenLine {
  exampleId: string;
  split: "train" | "validation";
  tags: string[];
  line: ChatLine;
  tokens: number;
}

/** Freezes a dataset as the next version, with its lines copied in, in one transaction. */
export async function saveDataset(
  db: Executor,
  input: { specVersion: number; note?: string; report: Record<string, unknown>; createdBy?: string; lines: FrozenLine[] },
): Promise<DatasetRow> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`LOCK TABLE datasets IN SHARE ROW EXCLUSIVE MODE`);
    const [{ next }] = (await tx.select({ next: sql<number>`coalesce(max(${datasets.version}), 0) + 1` }).from(datasets)) as [{ next: number }];
    const [row] = await tx
      .insert(datasets)
      .values({ version: Number(next), specVersion: input.specVersion, note: input.note, report: input.report, createdBy: input.createdBy })
      .returning();
    const BATCH = 500;
    for (let i = 0; i < input.lines.length; i += BATCH) {
      await tx.insert(datasetExamples).values(input.lines.slice(i, i + BATCH).map((l, j) => ({ ...l, datasetId: row!.id, ordinal: i + j })));
    }
    return row!;
  });
}

export async function listDatasets(db: Executor): Promise<DatasetRow[]> {
  return db.select().from(datasets).orderBy(desc(datasets.version));
}

export async function findDataset(db: Executor, id: string): Promise<DatasetRow | null> {
  const [row] = await db.select().from(datasets).where(eq(datasets.id, id));
  return row ?? null;
}

export async function datasetLines(db: Executor, datasetId: string) {
  return db.select().from(datasetExamples).where(eq(datasetExamples.datasetId, datasetId)).orderBy(asc(datasetExamples.ordinal));
}
