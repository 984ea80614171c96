"use client";

import { useActionState } from "react";

interface State {
  error?: string;
  message?: string;
}

interface Props {
  action: (state: State, form: FormData) => Promise<State>;
  submit: string;
  children?: React.ReactNode;
  className?: string;
  /** A quieter button for secondary actions in lists. */
  secondary?: boolean;
}

/** A form bound to a server action, showing its outcome next to the button. */
export function ActionForm({ action, submit, children, className, secondary }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const button = secondary
    ? "rounded-md border border-zinc-300 px-2 py-1 text-xs dark:border-zinc-700"
    : "rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white dark:bg-zinc-100 dark:text-zinc-900";
  return (
    <form action={formAction} className={className ?? "flex flex-col gap-2 text-sm"}>
      {children}
      <div className="flex flex-wrap items-center gap-3">
        <button disabled={pending} className={`w-fit disabled:opacity-60 ${button}`}>
          {pending ? "Working…" : submit}
        </button>
        {state.message && <span role="status">{state.message}</span>}
        {state.error && (
          <span role="alert" className="text-red-700 dark:text-red-400">
            {state.error}
          </span>
        )}
      </div>
    </form>
  );
}
