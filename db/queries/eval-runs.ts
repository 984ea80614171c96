import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { evalResults, evalRuns } from "../schema";

export type EvalRunRow = typeof evalRuns.$inferSelect;
export type EvalResultRow = typeof evalResults.$inferSelect;
export type NewEvalResult = Omit<typeof evalResults.$inferInsert, "id" | "runId">;

/** Records a run as started; `enqueue` queues its job in the same transaction (a run in the background). */
export async function startEvalRun(
  db: Executor,
  input: { modelId: string; specVersion: number; judge: string | null; createdBy?: string; casesTotal: number },
  enqueue?: (tx: Executor, runId: string) => Promise<unknown>,
) {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(evalRuns).values(input).returning();
    if (enqueue) await enqueue(tx, row!.id);
    return row!;
  });
}

export async function findEvalRun(db: Executor, runId: string): Promise<EvalRunRow | null> {
  const [row] = await db.select().from(evalRuns).where(eq(evalRuns.id, runId));
  return row ?? null;
}

/** How many cases a running run has answered (its attempt starts again from 0 after a crash). */
export async function recordEvalProgress(db: Executor, runId: string, casesDone: number) {
  await db.update(evalRuns).set({ casesDone }).where(and(eq(evalRuns.id, runId), eq(evalRuns.status, "running")));
}

/** Results and the final status land together: a run is either complete or marked failed. */
export async function finishEvalRun(db: Executor, runId: string, results: NewEvalResult[]) {
  await db.transaction(async (tx) => {
    // Once: an attempt retried after its worker was presumed dead may finish second.
    const [run] = await tx.select({ status: evalRuns.status }).from(evalRuns).where(eq(evalRuns.id, runId)).for("update");
    if (run?.status !== "running") return;
    if (results.length > 0) await tx.insert(evalResults).values(results.map((r) => ({ ...r, runId })));
    await tx.update(evalRuns).set({ status: "done", casesDone: results.length, finishedAt: sql`now()` }).where(eq(evalRuns.id, runId));
  });
}

/** Marks a run failed with the reason; a run already finished is left alone. */
export async function failEvalRun(db: Executor, runId: string, error: string) {
  await db.update(evalRuns).set({ status: "failed", error, finishedAt: sql`now()` }).where(and(eq(evalRuns.id, runId), eq(evalRuns.status, "running")));
}

/** The latest completed run of a model on a spec version, or null. */
export async function latestDoneRun(db: Executor, modelId: string, specVersion: number): Promise<EvalRunRow | null> {
  const [row] = await db
    .select()
    .from(evalRuns)
    .where(and(eq(evalRuns.modelId, modelId), eq(evalRuns.specVersion, specVersion), eq(evalRuns.status, "done")))
    .orderBy(desc(evalRuns.startedAt))
    .limit(1);
  return row ?? null;
}

export async function runResults(db: Executor, runId: string): Promise<EvalResultRow[]> {
  return db.select().from(evalResults).where(eq(evalResults.runId, runId)).orderBy(evalResults.behaviour, evalResults.caseId);
}

/** Each model's most recent run (any spec version, any status), with its pass and fail counts. */
export async function latestRunPerModel(db: Executor, modelIds: string[]) {
  if (modelIds.length === 0) return [];
  const latest = db
    .select()
    .from(evalRuns)
    .where(
      and(
        inArray(evalRuns.modelId, modelIds),
        sql`${evalRuns.startedAt} = (select max(r.started_at) from eval_runs r where r.model_id = ${evalRuns.modelId})`,
      ),
    )
    .as("latest");
  return db
    .select({
      runId: latest.id,
      modelId: latest.modelId,
      specVersion: latest.specVersion,
      status: latest.status,
      error: latest.error,
      casesDone: latest.casesDone,
      casesTotal: latest.casesTotal,
      startedAt: latest.startedAt,
      passed: sql<number>`count(${evalResults.id}) filter (where ${evalResults.status} = 'pass')`.mapWith(Number),
      failed: sql<number>`count(${evalResults.id}) filter (where ${evalResults.status} = 'fail')`.mapWith(Number),
      skipped: sql<number>`count(${evalResults.id}) filter (where ${evalResults.status} = 'skipped')`.mapWith(Number),
    })
    .from(latest)
    .leftJoin(evalResults, eq(evalResults.runId, latest.id))
    .groupBy(latest.id, latest.modelId, latest.specVersion, latest.status, latest.error, latest.casesDone, latest.casesTotal, latest.startedAt);
}
