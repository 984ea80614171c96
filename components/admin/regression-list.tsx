import type { ResultLike } from "@/lib/behaviour/eval/compare";

export function RegressionList({ regressions }: { regressions: ResultLike[] }) {
  if (regressions.length === 0) return <p className="text-sm">No regressions: the candidate does at least as well as the active model on every behaviour.</p>;
  return (
    <section aria-label="Regressions" className="flex flex-col gap-3 text-sm">
      <h3 className="font-medium">Regressions ({regressions.length} failed cases)</h3>
      {regressions.map((r) => (
        <article key={r.caseId} data-testid="regression" className="rounded-lg border border-red-200 p-3 dark:border-red-900">
          <p className="font-medium">
            {r.behaviour}: {r.caseId}
          </p>
          <p className="text-red-700 dark:text-red-400">{r.reason}</p>
          <dl className="mt-1 grid grid-cols-[6rem_1fr] gap-x-2 gap-y-1">
            <dt className="text-zinc-600 dark:text-zinc-400">Question</dt>
            <dd>{r.question}</dd>
            <dt className="text-zinc-600 dark:text-zinc-400">Expected</dt>
            <dd>{r.expected}</dd>
            <dt className="text-zinc-600 dark:text-zinc-400">Got</dt>
            <dd className="whitespace-pre-wrap">{r.output}</dd>
          </dl>
        </article>
      ))}
    </section>
  );
}
