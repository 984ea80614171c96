import type { FineTuneEvent, FineTuneStatus } from "@/db/schema";
import { FineTuneError, type FineTuneProvider, type RemoteJob, type SubmitInput, type Submitted } from "./provider";

/*
 * OpenAI's fine-tuning API over plain fetch: five documented endpoints, with multipart upload
 * through the platform's FormData. The `openai` SDK would add a large dependency for these calls
 * only (the chat side already talks to OpenAI through the AI SDK, which has no fine-tuning API).
 */
interface OpenAIJob {
  id: string;
  status: "validating_files" | "queued" | "running" | "succeeded" | "failed" | "cancelled";
  fine_tuned_model: string | null;
  trained_tokens: number | null;
  error: { code?: string; message?: string; param?: string | null } | null;
  result_files?: string[];
  training_file?: string;
  validation_file?: string | null;
}

interface OpenAIEvent {
  id: string;
  created_at: number;
  level: string;
  message: string;
  type?: string;
  data?: Record<string, unknown> | null;
}

/** The metadata key under which our job id travels with OpenAI's job. */
const JOB_KEY = "groundwork_job_id";

const STATUSES: readonly FineTuneStatus[] = ["validating_files", "queued", "running", "succeeded", "failed", "cancelled"];

export function openAIFineTuning(config: { apiKey?: string; baseURL?: string }): FineTuneProvider {
  const base = (config.baseURL ?? "https://api.openai.com/v1").replace(/\/+$/, "");

  async function call<T>(method: "GET" | "POST", path: string, body?: FormData | Record<string, unknown>, raw = false): Promise<T> {
    if (!config.apiKey) throw new FineTuneError("OPENAI_API_KEY is not set. Set it to fine-tune on OpenAI, or choose the external provider.", false);
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${config.apiKey}`, ...(body && !(body instanceof FormData) ? { "content-type": "application/json" } : {}) },
        body: body instanceof FormData ? body : body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(60_000),
      });
    } catch (err) {
      throw new FineTuneError(`Could not reach OpenAI at ${base} (${err instanceof Error ? err.message : String(err)}). Will retry.`, true);
    }
    if (!res.ok) throw await httpError(res, method, path);
    return (raw ? await res.text() : await res.json()) as T;
  }

  async function upload(jsonl: string, filename: string): Promise<string> {
    const form = new FormData();
    form.append("purpose", "fine-tune");
    form.append("file", new Blob([jsonl], { type: "application/jsonl" }), filename);
    return (await call<{ id: string }>("POST", "/files", form)).id;
  }

  /** The final row of the job's result file (step-level training metrics, CSV). */
  async function resultMetrics(fileId: string): Promise<Record<string, number> | null> {
    const csv = (await call<string>("GET", `/files/${fileId}/content`, undefined, true)).trim().split(/\r?\n/);
    if (csv.length < 2) return null;
    const header = csv[0]!.split(",");
    const last = csv.at(-1)!.split(",");
    const metrics: Record<string, number> = {};
    header.forEach((h, i) => {
      const value = Number(last[i]);
      if (last[i] !== "" && Number.isFinite(value)) metrics[h.trim()] = value;
    });
    return metrics;
  }

  return {
    id: "openai",
    async submit(input: SubmitInput): Promise<Submitted> {
      // A worker that died after creating the job but before recording it: adopt that job, do not train twice.
      const { data: existing } = await call<{ data: OpenAIJob[] }>("GET", `/fine_tuning/jobs?limit=1&${encodeURIComponent(`metadata[${JOB_KEY}]`)}=${encodeURIComponent(input.jobKey)}`);
      const adopted = existing[0];
      if (adopted) return { status: statusOf(adopted), providerJobId: adopted.id, trainingFileId: adopted.training_file, validationFileId: adopted.validation_file ?? undefined };
      const trainingFileId = await upload(input.trainingJsonl, "train.jsonl");
      const validationFileId = input.validationJsonl ? await upload(input.validationJsonl, "validation.jsonl") : undefined;
      const job = await call<OpenAIJob>("POST", "/fine_tuning/jobs", {
        training_file: trainingFileId,
        ...(validationFileId ? { validation_file: validationFileId } : {}),
        model: input.baseModel,
        ...(input.suffix ? { suffix: input.suffix } : {}),
        method: { type: "supervised", supervised: { hyperparameters: input.hyperparameters } },
        metadata: { [JOB_KEY]: input.jobKey },
      });
      return { status: statusOf(job), providerJobId: job.id, trainingFileId, validationFileId };
    },
    async poll(providerJobId: string): Promise<RemoteJob> {
      const id = encodeURIComponent(providerJobId);
      const job = await call<OpenAIJob>("GET", `/fine_tuning/jobs/${id}`);
      const { data } = await call<{ data: OpenAIEvent[] }>("GET", `/fine_tuning/jobs/${id}/events?limit=100`);
      const events: FineTuneEvent[] = data.map((e) => ({ id: e.id, createdAt: e.created_at, level: e.level, message: e.message })).sort((a, b) => a.createdAt - b.createdAt);
      const lastMetrics = data.find((e) => e.type === "metrics" && e.data)?.data;
      const resultFile = job.status === "succeeded" ? job.result_files?.[0] : undefined;
      const metrics = resultFile ? await resultMetrics(resultFile) : lastMetrics ? numbersOf(lastMetrics) : null;
      return {
        status: statusOf(job),
        fineTunedModel: job.fine_tuned_model,
        trainedTokens: job.trained_tokens,
        error: job.status === "failed" ? `OpenAI failed the job${job.error?.code ? ` (${job.error.code})` : ""}: ${job.error?.message ?? "no reason given"}` : null,
        events,
        metrics,
      };
    },
    async cancel(providerJobId: string | null): Promise<FineTuneStatus> {
      if (!providerJobId) return "cancelled";
      return statusOf(await call<OpenAIJob>("POST", `/fine_tuning/jobs/${encodeURIComponent(providerJobId)}/cancel`));
    },
  };
}

function statusOf(job: OpenAIJob): FineTuneStatus {
  if (!STATUSES.includes(job.status)) throw new FineTuneError(`OpenAI reported an unknown job status "${job.status}".`, true);
  return job.status;
}

function numbersOf(data: Record<string, unknown>): Record<string, number> {
  return Object.fromEntries(Object.entries(data).filter((e): e is [string, number] => typeof e[1] === "number"));
}

/** Turns an HTTP error into a message that says what to do about it. */
async function httpError(res: Response, method: string, path: string): Promise<FineTuneError> {
  let detail = "";
  try {
    const body = (await res.json()) as { error?: { message?: string } };
    detail = body.error?.message ?? "";
  } catch {
    // not JSON: the status says enough
  }
  const said = detail ? `: ${detail.replace(/\.$/, "")}` : "";
  if (res.status === 401) return new FineTuneError(`OpenAI rejected the API key (401)${said}. Check OPENAI_API_KEY.`, false);
  if (res.status === 403) return new FineTuneError(`OpenAI refused access (403)${said}. Check that the key's project may fine-tune this model.`, false);
  if (res.status === 404) return new FineTuneError(`OpenAI has no such ${path.includes("/files") ? "file" : "job or model"} (404)${said}.`, false);
  if (res.status === 429 || res.status >= 500) return new FineTuneError(`OpenAI is busy or unavailable (${res.status})${said}. Will retry.`, true);
  return new FineTuneError(`OpenAI rejected ${method} ${path} (${res.status})${said}.`, false);
}
