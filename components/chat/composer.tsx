"use client";

import { useState } from "react";

interface Props {
  busy: boolean;
  /** The question box, owned by the chat so a refused question can be put back. */
  text: string;
  onTextChange: (text: string) => void;
  /** The longest question the server accepts. */
  maxChars: number;
  /** Why the last question was not answered (shown here, next to the box, where it is seen). */
  error: string | null;
  onSend: (text: string) => void;
  onStop: () => void;
}

/** The counter appears from this share of the limit on, before it matters. */
const COUNTER_FROM = 0.8;

export function Composer({ busy, text, onTextChange, maxChars, error, onSend, onStop }: Props) {
  const [tooLong, setTooLong] = useState(false);
  const length = text.trim().length;
  const over = length > maxChars;
  const submit = () => {
    const question = text.trim();
    if (!question || busy) return;
    // Refused here, with the question left in the box to shorten, rather than sent to be refused.
    if (over) return setTooLong(true);
    setTooLong(false);
    onSend(question);
  };
  const shownError = tooLong && over ? `Questions can be at most ${maxChars.toLocaleString("en")} characters. Shorten it by ${(length - maxChars).toLocaleString("en")} and ask again.` : error;
  return (
    <form
      className="border-t border-zinc-200 p-4 dark:border-zinc-800"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {shownError && (
        <p role="alert" data-testid="composer-error" className="mx-auto mb-2 max-w-3xl rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          {shownError}
        </p>
      )}
      <div className="mx-auto flex max-w-3xl gap-2">
        <label htmlFor="question" className="sr-only">
          Your question
        </label>
        <textarea
          id="question"
          rows={2}
          value={text}
          onChange={(e) => onTextChange(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.shiftKey) {
              e.preventDefault();
              submit();
            }
          }}
          placeholder="Ask about travel, leave, expenses, security…"
          aria-describedby="question-hint question-count"
          aria-invalid={over || undefined}
          className="flex-1 resize-none rounded-md border border-zinc-300 bg-white px-3 py-2 aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-900"
        />
        {busy ? (
          <button type="button" onClick={onStop} aria-keyshortcuts="Escape" className="rounded-md border border-zinc-300 px-4 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-zinc-700">
            Stop
          </button>
        ) : (
          <button type="submit" disabled={!text.trim()} className="rounded-md bg-zinc-900 px-4 font-medium text-white focus-visible:outline-2 focus-visible:outline-blue-600 disabled:opacity-50 dark:bg-zinc-100 dark:text-zinc-900">
            Ask
          </button>
        )}
      </div>
      <div className="mx-auto mt-1 flex max-w-3xl justify-between gap-2 text-xs text-zinc-600 dark:text-zinc-400">
        <p id="question-hint">Enter sends, Shift+Enter starts a new line{busy ? ", Escape stops the answer" : ""}.</p>
        <p id="question-count" data-testid="question-count" className={over ? "font-medium text-red-700 dark:text-red-300" : undefined}>
          {length >= maxChars * COUNTER_FROM ? `${length.toLocaleString("en")} / ${maxChars.toLocaleString("en")}` : ""}
        </p>
      </div>
    </form>
  );
}
