import { randomUUID } from "node:crypto";
import { forgetWorker, recordWorkerHeartbeat } from "@/db/queries/health";
import { ensureVectorIndex } from "@/db/queries/retrieval";
import { abandonEval, runQueuedEval, type EvalJob } from "../behaviour/eval/run";
import { followFineTuneJob, resumeOrphanedFineTunes, type FineTuneStep } from "../behaviour/fine-tune/poller";
import { db } from "../db";
import { abandonAnswerEval, runQueuedAnswerEval } from "../evaluation/answer-eval-job";
import type { AnswerEvalJob } from "../evaluation/answer-eval-queue";
import { activeEmbedder, registerConfiguredEmbeddingModels } from "../embeddings/registry";
import { resumeOrphanedSwitch, runModelSwitch, type SwitchJob } from "../embeddings/switch";
import { abandonVersion, ingestVersion, queueWaitingVersions, type IngestJob } from "../ingest/worker";
import { log } from "../log";
import { jobQueue, queues } from "./queue";

/** How often a running worker tells readiness (/api/ready) it is alive: on a timer, so a long job does not silence it. */
const WORKER_HEARTBEAT_MS = 10_000;

/**
 * A worker process (`npm run worker`, or the one `npm start` launches): runs until the signal
 * aborts, while the queue delivers each kind of job to its handler in its feature folder.
 */
export async function runWorker(signal: AbortSignal) {
  const workerId = `worker-${process.pid}-${randomUUID().slice(0, 8)}`;
  await registerConfiguredEmbeddingModels();
  const model = await activeEmbedder();
  await ensureVectorIndex(db(), model.id, model.dimensions);
  const boss = await jobQueue();
  // Work an install upgraded from the hand-written lease loops left without a queued job.
  const waiting = await queueWaitingVersions();
  if (waiting > 0) log().info({ versions: waiting }, "queued versions that were waiting without an ingest job");
  await resumeOrphanedSwitch();
  await resumeOrphanedFineTunes();

  await boss.work<IngestJob>(queues.ingest, { pollingIntervalSeconds: 0.5 }, ([job]) => ingestVersion(job!));
  await boss.work<IngestJob>(queues.ingestFailed, { pollingIntervalSeconds: 2 }, ([job]) => abandonVersion(job!));
  await boss.work<SwitchJob>(queues.embeddingSwitch, { pollingIntervalSeconds: 1 }, ([job]) => runModelSwitch(job!));
  await boss.work<FineTuneStep>(queues.fineTune, { pollingIntervalSeconds: 1 }, ([job]) => followFineTuneJob(job!));
  await boss.work<EvalJob>(queues.behaviourEval, { pollingIntervalSeconds: 0.5 }, ([job]) => runQueuedEval(job!));
  await boss.work<EvalJob>(queues.behaviourEvalFailed, { pollingIntervalSeconds: 2 }, ([job]) => abandonEval(job!));
  await boss.work<AnswerEvalJob>(queues.answerEval, { pollingIntervalSeconds: 1 }, ([job]) => runQueuedAnswerEval(job!));
  await boss.work<AnswerEvalJob>(queues.answerEvalFailed, { pollingIntervalSeconds: 2 }, ([job]) => abandonAnswerEval(job!));

  const beat = () => recordWorkerHeartbeat(db(), workerId).catch((err: unknown) => log().error({ err }, "worker heartbeat failed"));
  await beat();
  const beating = setInterval(() => void beat(), WORKER_HEARTBEAT_MS);
  try {
    await new Promise<void>((resolve) => (signal.aborted ? resolve() : signal.addEventListener("abort", () => resolve(), { once: true })));
  } finally {
    clearInterval(beating);
    // Jobs in hand finish (up to the timeout) before the process goes; the queue retries any that do not.
    await boss.stop({ graceful: true, timeout: 30_000 }).catch(() => {});
    await forgetWorker(db(), workerId).catch(() => {});
  }
}
