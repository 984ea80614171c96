"use client";

import { useState, useTransition } from "react";
import { ConfirmDialog } from "../ui/confirm-dialog";
import type { ActionState } from "./action-form";

interface Props {
  /** How many documents the table shows: the ones re-indexed. */
  count: number;
  /** The table stops at its limit: there are more than `count`, and all of them are re-indexed. */
  more: boolean;
  /** Whether the table is filtered: the button then names what it re-indexes as "these". */
  filtered: boolean;
  reindex: () => Promise<ActionState>;
}

/** Reads the documents in the table again with the current parsers, after an upgrade that reads some files better. */
export function ReindexShown({ count, more, filtered, reindex }: Props) {
  const [pending, start] = useTransition();
  const [state, setState] = useState<ActionState>({});
  const label = `Re-index ${filtered ? "these" : "all"} ${count}${more ? "+" : ""} ${count === 1 ? "document" : "documents"}`;
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <ConfirmDialog
        trigger={
          <button disabled={pending} className="rounded-md border border-zinc-300 px-3 py-1.5 disabled:opacity-60 dark:border-zinc-700">
            {pending ? "Re-indexing…" : label}
          </button>
        }
        title={`${label}?`}
        description="Each is read again from its file with the current parsers, as a new version. Answers keep using the current version until the new one is ready, and past answers keep citing theirs."
        confirmLabel="Re-index"
        onConfirm={() => start(async () => setState(await reindex()))}
      />
      {state.message && <span role="status">{state.message}</span>}
      {state.error && (
        <span role="alert" className="text-red-700 dark:text-red-400">
          {state.error}
        </span>
      )}
    </div>
  );
}
