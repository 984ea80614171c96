"use client";

import { useState, useTransition } from "react";
import { ConfirmDialog } from "../ui/confirm-dialog";
import type { Confirmation } from "./action-form";

interface Props {
  action: () => Promise<{ error?: string; message?: string }>;
  label: string;
  pendingLabel?: string;
  confirm?: Confirmation;
}

/** A button that runs a server action and says how it went. */
export function ActionButton({ action, label, pendingLabel, confirm }: Props) {
  const [pending, start] = useTransition();
  const [state, setState] = useState<{ error?: string; message?: string }>({});
  const run = () => start(async () => setState(await action()));
  const button = (
    <button disabled={pending} onClick={confirm ? undefined : run} className="rounded-md border border-zinc-300 px-2 py-1 disabled:opacity-50 dark:border-zinc-700">
      {pending ? (pendingLabel ?? label) : label}
    </button>
  );
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      {confirm ? <ConfirmDialog trigger={button} title={confirm.title} description={confirm.description} confirmLabel={label} onConfirm={run} /> : button}
      {state.message && <span role="status">{state.message}</span>}
      {state.error && <span role="alert" className="text-red-700 dark:text-red-400">{state.error}</span>}
    </span>
  );
}
