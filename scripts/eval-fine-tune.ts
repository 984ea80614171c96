/**
 * `npm run eval:fine-tune`
 *
 * The behaviour loop on the default spec, offline, in a fresh scratch database: generate the
 * training examples the spec seeds, freeze a dataset, run a `builtin` fine-tune through the job
 * queue as the worker would, then run the behaviour evaluation for the un-tuned built-in model and
 * for the candidate, and print both reports, the job's validation figures and the promotion check.
 * What a fine-tune learns from the spec alone, before any admin adds corrections or examples;
 * docs/behaviour-learner.md has the figures.
 */
import { findFineTuneJob } from "@/db/queries/fine-tune-jobs";
import { setUserRole } from "@/db/queries/users";
import { resolveActiveModel } from "@/lib/ai/registry";
import { freezeDataset } from "@/lib/behaviour/datasets";
import { formatEvalRun } from "@/lib/behaviour/eval/report";
import { runBehaviourEval } from "@/lib/behaviour/eval/run";
import { generateExamples } from "@/lib/behaviour/examples";
import { startFineTuneJob } from "@/lib/behaviour/fine-tune/jobs";
import { followFineTuneJob } from "@/lib/behaviour/fine-tune/poller";
import { checkPromotion } from "@/lib/behaviour/promotion";
import { currentSpec } from "@/lib/behaviour/spec-store";
import { openScratchDatabase } from "@/lib/evaluation/scratch-database";
import { queues, runOneJob } from "@/lib/jobs/queue";

const scratch = await openScratchDatabase({ fresh: true });
try {
  await setUserRole(scratch.db, scratch.ownerId, "admin");
  const admin = { id: scratch.ownerId, email: "eval-admin@example.com", name: "eval", role: "admin" as const };
  const examples = await generateExamples(admin);
  const dataset = await freezeDataset(admin, { note: "generated from the default spec" });
  console.log(`Dataset version ${dataset.version}: ${examples.length} generated examples.`);
  const started = await startFineTuneJob(admin, { datasetId: dataset.id, provider: "builtin" });
  while (await runOneJob(queues.fineTune, followFineTuneJob)) {
    // as a worker would, until the job has no due step
  }
  const job = (await findFineTuneJob(scratch.db, started.id))!;
  if (job.status !== "succeeded" || !job.chatModelId) throw new Error(`The fine-tune ended ${job.status}: ${job.error ?? "no model registered"}`);
  console.log(`Fine-tune ${job.status}; its figures: ${JSON.stringify(job.metrics)}`);

  const { spec } = await currentSpec(scratch.db);
  for (const modelId of [(await resolveActiveModel()).id, job.chatModelId]) {
    const run = await runBehaviourEval({ modelId, judge: null });
    console.log(`\n${formatEvalRun(run.modelName, run.results, spec)}`);
  }
  const check = await checkPromotion(job.chatModelId);
  console.log(`\nThe candidate against the active model: ${check.blocked ?? "no regressions, promotion allowed."}`);
} finally {
  await scratch.close();
}
process.exit(0);
