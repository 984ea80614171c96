"use client";

import { useState } from "react";
import type { ChatMessage } from "@/lib/chat/types";

/** A question; the last one can be edited and asked again, which replaces its answer. */
export function QuestionView({ message, onEdit }: { message: ChatMessage; onEdit?: (text: string) => void }) {
  const text = message.parts.flatMap((p) => (p.type === "text" ? [p.text] : [])).join("");
  const [draft, setDraft] = useState<string | null>(null);

  if (draft !== null && onEdit) {
    const save = () => {
      if (!draft.trim()) return;
      onEdit(draft.trim());
      setDraft(null);
    };
    return (
      <form
        className="flex flex-col gap-2 self-end sm:w-2/3"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <label htmlFor={`edit-${message.id}`} className="sr-only">
          Edit your question
        </label>
        <textarea
          id={`edit-${message.id}`}
          autoFocus
          value={draft}
          rows={3}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.shiftKey) {
              e.preventDefault();
              save();
            } else if (e.key === "Escape") {
              setDraft(null);
            }
          }}
          className="rounded-md border border-zinc-300 bg-white px-3 py-2 dark:border-zinc-700 dark:bg-zinc-900"
        />
        <div className="flex justify-end gap-2 text-sm">
          <button type="button" onClick={() => setDraft(null)} className="rounded-md border border-zinc-300 px-3 py-1 dark:border-zinc-700">
            Cancel
          </button>
          <button type="submit" disabled={!draft.trim()} className="rounded-md bg-zinc-900 px-3 py-1 text-white disabled:opacity-50 dark:bg-zinc-100 dark:text-zinc-900">
            Send
          </button>
        </div>
      </form>
    );
  }
  return (
    <div className="group flex flex-col items-end gap-1 self-end">
      <div className="whitespace-pre-wrap rounded-2xl bg-zinc-100 px-4 py-2 dark:bg-zinc-800" data-testid="user-message">
        {text}
      </div>
      {onEdit && (
        <button type="button" onClick={() => setDraft(text)} className="rounded px-1 text-xs text-zinc-600 underline dark:text-zinc-400">
          Edit question
        </button>
      )}
    </div>
  );
}
