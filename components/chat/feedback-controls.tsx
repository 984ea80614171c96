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
      <button type="button" className={buttonClass} aria-pressed={saved?.rating === "up"} onClick={() => void rate("up")}>
        <span aria-hidden="true">👍</span>
        <span className="sr-only">Good answer</span>
      </button>
      <button type="button" className={buttonClass} aria-pressed={saved?.rating === "down"} onClick={() => void rate("down")}>
        <span aria-hidden="true">👎</span>
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
