import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findChatModel, listChatModels } from "@/db/queries/chat-models";
import { findFineTuneJob, type FineTuneJobRow } from "@/db/queries/fine-tune-jobs";
import type { CurrentUser } from "../../auth/user";
import { db } from "../../db";
import { startFakeOpenAI, type FakeOpenAI } from "../../testing/fake-openai-fine-tuning";
import { createTestUser } from "../../testing/fixtures";
import { freezeDataset } from "../datasets";
import { generateExamples } from "../examples";
import { cancelFineTuneJob, registerExternalEndpoint, startFineTuneJob } from "./jobs";
import { pollNextFineTuneJob } from "./poller";
import { fineTuneProvider } from "./providers";

let fake: FakeOpenAI;
let admin: CurrentUser;
let datasetId: string;

beforeAll(async () => {
  fake = await startFakeOpenAI();
  // Read once by lib/env on first use, which is after this point in this file's process.
  process.env.OPENAI_API_KEY = fake.apiKey;
  process.env.OPENAI_BASE_URL = fake.url;
  admin = await createTestUser("admin");
  await generateExamples(admin);
  datasetId = (await freezeDataset(admin)).id;
});
afterAll(() => fake.close());

/** Polls as a worker would until the job is done (or stops moving), with no wait between polls. */
async function runUntilSettled(jobId: string, workerId = "worker-a"): Promise<FineTuneJobRow> {
  for (let i = 0; i < 20; i++) {
    await pollNextFineTuneJob(workerId, { pollSeconds: 0 });
    const job = (await findFineTuneJob(db(), jobId))!;
    if (["succeeded", "failed", "cancelled"].includes(job.status)) return job;
  }
  return (await findFineTuneJob(db(), jobId))!;
}

