import Link from "next/link";
import type { ThumbsDown, UnansweredQuestion } from "@/lib/analytics/cited-sources";
import { viewerUrl } from "@/lib/sources/urls";

/** Where an admin reads the whole exchange, at the answer (a full navigation, so the answer is the :target). */
const reviewHref = (conversationId: string, messageId: string) => `/admin/conversations/${conversationId}#m-${messageId}`;

interface Props {
  thumbsDown: ThumbsDown[];
  unanswered: UnansweredQuestion[];
  days: number;
}

/** The two lists that point at missing or wrong policies: answers rated down, and questions nothing answered. */
export function FailedAnswers({ thumbsDown, unanswered, days }: Props) {
  return (
    <div className="grid gap-8 md:grid-cols-2">
      <section aria-labelledby="thumbs-down" className="flex flex-col gap-2">
        <h2 id="thumbs-down" className="font-medium">
          Answers rated thumbs down ({thumbsDown.length})
        </h2>
        {thumbsDown.length === 0 && <p className="text-sm text-zinc-600 dark:text-zinc-400">No thumbs down in the last {days} days.</p>}
        <ul className="flex flex-col gap-3 text-sm">
          {thumbsDown.map((t) => (
            <li key={`${t.messageId}-${t.userEmail}`} data-testid="thumbs-down" className="rounded-md border border-zinc-200 p-2 dark:border-zinc-800">
              <a className="font-medium underline" href={reviewHref(t.conversationId, t.messageId)}>
                {t.question ?? "(question not found)"}
              </a>
              {t.comment && <p className="mt-1 italic text-zinc-700 dark:text-zinc-300">“{t.comment}”</p>}
              <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
                {t.userEmail} · {t.at.toISOString().slice(0, 10)} ·{" "}
                {t.sources.length === 0 ? "cited no source" : "sources: "}
                {t.sources.map((s, i) => (
                  <span key={s.n}>
                    {i > 0 && ", "}
                    <Link className="underline" href={viewerUrl(s.documentId, s.versionId, s.chunkId)}>
                      [{s.n}] {s.title} v{s.version}
                    </Link>
                    {s.deleted && " (deleted)"}
                  </span>
                ))}
              </p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="unanswered" className="flex flex-col gap-2">
        <h2 id="unanswered" className="font-medium">
          Questions the assistant could not answer ({unanswered.length})
        </h2>
        {unanswered.length === 0 && <p className="text-sm text-zinc-600 dark:text-zinc-400">Every question in the last {days} days found an answer.</p>}
        <ul className="flex flex-col gap-1 text-sm">
          {unanswered.map((q) => (
            <li key={q.messageId} data-testid="unanswered">
              <a className="underline" href={reviewHref(q.conversationId, q.messageId)}>
                {q.question.trim()}
              </a>{" "}
              <span className="text-zinc-600 dark:text-zinc-400">
                {q.asked > 1 ? `asked ${q.asked} times, last ` : ""}
                {q.lastAskedAt.toISOString().slice(0, 10)}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
