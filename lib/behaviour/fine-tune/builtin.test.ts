import { generateText } from "ai";
import { beforeAll, describe, expect, it } from "vitest";
import { builtinWeightsOfJob } from "@/db/queries/builtin-weights";
import { findChatModel } from "@/db/queries/chat-models";
import { findDataset } from "@/db/queries/datasets";
import { findFineTuneJob } from "@/db/queries/fine-tune-jobs";
import { modelFor } from "../../ai/models";
import { buildSystemPrompt } from "../../ai/prompt";
import type { CurrentUser } from "../../auth/user";
import { db } from "../../db";
import { createTestUser } from "@/testing/fixtures";
import { freezeDataset } from "../datasets";
import { generateExamples } from "../examples";
import { currentSpec } from "../spec-store";
import type { BuiltinReport } from "./builtin-training";
import { cancelFineTuneJob, startFineTuneJob } from "./jobs";
import { queues, runOneJob } from "../../jobs/queue";
import { followFineTuneJob } from "./poller";

/** Runs due fine-tune steps, as a worker would, until the queue has none. */
async function runSteps() {
  while (await runOneJob(queues.fineTune, followFineTuneJob)) {
    // keep going
  }
}

let admin: CurrentUser;
let datasetId: string;

beforeAll(async () => {
  admin = await createTestUser("admin");
  await generateExamples(admin);
  datasetId = (await freezeDataset(admin)).id;
});

describe("the builtin fine-tuning provider", () => {
  it("trains in the worker, stores the weights tied to dataset and spec version, and registers a candidate that answers with them", async () => {
    const started = await startFineTuneJob(admin, { datasetId, provider: "builtin" });
    expect(started).toMatchObject({ status: "pending", baseModel: "builtin-extractive" });
    await runSteps();
    const job = (await findFineTuneJob(db(), started.id))!;
    expect(job).toMatchObject({ status: "succeeded", error: null, fineTunedModel: "builtin-extractive" });
    expect(job.metrics!.train_accuracy).toBeGreaterThan(0.9);
    expect(job.metrics).toHaveProperty("validation_recall:refuse:hr");

    const dataset = (await findDataset(db(), datasetId))!;
    const artefact = (await builtinWeightsOfJob(db(), job.id))!;
    expect(artefact).toMatchObject({ datasetId, datasetVersion: dataset.version, specVersion: dataset.specVersion });
    const report = artefact.report as unknown as BuiltinReport;
    expect(report.validation.confusion.labels).toContain("refuse:hr");
    expect(report.train.confusion.matrix.flat().reduce((s, n) => s + n, 0)).toBe(report.train.examples);

    const model = (await findChatModel(db(), job.chatModelId!))!;
    expect(model).toMatchObject({ name: `builtin-extractive fine-tuned on dataset ${dataset.version}`, provider: "builtin", kind: "fine-tuned", fineTuneJobId: job.id, active: false });
    const { spec } = await currentSpec();
    const ask = async (question: string) => (await generateText({ model: modelFor(model).model, instructions: buildSystemPrompt([], spec), prompt: question })).text;
    expect(await ask(spec.refuse[0]!.examples![0]!)).toBe(spec.refuse[0]!.referral);
    expect(await ask("How many days of annual leave do I get?")).toBe(spec.notFound);
  });

  it("is cancellable before the worker trains it: nothing is stored or registered", async () => {
    const started = await startFineTuneJob(admin, { datasetId, provider: "builtin" });
    expect((await cancelFineTuneJob(admin, started.id)).status).toBe("cancelled");
    await runSteps();
    const job = (await findFineTuneJob(db(), started.id))!;
    expect(job).toMatchObject({ status: "cancelled", chatModelId: null });
    expect(await builtinWeightsOfJob(db(), job.id)).toBeNull();
  });
});
