/**
 * `npm run eval:behaviour -- [--model <name or id>]`: runs the behaviour evaluation (golden cases of
 * the current spec) for a registered model, the active one by default, stores the run as the admin
 * page does, and prints the pass rate per behaviour, every failure, and the precision and recall of
 * each refuse and escalate topic. Uses DATABASE_URL, else the
 * running app's embedded database, else opens the embedded database itself. Exits non-zero when the
 * run could not complete (unknown model, unreachable endpoint).
 */
import { parseArgs } from "node:util";
import { findRegistryModel, resolveActiveModel } from "@/lib/ai/registry";
import { formatEvalRun } from "@/lib/behaviour/eval/report";
import { runBehaviourEval } from "@/lib/behaviour/eval/run";
import { checkPromotion } from "@/lib/behaviour/promotion";
import { currentSpec } from "@/lib/behaviour/spec-store";
import { runCli } from "@/lib/cli-database";

const { values } = parseArgs({ options: { model: { type: "string" } } });

await runCli(async () => {
  const model = values.model ? await findRegistryModel(values.model) : await resolveActiveModel();
  if (!model) throw new Error(`No model named "${values.model}" is registered. Register it on /admin/models first.`);
  console.log(`Evaluating ${model.name}…`);
  const run = await runBehaviourEval({ modelId: model.id });
  const { spec } = await currentSpec();
  console.log(formatEvalRun(`${run.modelName} on spec version ${run.specVersion} (judge: ${run.judge ?? "none"}), run ${run.runId}`, run.results, spec));
  if (!model.active) {
    const check = await checkPromotion(model.id);
    console.log(`\nAgainst the active model ${check.active.name}: ${check.blocked ?? "no regressions, promotion allowed."}`);
  }
});
