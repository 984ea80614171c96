import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeOpenAI, type FakeOpenAI } from "@/testing/fake-openai-fine-tuning";
import { openAIFineTuning } from "./openai";
import { FineTuneError, type FineTuneProvider } from "./provider";

let fake: FakeOpenAI;
let openai: FineTuneProvider;
const line = JSON.stringify({ messages: [{ role: "system", content: "s" }, { role: "user", content: "q" }, { role: "assistant", content: "a" }] });
let key = 0;
const input = { get jobKey() { return `job-${++key}`; }, trainingJsonl: `${line}\n`, validationJsonl: `${line}\n`, baseModel: "gpt-4.1-mini-2025-04-14", suffix: "policy", hyperparameters: { n_epochs: 3 } };

beforeAll(async () => {
  fake = await startFakeOpenAI();
  openai = openAIFineTuning({ apiKey: fake.apiKey, baseURL: fake.url });
});
afterAll(() => fake.close());

async function pollUntilDone(id: string) {
  const seen: string[] = [];
  for (let i = 0; i < 10; i++) {
    const job = await openai.poll!(id);
    seen.push(job.status);
    if (["succeeded", "failed", "cancelled"].includes(job.status)) return { job, seen };
  }
  throw new Error("never finished");
}

describe("OpenAI fine-tuning adapter over the documented HTTP contract", () => {
  it("uploads both files for fine-tuning and creates the job with model, suffix and hyperparameters", async () => {
    const submitted = await openai.submit(input);
    expect(submitted.status).toBe("validating_files");
    expect(fake.files.get(submitted.trainingFileId!)).toMatchObject({ purpose: "fine-tune", filename: "train.jsonl", content: `${line}\n` });
    expect(fake.files.get(submitted.validationFileId!)).toMatchObject({ filename: "validation.jsonl" });
    expect(fake.jobs.get(submitted.providerJobId!)).toMatchObject({
      model: "gpt-4.1-mini-2025-04-14",
      suffix: "policy",
      training_file: submitted.trainingFileId,
      validation_file: submitted.validationFileId,
      method: { type: "supervised", supervised: { hyperparameters: { n_epochs: 3 } } },
      metadata: { groundwork_job_id: expect.stringMatching(/^job-\d+$/) },
    });
  });

  it("adopts the job a previous submission created instead of training twice", async () => {
    const once = { ...input, jobKey: "job-crashed" };
    const first = await openai.submit(once);
    const jobs = fake.jobs.size;
    const files = fake.files.size;
    expect(await openai.submit(once)).toEqual({ ...first, status: fake.jobs.get(first.providerJobId!)!.status });
    expect(fake.jobs.size).toBe(jobs);
    expect(fake.files.size).toBe(files);
  });

  it("follows a job through queued and running to succeeded, reading the model id, tokens, events and final metrics", async () => {
    fake.script = ["queued", "running", "succeeded"];
    const { providerJobId } = await openai.submit(input);
    const { job, seen } = await pollUntilDone(providerJobId!);
    expect(seen).toEqual(["queued", "running", "succeeded"]);
    expect(job.fineTunedModel).toMatch(/^ft:gpt-4\.1-mini-2025-04-14:acme:policy:/);
    expect(job.trainedTokens).toBe(4242);
    expect(job.metrics).toEqual({ step: 2, train_loss: 0.41, train_accuracy: 0.9, valid_loss: 0.52, valid_mean_token_accuracy: 0.87 });
    expect(job.events.map((e) => e.message)).toEqual([
      expect.stringMatching(/^Validating training file/),
      "Job is queued",
      "Step 1/2: training loss=1.92",
      "Job is running",
      "The job has successfully completed",
    ]);
    expect(job.error).toBeNull();
  });

  it("reports a failed job with OpenAI's reason and code", async () => {
    fake.script = ["running", "failed"];
    const { providerJobId } = await openai.submit(input);
    const { job } = await pollUntilDone(providerJobId!);
    expect(job.status).toBe("failed");
    expect(job.error).toBe("OpenAI failed the job (invalid_training_file): The training file has 3 examples with no assistant message.");
    expect(job.fineTunedModel).toBeNull();
  });

  it("cancels a running job; cancelling a finished one is refused with OpenAI's message", async () => {
    fake.script = ["running", "running", "succeeded"];
    const { providerJobId } = await openai.submit(input);
    await openai.poll!(providerJobId!);
    expect(await openai.cancel(providerJobId!)).toBe("cancelled");
    expect((await openai.poll!(providerJobId!)).status).toBe("cancelled");
    await expect(openai.cancel(providerJobId!)).rejects.toMatchObject({ transient: false, message: expect.stringContaining("Job has already cancelled") });
  });

  it("turns HTTP errors into messages to act on, retrying only what may pass", async () => {
    const bad = openAIFineTuning({ apiKey: "sk-wrong", baseURL: fake.url });
    await expect(bad.submit(input)).rejects.toMatchObject({ transient: false, message: expect.stringMatching(/rejected the API key \(401\): Incorrect API key provided\. Check OPENAI_API_KEY/) });

    fake.failNext(/^GET \/v1\/fine_tuning\/jobs\/[^/]+$/, 500);
    const { providerJobId } = await openai.submit(input);
    await expect(openai.poll!(providerJobId!)).rejects.toMatchObject({ transient: true, message: expect.stringContaining("(500)") });
    fake.failNext(/^POST \/v1\/files$/, 429, "Rate limit reached");
    await expect(openai.submit(input)).rejects.toMatchObject({ transient: true, message: expect.stringContaining("Rate limit reached") });
    fake.failNext(/^POST \/v1\/fine_tuning\/jobs$/, 400, "Model gpt-9 is not available for fine-tuning");
    await expect(openai.submit({ ...input, baseModel: "gpt-9" })).rejects.toMatchObject({ transient: false, message: expect.stringContaining("not available for fine-tuning") });
    await expect(openai.poll!("ftjob-missing")).rejects.toMatchObject({ transient: false, message: expect.stringContaining("(404)") });

    const unreachable = openAIFineTuning({ apiKey: "sk", baseURL: "http://127.0.0.1:9/v1" });
    const err = await unreachable.poll!("ftjob-1").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FineTuneError);
    expect(err).toMatchObject({ transient: true, message: expect.stringContaining("Could not reach OpenAI") });
    await expect(openAIFineTuning({ baseURL: fake.url }).submit(input)).rejects.toMatchObject({ transient: false, message: expect.stringContaining("OPENAI_API_KEY is not set") });
  });
});
