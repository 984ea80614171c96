import { audit } from "@/lib/admin/audit";
import { findDataset } from "@/db/queries/datasets";
import { completeFineTuneJob, createFineTuneJob, findFineTuneJob, updateFineTuneJob, type FineTuneJobRow } from "@/db/queries/fine-tune-jobs";
import type { ChatModelRow } from "@/db/queries/chat-models";
import type { CurrentUser } from "../../auth/user";
import { BUILTIN_MODEL_NAME } from "../../ai/registry";
import { db } from "../../db";
import { env } from "../../env";
import { AppError } from "../../errors";
import { reportOf } from "../datasets";
import { fineTuneSteps } from "./poller";
import { FineTuneError, TERMINAL_STATUSES } from "./provider";
import { fineTuneProvider, type FineTuneProviderId } from "./providers";

export interface StartInput {
  datasetId: string;
  provider: FineTuneProviderId;
  baseModel?: string;
  suffix?: string;
  epochs?: number;
}

/**
 * Records a job. An OpenAI job is submitted by the worker (uploads can take a while, and a crash in
 * between must not lose it); an external one waits for its endpoint straight away.
 */
export async function startFineTuneJob(admin: CurrentUser, input: StartInput): Promise<FineTuneJobRow> {
  const dataset = await findDataset(db(), input.datasetId);
  if (!dataset) throw new AppError("not_found", "This dataset does not exist.");
  if (!reportOf(dataset).ok) throw new AppError("bad_request", `Dataset version ${dataset.version} failed validation; fix the failing checks and freeze a new version.`);
  if (input.provider === "openai" && !env().OPENAI_API_KEY) throw new AppError("bad_request", "Set OPENAI_API_KEY to fine-tune on OpenAI, or choose the external provider.");
  if (input.suffix && !/^[a-z0-9-]{1,18}$/i.test(input.suffix)) throw new AppError("bad_request", "The suffix may have up to 18 letters, digits and dashes.");
  const submitted = input.provider === "external" ? await fineTuneProvider("external").submit({ jobKey: "", trainingJsonl: "", baseModel: "", hyperparameters: {} }) : null;
  const steps = await fineTuneSteps();
  return db().transaction(async (tx) => {
    const job = await createFineTuneJob(tx, {
      datasetId: dataset.id,
      provider: input.provider,
      baseModel: input.provider === "builtin" ? BUILTIN_MODEL_NAME : input.baseModel || env().FINE_TUNE_BASE_MODEL,
      suffix: input.suffix || null,
      hyperparameters: { n_epochs: input.epochs ?? env().FINE_TUNE_EPOCHS },
      status: submitted?.status ?? "pending",
      createdBy: admin.id,
    });
    await audit(tx, admin, "fine_tune.start", { type: "fine_tune_job", id: job.id }, { datasetVersion: dataset.version, provider: input.provider, baseModel: job.baseModel });
    // The worker trains or submits it; an external job waits for its endpoint instead.
    if (!submitted) await steps(tx, job.id);
    return job;
  });
}

export async function cancelFineTuneJob(admin: CurrentUser, id: string): Promise<FineTuneJobRow> {
  const job = await findFineTuneJob(db(), id);
  if (!job) throw new AppError("not_found", "This fine-tuning job does not exist.");
  if (TERMINAL_STATUSES.includes(job.status)) throw new AppError("conflict", `The job has already ${job.status === "cancelled" ? "been cancelled" : job.status}.`);
  let status;
  try {
    status = await fineTuneProvider(job.provider).cancel(job.providerJobId);
  } catch (err) {
    if (err instanceof FineTuneError) throw new AppError("bad_request", `Could not cancel: ${err.message}`);
    throw err;
  }
  return db().transaction(async (tx) => {
    const row = await updateFineTuneJob(tx, id, { status });
    await audit(tx, admin, "fine_tune.cancel", { type: "fine_tune_job", id: id }, { status });
    return row!;
  });
}

export interface EndpointInput {
  baseUrl: string;
  model: string;
  name?: string;
}

/** The self-hosted model is served: register it as a candidate, to be evaluated before promotion. */
export async function registerExternalEndpoint(admin: CurrentUser, jobId: string, input: EndpointInput): Promise<ChatModelRow> {
  const job = await findFineTuneJob(db(), jobId);
  if (!job || job.provider !== "external") throw new AppError("not_found", "This external fine-tuning job does not exist.");
  if (job.status !== "awaiting_endpoint") throw new AppError("conflict", `The job is ${job.status}; only a job awaiting its endpoint can register one.`);
  let url: URL;
  try {
    url = new URL(input.baseUrl);
  } catch {
    throw new AppError("bad_request", "The base URL must be a full URL, e.g. http://gpu-host:8000/v1.");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new AppError("bad_request", "The base URL must start with http:// or https://.");
  if (!input.model.trim()) throw new AppError("bad_request", "Give the model name the server serves the fine-tune under.");
  const dataset = await findDataset(db(), job.datasetId);
  const model = await completeFineTuneJob(db(), job.id, { fineTunedModel: input.model.trim(), error: null }, {
    name: input.name?.trim() || `${input.model.trim()} (dataset v${dataset?.version ?? "?"})`,
    provider: "openai-compatible",
    model: input.model.trim(),
    baseUrl: url.toString().replace(/\/+$/, ""),
    kind: "fine-tuned",
    specVersion: dataset?.specVersion ?? null,
    fineTuneJobId: job.id,
  });
  await audit(db(), admin, "fine_tune.register_endpoint", { type: "chat_model", id: model.id }, { jobId, baseUrl: model.baseUrl, model: model.model });
  return model;
}

export type { FineTuneJobRow } from "@/db/queries/fine-tune-jobs";
