import type { DailyActivity } from "@/lib/analytics/cited-sources";

const HEIGHT = 120;

/**
 * Answers per day as columns: the answered part in blue, the part that found nothing in amber on
 * top, and a red tick above days with thumbs down. Each column's numbers are in its tooltip and in
 * the accessible summary.
 */
export function ActivityChart({ days }: { days: DailyActivity[] }) {
  const max = Math.max(1, ...days.map((d) => d.answers));
  const width = 100 / days.length;
  const total = (key: keyof Omit<DailyActivity, "day">) => days.reduce((n, d) => n + d[key], 0);
  const summary = `${total("answers")} answers in ${days.length} days, ${total("unanswered")} could not be answered, ${total("thumbsDown")} rated thumbs down.`;
  return (
    <figure className="flex flex-col gap-2">
      <figcaption className="font-medium">Answers per day</figcaption>
      <svg viewBox={`0 0 100 ${HEIGHT + 8}`} preserveAspectRatio="none" className="h-40 w-full" role="img" aria-label={summary}>
        {days.map((d, i) => {
          const answered = ((d.answers - d.unanswered) / max) * HEIGHT;
          const failed = (d.unanswered / max) * HEIGHT;
          const x = i * width + width * 0.15;
          const w = width * 0.7;
          return (
            <g key={d.day} data-testid="activity-day">
              <title>{`${d.day}: ${d.answers} answers, ${d.unanswered} not answered, ${d.thumbsDown} thumbs down`}</title>
              <rect x={i * width} y={0} width={width} height={HEIGHT + 8} fill="transparent" />
              <rect x={x} y={HEIGHT + 8 - answered} width={w} height={answered} className="fill-blue-600" />
              <rect x={x} y={HEIGHT + 8 - answered - failed} width={w} height={failed} className="fill-amber-400" />
              {d.thumbsDown > 0 && <rect x={x} y={0} width={w} height={4} className="fill-red-600" />}
            </g>
          );
        })}
      </svg>
      <div className="flex justify-between text-xs text-zinc-600 dark:text-zinc-400">
        <span>{days[0]?.day}</span>
        <span className="flex gap-3">
          <Legend className="bg-blue-600" label="answered" />
          <Legend className="bg-amber-400" label="not found" />
          <Legend className="bg-red-600" label="thumbs down" />
        </span>
        <span>{days.at(-1)?.day}</span>
      </div>
      <p className="sr-only">{summary}</p>
    </figure>
  );
}

function Legend({ className, label }: { className: string; label: string }) {
  return (
    <span className="flex items-center gap-1">
      <span className={`inline-block h-2 w-2 rounded-sm ${className}`} aria-hidden />
      {label}
    </span>
  );
}
