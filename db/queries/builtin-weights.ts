import { eq, inArray } from "drizzle-orm";
import type { Executor } from "../client";
import { builtinWeights } from "../schema";

export type BuiltinWeightsRow = typeof builtinWeights.$inferSelect;

export async function saveBuiltinWeights(db: Executor, input: typeof builtinWeights.$inferInsert): Promise<BuiltinWeightsRow> {
  const [row] = await db.insert(builtinWeights).values(input).onConflictDoUpdate({ target: builtinWeights.fineTuneJobId, set: { weights: input.weights, report: input.report } }).returning();
  return row!;
}

export async function builtinWeightsOfJob(db: Executor, fineTuneJobId: string): Promise<BuiltinWeightsRow | null> {
  const [row] = await db.select().from(builtinWeights).where(eq(builtinWeights.fineTuneJobId, fineTuneJobId));
  return row ?? null;
}

/** The training and validation figures of these jobs' weights, by job id. */
export async function builtinReports(db: Executor, fineTuneJobIds: string[]): Promise<Map<string, Record<string, unknown>>> {
  if (fineTuneJobIds.length === 0) return new Map();
  const rows = await db.select({ job: builtinWeights.fineTuneJobId, report: builtinWeights.report }).from(builtinWeights).where(inArray(builtinWeights.fineTuneJobId, fineTuneJobIds));
  return new Map(rows.map((r) => [r.job, r.report]));
}
