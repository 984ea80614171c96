import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { listDatasets } from "@/db/queries/datasets";
import { ActionForm } from "@/components/admin/action-form";
import { card, input } from "@/components/admin/styles";
import { ValidationReportView } from "@/components/admin/validation-report";
import { currentUser } from "@/lib/auth/session";
import { defaultCosting, reportOf, VALIDATION_SHARE } from "@/lib/behaviour/datasets";
import { db } from "@/lib/db";
import { freezeAction, startFineTuneAction } from "./actions";

export const metadata: Metadata = { title: "Datasets" };

export default async function DatasetsPage() {
  const user = await currentUser();
  if (user?.role !== "admin") notFound();
  const datasets = await listDatasets(db());
  const costing = defaultCosting();
  return (
    <section className="flex flex-col gap-6">
      <h1 className="text-xl font-semibold">Datasets</h1>
      <ActionForm action={freezeAction} submit="Freeze a new dataset version" className={`${card} text-sm`}>
        <p>
          Copies every trainable example of the current behaviour spec (flagged knowledge leaks left out unless accepted), splits them{" "}
          {Math.round((1 - VALIDATION_SHARE) * 100)}/{Math.round(VALIDATION_SHARE * 100)} into train and validation, and validates the result.
        </p>
        <div className="flex flex-wrap gap-3">
          <label className="flex flex-col gap-1">
            Base model
            <input name="baseModel" defaultValue={costing.baseModel} className={input} />
          </label>
          <label className="flex flex-col gap-1">
            Epochs
            <input name="epochs" type="number" min={1} max={25} defaultValue={costing.epochs} className={`${input} w-20`} />
          </label>
          <label className="flex flex-col gap-1">
            USD per 1M training tokens
            <input name="pricePerMillion" type="number" step="0.01" min={0.01} defaultValue={costing.pricePerMillion} className={`${input} w-28`} />
          </label>
          <label className="flex flex-1 flex-col gap-1">
            Note
            <input name="note" className={input} />
          </label>
        </div>
      </ActionForm>

      {datasets.length === 0 && <p className="text-sm text-zinc-600 dark:text-zinc-400">No datasets yet.</p>}
      {datasets.map((d) => {
        const report = reportOf(d);
        return (
          <article key={d.id} className={card} data-testid="dataset">
            <h2 className="font-medium">
              Dataset version {d.version} <span className="text-sm font-normal text-zinc-600 dark:text-zinc-400">· spec v{d.specVersion} · {d.createdAt.toISOString().slice(0, 16).replace("T", " ")} {d.note ? `· ${d.note}` : ""}</span>
            </h2>
            <p className="text-sm">
              {report.stats.examples} examples: {report.stats.train} train, {report.stats.validation} validation ·{" "}
              {report.stats.trainTokens.toLocaleString("en-US")} training tokens · estimated ${report.stats.estimatedCostUsd.toFixed(2)}
            </p>
            <ValidationReportView report={report} />
            {report.ok && (
              <>
                <p className="flex gap-4 text-sm">
                  <a className="underline" href={`/api/datasets/${d.id}/jsonl?split=train`} download>
                    Download train JSONL
                  </a>
                  <a className="underline" href={`/api/datasets/${d.id}/jsonl?split=validation`} download>
                    Download validation JSONL
                  </a>
                </p>
                <ActionForm action={startFineTuneAction} submit="Start fine-tuning" className="flex flex-col gap-2 text-sm">
                  <input type="hidden" name="datasetId" value={d.id} />
                  <div className="flex flex-wrap gap-3">
                    <label className="flex flex-col gap-1">
                      Provider
                      <select name="provider" className={input} defaultValue="openai">
                        <option value="openai">OpenAI fine-tuning API</option>
                        <option value="external">External (self-hosted LoRA)</option>
                        <option value="builtin">Built-in model (offline, this server)</option>
                      </select>
                    </label>
                    <label className="flex flex-col gap-1">
                      Base model
                      <input name="baseModel" defaultValue={report.stats.baseModel} className={input} />
                    </label>
                    <label className="flex flex-col gap-1">
                      Suffix
                      <input name="suffix" placeholder="policy-bot" maxLength={18} className={`${input} w-32`} />
                    </label>
                    <label className="flex flex-col gap-1">
                      Epochs
                      <input name="epochs" type="number" min={1} max={25} defaultValue={report.stats.epochs} className={`${input} w-20`} />
                    </label>
                  </div>
                </ActionForm>
              </>
            )}
          </article>
        );
      })}
    </section>
  );
}
