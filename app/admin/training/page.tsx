import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { countExamplesByTag, listExamples } from "@/db/queries/training-examples";
import { reviewQueue } from "@/db/queries/training-sources";
import { ActionForm } from "@/components/admin/action-form";
import { ExampleList } from "@/components/admin/example-list";
import { ReviewQueue } from "@/components/admin/review-queue";
import { card, input } from "@/components/admin/styles";
import { askerOf, currentUser } from "@/lib/auth/session";
import { retrieve } from "@/lib/retrieval/retrieve";
import { db } from "@/lib/db";
import { addThumbsUpAction, correctAction, flagAction, generateAction, writeAction } from "./actions";

export const metadata: Metadata = { title: "Training examples" };

export default async function TrainingPage({ searchParams }: { searchParams: Promise<{ find?: string }> }) {
  const user = await currentUser();
  if (user?.role !== "admin") notFound();
  const find = (await searchParams).find?.trim().slice(0, 500) ?? "";
  const [examples, tags, queue, found] = await Promise.all([
    listExamples(db(), { limit: 300 }),
    countExamplesByTag(db()),
    reviewQueue(db(), 10),
    // The same retrieval employees get, so a written example pairs a question with what it would really retrieve.
    find ? retrieve(askerOf(user), find).then((r) => r.sources) : Promise.resolve([]),
  ]);
  return (
    <section className="flex flex-col gap-8">
      <div className="flex flex-col gap-3">
        <h1 className="text-xl font-semibold">Training examples</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Examples teach behaviour (citing, format, refusing, escalating, saying when the sources lack the answer), never facts: each carries
          the sources it was answered from, and one whose answer states facts its sources lack is flagged and left out of datasets.
        </p>
        <div className="flex flex-wrap gap-4">
          <ActionForm action={addThumbsUpAction} submit="Add all new thumbs-up answers" />
          <ActionForm action={generateAction} submit="Generate refusal, escalation and not-found examples" />
        </div>
        <p className="text-sm" data-testid="tag-counts">
          {tags.length ? tags.map((t) => `${t.tag}: ${t.count}`).join(" · ") : "No examples yet."}
        </p>
      </div>

      <div className="flex flex-col gap-3">
        <h2 className="font-medium">Review queue</h2>
        <ReviewQueue turns={queue} correct={correctAction} addThumbsUp={addThumbsUpAction} />
      </div>

      <div className="flex flex-col gap-3">
        <h2 className="font-medium">Write an example</h2>
        <form method="get" className="flex gap-2 text-sm">
          <input name="find" defaultValue={find} placeholder="Find passages to use as sources" aria-label="Find passages" className={`${input} flex-1`} />
          <button className="rounded-md border border-zinc-300 px-3 py-1 dark:border-zinc-700">Find</button>
        </form>
        <ActionForm action={writeAction} submit="Save example" className={`${card} text-sm`}>
          <label className="flex flex-col gap-1">
            Question
            <input name="question" required className={input} />
          </label>
          <label className="flex flex-col gap-1">
            Sources (pasted; separate them with a line of ---; a first line &quot;Title: …&quot; names one)
            <textarea name="sources" rows={4} className={input} />
          </label>
          {found.length > 0 && (
            <fieldset className="flex flex-col gap-1">
              <legend>Passages found for “{find}” (ticked ones become sources, after any pasted ones)</legend>
              {found.map((s) => (
                <label key={s.chunkId} className="flex items-start gap-2">
                  <input type="checkbox" name="chunkId" value={s.chunkId} className="mt-1" />
                  <span>
                    <strong>{[s.title, ...s.headingPath].join(" › ")}</strong> {s.text.slice(0, 200)}
                    {s.text.length > 200 ? "…" : ""}
                  </span>
                </label>
              ))}
            </fieldset>
          )}
          <label className="flex flex-col gap-1">
            Chunk ids from the index (optional, comma-separated)
            <input name="chunkIds" className={input} />
          </label>
          <label className="flex flex-col gap-1">
            Ideal answer (cite sources as [1], [2] in the order above)
            <textarea name="answer" required rows={4} className={input} />
          </label>
          <label className="flex flex-col gap-1">
            Tags (comma-separated, blank to infer)
            <input name="tags" className={input} />
          </label>
        </ActionForm>
      </div>

      <div className="flex flex-col gap-3">
        <h2 className="font-medium">Examples ({examples.length})</h2>
        <ExampleList examples={examples} flag={flagAction} />
      </div>
    </section>
  );
}
