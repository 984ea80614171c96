/**
 * Answers evaluations started from the admin page run as jobs: the run is recorded with its job,
 * a worker runs the one implementation (runAnswerEval) in a child process, and the run shows its
 * progress, then the same report `npm run eval:answers` gives and each question's line.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Job } from "pg-boss";
import { afterAll, describe, expect, it, vi } from "vitest";
import { answerEvalRunQuestions, findAnswerEvalRun, listAnswerEvalRuns, recordAnswerEvalProgress, startAnswerEvalRun } from "@/db/queries/answer-eval-runs";
import { createTestUser } from "@/testing/fixtures";
import { writeTempFiles } from "@/testing/temp-files";
import { BUILTIN_MODEL_NAME, findRegistryModel } from "../ai/registry";
import { db } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { EVAL_RETRY_LIMIT, jobQueue, queues, runOneJob } from "../jobs/queue";
import { abandonAnswerEval, runQueuedAnswerEval } from "./answer-eval-job";
import { queueAnswerEval, type AnswerEvalJob } from "./answer-eval-queue";
import type { AnswerReport } from "./answer-metrics";
import type { AnswerLine } from "./answer-run";
import { findAnswerSets } from "./answer-sets";

// Progress writes, watched: the builtin model answers too fast for sampling the row to see them.
vi.mock("@/db/queries/answer-eval-runs", async (original) => {
  const actual = await original<typeof import("@/db/queries/answer-eval-runs")>();
  return { ...actual, recordAnswerEvalProgress: vi.fn(actual.recordAnswerEvalProgress) };
});

// Unusual words, so that nothing else in a database could be mistaken for these documents.
const QUESTIONS = [
  { id: "found", question: "When does the quillfeather deploy freeze start?", answerable: true, answers: ["every Friday at noon"], citations: [{ file: "quillfeather-deploys.md" }], behaviour: "answer" },
  { id: "parking", question: "Where do employees park at Marzipan Tower?", answerable: true, answers: ["level four"], citations: [{ file: "marzipan-parking.md" }] },
  { id: "unanswerable", question: "Which zebra-striped umbrellas does the Marzipan lobby lend?", answerable: false, behaviour: "answer" },
];
const SET = {
  "documents/quillfeather-deploys.md": "# Quillfeather deploy freezes\n\nThe quillfeather deploy freeze starts every Friday at noon.\n\nHotfixes during a freeze need approval from the duty lead.\n",
  "documents/marzipan-parking.md": "# Marzipan parking\n\nEmployees park in the Marzipan Tower garage on level four.\n\nVisitors park on level one.\n",
  "questions.jsonl": QUESTIONS.map((q) => JSON.stringify(q)).join("\n") + "\n",
};
const setsDir = writeTempFiles("answer-sets-", Object.fromEntries(Object.entries(SET).map(([file, content]) => [`tiny/${file}`, content])));

// The sets folder is configuration read once per process: pointed at this test's folder for its tests.
const configured = env().ANSWER_SETS_DIR;
(env() as { ANSWER_SETS_DIR: string }).ANSWER_SETS_DIR = setsDir;
afterAll(() => void ((env() as { ANSWER_SETS_DIR: string }).ANSWER_SETS_DIR = configured));

const work = async () => {
  while ((await runOneJob(queues.answerEvalFailed, abandonAnswerEval)) || (await runOneJob(queues.answerEval, runQueuedAnswerEval))) {
    // keep going
  }
};

const jobOf = async (runId: string) =>
  (await db().execute<{ state: string }>(sql`SELECT state::text AS state FROM pgboss.job WHERE name = ${queues.answerEval} AND data->>'runId' = ${runId}`)).rows[0];

describe("answers evaluations in the background", () => {
  it("runs the set in a child process, with progress, the CLI's report and each question's line", async () => {
    const admin = await createTestUser("admin");
    const builtin = (await findRegistryModel(BUILTIN_MODEL_NAME))!;
    const run = await queueAnswerEval(admin, { setName: "tiny", modelId: builtin.id });
    expect(run).toMatchObject({ status: "running", questionsDone: 0, questionsTotal: 3, modelName: BUILTIN_MODEL_NAME });
    expect(await jobOf(run.id)).toMatchObject({ state: "created" });

    // The command line on the same set, alongside (it has its own scratch database): the figures to compare.
    const json = path.join(setsDir, "report.json");
    const cli = promisify(execFile)(path.join(process.cwd(), "node_modules/.bin/tsx"), ["scripts/eval-answers.ts", path.join(setsDir, "tiny"), "--json", json], {
      timeout: 120_000,
      env: { ...process.env, DATABASE_URL: "" },
    });
    await work();

    const done = (await findAnswerEvalRun(db(), run.id))!;
    expect(done).toMatchObject({ status: "done", questionsDone: 3, questionsTotal: 3, error: null });
    // Progress was written question by question while the run was running.
    expect(vi.mocked(recordAnswerEvalProgress).mock.calls.filter(([, id]) => id === run.id).map(([, , n]) => n)).toEqual([1, 2, 3]);
    expect(await jobOf(run.id)).toMatchObject({ state: "completed" });

    // The same figures as the command line gave (latency aside: it is measured).
    await cli;
    const expected = JSON.parse(fs.readFileSync(json, "utf8")) as AnswerReport;
    const report = done.report as AnswerReport;
    expect({ ...report, latencyMs: undefined }).toEqual({ ...expected, latencyMs: undefined });
    expect(report.answerable).toMatchObject({ n: 2, falseRefusalRate: 0 });
    expect(report.unanswerable).toEqual({ n: 1, declineRate: 1 });
    expect(Object.keys(report.latencyMs)).toEqual(["p50", "p95"]);

    const questions = (await answerEvalRunQuestions(db(), admin.id, run.id)) as AnswerLine[];
    expect(questions.map((q) => [q.id, q.decline])).toEqual([["found", false], ["parking", false], ["unanswerable", true]]);
    expect(questions[0]).toMatchObject({ cited: [{ file: "quillfeather-deploys.md" }], scores: { answerRecall: 1 } });
    expect(questions[0]!.answer).toContain("every Friday at noon");
  }, 120_000);

  it("fails a run whose set became malformed, naming the file and line at fault, without retrying it", async () => {
    const admin = await createTestUser("admin");
    const folder = path.join(setsDir, "edited");
    fs.cpSync(path.join(setsDir, "tiny"), folder, { recursive: true });
    const run = await queueAnswerEval(admin, { setName: "edited", limit: 1 });
    expect(run.questionsTotal).toBe(1);
    fs.appendFileSync(path.join(folder, "questions.jsonl"), `${JSON.stringify({ id: "bad", question: "Is it?", answerable: "yes" })}\n`);
    await work();
    expect(await findAnswerEvalRun(db(), run.id)).toMatchObject({ status: "failed", error: expect.stringMatching(/^The set edited is malformed: edited\/questions\.jsonl:4: answerable: /) });
    expect(await jobOf(run.id)).toMatchObject({ state: "completed" });
    // The page lists it with the same reason, and refuses to start it.
    expect(findAnswerSets().find((s) => s.name === "edited")?.error).toMatch(/^edited\/questions\.jsonl:4: /);
    await expect(queueAnswerEval(admin, { setName: "edited" })).rejects.toMatchObject({ code: "bad_request", message: expect.stringContaining("questions.jsonl:4") });
    fs.rmSync(folder, { recursive: true });
  });

  it("stops the child and fails the run, without retrying it, when the run takes too long", async () => {
    const admin = await createTestUser("admin");
    const run = await queueAnswerEval(admin, { setName: "tiny" });
    await runOneJob(queues.answerEval, (job) => runQueuedAnswerEval(job as Job<AnswerEvalJob>, 0.5));
    expect(await findAnswerEvalRun(db(), run.id)).toMatchObject({ status: "failed", error: expect.stringMatching(/^The evaluation took longer than .* and was stopped\.$/) });
    expect(await jobOf(run.id)).toMatchObject({ state: "completed" });
  });

  it("fails a run whose workers kept dying, instead of leaving it running", async () => {
    const admin = await createTestUser("admin");
    const run = await queueAnswerEval(admin, { setName: "tiny" });
    const boss = await jobQueue();
    // Each attempt is taken and dies: settled as failed, as the supervisor does when a heartbeat stops.
    for (let attempt = 0; attempt <= EVAL_RETRY_LIMIT; attempt++) {
      await db().execute(sql`UPDATE pgboss.job SET start_after = now() WHERE name = ${queues.answerEval} AND data->>'runId' = ${run.id}`);
      const [job] = await boss.fetch<AnswerEvalJob>(queues.answerEval);
      expect(job?.data.runId).toBe(run.id);
      await boss.fail(queues.answerEval, job!, { message: "worker died" });
    }
    await work();
    expect(await findAnswerEvalRun(db(), run.id)).toMatchObject({ status: "failed", error: "The evaluation stopped responding repeatedly and was abandoned. Run it again." });
  });

  it("lets no employee start a run or read one", async () => {
    const employee = await createTestUser("employee");
    const admin = await createTestUser("admin");
    const error = await queueAnswerEval(employee, { setName: "tiny" }).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(403);
    // The query layer refuses too, for a caller that skipped the check: no run, no job.
    const builtin = (await findRegistryModel(BUILTIN_MODEL_NAME))!;
    const enqueue = vi.fn(async () => {});
    const input = { setName: "tiny", modelId: builtin.id, modelName: builtin.name, questionLimit: null, questionsTotal: 3, createdBy: employee.id };
    expect(await startAnswerEvalRun(db(), input, enqueue)).toBeNull();
    expect(enqueue).not.toHaveBeenCalled();
    const runs = await listAnswerEvalRuns(db(), admin.id);
    expect(runs.length).toBeGreaterThan(0);
    expect(await listAnswerEvalRuns(db(), employee.id)).toEqual([]);
    expect(await answerEvalRunQuestions(db(), employee.id, runs.find((r) => r.status === "done")!.id)).toEqual([]);
  });
});
