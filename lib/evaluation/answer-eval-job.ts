import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Job } from "pg-boss";
import {
  failAnswerEvalRun,
  findAnswerEvalRun,
  finishAnswerEvalRun,
  recordAnswerEvalProgress,
  restartAnswerEvalRun,
} from "@/db/queries/answer-eval-runs";
import { findChatModel } from "@/db/queries/chat-models";
import { db } from "../db";
import { ANSWER_EVAL_MAX_SECONDS, jobQueue, queues } from "../jobs/queue";
import { log } from "../log";
import type { AnswerEvalMessage, AnswerEvalRequest } from "./answer-eval-child";
import type { AnswerEvalJob } from "./answer-eval-queue";
import type { AnswerLine } from "./answer-run";
import { answerSetsDir, findAnswerSet } from "./answer-sets";

/**
 * Compiled (`npm run build` bundles the worker into dist/), the child is dist/answer-eval-child.mjs
 * beside the bundle; from source it is answer-eval-child.ts, loaded through tsx's loader (resolved
 * from this file, so the working directory does not matter), as isolated-parse.ts does its thread.
 */
const compiled = import.meta.url.endsWith(".mjs");
const childScript = fileURLToPath(new URL(compiled ? "./answer-eval-child.mjs" : "./answer-eval-child.ts", import.meta.url));
const childExecArgv = compiled ? [] : ["--import", pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href];

/** A reason short enough for the page: the first line of a message, never a stack. */
const short = (message: string) => {
  const line = message.split("\n")[0]!.trim();
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
};

/**
 * The answers-evaluation queue's handler: runs the queued run's set in a child process, records its
 * progress question by question, then the report and the questions with the final status. A run that
 * fails on its own (a set that became malformed, a model that cannot answer, a child that crashed,
 * the time limit) is failed with the reason and not retried; a worker that dies leaves the job to
 * the queue, which runs it again from the first question.
 */
export async function runQueuedAnswerEval(job: Job<AnswerEvalJob>, maxSeconds = ANSWER_EVAL_MAX_SECONDS) {
  const run = await findAnswerEvalRun(db(), job.data.runId);
  if (run?.status !== "running") return { skipped: run?.status ?? "deleted" };
  const fail = async (reason: string) => {
    await failAnswerEvalRun(db(), run.id, reason);
    return null;
  };
  const found = findAnswerSet(run.setName);
  if (!found) return fail(`The set ${run.setName} is no longer in the sets folder.`);
  if (found.error !== undefined) return fail(`The set ${run.setName} is malformed: ${found.error}`);
  const model = run.modelId ? await findChatModel(db(), run.modelId) : null;
  if (!model) return fail(`The model ${run.modelName} was removed from the registry.`);
  await restartAnswerEvalRun(db(), run.id);

  const { name, provider, model: providerModel, baseUrl, kind, specVersion } = model;
  const request: AnswerEvalRequest = {
    folder: path.join(answerSetsDir(), found.name),
    limit: run.questionLimit ?? undefined,
    registration: { name, provider, model: providerModel, baseUrl, kind, specVersion },
  };
  const lines: AnswerLine[] = [];
  // Progress is written in order, one update at a time, and settled before the result is.
  let progress = Promise.resolve();
  // A job fetched by hand (runOneJob: tests, command-line tools) has no signal: nothing takes it away.
  const signal = (job.signal as AbortSignal | undefined) ?? new AbortController().signal;
  const outcome = await runChild(request, signal, maxSeconds, (line) => {
    lines.push(line);
    const done = lines.length;
    progress = progress.then(() => recordAnswerEvalProgress(db(), run.id, done)).catch((err: unknown) => log().warn({ err }, "answer eval progress not recorded"));
  });
  await progress;

  if (outcome.type === "report") {
    await finishAnswerEvalRun(db(), run.id, outcome.report, lines);
    return null;
  }
  if (outcome.type === "failed") return fail(`The evaluation failed: ${short(outcome.message)}`);
  if (outcome.type === "timeout") return fail(`The evaluation took longer than ${maxSeconds >= 120 ? `${Math.round(maxSeconds / 60)} minutes` : `${maxSeconds} seconds`} and was stopped.`);
  if (outcome.type === "exited") return fail(`The evaluation process stopped unexpectedly (${outcome.how}).`);
  // Aborted: cancelled by an admin, or this worker lost the job (stopping, or presumed dead). Only
  // a cancelled job is never retried, so only that one fails the run here.
  const current = await (await jobQueue()).getJobById(queues.answerEval, job.id).catch(() => null);
  if (current?.state === "cancelled") return fail("The evaluation was cancelled.");
  throw new Error("The evaluation was interrupted; the queue runs it again.");
}

/** The answers-evaluation dead letters' handler: a run whose workers kept dying. */
export async function abandonAnswerEval(job: Job<AnswerEvalJob>) {
  await failAnswerEvalRun(db(), job.data.runId, "The evaluation stopped responding repeatedly and was abandoned. Run it again.");
  return null;
}

type ChildOutcome = Exclude<AnswerEvalMessage, { type: "question" }> | { type: "timeout" } | { type: "aborted" } | { type: "exited"; how: string };

/** Runs the child until it reports, exits, overruns or the job is taken away (then it is killed). */
function runChild(request: AnswerEvalRequest, signal: AbortSignal, maxSeconds: number, onLine: (line: AnswerLine) => void): Promise<ChildOutcome> {
  return new Promise((resolve) => {
    // DATABASE_URL emptied: the child's scratch database is an in-memory embedded one, never the product's.
    const child = spawn(process.execPath, [...childExecArgv, childScript, JSON.stringify(request)], {
      env: { ...process.env, DATABASE_URL: "", DATABASE_READ_URLS: "" },
      stdio: ["ignore", "pipe", "pipe", "ipc"],
    });
    let settled: ChildOutcome | null = null;
    const settle = (outcome: ChildOutcome) => {
      settled ??= outcome;
    };
    // Its output is progress text and logs: the last of it goes to the worker's log if it crashes.
    let tail = "";
    const keep = (chunk: Buffer) => void (tail = (tail + chunk.toString()).slice(-4000));
    child.stdout!.on("data", keep);
    child.stderr!.on("data", keep);
    child.on("message", (message: AnswerEvalMessage) => (message.type === "question" ? onLine(message.line) : settle(message)));
    const stop = (outcome: ChildOutcome) => {
      settle(outcome);
      child.kill("SIGKILL");
    };
    const timer = setTimeout(() => stop({ type: "timeout" }), maxSeconds * 1000);
    const onAbort = () => stop({ type: "aborted" });
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
    child.on("error", (err) => settle({ type: "exited", how: err.message }));
    child.on("close", (code, sig) => {
      clearTimeout(timer);
      signal.removeEventListener("abort", onAbort);
      if (!settled) log().warn({ code, signal: sig, output: tail }, "answer eval child exited without a report");
      resolve(settled ?? { type: "exited", how: sig ? `signal ${sig}` : `exit code ${code}` });
    });
  });
}
