import type { SplitReport } from "@/lib/behaviour/fine-tune/builtin-training";
import type { FineTuneJobRow } from "@/lib/behaviour/fine-tune/jobs";
import { BehaviourReport } from "./behaviour-report";
import { ActionForm } from "./action-form";
import { card, input } from "./styles";

type Action = React.ComponentProps<typeof ActionForm>["action"];

const STATUS_COLOR: Record<string, string> = {
  succeeded: "text-green-700 dark:text-green-400",
  failed: "text-red-700 dark:text-red-400",
  cancelled: "text-zinc-600 dark:text-zinc-400",
};

const PROVIDER: Record<FineTuneJobRow["provider"], string> = { openai: "OpenAI", external: "External", builtin: "Built-in" };

export function FineTuneJobCard({
  job,
  datasetVersion,
  report,
  cancel,
  registerEndpoint,
}: {
  job: FineTuneJobRow;
  datasetVersion: number | undefined;
  /** A built-in fine-tune's training and validation figures. */
  report?: { train: SplitReport; validation: SplitReport };
  cancel: Action;
  registerEndpoint: Action;
}) {
  const active = !["succeeded", "failed", "cancelled"].includes(job.status);
  return (
    <article className={`${card} text-sm`} data-testid="fine-tune-job">
      <div className="flex flex-wrap items-baseline gap-3">
        <h2 className="font-medium">
          {PROVIDER[job.provider]} · {job.baseModel} · dataset v{datasetVersion ?? "?"}
        </h2>
        <span className={`font-medium ${STATUS_COLOR[job.status] ?? "text-blue-700 dark:text-blue-400"}`} data-testid="job-status">
          {job.status.replace("_", " ")}
        </span>
        <span className="text-zinc-600 dark:text-zinc-400">started {job.createdAt.toISOString().slice(0, 16).replace("T", " ")}</span>
      </div>
      {job.providerJobId && <p>Provider job: {job.providerJobId}</p>}
      {job.fineTunedModel && <p>Model: <code>{job.fineTunedModel}</code>{job.trainedTokens ? ` · ${job.trainedTokens.toLocaleString("en-US")} trained tokens` : ""}</p>}
      {report ? (
        <div className="flex flex-wrap gap-6">
          <BehaviourReport title="Training" report={report.train} />
          <BehaviourReport title="Validation" report={report.validation} />
        </div>
      ) : (
        job.metrics && <p>Metrics: {Object.entries(job.metrics).map(([k, v]) => `${k} ${v}`).join(", ")}</p>
      )}
      {job.error && <p role="alert" className="text-red-700 dark:text-red-400">{job.error}</p>}
      {job.events.length > 0 && (
        <details>
          <summary>Events ({job.events.length})</summary>
          <ol className="mt-1 max-h-48 overflow-y-auto text-xs">
            {job.events.map((e) => (
              <li key={e.id}>
                {new Date(e.createdAt * 1000).toISOString().slice(11, 19)} {e.level !== "info" ? `[${e.level}] ` : ""}
                {e.message}
              </li>
            ))}
          </ol>
        </details>
      )}
      {job.status === "awaiting_endpoint" && (
        <>
          <p>
            Train a LoRA on the{" "}
            <a className="underline" href={`/api/datasets/${job.datasetId}/jsonl?split=train`} download>
              train JSONL
            </a>{" "}
            (and{" "}
            <a className="underline" href={`/api/datasets/${job.datasetId}/jsonl?split=validation`} download>
              validation JSONL
            </a>
            ) with any trainer that reads OpenAI chat format, serve it behind an OpenAI-compatible server (vLLM, Ollama, LM Studio), then register it:
          </p>
          <ActionForm action={registerEndpoint} submit="Register endpoint">
            <input type="hidden" name="jobId" value={job.id} />
            <div className="flex flex-wrap gap-3">
              <label className="flex flex-col gap-1">
                Base URL
                <input name="baseUrl" required placeholder="http://gpu-host:8000/v1" className={input} />
              </label>
              <label className="flex flex-col gap-1">
                Model name
                <input name="model" required placeholder="policy-lora" className={input} />
              </label>
              <label className="flex flex-col gap-1">
                Display name (optional)
                <input name="name" className={input} />
              </label>
            </div>
          </ActionForm>
        </>
      )}
      {active && (
        <ActionForm action={cancel} submit="Cancel job" secondary>
          <input type="hidden" name="jobId" value={job.id} />
        </ActionForm>
      )}
    </article>
  );
}
