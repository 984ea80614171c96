"use client";

import { useState, useTransition } from "react";
import type { ActionState } from "./action-form";

interface Props {
  action: () => Promise<ActionState>;
  /** Once there are documents, the offer is a plain button: loading again changes nothing already loaded. */
  compact?: boolean;
}

export function SampleOffer({ action, compact }: Props) {
  const [pending, start] = useTransition();
  const [state, setState] = useState<ActionState>({});
  const button = (
    <span className="flex flex-wrap items-center gap-2 text-sm">
      <button
        disabled={pending}
        onClick={() => start(async () => setState(await action()))}
        className="w-fit rounded-md bg-blue-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60"
      >
        {pending ? "Loading…" : "Load sample policies"}
      </button>
      {state.message && <span role="status">{state.message}</span>}
      {state.error && (
        <span role="alert" className="text-red-700 dark:text-red-400">
          {state.error}
        </span>
      )}
    </span>
  );
  if (compact) return button;
  return (
    <div className="m-4 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-blue-200 bg-blue-50 p-4 text-sm dark:border-blue-900 dark:bg-blue-950">
      <p>
        No documents yet. Load the sample company policies (travel, leave, expenses, IT security) to try Groundwork
        right away, or upload your own.
      </p>
      {button}
    </div>
  );
}
