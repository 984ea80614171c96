import { streamText, type LanguageModel } from "ai";
import { findChatModel } from "@/db/queries/chat-models";
import { failEvalRun, finishEvalRun, startEvalRun, type NewEvalResult } from "@/db/queries/eval-runs";
import { modelFor, type ChatModel } from "../../ai/models";
import { buildSystemPrompt } from "../../ai/prompt";
import { db } from "../../db";
import { AppError } from "../../errors";
import type { BehaviourSpec } from "../spec";
import { currentSpec } from "../spec-store";
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

/**
 * Runs every golden case of the current spec through the model, by the chat's own path (the same
 * system prompt, streamText), then checks each answer: by rule where a rule can decide, by the
 * judge model where only judgement can (skipped when there is none). The run is stored either way.
 */
export async function runBehaviourEval(input: { modelId: string; createdBy?: string; judge?: ChatModel | null }): Promise<EvalRunOutcome> {
  const row = await findChatModel(db(), input.modelId);
  if (!row) throw new AppError("not_found", "This model is not in the registry.");
  const { version, spec } = await currentSpec();
  const judge = input.judge === undefined ? configuredJudge() : input.judge;
  const model = modelFor(row);
  const run = await startEvalRun(db(), { modelId: row.id, specVersion: version, judge: judge?.id ?? null, createdBy: input.createdBy });
  const cases = goldenCases(spec);
  const results: NewEvalResult[] = [];
  const evaluate = async (c: GoldenCase): Promise<NewEvalResult> => {
    const output = await generateAnswer(model.model, c, spec);
    const verdict = c.check.kind === "tone" && judge ? await judgeTone(judge, spec, c.question, output) : checkAnswer(c, output, spec);
    return { caseId: c.id, behaviour: c.behaviour, question: c.question, expected: describeExpected(c.check, spec), output, status: verdict.status, reason: verdict.reason ?? null };
  };
  try {
    // A few cases at a time: hosted models answer in seconds each, and results keep the cases' order.
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < cases.length; i = next++) results[i] = await evaluate(cases[i]!);
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, cases.length) }, worker));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await failEvalRun(db(), run.id, message);
    throw new AppError("bad_request", `Evaluating ${row.name} failed: ${message}. Check that the model (and judge) endpoint is reachable and its API key set.`);
  }
  await finishEvalRun(db(), run.id, results);
  return { runId: run.id, modelName: row.name, specVersion: version, judge: judge?.id ?? null, results };
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
