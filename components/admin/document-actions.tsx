"use client";

import { useState, useTransition } from "react";
import { ConfirmDialog } from "../ui/confirm-dialog";

interface Props {
  reindex: () => Promise<{ error?: string; message?: string }>;
  remove: () => Promise<{ error?: string; message?: string }>;
}

export function DocumentActions({ reindex, remove }: Props) {
  const [pending, start] = useTransition();
  const [state, setState] = useState<{ error?: string; message?: string }>({});
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <button disabled={pending} onClick={() => start(async () => setState(await reindex()))} className="rounded-md border border-zinc-300 px-3 py-1.5 dark:border-zinc-700">
        Re-index
      </button>
      <ConfirmDialog
        trigger={
          <button disabled={pending} className="rounded-md border border-red-300 px-3 py-1.5 text-red-700 dark:border-red-800 dark:text-red-400">
            Delete
          </button>
        }
        title="Delete this document?"
        description="It stops being used for answers at once."
        confirmLabel="Delete document"
        danger
        onConfirm={() => start(async () => setState(await remove()))}
      />
      {state.message && <span role="status">{state.message}</span>}
      {state.error && <span role="alert" className="text-red-700 dark:text-red-400">{state.error}</span>}
    </div>
  );
}
