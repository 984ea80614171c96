import type { SplitReport } from "@/lib/behaviour/fine-tune/builtin-training";
import { ScrollRegion } from "./scroll-region";

const pct = (x: number | null) => (x == null ? "n/a" : `${Math.round(x * 100)}%`);

/** A built-in fine-tune's figures for one split: per-behaviour precision and recall, and the confusion matrix. */
export function BehaviourReport({ title, report }: { title: string; report: SplitReport }) {
  const { labels, matrix } = report.confusion;
  return (
    // min-w-0: narrower than its matrix on a phone, which then scrolls in its own region.
    <div className="flex min-w-0 flex-col gap-1" data-testid={`behaviour-report-${title.toLowerCase()}`}>
      <h3 className="font-medium">
        {title}: {report.examples} examples, accuracy {pct(report.accuracy)}
      </h3>
      <ScrollRegion label={`${title}: confusion matrix`}>
        <table className="w-fit border-collapse text-xs">
          <caption className="text-left text-zinc-600 dark:text-zinc-400">Rows: the example&apos;s behaviour; columns: what the model chose.</caption>
          <thead>
            <tr>
              <th className="px-2 text-left">behaviour</th>
              {labels.map((l) => (
                <th key={l} scope="col" className="px-2">
                  {l}
                </th>
              ))}
              <th className="px-2">precision</th>
              <th className="px-2">recall</th>
            </tr>
          </thead>
          <tbody>
            {labels.map((l, i) => (
              <tr key={l}>
                <th scope="row" className="px-2 text-left font-normal">
                  {l}
                </th>
                {matrix[i]!.map((n, j) => (
                  <td key={j} className={`px-2 text-center ${i === j ? "font-semibold text-green-700 dark:text-green-400" : n ? "text-red-700 dark:text-red-400" : ""}`}>
                    {n}
                  </td>
                ))}
                <td className="px-2 text-center">{pct(report.labels[i]!.precision)}</td>
                <td className="px-2 text-center">{pct(report.labels[i]!.recall)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
