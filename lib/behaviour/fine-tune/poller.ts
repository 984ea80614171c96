import { datasetJsonl } from "../datasets";
import { claimFineTuneJob, completeFineTuneJob, releaseFineTuneJob, renewFineTuneLease, type FineTuneJobRow } from "@/db/queries/fine-tune-jobs";
import { findDataset } from "@/db/queries/datasets";
import type { FineTuneEvent } from "@/db/schema";
import { db } from "../../db";
import { AppError } from "../../errors";
import { env } from "../../env";
import { FineTuneError, type FineTuneProvider } from "./provider";
import { trainBuiltinJob } from "./builtin";
import { fineTuneProvider } from "./providers";

/** A poll is a few short HTTP calls; a worker silent for this long is presumed dead. */
const LEASE_SECONDS = 120;

/**
 * One step for one job, by whichever worker claims it: submit a pending job, or poll a submitted
 * one and record its status, events and metrics. A job that succeeds registers its model as a
 * candidate. Everything lives in the job row, so a restarted worker carries on where the last
 * one stopped. Returns whether there was a job to look at.
 */
export async function pollNextFineTuneJob(workerId: string, options: { pollSeconds?: number } = {}): Promise<boolean> {
  const job = await claimFineTuneJob(db(), workerId, LEASE_SECONDS);
  if (!job) return false;
  const pollIn = options.pollSeconds ?? env().FINE_TUNE_POLL_SECONDS;
  const provider = fineTuneProvider(job.provider);
  // Uploading a large file can outlast the lease; a second worker must not submit the job again meanwhile.
  const renew = setInterval(() => void renewFineTuneLease(db(), job.id, workerId, LEASE_SECONDS).catch(() => {}), (LEASE_SECONDS * 1000) / 3);
  try {
    if (job.provider === "builtin") await trainBuiltinJob(job);
    else if (job.status === "pending") await submit(job, workerId, provider, pollIn);
    else await follow(job, workerId, provider, pollIn);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // Our own refusals (a dataset that no longer validates) will not pass by waiting; outages might.
    const transient = err instanceof FineTuneError ? err.transient : !(err instanceof AppError);
    await releaseFineTuneJob(db(), job.id, workerId, transient ? { error: message } : { status: "failed", error: message }, pollIn);
  } finally {
    clearInterval(renew);
  }
  return true;
}

async function submit(job: FineTuneJobRow, workerId: string, provider: FineTuneProvider, pollIn: number) {
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
  await releaseFineTuneJob(db(), job.id, workerId, { ...submitted, error: null }, pollIn);
}

async function follow(job: FineTuneJobRow, workerId: string, provider: FineTuneProvider, pollIn: number) {
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
    return;
  }
  await releaseFineTuneJob(db(), job.id, workerId, patch, pollIn);
}

/** The provider lists recent events only: keep the older ones already recorded. */
function mergeEvents(stored: FineTuneEvent[], fresh: FineTuneEvent[]): FineTuneEvent[] {
  const byId = new Map(stored.map((e) => [e.id, e]));
  for (const e of fresh) byId.set(e.id, e);
  return [...byId.values()].sort((a, b) => a.createdAt - b.createdAt).slice(-500);
}
