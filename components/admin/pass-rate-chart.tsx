import type { Comparison } from "@/lib/behaviour/eval/compare";

const pct = (rate: number | null | undefined) => (rate == null ? null : Math.round(rate * 100));

function Bar({ label, rate, tone }: { label: string; rate: number | null | undefined; tone: string }) {
  const value = pct(rate);
  return (
    <div className="flex items-center gap-2">
      <span className="w-24 shrink-0 truncate text-xs text-zinc-600 dark:text-zinc-400">{label}</span>
      <div className="h-3 flex-1 rounded bg-zinc-100 dark:bg-zinc-800">
        {value != null && <div className={`h-3 rounded ${tone}`} style={{ width: `${value}%` }} />}
      </div>
      <span className="w-16 text-right text-xs tabular-nums">{value == null ? "skipped" : `${value}%`}</span>
    </div>
  );
}

/** Pass rate per behaviour as bars: the candidate beside the active model, regressions marked. */
export function PassRateChart({ comparison, candidateName, activeName }: { comparison: Comparison; candidateName?: string; activeName: string }) {
  return (
    <figure aria-label="Pass rate per behaviour" className="flex flex-col gap-3 text-sm">
      {comparison.behaviours.map((b) => (
        <div key={b.behaviour} data-testid="behaviour-bar" className="flex flex-col gap-1">
          <span className="font-medium">
            {b.behaviour}
            {b.regressed && <span className="ml-2 rounded bg-red-100 px-1 text-xs text-red-800 dark:bg-red-950 dark:text-red-300">regression</span>}
          </span>
          {candidateName && <Bar label={candidateName} rate={b.candidate?.rate} tone={b.regressed ? "bg-red-500" : "bg-emerald-500"} />}
          <Bar label={activeName} rate={b.active?.rate} tone="bg-zinc-500" />
        </div>
      ))}
      <figcaption className="text-xs text-zinc-600 dark:text-zinc-400">
        Share of decided cases passed per behaviour{candidateName ? `: ${candidateName} beside the active model ${activeName}` : ` for the active model ${activeName}`}. Checks that need a judge
        model are skipped when none is configured.
      </figcaption>
    </figure>
  );
}
