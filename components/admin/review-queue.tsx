import { ThumbsDown, ThumbsUp } from "lucide-react";
import type { AnsweredTurn } from "@/lib/behaviour/examples";
import { ActionForm } from "./action-form";
import { card, input } from "./styles";

type Action = React.ComponentProps<typeof ActionForm>["action"];

/** Answers to review, thumbs-down first: the admin edits the answer into a correction example. */
export function ReviewQueue({ turns, correct, addThumbsUp }: { turns: AnsweredTurn[]; correct: Action; addThumbsUp: Action }) {
  if (turns.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No answers to review yet.</p>;
  return (
    <ul className="flex flex-col gap-3">
      {turns.map((t) => (
        <li key={t.messageId} className={card} data-testid="review-item">
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <strong className="flex-1">{t.question}</strong>
            {/* Drawn icons, not emoji: Debian's Chromium has no emoji font and shows empty boxes. */}
            <span className="inline-flex items-center gap-1">
              <ThumbsUp aria-hidden className="size-4" /> {t.ups}
              <span className="sr-only">thumbs up</span>
            </span>
            <span className="inline-flex items-center gap-1">
              <ThumbsDown aria-hidden className="size-4" /> {t.downs}
              <span className="sr-only">thumbs down</span>
            </span>
          </div>
          {t.comments.length > 0 && <p className="text-sm text-zinc-600 dark:text-zinc-400">Feedback: {t.comments.join(" · ")}</p>}
          <p className="text-xs text-zinc-600 dark:text-zinc-400">Sources: {t.sources.map((s) => `[${s.n}] ${s.title}`).join(", ") || "none"}</p>
          <ActionForm action={correct} submit="Save correction">
            <input type="hidden" name="messageId" value={t.messageId} />
            <label className="flex flex-col gap-1">
              Corrected answer
              <textarea name="answer" defaultValue={t.answer} rows={4} className={input} />
            </label>
            <label className="flex flex-col gap-1">
              Tags (comma-separated, blank to infer)
              <input name="tags" className={input} placeholder="cites, format" />
            </label>
          </ActionForm>
          {t.ups > 0 && (
            <ActionForm action={addThumbsUp} submit="Add this thumbs-up answer as it is" secondary>
              <input type="hidden" name="messageId" value={t.messageId} />
            </ActionForm>
          )}
        </li>
      ))}
    </ul>
  );
}
