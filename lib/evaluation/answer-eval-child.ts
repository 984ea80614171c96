/**
 * The child process an answers-evaluation job runs (answer-eval-job.ts): runAnswerEval makes its
 * scratch database the whole process's db(), so it cannot run in the worker itself. Started with
 * DATABASE_URL empty (an in-memory embedded scratch database) and its request as the one argument;
 * tells its parent over the IPC channel each question's line as it is scored, then the report, or
 * why it failed.
 */
import type { NewChatModel } from "@/db/queries/chat-models";
import { loadAnswerSet } from "./answer-set";
import type { AnswerLine } from "./answer-run";
import type { AnswerReport } from "./answer-metrics";

export interface AnswerEvalRequest {
  folder: string;
  limit?: number;
  registration: NewChatModel;
}

export type AnswerEvalMessage = { type: "question"; line: AnswerLine } | { type: "report"; report: AnswerReport } | { type: "failed"; message: string };

const send = (message: AnswerEvalMessage) => new Promise<void>((resolve) => process.send!(message, undefined, {}, () => resolve()));

// A worker killed outright cannot stop its child: the closed channel does.
process.on("disconnect", () => process.exit(1));

const request = JSON.parse(process.argv[2]!) as AnswerEvalRequest;
try {
  const set = loadAnswerSet(request.folder);
  // Loaded only now, as the CLI does: a malformed set needs none of the product's modules.
  const { runAnswerEval } = await import("./answer-run");
  const report = await runAnswerEval(set, { limit: request.limit, registration: request.registration, onQuestion: (line) => void send({ type: "question", line }) });
  await send({ type: "report", report });
} catch (err) {
  await send({ type: "failed", message: err instanceof Error ? err.message : String(err) });
}
process.exit(0);
