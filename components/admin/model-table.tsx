import Link from "next/link";
import { ActionButton } from "./action-button";
import { ScrollRegion } from "./scroll-region";

interface Row {
  id: string;
  name: string;
  kind: string;
  provider: string;
  model: string;
  baseUrl: string | null;
  active: boolean;
}

interface LastRun {
  runId: string;
  modelId: string;
  specVersion: number;
  status: string;
  error: string | null;
  passed: number;
  failed: number;
  skipped: number;
  casesDone: number;
  casesTotal: number;
}

interface Props {
  models: Row[];
  runs: LastRun[];
  specVersion: number;
  runEval: (id: string) => Promise<{ error?: string; message?: string }>;
}

export function ModelTable({ models, runs, specVersion, runEval }: Props) {
  return (
    <ScrollRegion label="Models">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-zinc-200 dark:border-zinc-800">
          <tr>
            <th className="py-1">Model</th>
            <th>Kind</th>
            <th>Provider</th>
            <th>Last evaluation</th>
            <th>Actions</th>
          </tr>
        </thead>
        <tbody>
          {models.map((m) => {
            const run = runs.find((r) => r.modelId === m.id);
            return (
              <tr key={m.id} data-testid="model-row" className="border-b border-zinc-100 align-top dark:border-zinc-900">
                <td className="py-2">
                  <span className="font-medium">{m.name}</span>
                  {m.active && <span className="ml-2 rounded bg-emerald-100 px-1 text-xs text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300">active</span>}
                  <p className="text-xs text-zinc-600 dark:text-zinc-400">
                    {m.model}
                    {m.baseUrl ? ` at ${m.baseUrl}` : ""}
                  </p>
                </td>
                <td>{m.kind}</td>
                <td>{m.provider}</td>
                <td data-testid="last-evaluation" data-run-id={run?.runId ?? ""} data-status={run?.status ?? "never"}>
                  {!run && "never"}
                  {run?.status === "failed" && <span className="text-red-700 dark:text-red-400">failed: {run.error}</span>}
                  {run?.status === "running" && (
                    <span aria-live="polite">
                      Evaluating… {run.casesDone} of {run.casesTotal} cases
                    </span>
                  )}
                  {run?.status === "done" && (
                    <>
                      {run.passed} of {run.passed + run.failed} cases passed{run.skipped ? `, ${run.skipped} skipped` : ""}
                      <span className={`block text-xs ${run.specVersion === specVersion ? "text-zinc-600 dark:text-zinc-400" : "text-amber-700 dark:text-amber-400"}`}>
                        spec v{run.specVersion}
                        {run.specVersion === specVersion ? "" : " (outdated)"}
                      </span>
                    </>
                  )}
                </td>
                <td className="flex flex-col items-start gap-1 py-2">
                  <ActionButton action={runEval.bind(null, m.id)} label="Run evaluation" pendingLabel="Starting…" />
                  {!m.active && (
                    <Link className="underline" href={`/admin/models?candidate=${m.id}`}>
                      Compare with active
                    </Link>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
