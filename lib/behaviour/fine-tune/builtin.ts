import { saveBuiltinWeights } from "@/db/queries/builtin-weights";
import { datasetLines, findDataset } from "@/db/queries/datasets";
import { completeFineTuneJob, findFineTuneJob, updateFineTuneJob, type FineTuneJobRow } from "@/db/queries/fine-tune-jobs";
import { BUILTIN_MODEL_NAME } from "../../ai/registry";
import { db } from "../../db";
import { AppError } from "../../errors";
import { specOfVersion } from "../current-spec";
import { reportOf } from "../datasets";
import { trainBuiltinBehaviour, type SplitReport } from "./builtin-training";
import type { FineTuneProvider } from "./provider";

/**
 * Fine-tuning the built-in model, offline: the worker claims the job like an OpenAI one (so it is
 * restart-safe: a job whose worker died is claimed again and trained from scratch, deterministically),
 * trains the behaviour classifier in well under a second, stores the weights as the job's artefact and
 * registers the candidate. Nothing runs remotely, so submitting and cancelling need no call.
 */
export const builtinFineTuning: FineTuneProvider = {
  id: "builtin",
  async submit() {
    return { status: "pending" };
  },
  async cancel() {
    return "cancelled";
  },
};

export async function trainBuiltinJob(job: FineTuneJobRow): Promise<void> {
  const dataset = await findDataset(db(), job.datasetId);
  if (!dataset) throw new AppError("not_found", "The job's dataset no longer exists.");
  if (!reportOf(dataset).ok) throw new AppError("bad_request", `Dataset version ${dataset.version} failed validation; fix the failing checks and freeze a new version.`);
  await updateFineTuneJob(db(), job.id, { status: "running" });
  const lines = (await datasetLines(db(), dataset.id)).map((l) => ({ question: l.line.messages.find((m) => m.role === "user")?.content ?? "", tags: l.tags, split: l.split }));
  const spec = await specOfVersion(db(), dataset.specVersion);
  if (!spec) throw new AppError("not_found", `The dataset's behaviour spec version ${dataset.specVersion} no longer exists.`);
  const { weights, train, validation } = trainBuiltinBehaviour(lines, spec.spec);
  // Cancelled while training: keep it cancelled, register nothing.
  if ((await findFineTuneJob(db(), job.id))?.status === "cancelled") return;
  await saveBuiltinWeights(db(), {
    fineTuneJobId: job.id,
    datasetId: dataset.id,
    datasetVersion: dataset.version,
    specVersion: dataset.specVersion,
    weights: weights as unknown as Record<string, unknown>,
    report: { train, validation } as unknown as Record<string, unknown>,
  });
  await completeFineTuneJob(db(), job.id, { fineTunedModel: BUILTIN_MODEL_NAME, error: null, metrics: headline(train, validation) }, {
    name: `${BUILTIN_MODEL_NAME} fine-tuned on dataset ${dataset.version}`,
    provider: "builtin",
    model: BUILTIN_MODEL_NAME,
    kind: "fine-tuned",
    specVersion: dataset.specVersion,
    fineTuneJobId: job.id,
  });
}

/** The job row's numeric metrics: accuracy and each behaviour's validation precision and recall. */
function headline(train: SplitReport, validation: SplitReport): Record<string, number> {
  const metrics: Record<string, number> = { train_examples: train.examples, validation_examples: validation.examples };
  if (train.accuracy != null) metrics.train_accuracy = train.accuracy;
  if (validation.accuracy != null) metrics.validation_accuracy = validation.accuracy;
  for (const l of validation.labels) {
    if (l.precision != null) metrics[`validation_precision:${l.label}`] = l.precision;
    if (l.recall != null) metrics[`validation_recall:${l.label}`] = l.recall;
  }
  return metrics;
}
