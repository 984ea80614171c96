import type { ValidationReport } from "@/lib/behaviour/dataset-validation";

const ICON = { pass: "✓", warn: "!", fail: "✗" } as const;
const COLOR = { pass: "text-green-700 dark:text-green-400", warn: "text-amber-700 dark:text-amber-400", fail: "text-red-700 dark:text-red-400" } as const;

export function ValidationReportView({ report }: { report: ValidationReport }) {
  return (
    <div className="flex flex-col gap-1 text-sm" data-testid="validation-report">
      <p className={report.ok ? COLOR.pass : COLOR.fail}>{report.ok ? "Valid: ready to export and train." : "Not valid: fix the failing checks and freeze a new version."}</p>
      <ul className="flex flex-col gap-0.5">
        {report.checks.map((c) => (
          <li key={c.id} className="flex gap-2">
            <span className={COLOR[c.status]} aria-label={c.status}>
              {ICON[c.status]}
            </span>
            <span className="w-28 shrink-0 text-zinc-600 dark:text-zinc-400">{c.id}</span>
            <span>{c.message}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
