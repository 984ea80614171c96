import { streamText, type LanguageModel } from "ai";
import type { Job } from "pg-boss";
import type { Executor } from "@/db/client";
import { findChatModel, type ChatModelRow } from "@/db/queries/chat-models";
import { failEvalRun, findEvalRun, finishEvalRun, recordEvalProgress, startEvalRun, type NewEvalResult } from "@/db/queries/eval-runs";
import { modelFor, type ChatModel } from "../../ai/models";
import { buildSystemPrompt } from "../../ai/prompt";
import { db } from "../../db";
import { AppError } from "../../errors";
import { queues, transactionalSender } from "../../jobs/queue";
import type { BehaviourSpec } from "../spec";
import { currentSpec } from "../spec-store";
import { specOfVersion } from "../current-spec";
import { goldenCases, type GoldenCase } from "./cases";
import { checkAnswer, describeExpected } from "./checks";
import { configuredJudge, judgeTone } from "./judge";

const CONCURRENCY = 4;

export interface EvalRunOutcome {
  runId: string;
  modelName: string;
  specVersion: number;
  judge: string | null;
  results: NewEvalResult[];
}

export interface EvalJob {
  runId: string;
}

/**
 * Starts a behaviour evaluation of a registry model in the background: the run is recorded as
 * running, with its job queued in the same transaction, and a worker answers the cases (the admin
 * page shows its progress). A model that answers slowly keeps no request open, and a worker that
 * dies mid-run is replaced by one that starts the run again.
 */
export async function queueBehaviourEval(input: { modelId: string; createdBy?: string }) {
  const send = await transactionalSender<EvalJob>(queues.behaviourEval);
  const { run, row } = await recordRun(input.modelId, input.createdBy, configuredJudge(), (tx, runId) => send(tx, { runId }));
  return { run, modelName: row.name };
}

/** Records a run of the model on the current spec version, as running (with its job, when queued). */
async function recordRun(modelId: string, createdBy: string | undefined, judge: ChatModel | null, enqueue?: (tx: Executor, runId: string) => Promise<unknown>) {
  const row = await findChatModel(db(), modelId);
  if (!row) throw new AppError("not_found", "This model is not in the registry.");
  const { version, spec } = await currentSpec();
  const run = await startEvalRun(db(), { modelId: row.id, specVersion: version, judge: judge?.id ?? null, createdBy, casesTotal: goldenCases(spec).length }, enqueue);
  return { run, row, spec };
}

/** The behaviour-eval queue's handler: answers and checks a queued run's cases. */
export async function runQueuedEval(job: Job<EvalJob>) {
  const run = await findEvalRun(db(), job.data.runId);
  if (run?.status !== "running") return { skipped: run?.status ?? "deleted" };
  const row = await findChatModel(db(), run.modelId);
  if (!row) {
    await failEvalRun(db(), run.id, "The model was removed from the registry.");
    return null;
  }
  try {
    await evaluateRun(run.id, row, configuredJudge(), (await specOfVersion(db(), run.specVersion))!.spec);
  } catch (err) {
    // A model that cannot answer will not answer on a retry either: the run fails with the reason.
    await failEvalRun(db(), run.id, evalFailure(row.name, err));
  }
  return null;
}

/** The failed-eval queue's handler: a run whose attempts ran out without recording why (its workers kept dying). */
export async function abandonEval(job: Job<EvalJob>) {
  await failEvalRun(db(), job.data.runId, "The evaluation stopped responding repeatedly and was abandoned. Run it again.");
  return null;
}

/**
 * Runs every golden case of the current spec through the model in this process and waits for the
 * result (`npm run eval:behaviour`, tests). The admin page queues runs instead (queueBehaviourEval).
 */
export async function runBehaviourEval(input: { modelId: string; createdBy?: string; judge?: ChatModel | null }): Promise<EvalRunOutcome> {
  const judge = input.judge === undefined ? configuredJudge() : input.judge;
  const { run, row, spec } = await recordRun(input.modelId, input.createdBy, judge);
  try {
    const results = await evaluateRun(run.id, row, judge, spec);
    return { runId: run.id, modelName: row.name, specVersion: run.specVersion, judge: run.judge, results };
  } catch (err) {
    const message = evalFailure(row.name, err);
    await failEvalRun(db(), run.id, message);
    throw new AppError("bad_request", message);
  }
}

const evalFailure = (modelName: string, err: unknown) =>
  `Evaluating ${modelName} failed: ${err instanceof Error ? err.message : String(err)}. Check that the model (and judge) endpoint is reachable and its API key set.`;

/**
 * Answers every golden case of the run's spec version by the chat's own path (the same system
 * prompt, streamText), then checks each answer: by rule where a rule can decide, by the judge model
 * where only judgement can (skipped when there is none). Stores the results with the run.
 */
async function evaluateRun(runId: string, row: ChatModelRow, judge: ChatModel | null, spec: BehaviourSpec): Promise<NewEvalResult[]> {
  // The cases bring their own sources, which the index does not hold: judged against the index's
  // statistics, the built-in model's results changed with the documents loaded in between two runs.
  const model = modelFor(row, { readsIndex: false, paced: false });
  const cases = goldenCases(spec);
  const results: NewEvalResult[] = [];
  let done = 0;
  const evaluate = async (c: GoldenCase): Promise<NewEvalResult> => {
    const output = await generateAnswer(model.model, c, spec);
    const verdict = c.check.kind === "tone" && judge ? await judgeTone(judge, spec, c.question, output) : checkAnswer(c, output, spec);
    await recordEvalProgress(db(), runId, ++done);
    return { caseId: c.id, behaviour: c.behaviour, question: c.question, expected: describeExpected(c.check, spec), output, status: verdict.status, reason: verdict.reason ?? null };
  };
  // A few cases at a time: hosted models answer in seconds each, and results keep the cases' order.
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < cases.length; i = next++) results[i] = await evaluate(cases[i]!);
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, cases.length) }, worker));
  await finishEvalRun(db(), runId, results);
  return results;
}

async function generateAnswer(model: LanguageModel, c: GoldenCase, spec: BehaviourSpec): Promise<string> {
  const result = streamText({ model, instructions: buildSystemPrompt(c.sources, spec), messages: [{ role: "user", content: c.question }] });
  let text = "";
  for await (const part of result.fullStream) {
    if (part.type === "error") throw part.error instanceof Error ? part.error : new Error(String(part.error));
    if (part.type === "text-delta") text += part.text;
  }
  return text;
}
