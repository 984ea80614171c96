"use client";

import { useId, useState } from "react";

export interface Feedback {
  rating: "up" | "down";
  comment: string | null;
}

interface Props {
  messageId: string;
  initial?: Feedback;
  buttonClass: string;
}

/** Thumbs up or down, then an optional comment; both can be changed later. */
export function FeedbackControls({ messageId, initial, buttonClass }: Props) {
  const [saved, setSaved] = useState<Feedback | null>(initial ?? null);
  const [commenting, setCommenting] = useState(false);
  const [comment, setComment] = useState(initial?.comment ?? "");
  const [message, setMessage] = useState("");
  const commentId = useId();

  const send = async (next: Feedback) => {
    const response = await fetch(`/api/messages/${encodeURIComponent(messageId)}/feedback`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ rating: next.rating, comment: next.comment ?? undefined }),
    }).catch(() => null);
    if (!response?.ok) {
      const body = (await response?.json().catch(() => null)) as { error?: { message?: string } } | null;
      setMessage(body?.error?.message ?? "Your feedback could not be saved. Try again.");
      return false;
    }
    setSaved(next);
    setMessage("Thanks for your feedback.");
    return true;
  };

  const rate = async (rating: Feedback["rating"]) => {
    if (await send({ rating, comment: saved?.comment ?? null })) setCommenting(true);
  };

  return (
    <>
      <button type="button" className={`${buttonClass} aria-pressed:bg-zinc-200 dark:aria-pressed:bg-zinc-700`} aria-pressed={saved?.rating === "up"} onClick={() => void rate("up")}>
        <ThumbIcon />
        <span className="sr-only">Good answer</span>
      </button>
      <button type="button" className={`${buttonClass} aria-pressed:bg-zinc-200 dark:aria-pressed:bg-zinc-700`} aria-pressed={saved?.rating === "down"} onClick={() => void rate("down")}>
        <ThumbIcon down />
        <span className="sr-only">Bad answer</span>
      </button>
      <span role="status" className="text-xs text-zinc-700 dark:text-zinc-300">
        {message}
      </span>
      {commenting && saved && (
        <form
          className="flex w-full basis-full flex-col items-end gap-1 sm:flex-row sm:items-center"
          onSubmit={(e) => {
            e.preventDefault();
            void send({ rating: saved.rating, comment: comment.trim() || null }).then((ok) => ok && setCommenting(false));
          }}
        >
          <label htmlFor={commentId} className="text-xs">
            Comment (optional)
          </label>
          <input
            id={commentId}
            value={comment}
            maxLength={2000}
            onChange={(e) => setComment(e.target.value)}
            className="min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
          />
          <button type="submit" className={buttonClass}>
            Send comment
          </button>
        </form>
      )}
    </>
  );
}

/** A thumb drawn inline: emoji depend on the fonts a machine happens to have. Shape from Lucide (ISC). */
function ThumbIcon({ down = false }: { down?: boolean }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" width="14" height="14" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" className={down ? "rotate-180" : undefined}>
      <path d="M7 10v12" />
      <path d="M15 5.88 14 10h5.83a2 2 0 0 1 1.92 2.56l-2.33 8A2 2 0 0 1 17.5 22H4a2 2 0 0 1-2-2v-8a2 2 0 0 1 2-2h2.76a2 2 0 0 0 1.79-1.11L12 2a3.13 3.13 0 0 1 3 3.88Z" />
    </svg>
  );
}
