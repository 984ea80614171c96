import type { FineTuneEvent, FineTuneStatus } from "@/db/schema";

/**
 * A place to fine-tune a model. OpenAI trains it remotely and is followed by polling; "external"
 * hands the JSONL to the admin for self-hosted LoRA training and waits for the served endpoint;
 * "builtin" trains the built-in model's behaviour classifier here, in the worker (builtin.ts).
 */
export interface FineTuneProvider {
  readonly id: "openai" | "external" | "builtin";
  submit(input: SubmitInput): Promise<Submitted>;
  /** Remote providers only: where the job stands now. */
  poll?(providerJobId: string): Promise<RemoteJob>;
  cancel(providerJobId: string | null): Promise<FineTuneStatus>;
}

export interface SubmitInput {
  /** Our job id, recorded with the provider's job so a retried submission finds it instead of training twice. */
  jobKey: string;
  trainingJsonl: string;
  validationJsonl?: string;
  baseModel: string;
  suffix?: string;
  hyperparameters: Record<string, unknown>;
}

export interface Submitted {
  status: FineTuneStatus;
  providerJobId?: string;
  trainingFileId?: string;
  validationFileId?: string;
}

export interface RemoteJob {
  status: FineTuneStatus;
  fineTunedModel: string | null;
  trainedTokens: number | null;
  /** Why the provider failed the job, in its words. */
  error: string | null;
  events: FineTuneEvent[];
  metrics: Record<string, number> | null;
}

/** A provider call that failed. Transient failures (rate limits, outages) are retried at the next poll. */
export class FineTuneError extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
  ) {
    super(message);
    this.name = "FineTuneError";
  }
}

export const TERMINAL_STATUSES: readonly FineTuneStatus[] = ["succeeded", "failed", "cancelled"];
