import type { Job } from "pg-boss";
import { datasetJsonl } from "../datasets";
import { completeFineTuneJob, findFineTuneJob, followedFineTuneJobs, saveFineTuneStep, type FineTuneJobPatch, type FineTuneJobRow } from "@/db/queries/fine-tune-jobs";
import { findDataset } from "@/db/queries/datasets";
import { hasLiveJob } from "@/db/queries/queued-jobs";
import type { Executor } from "@/db/client";
import type { FineTuneEvent } from "@/db/schema";
import { db } from "../../db";
import { AppError } from "../../errors";
import { env } from "../../env";
import { queues, transactionalSender } from "../../jobs/queue";
import { FineTuneError, TERMINAL_STATUSES, type FineTuneProvider } from "./provider";
import { trainBuiltinJob } from "./builtin";
import { fineTuneProvider } from "./providers";

export interface FineTuneStep {
  fineTuneJobId: string;
}

/** Queues a step of a fine-tune, `inSeconds` from now, in the caller's transaction. */
export async function fineTuneSteps() {
  const send = await transactionalSender<FineTuneStep>(queues.fineTune);
  return (tx: Executor, fineTuneJobId: string, inSeconds = 0) => send(tx, { fineTuneJobId }, { startAfterSeconds: inSeconds, singletonKey: fineTuneJobId });
}

/**
 * The fine-tune queue's handler, one step of one job: train a built-in job, submit a pending one,
 * or poll a submitted one and record its status, events and metrics, queueing the next poll with
 * what it saved. A job that succeeds registers its model as a candidate. Everything lives in the
 * job row, so a step retried after its worker died carries on where the last one stopped.
 */
export async function followFineTuneJob(step: Job<FineTuneStep>) {
  const job = await findFineTuneJob(db(), step.data.fineTuneJobId);
  if (!job || TERMINAL_STATUSES.includes(job.status) || job.provider === "external") return { skipped: job?.status ?? "deleted" };
  const pollIn = env().FINE_TUNE_POLL_SECONDS;
  const steps = await fineTuneSteps();
  const save = (patch: FineTuneJobPatch) => saveFineTuneStep(db(), job.id, patch, (tx) => steps(tx, job.id, pollIn));
  try {
    if (job.provider === "builtin") await trainBuiltinJob(job);
    else if (job.status === "pending") await save(await submit(job, fineTuneProvider(job.provider)));
    else {
      const patch = await follow(job, fineTuneProvider(job.provider));
      if (patch) await save(patch);
    }
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // Our own refusals (a dataset that no longer validates) will not pass by waiting; outages might.
    const transient = err instanceof FineTuneError ? err.transient : !(err instanceof AppError);
    await save(transient ? { error: message } : { status: "failed", error: message });
  }
  return null;
}

/** Queues a step for every job still under way that has none (an install upgraded from the lease loop). */
export async function resumeOrphanedFineTunes() {
  const steps = await fineTuneSteps();
  for (const id of await followedFineTuneJobs(db())) {
    if (!(await hasLiveJob(db(), queues.fineTune, { fineTuneJobId: id }))) await db().transaction((tx) => steps(tx, id));
  }
}

async function submit(job: FineTuneJobRow, provider: FineTuneProvider): Promise<FineTuneJobPatch> {
  const train = await datasetJsonl(job.datasetId, "train");
  const validation = await datasetJsonl(job.datasetId, "validation");
  const submitted = await provider.submit({
    jobKey: job.id,
    trainingJsonl: train.jsonl,
    validationJsonl: validation.jsonl || undefined,
    baseModel: job.baseModel,
    suffix: job.suffix ?? undefined,
    hyperparameters: job.hyperparameters,
  });
  return { ...submitted, error: null };
}

/** What a poll learned, or null once the job succeeded and its model is registered. */
async function follow(job: FineTuneJobRow, provider: FineTuneProvider): Promise<FineTuneJobPatch | null> {
  if (!job.providerJobId || !provider.poll) throw new FineTuneError("The job was never submitted to the provider; start a new one.", false);
  const remote = await provider.poll(job.providerJobId);
  const patch = {
    status: remote.status,
    events: mergeEvents(job.events, remote.events),
    trainedTokens: remote.trainedTokens,
    fineTunedModel: remote.fineTunedModel,
    metrics: remote.metrics ?? job.metrics,
    error: remote.error,
  };
  if (remote.status === "succeeded") {
    if (!remote.fineTunedModel) throw new FineTuneError("OpenAI reports success but no fine-tuned model id yet. Will check again.", true);
    const dataset = await findDataset(db(), job.datasetId);
    await completeFineTuneJob(db(), job.id, patch, {
      name: remote.fineTunedModel,
      provider: "openai",
      model: remote.fineTunedModel,
      kind: "fine-tuned",
      specVersion: dataset?.specVersion ?? null,
      fineTuneJobId: job.id,
    });
    return null;
  }
  return patch;
}

/** The provider lists recent events only: keep the older ones already recorded. */
function mergeEvents(stored: FineTuneEvent[], fresh: FineTuneEvent[]): FineTuneEvent[] {
  const byId = new Map(stored.map((e) => [e.id, e]));
  for (const e of fresh) byId.set(e.id, e);
  return [...byId.values()].sort((a, b) => a.createdAt - b.createdAt).slice(-500);
}
