import Link from "next/link";

export interface Bar {
  label: string;
  value: number;
  href?: string;
}

interface Props {
  title: string;
  bars: Bar[];
  /** What the value counts, singular and plural: ["answer", "answers"]. */
  unit: [string, string];
  empty: string;
}

/** Horizontal bars scaled to the largest value; the number is always written next to its bar. */
export function BarChart({ title, bars, unit, empty }: Props) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <figure className="flex flex-col gap-2" aria-label={title}>
      <figcaption className="font-medium">{title}</figcaption>
      {bars.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{empty}</p>
      ) : (
        <ol className="flex flex-col gap-1.5 text-sm">
          {bars.map((b) => (
            <li key={`${b.label}-${b.href}`} data-testid="bar" className="grid grid-cols-[minmax(0,12rem)_1fr_auto] items-center gap-2">
              {b.href ? (
                <Link href={b.href} className="truncate underline" title={b.label}>
                  {b.label}
                </Link>
              ) : (
                <span className="truncate" title={b.label}>
                  {b.label}
                </span>
              )}
              <span className="h-4 rounded-sm bg-zinc-100 dark:bg-zinc-800" aria-hidden>
                <span className="block h-full rounded-sm bg-blue-600" style={{ width: `${(b.value / max) * 100}%` }} />
              </span>
              <span className="tabular-nums text-zinc-600 dark:text-zinc-400">
                {b.value} {b.value === 1 ? unit[0] : unit[1]}
              </span>
            </li>
          ))}
        </ol>
      )}
    </figure>
  );
}
