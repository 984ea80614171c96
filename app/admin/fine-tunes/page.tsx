import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { builtinReports } from "@/db/queries/builtin-weights";
import { listChatModels } from "@/db/queries/chat-models";
import { listDatasets } from "@/db/queries/datasets";
import { listFineTuneJobs } from "@/db/queries/fine-tune-jobs";
import { FineTuneJobCard } from "@/components/admin/fine-tune-job-card";
import { LiveRefresh } from "@/components/admin/live-refresh";
import { currentUser } from "@/lib/auth/session";
import type { BuiltinReport } from "@/lib/behaviour/fine-tune/builtin-training";
import { TERMINAL_STATUSES } from "@/lib/behaviour/fine-tune/provider";
import { db } from "@/lib/db";
import { cancelAction, registerEndpointAction } from "./actions";

export const metadata: Metadata = { title: "Fine-tuning jobs" };

export default async function FineTunesPage() {
  const user = await currentUser();
  if (user?.role !== "admin") notFound();
  const [jobs, datasets, models] = await Promise.all([listFineTuneJobs(db()), listDatasets(db()), listChatModels(db())]);
  const versions = new Map(datasets.map((d) => [d.id, d.version]));
  const reports = await builtinReports(db(), jobs.filter((j) => j.provider === "builtin").map((j) => j.id));
  const candidates = models.filter((m) => m.kind === "fine-tuned");
  // Only jobs the worker follows change by themselves; one awaiting its endpoint waits for the admin.
  const moving = jobs.some((j) => !TERMINAL_STATUSES.includes(j.status) && j.status !== "awaiting_endpoint");
  return (
    <section className="flex flex-col gap-6">
      <LiveRefresh active={moving} />
      <h1 className="text-xl font-semibold">Fine-tuning jobs</h1>
      {jobs.length === 0 && <p className="text-sm text-zinc-600 dark:text-zinc-400">No jobs yet. Start one from a valid dataset on the Datasets page.</p>}
      {jobs.map((j) => (
        <FineTuneJobCard key={j.id} job={j} datasetVersion={versions.get(j.datasetId)} report={reports.get(j.id) as BuiltinReport | undefined} cancel={cancelAction} registerEndpoint={registerEndpointAction} />
      ))}
      <div className="flex flex-col gap-2">
        <h2 className="font-medium">Fine-tuned models</h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Each arrives as a candidate: it answers no one until the behaviour evaluation passes and it is promoted.</p>
        {candidates.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">None yet.</p>
        ) : (
          <ul className="text-sm" data-testid="candidate-models">
            {candidates.map((m) => (
              <li key={m.id}>
                <strong>{m.name}</strong> · {m.provider} · <code>{m.model}</code>
                {m.baseUrl ? ` at ${m.baseUrl}` : ""} · spec v{m.specVersion ?? "?"} · {m.active ? "active" : "candidate"}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
