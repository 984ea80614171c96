import { notFound } from "next/navigation";
import { countExamplesByTag, listExamples } from "@/db/queries/training-examples";
import { reviewQueue } from "@/db/queries/training-sources";
import { ActionForm } from "@/components/admin/action-form";
import { ExampleList } from "@/components/admin/example-list";
import { ReviewQueue } from "@/components/admin/review-queue";
import { card, input } from "@/components/admin/styles";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { addThumbsUpAction, correctAction, flagAction, generateAction, writeAction } from "./actions";

export default async function TrainingPage() {
  const user = await currentUser();
  if (user?.role !== "admin") notFound();
  const [examples, tags, queue] = await Promise.all([listExamples(db(), { limit: 300 }), countExamplesByTag(db()), reviewQueue(db(), 10)]);
  return (
    <section className="flex flex-col gap-8">
      <div className="flex flex-col gap-3">
        <h2 className="text-lg font-medium">Training examples</h2>
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
        <h3 className="font-medium">Review queue</h3>
        <ReviewQueue turns={queue} correct={correctAction} addThumbsUp={addThumbsUpAction} />
      </div>

      <div className="flex flex-col gap-3">
        <h3 className="font-medium">Write an example</h3>
        <ActionForm action={writeAction} submit="Save example" className={`${card} text-sm`}>
          <label className="flex flex-col gap-1">
            Question
            <input name="question" required className={input} />
          </label>
          <label className="flex flex-col gap-1">
            Sources (pasted; separate them with a line of ---; a first line &quot;Title: …&quot; names one)
            <textarea name="sources" rows={4} className={input} />
          </label>
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
        <h3 className="font-medium">Examples ({examples.length})</h3>
        <ExampleList examples={examples} flag={flagAction} />
      </div>
    </section>
  );
}
