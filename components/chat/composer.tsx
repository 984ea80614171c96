"use client";

import { useState } from "react";

interface Props {
  busy: boolean;
  onSend: (text: string) => void;
  onStop: () => void;
}

export function Composer({ busy, onSend, onStop }: Props) {
  const [text, setText] = useState("");
  const submit = () => {
    const question = text.trim();
    if (!question || busy) return;
    onSend(question);
    setText("");
  };
  return (
    <form
      className="border-t border-zinc-200 p-4 dark:border-zinc-800"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="mx-auto flex max-w-3xl gap-2">
        <label htmlFor="question" className="sr-only">
          Your question
        </label>
        <textarea
          id="question"
          rows={2}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.shiftKey) {
              e.preventDefault();
              submit();
            }
          }}
          placeholder="Ask about travel, leave, expenses, security…"
          aria-describedby="question-hint"
          className="flex-1 resize-none rounded-md border border-zinc-300 bg-white px-3 py-2 dark:border-zinc-700 dark:bg-zinc-900"
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
      <p id="question-hint" className="mx-auto mt-1 max-w-3xl text-xs text-zinc-600 dark:text-zinc-400">
        Enter sends, Shift+Enter starts a new line{busy ? ", Escape stops the answer" : ""}.
      </p>
    </form>
  );
}
