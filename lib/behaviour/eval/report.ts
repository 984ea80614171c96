import type { BehaviourSpec } from "../spec";
import { goldenCases } from "./cases";
import { behaviourStats, type ResultLike } from "./compare";
import { formatTopicScores, topicScores } from "./topic-scores";

const pct = (rate: number | null) => (rate == null ? "  n/a" : `${(rate * 100).toFixed(0).padStart(4)}%`);

/** The command-line report: pass rate per behaviour, then every failure with its case. */
export function formatRunReport(title: string, results: ResultLike[]): string {
  const stats = behaviourStats(results);
  const width = Math.max(...stats.map((s) => s.behaviour.length), 9);
  const lines = [title, "", `${"behaviour".padEnd(width)}  pass rate  passed  failed  skipped`];
  for (const s of stats) lines.push(`${s.behaviour.padEnd(width)}  ${pct(s.rate).padStart(9)}  ${String(s.passed).padStart(6)}  ${String(s.failed).padStart(6)}  ${String(s.skipped).padStart(7)}`);
  const decided = results.filter((r) => r.status !== "skipped");
  const passed = decided.filter((r) => r.status === "pass").length;
  lines.push("", `overall: ${passed}/${decided.length} decided cases passed, ${results.length - decided.length} skipped`);
  const failures = results.filter((r) => r.status === "fail");
  if (failures.length) lines.push("", "Failures:");
  for (const f of failures) {
    lines.push(`- [${f.behaviour}] ${f.caseId}: ${f.reason ?? "failed"}`, `    question: ${f.question}`, `    expected: ${f.expected}`, `    got:      ${f.output.replace(/\n/g, "\n              ")}`);
  }
  const skipped = results.filter((r) => r.status === "skipped");
  if (skipped.length) lines.push("", `Skipped (${skipped.length}): ${[...new Set(skipped.map((s) => s.reason))].join("; ")}`);
  return lines.join("\n");
}

/** The run's report, then the precision and recall of each refuse and escalate topic over the spec's cases. */
export function formatEvalRun(title: string, results: ResultLike[], spec: BehaviourSpec): string {
  const scores = topicScores(goldenCases(spec), new Map(results.map((r) => [r.caseId, r.output])), spec);
  return `${formatRunReport(title, results)}\n\nRefusals and escalations over the cases (none is a training example):\n${formatTopicScores(scores)}`;
}
