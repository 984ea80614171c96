"use client";

import { useActionState } from "react";

interface Props {
  action: (state: { error?: string; message?: string }, form: FormData) => Promise<{ error?: string; message?: string }>;
  candidateName: string;
  blocked: string | null;
}

export function PromoteForm({ action, candidateName, blocked }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="flex flex-col gap-2 rounded-lg border border-zinc-200 p-4 text-sm dark:border-zinc-800">
      <h3 className="font-medium">Promote {candidateName}</h3>
      {blocked && (
        <>
          <p role="note" className="text-amber-800 dark:text-amber-300">
            Blocked: {blocked}
          </p>
          <label className="flex flex-col gap-1">
            Override reason (kept in the audit log)
            <textarea name="reason" rows={2} className="rounded-md border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900" />
          </label>
        </>
      )}
      <div className="flex items-center gap-3">
        <button disabled={pending} className="w-fit rounded-md bg-zinc-900 px-3 py-1.5 font-medium text-white dark:bg-zinc-100 dark:text-zinc-900">
          {blocked ? "Override and promote" : "Promote"}
        </button>
        {state.message && <span role="status">{state.message}</span>}
        {state.error && <span role="alert" className="text-red-700 dark:text-red-400">{state.error}</span>}
      </div>
    </form>
  );
}
