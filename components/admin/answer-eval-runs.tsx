import Link from "next/link";
import type { AnswerReport } from "@/lib/evaluation/answer-metrics";
import type { AnswerLine } from "@/lib/evaluation/answer-run";
import { ScrollRegion } from "./scroll-region";

export interface RunView {
  id: string;
  setName: string;
  modelName: string;
  status: "running" | "done" | "failed";
  error: string | null;
  questionsDone: number;
  questionsTotal: number;
  report: AnswerReport | null;
  startedAt: string;
}

const pct = (x: number | null | undefined) => (x == null ? "n/a" : `${Math.round(x * 100)}%`);
const ms = (x: number | null) => (x == null ? "n/a" : x < 1000 ? `${Math.round(x)} ms` : `${(x / 1000).toFixed(1)} s`);
const when = (iso: string) => new Date(iso).toISOString().slice(0, 16).replace("T", " ");

/** The runs, newest first: progress while running, the reason when failed, the figures when done. */
export function AnswerEvalRuns({ runs, shownId }: { runs: RunView[]; shownId: string | null }) {
  if (runs.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No runs yet.</p>;
  return (
    <ol className="flex flex-col gap-3">
      {runs.map((run) => (
        <li key={run.id} data-testid="answer-eval-run" data-status={run.status} className="flex flex-col gap-2 rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-800">
          <div className="flex flex-wrap items-baseline justify-between gap-x-4">
            <span className="font-medium">
              {run.setName} · {run.modelName}
            </span>
            <span className="text-xs text-zinc-600 dark:text-zinc-400">started {when(run.startedAt)} UTC</span>
          </div>
          {run.status === "running" && (
            <div className="flex flex-wrap items-center gap-2">
              <progress max={run.questionsTotal} value={run.questionsDone} aria-label={`${run.setName} progress`} className="h-2 w-40" />
              <span aria-live="polite" data-testid="answer-eval-progress">
                {run.questionsDone} of {run.questionsTotal} questions
              </span>
            </div>
          )}
          {run.status === "failed" && <p className="text-red-700 dark:text-red-400">Failed: {run.error}</p>}
          {run.status === "done" && run.report && <Figures report={run.report} />}
          {run.status === "done" && run.id !== shownId && (
            <Link className="w-fit underline" href={`/admin/answer-quality?run=${run.id}`}>
              Show its questions
            </Link>
          )}
        </li>
      ))}
    </ol>
  );
}

function Figures({ report }: { report: AnswerReport }) {
  const { answerable, unanswerable, behaviour, latencyMs } = report;
  const figures: [string, string][] = [
    ["False refusals", `${pct(answerable.falseRefusalRate)} of ${answerable.n}`],
    ["Cited the right file", pct(answerable.citationFileHit)],
    ["Cited the right page", pct(answerable.citationPageHit)],
    ["Retrieval hit", pct(answerable.retrievalHit)],
    ["Answer recall", pct(answerable.answerRecall)],
    ["Token F1", pct(answerable.tokenF1)],
    ["Declined when unanswerable", `${pct(unanswerable.declineRate)} of ${unanswerable.n}`],
    ["Behaviour accuracy", `${pct(behaviour.accuracy)} of ${behaviour.n}`],
    ["Latency p50 / p95", `${ms(latencyMs.p50)} / ${ms(latencyMs.p95)}`],
  ];
  return (
    <dl data-testid="answer-eval-figures" className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-0.5 sm:grid-cols-[auto_1fr_auto_1fr]">
      {figures.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-zinc-600 dark:text-zinc-400">{label}</dt>
          <dd className="tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A finished run's questions in the set's order. */
export function AnswerEvalQuestions({ run, questions }: { run: RunView; questions: AnswerLine[] }) {
  return (
    <section aria-labelledby="answer-eval-questions" className="flex flex-col gap-2">
      <h2 id="answer-eval-questions" className="font-medium">
        Questions of {run.setName} · {run.modelName} ({when(run.startedAt)} UTC)
      </h2>
      <ScrollRegion label="Questions of the run" testId="answer-eval-questions">
        <table className="w-full min-w-[36rem] text-left text-sm">
          <thead className="border-b border-zinc-200 dark:border-zinc-800">
            <tr>
              <th scope="col" className="py-1 pr-2">Question</th>
              <th scope="col" className="px-2">Declined</th>
              <th scope="col" className="px-2">Cited</th>
              <th scope="col" className="px-2 text-right">Recall</th>
            </tr>
          </thead>
          <tbody>
            {questions.map((q) => (
              <tr key={q.id} data-testid="answer-eval-question" className="border-b border-zinc-100 align-top dark:border-zinc-900">
                <td className="py-1.5 pr-2">
                  <span className="text-xs text-zinc-600 dark:text-zinc-400">{q.id}</span> {q.question}
                </td>
                <td className="px-2 py-1.5">{q.decline ? "declined" : "answered"}</td>
                <td className="px-2 py-1.5 break-all">{q.cited.length ? q.cited.map((c) => (c.page ? `${c.file} p.${c.page}` : c.file)).join(", ") : "none"}</td>
                <td className="px-2 py-1.5 text-right tabular-nums">{pct(q.scores.answerRecall)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
