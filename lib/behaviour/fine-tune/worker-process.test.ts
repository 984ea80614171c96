/**
 * The real worker process follows fine-tuning jobs: killed in the middle of one, it is replaced by
 * a new process that carries the job on to its candidate model, without submitting it twice.
 */
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { findChatModel } from "@/db/queries/chat-models";
import { findFineTuneJob } from "@/db/queries/fine-tune-jobs";
import { db } from "../../db";
import { startFakeOpenAI, type FakeOpenAI } from "@/testing/fake-openai-fine-tuning";
import { createTestUser } from "@/testing/fixtures";
import { killWorkers, startWorker, waitFor } from "@/testing/worker-process";
import { freezeDataset } from "../datasets";
import { generateExamples } from "../examples";
import { startFineTuneJob } from "./jobs";

let fake: FakeOpenAI;

beforeAll(async () => {
  fake = await startFakeOpenAI();
  process.env.OPENAI_API_KEY = fake.apiKey;
  process.env.OPENAI_BASE_URL = fake.url;
});
afterEach(killWorkers);
afterAll(() => fake.close());

it("a worker killed while following a job is replaced by one that finishes it and registers the candidate", { timeout: 90_000 }, async () => {
  const admin = await createTestUser("admin");
  await generateExamples(admin);
  const dataset = await freezeDataset(admin);
  fake.script = ["queued", "running", "running", "running", "running", "running", "succeeded"];
  const { id } = await startFineTuneJob(admin, { datasetId: dataset.id, provider: "openai" });
  // Polls a second apart; a poll in hand when its worker is killed comes due again 10 s later.
  const workerEnv = { OPENAI_API_KEY: fake.apiKey, OPENAI_BASE_URL: fake.url, FINE_TUNE_POLL_SECONDS: "1", INGEST_LEASE_SECONDS: "10" };

  const first = await startWorker(workerEnv);
  await waitFor("the job to be running", async () => (await findFineTuneJob(db(), id))?.status === "running");
  await new Promise((resolve) => (first.child.once("exit", resolve), first.child.kill("SIGKILL")));
  const stepsBefore = fake.jobs.size;

  await startWorker(workerEnv);
  const job = await waitFor("the job to succeed", async () => {
    const row = await findFineTuneJob(db(), id);
    return row?.status === "succeeded" && row;
  });
  expect(fake.jobs.size).toBe(stepsBefore);
  expect([...fake.jobs.values()].filter((j) => j.metadata?.groundwork_job_id === id)).toHaveLength(1);
  expect(job.events.map((e) => e.message)).toContain("The job has successfully completed");
  expect(await findChatModel(db(), job.chatModelId!)).toMatchObject({ kind: "fine-tuned", model: job.fineTunedModel, active: false });
});