describe("fine-tuning jobs, followed by the worker", () => {
  it("submits the dataset's train and validation files, follows the job and registers the model as a candidate", async () => {
    fake.script = ["queued", "running", "succeeded"];
    const started = await startFineTuneJob(admin, { datasetId, provider: "openai", suffix: "policy", epochs: 2 });
    expect(started.status).toBe("pending");
    const job = await runUntilSettled(started.id);
    expect(job).toMatchObject({ status: "succeeded", trainedTokens: 4242, error: null, lockedBy: null, hyperparameters: { n_epochs: 2 } });
    expect(job.fineTunedModel).toMatch(/^ft:gpt-4\.1-mini/);
    expect(job.metrics).toMatchObject({ train_loss: 0.41, valid_loss: 0.52 });
    expect(job.events.map((e) => e.message)).toContain("The job has successfully completed");
    const remote = fake.jobs.get(job.providerJobId!)!;
    expect(fake.files.get(remote.training_file)!.content.split("\n")[0]).toMatch(/^\{"messages":\[\{"role":"system"/);
    expect(remote.validation_file).toBeTruthy();

    const model = (await findChatModel(db(), job.chatModelId!))!;
    expect(model).toMatchObject({ provider: "openai", model: job.fineTunedModel, kind: "fine-tuned", fineTuneJobId: job.id, active: false });
    expect(model.specVersion).toBeGreaterThanOrEqual(1);
  });

  it("records a failed job with the provider's reason and registers nothing", async () => {
    fake.script = ["running", "failed"];
    const started = await startFineTuneJob(admin, { datasetId, provider: "openai" });
    const job = await runUntilSettled(started.id);
    expect(job).toMatchObject({ status: "failed", chatModelId: null, error: expect.stringContaining("invalid_training_file") });
  });

  it("keeps a job through a provider outage and clears the error once it answers again", async () => {
    fake.script = ["running", "succeeded"];
    const started = await startFineTuneJob(admin, { datasetId, provider: "openai" });
    await pollNextFineTuneJob("worker-a", { pollSeconds: 0 }); // submitted
    fake.failNext(/^GET \/v1\/fine_tuning\/jobs\/[^/]+$/, 503);
    await pollNextFineTuneJob("worker-a", { pollSeconds: 0 });
    expect(await findFineTuneJob(db(), started.id)).toMatchObject({ status: "validating_files", error: expect.stringContaining("(503)") });
    expect((await runUntilSettled(started.id)).status).toBe("succeeded");
    expect((await findFineTuneJob(db(), started.id))!.error).toBeNull();
  });

  it("fails a job OpenAI refuses at submission, saying what to fix", async () => {
    fake.failNext(/^POST \/v1\/fine_tuning\/jobs$/, 400, "Model gpt-9 is not available for fine-tuning.");
    const started = await startFineTuneJob(admin, { datasetId, provider: "openai", baseModel: "gpt-9" });
    const job = await runUntilSettled(started.id);
    expect(job).toMatchObject({ status: "failed", error: "OpenAI rejected POST /fine_tuning/jobs (400): Model gpt-9 is not available for fine-tuning." });
  });

  it("resumes a job whose worker died holding its lease, and leaves a live worker's job alone", async () => {
    fake.script = ["running", "running", "succeeded"];
    const started = await startFineTuneJob(admin, { datasetId, provider: "openai" });
    await pollNextFineTuneJob("worker-old", { pollSeconds: 0 }); // submitted, then the process dies mid-poll:
    await db().execute(sql`UPDATE fine_tune_jobs SET locked_by = 'worker-old', lease_until = now() + interval '1 hour' WHERE id = ${started.id}`);
    expect(await pollNextFineTuneJob("worker-new", { pollSeconds: 0 })).toBe(false);
    await db().execute(sql`UPDATE fine_tune_jobs SET lease_until = now() - interval '1 second' WHERE id = ${started.id}`);
    const job = await runUntilSettled(started.id, "worker-new");
    expect(job.status).toBe("succeeded");
    expect(job.chatModelId).toBeTruthy();
  });

  it("adopts the remote job a worker created just before it died, instead of training twice", async () => {
    fake.script = ["succeeded"];
    const started = await startFineTuneJob(admin, { datasetId, provider: "openai" });
    // The dead worker got as far as creating the job at OpenAI; the row still says pending.
    const orphan = await fineTuneProvider("openai").submit({ jobKey: started.id, trainingJsonl: "{}\n", baseModel: "gpt-4.1-mini-2025-04-14", hyperparameters: {} });
    const jobs = fake.jobs.size;
    const job = await runUntilSettled(started.id, "worker-new");
    expect(job).toMatchObject({ status: "succeeded", providerJobId: orphan.providerJobId });
    expect(fake.jobs.size).toBe(jobs);
  });

  it("cancels a running job at the provider", async () => {
    fake.script = ["running", "running", "running", "succeeded"];
    const started = await startFineTuneJob(admin, { datasetId, provider: "openai" });
    await pollNextFineTuneJob("worker-a", { pollSeconds: 0 });
    await pollNextFineTuneJob("worker-a", { pollSeconds: 0 });
    expect((await findFineTuneJob(db(), started.id))!.status).toBe("running");
    expect((await cancelFineTuneJob(admin, started.id)).status).toBe("cancelled");
    expect(fake.jobs.get((await findFineTuneJob(db(), started.id))!.providerJobId!)!.status).toBe("cancelled");
    await expect(cancelFineTuneJob(admin, started.id)).rejects.toMatchObject({ code: "conflict" });
    expect(await pollNextFineTuneJob("worker-a", { pollSeconds: 0 })).toBe(false);
  });

  it("waits for an external job's endpoint, then registers it as an OpenAI-compatible candidate", async () => {
    const started = await startFineTuneJob(admin, { datasetId, provider: "external" });
    expect(started.status).toBe("awaiting_endpoint");
    expect(await pollNextFineTuneJob("worker-a", { pollSeconds: 0 })).toBe(false);
    await expect(registerExternalEndpoint(admin, started.id, { baseUrl: "not a url", model: "policy-lora" })).rejects.toMatchObject({ code: "bad_request" });
    const model = await registerExternalEndpoint(admin, started.id, { baseUrl: "http://gpu-host:8000/v1/", model: "policy-lora" });
    expect(model).toMatchObject({ provider: "openai-compatible", baseUrl: "http://gpu-host:8000/v1", model: "policy-lora", kind: "fine-tuned", fineTuneJobId: started.id, active: false });
    expect((await listChatModels(db())).some((m) => m.id === model.id)).toBe(true);
    expect(await findFineTuneJob(db(), started.id)).toMatchObject({ status: "succeeded", chatModelId: model.id });
    await expect(registerExternalEndpoint(admin, started.id, { baseUrl: "http://x/v1", model: "m" })).rejects.toMatchObject({ code: "conflict" });
  });

  it("refuses to start from a dataset that failed validation", async () => {
    await db().execute(sql`UPDATE datasets SET report = jsonb_set(report, '{ok}', 'false') WHERE id = ${datasetId}`);
    await expect(startFineTuneJob(admin, { datasetId, provider: "openai" })).rejects.toMatchObject({ code: "bad_request", message: expect.stringContaining("failed validation") });
  });
});
