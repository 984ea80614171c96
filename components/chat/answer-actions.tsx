"use client";

import { useState } from "react";
import { FeedbackControls, type Feedback } from "./feedback-controls";

export type { Feedback };

interface Props {
  messageId: string;
  text: string;
  feedback?: Feedback;
  onRegenerate?: () => void;
}

const button =
  "rounded-md border border-zinc-300 px-2 py-1 text-xs hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-zinc-700 dark:hover:bg-zinc-800";

/** Copy, ask again, and rate: under every finished answer. */
export function AnswerActions({ messageId, text, feedback, onRegenerate }: Props) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
    setTimeout(() => setCopied(null), 2500);
  };
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Answer actions">
        <button type="button" className={button} onClick={() => void copy()}>
          Copy
        </button>
        {onRegenerate && (
          <button type="button" className={button} onClick={onRegenerate}>
            Regenerate
          </button>
        )}
        <FeedbackControls messageId={messageId} initial={feedback} buttonClass={button} />
        <span role="status" className="text-xs text-zinc-700 dark:text-zinc-300">
          {copied === "yes" ? "Copied to clipboard" : copied === "failed" ? "Could not copy: select the text and copy it instead." : ""}
        </span>
      </div>
    </div>
  );
}
