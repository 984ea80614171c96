import { and, asc, desc, eq, exists, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { answerEvalQuestions, answerEvalRuns, users } from "../schema";

/**
 * Answers-evaluation runs. Reads and starts are admin-only here too, not only in the action that
 * calls them: each takes the acting user and finds nothing (starts nothing) unless they are an
 * active administrator. The worker's writes act on a run already started.
 */
export type AnswerEvalRunRow = typeof answerEvalRuns.$inferSelect;

const isAdmin = (db: Executor, userId: string) =>
  exists(db.select({ one: sql`1` }).from(users).where(and(eq(users.id, userId), eq(users.role, "admin"), eq(users.active, true))));

/** Records a run as running with its job queued in the same transaction; null when `createdBy` is no administrator. */
export async function startAnswerEvalRun(
  db: Executor,
  input: { setName: string; modelId: string; modelName: string; questionLimit: number | null; questionsTotal: number; createdBy: string },
  enqueue: (tx: Executor, runId: string) => Promise<unknown>,
): Promise<AnswerEvalRunRow | null> {
  return db.transaction(async (tx) => {
    const [admin] = await tx.select({ one: sql`1` }).from(users).where(isAdmin(tx, input.createdBy));
    if (!admin) return null;
    const [row] = await tx.insert(answerEvalRuns).values(input).returning();
    await enqueue(tx, row!.id);
    return row!;
  });
}

/** A run, for the worker that runs it. */
export async function findAnswerEvalRun(db: Executor, runId: string): Promise<AnswerEvalRunRow | null> {
  const [row] = await db.select().from(answerEvalRuns).where(eq(answerEvalRuns.id, runId));
  return row ?? null;
}

/** The most recent runs, newest first, for an administrator (none for anyone else). */
export async function listAnswerEvalRuns(db: Executor, viewerId: string, limit = 20): Promise<AnswerEvalRunRow[]> {
  return db.select().from(answerEvalRuns).where(isAdmin(db, viewerId)).orderBy(desc(answerEvalRuns.startedAt)).limit(limit);
}

/** A finished run's question lines (as --out writes them) in the set's order, for an administrator (none for anyone else). */
export async function answerEvalRunQuestions(db: Executor, viewerId: string, runId: string): Promise<unknown[]> {
  const rows = await db
    .select({ line: answerEvalQuestions.line })
    .from(answerEvalQuestions)
    .where(and(eq(answerEvalQuestions.runId, runId), isAdmin(db, viewerId)))
    .orderBy(asc(answerEvalQuestions.position));
  return rows.map((r) => r.line);
}

/** A new attempt (after its worker died) starts counting again. */
export async function restartAnswerEvalRun(db: Executor, runId: string) {
  await db.update(answerEvalRuns).set({ questionsDone: 0 }).where(and(eq(answerEvalRuns.id, runId), eq(answerEvalRuns.status, "running")));
}

export async function recordAnswerEvalProgress(db: Executor, runId: string, questionsDone: number) {
  await db.update(answerEvalRuns).set({ questionsDone }).where(and(eq(answerEvalRuns.id, runId), eq(answerEvalRuns.status, "running")));
}

/** The report and the question lines, in the set's order, land with the final status, once (a retried attempt may finish second). */
export async function finishAnswerEvalRun(db: Executor, runId: string, report: unknown, lines: unknown[]) {
  await db.transaction(async (tx) => {
    const [run] = await tx.select({ status: answerEvalRuns.status }).from(answerEvalRuns).where(eq(answerEvalRuns.id, runId)).for("update");
    if (run?.status !== "running") return;
    if (lines.length > 0) await tx.insert(answerEvalQuestions).values(lines.map((line, position) => ({ runId, position, line })));
    await tx
      .update(answerEvalRuns)
      .set({ status: "done", report, questionsDone: lines.length, finishedAt: sql`now()` })
      .where(eq(answerEvalRuns.id, runId));
  });
}

/** Marks a running run failed with a short reason; a finished one is left alone. */
export async function failAnswerEvalRun(db: Executor, runId: string, error: string) {
  await db
    .update(answerEvalRuns)
    .set({ status: "failed", error, finishedAt: sql`now()` })
    .where(and(eq(answerEvalRuns.id, runId), eq(answerEvalRuns.status, "running")));
}
