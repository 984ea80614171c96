import { findChatModel } from "@/db/queries/chat-models";
import { startAnswerEvalRun } from "@/db/queries/answer-eval-runs";
import { resolveActiveModel } from "../ai/registry";
import type { CurrentUser } from "../auth/user";
import { db } from "../db";
import { AppError } from "../errors";
import { queues, transactionalSender } from "../jobs/queue";
import { findAnswerSet } from "./answer-sets";

export interface AnswerEvalJob {
  runId: string;
}

/**
 * Starts an answers evaluation of a set on the server in the background: the run is recorded as
 * running with its job queued in the same transaction, and a worker runs it in a child process
 * (answer-eval-job.ts). Administrators only, checked here and again where the run is recorded.
 */
export async function queueAnswerEval(admin: CurrentUser, input: { setName: string; modelId?: string; limit?: number }) {
  if (admin.role !== "admin") throw new AppError("forbidden", "Only administrators can do this.");
  const found = findAnswerSet(input.setName);
  if (!found) throw new AppError("not_found", `There is no answer set named "${input.setName}" on the server.`);
  if (found.error !== undefined) throw new AppError("bad_request", `The set ${found.name} is malformed: ${found.error}`);
  const model = input.modelId ? await findChatModel(db(), input.modelId) : await resolveActiveModel();
  if (!model) throw new AppError("not_found", "This model is not in the registry.");
  const send = await transactionalSender<AnswerEvalJob>(queues.answerEval);
  const total = Math.min(input.limit ?? Infinity, found.set.questions.length);
  const run = await startAnswerEvalRun(
    db(),
    { setName: found.name, modelId: model.id, modelName: model.name, questionLimit: input.limit ?? null, questionsTotal: total, createdBy: admin.id },
    (tx, runId) => send(tx, { runId }),
  );
  if (!run) throw new AppError("forbidden", "Only administrators can do this.");
  return run;
}
