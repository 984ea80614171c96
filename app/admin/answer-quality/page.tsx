import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { answerEvalRunQuestions, listAnswerEvalRuns } from "@/db/queries/answer-eval-runs";
import { listChatModels } from "@/db/queries/chat-models";
import { AnswerEvalForm } from "@/components/admin/answer-eval-form";
import { AnswerEvalQuestions, AnswerEvalRuns, type RunView } from "@/components/admin/answer-eval-runs";
import { LiveRefresh } from "@/components/admin/live-refresh";
import { resolveActiveModel } from "@/lib/ai/registry";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { AnswerLine } from "@/lib/evaluation/answer-run";
import { findAnswerSets } from "@/lib/evaluation/answer-sets";
import { startAnswerEvalAction } from "./actions";

export const metadata: Metadata = { title: "Answer quality" };

/** The answers evaluation (docs/answer-quality.md) run from the product: sets on the server, runs in the background. */
export default async function AnswerQualityPage({ searchParams }: { searchParams: Promise<{ run?: string }> }) {
  const admin = await currentUser();
  if (admin?.role !== "admin") notFound(); // checked here too: a layout is not a security boundary
  const { run: chosen } = await searchParams;
  const sets = findAnswerSets();
  await resolveActiveModel(); // a fresh install has its models seeded before the list is read
  const [models, rows] = await Promise.all([listChatModels(db()), listAnswerEvalRuns(db(), admin.id)]);
  const runs: RunView[] = rows.map((r) => ({ ...r, report: r.report as RunView["report"], startedAt: r.startedAt.toISOString() }));
  const shown = (z.uuid().safeParse(chosen).success && runs.find((r) => r.id === chosen && r.status === "done")) || runs.find((r) => r.status === "done") || null;
  const questions = shown ? ((await answerEvalRunQuestions(db(), admin.id, shown.id)) as AnswerLine[]) : [];
  const usable = sets.flatMap((s) => (s.set ? [{ name: s.name, questions: s.set.questions.length }] : []));
  const malformed = sets.flatMap((s) => (s.error !== undefined ? [s] : []));

  return (
    <section className="flex flex-col gap-6">
      <div>
        <h1 className="text-xl font-semibold">Answer quality</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Asks a set&apos;s questions of a model through the chat&apos;s own path, on the set&apos;s documents in a separate scratch database, and scores the answers,
          refusals and citations (the same figures as <code>npm run eval:answers</code>). A run goes on in the background; if its worker stops, the run starts again
          from the first question.
        </p>
      </div>
      {usable.length > 0 ? (
        <AnswerEvalForm action={startAnswerEvalAction} sets={usable} models={models.map((m) => ({ id: m.id, name: m.name, active: m.active }))} />
      ) : (
        <p className="text-sm">No answer sets were found on the server (ANSWER_SETS_DIR): add a folder per set, as docs/answer-quality.md describes.</p>
      )}
      {malformed.length > 0 && (
        <div role="alert" className="flex flex-col gap-1 text-sm">
          <h2 className="font-medium">Sets that cannot run</h2>
          <ul className="list-disc pl-5 text-red-700 dark:text-red-400" data-testid="malformed-sets">
            {malformed.map((s) => (
              <li key={s.name} className="break-words">
                {s.name}: {s.error}
              </li>
            ))}
          </ul>
        </div>
      )}
      <section aria-labelledby="answer-eval-runs" className="flex flex-col gap-2">
        <h2 id="answer-eval-runs" className="font-medium">
          Runs
        </h2>
        <AnswerEvalRuns runs={runs} shownId={shown?.id ?? null} />
      </section>
      {shown && <AnswerEvalQuestions run={shown} questions={questions} />}
      {/* Runs go on in the background: the page follows them until they finish. */}
      <LiveRefresh active={runs.some((r) => r.status === "running")} everyMs={1500} />
    </section>
  );
}
