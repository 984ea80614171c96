// Read by lib/env on its first use in this file (testing/vitest-setup.ts has it read again for each file): each next poll is due at once.
process.env.FINE_TUNE_POLL_SECONDS = "0";

import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findChatModel, listChatModels } from "@/db/queries/chat-models";
import { findFineTuneJob, type FineTuneJobRow } from "@/db/queries/fine-tune-jobs";
import type { CurrentUser } from "../../auth/user";
import { db } from "../../db";
import { startFakeOpenAI, type FakeOpenAI } from "@/testing/fake-openai-fine-tuning";
import { createTestUser } from "@/testing/fixtures";
import { freezeDataset } from "../datasets";
import { generateExamples } from "../examples";
import { cancelFineTuneJob, registerExternalEndpoint, startFineTuneJob } from "./jobs";
import { hasLiveJob } from "@/db/queries/queued-jobs";
import { jobQueue, queues, runOneJob } from "../../jobs/queue";
import { followFineTuneJob } from "./poller";
import { fineTuneProvider } from "./providers";

let fake: FakeOpenAI;
let admin: CurrentUser;
let datasetId: string;

beforeAll(async () => {
  fake = await startFakeOpenAI();
  // Read by lib/env on its first use in this file, which is after this point.
  process.env.OPENAI_API_KEY = fake.apiKey;
  process.env.OPENAI_BASE_URL = fake.url;
  admin = await createTestUser("admin");
  await generateExamples(admin);
  datasetId = (await freezeDataset(admin)).id;
});
afterAll(() => fake.close());

/** Runs the next due step of any fine-tune, as a worker would. */
const step = () => runOneJob(queues.fineTune, followFineTuneJob);

/** Runs steps as a worker would until the job is done (or stops moving), with no wait between polls. */
async function runUntilSettled(jobId: string): Promise<FineTuneJobRow> {
  for (let i = 0; i < 20; i++) {
    await step();
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
    expect(job).toMatchObject({ status: "succeeded", trainedTokens: 4242, error: null, hyperparameters: { n_epochs: 2 } });
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
    await step(); // submitted
    fake.failNext(/^GET \/v1\/fine_tuning\/jobs\/[^/]+$/, 503);
    await step();
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

  it("resumes a job whose worker died mid-step, without a second chain of polls", async () => {
    fake.script = ["running", "running", "succeeded"];
    const started = await startFineTuneJob(admin, { datasetId, provider: "openai" });
    await step(); // submitted; the next poll is queued
    // A worker takes the poll and dies: the queue's supervisor fails it once its heartbeat stops,
    // and its retry (due now rather than in 30 s) carries on from the row.
    const boss = await jobQueue();
    const [poll] = await boss.fetch<{ fineTuneJobId: string }>(queues.fineTune);
    expect(poll?.data.fineTuneJobId).toBe(started.id);
    await boss.fail(queues.fineTune, poll!, { message: "worker died" });
    await db().execute(sql`UPDATE pgboss.job SET start_after = now() WHERE name = ${queues.fineTune} AND data->>'fineTuneJobId' = ${started.id} AND state = 'retry'`);
    const job = await runUntilSettled(started.id);
    expect(job.status).toBe("succeeded");
    expect(job.chatModelId).toBeTruthy();
  });

  it("adopts the remote job a worker created just before it died, instead of training twice", async () => {
    fake.script = ["succeeded"];
    const started = await startFineTuneJob(admin, { datasetId, provider: "openai" });
    // The dead worker got as far as creating the job at OpenAI; the row still says pending.
    const orphan = await fineTuneProvider("openai").submit({ jobKey: started.id, trainingJsonl: "{}\n", baseModel: "gpt-4.1-mini-2025-04-14", hyperparameters: {} });
    const jobs = fake.jobs.size;
    const job = await runUntilSettled(started.id);
    expect(job).toMatchObject({ status: "succeeded", providerJobId: orphan.providerJobId });
    expect(fake.jobs.size).toBe(jobs);
  });

  it("cancels a running job at the provider", async () => {
    fake.script = ["running", "running", "running", "succeeded"];
    const started = await startFineTuneJob(admin, { datasetId, provider: "openai" });
    await step();
    await step();
    expect((await findFineTuneJob(db(), started.id))!.status).toBe("running");
    expect((await cancelFineTuneJob(admin, started.id)).status).toBe("cancelled");
    expect(fake.jobs.get((await findFineTuneJob(db(), started.id))!.providerJobId!)!.status).toBe("cancelled");
    await expect(cancelFineTuneJob(admin, started.id)).rejects.toMatchObject({ code: "conflict" });
    // The poll already queued finds the job cancelled, and queues no other.
    await step();
    expect(await hasLiveJob(db(), queues.fineTune, { fineTuneJobId: started.id })).toBe(false);
    expect((await findFineTuneJob(db(), started.id))!.status).toBe("cancelled");
  });

  it("waits for an external job's endpoint, then registers it as an OpenAI-compatible candidate", async () => {
    const started = await startFineTuneJob(admin, { datasetId, provider: "external" });
    expect(started.status).toBe("awaiting_endpoint");
    expect(await hasLiveJob(db(), queues.fineTune, { fineTuneJobId: started.id })).toBe(false);
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
