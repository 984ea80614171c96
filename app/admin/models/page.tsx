import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { listChatModels, previousActiveChatModel } from "@/db/queries/chat-models";
import { latestDoneRun, latestRunPerModel, runResults } from "@/db/queries/eval-runs";
import { ActionButton } from "@/components/admin/action-button";
import { LiveRefresh } from "@/components/admin/live-refresh";
import { ModelTable } from "@/components/admin/model-table";
import { PassRateChart } from "@/components/admin/pass-rate-chart";
import { PromoteForm } from "@/components/admin/promote-form";
import { RegisterModelForm } from "@/components/admin/register-model-form";
import { RegressionList } from "@/components/admin/regression-list";
import { resolveActiveModel } from "@/lib/ai/registry";
import { currentUser } from "@/lib/auth/session";
import { compareRuns } from "@/lib/behaviour/eval/compare";
import { checkPromotion } from "@/lib/behaviour/promotion";
import { currentSpec } from "@/lib/behaviour/spec-store";
import { db } from "@/lib/db";
import { promoteAction, registerModelAction, rollbackAction, runEvalAction } from "./actions";

export const metadata: Metadata = { title: "Models" };

export default async function ModelsPage({ searchParams }: { searchParams: Promise<{ candidate?: string; promoted?: string }> }) {
  const user = await currentUser();
  if (user?.role !== "admin") notFound(); // checked here too: a layout is not a security boundary
  const { candidate, promoted } = await searchParams;
  const active = await resolveActiveModel();
  const [models, previous, { version }] = await Promise.all([listChatModels(db()), previousActiveChatModel(db()), currentSpec()]);
  const runs = await latestRunPerModel(db(), models.map((m) => m.id));
  const candidateId = z.uuid().safeParse(candidate).success && candidate !== active.id ? candidate! : null;
  const check = candidateId && models.some((m) => m.id === candidateId) ? await checkPromotion(candidateId) : null;
  const activeRun = await latestDoneRun(db(), active.id, version);
  // Without a candidate the chart shows the active model alone (compared with itself: nothing regresses).
  const activeResults = activeRun ? await runResults(db(), activeRun.id) : null;
  const solo = activeResults && compareRuns(activeResults, activeResults);

  return (
    <section className="flex flex-col gap-6">
      <div>
        <h1 className="text-xl font-semibold">Models</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Active model: <strong data-testid="active-model">{active.name}</strong>. Behaviour spec version {version}. Every answer records the model that gave it.
        </p>
      </div>
      {promoted === active.name && (
        <p role="status" className="text-sm">
          {promoted} is now the active model. It answers from the next question on.
        </p>
      )}
      {previous && (
        <div className="text-sm">
          <ActionButton action={rollbackAction} label={`Roll back to ${previous.name}`} confirm={{ title: `Make ${previous.name} the active model again?` }} />
        </div>
      )}
      <ModelTable models={JSON.parse(JSON.stringify(models))} runs={JSON.parse(JSON.stringify(runs))} specVersion={version} runEval={runEvalAction} />
      {/* Evaluations run in the background: the page follows them until they finish. */}
      <LiveRefresh active={runs.some((r) => r.status === "running")} everyMs={1500} />

      {check ? (
        <section aria-label="Candidate beside active" className="flex flex-col gap-4">
          <h2 className="font-medium">
            {check.candidate.name} beside {check.active.name} (spec version {check.specVersion})
          </h2>
          {check.comparison ? (
            <>
              <PassRateChart comparison={check.comparison} candidateName={check.candidate.name} activeName={check.active.name} />
              <PromoteForm action={promoteAction.bind(null, check.candidate.id)} candidateName={check.candidate.name} blocked={check.blocked} />
              <RegressionList regressions={check.comparison.regressions} />
            </>
          ) : (
            <p className="text-sm">{check.blocked}</p>
          )}
        </section>
      ) : (
        solo && (
          <section aria-label="Active model evaluation" className="flex flex-col gap-4">
            <h2 className="font-medium">
              {active.name} on spec version {version}
            </h2>
            <PassRateChart comparison={solo} activeName={active.name} />
          </section>
        )
      )}
      <RegisterModelForm action={registerModelAction} />
    </section>
  );
}
