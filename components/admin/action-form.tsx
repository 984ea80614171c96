"use client";

import { useActionState, useRef } from "react";
import { ConfirmDialog } from "../ui/confirm-dialog";

export interface ActionState {
  error?: string;
  message?: string;
  /** A path to show as a full link to copy (e.g. an invitation). */
  link?: string;
}

/** The question asked before an action that is hard to undo, and what it does. */
export interface Confirmation {
  title: string;
  description?: string;
}

interface Props {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  submit: string;
  children?: React.ReactNode;
  className?: string;
  /** Asked before submitting, for actions that are hard to undo. */
  confirm?: Confirmation;
  danger?: boolean;
  /** A quieter button for secondary actions in lists. */
  secondary?: boolean;
}

/** A server-action form that shows the action's message or error beside its button. */
export function ActionForm({ action, submit, children, className, confirm, danger, secondary }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const form = useRef<HTMLFormElement>(null);
  const button = (
    <button
      type={confirm ? "button" : "submit"}
      disabled={pending}
      className={
        danger
          ? "rounded-md border border-red-300 px-3 py-1.5 text-red-700 disabled:opacity-60 dark:border-red-800 dark:text-red-400"
          : secondary
            ? "rounded-md border border-zinc-300 px-2 py-1 text-xs disabled:opacity-60 dark:border-zinc-700"
            : "rounded-md bg-zinc-900 px-3 py-1.5 font-medium text-white disabled:opacity-60 dark:bg-zinc-100 dark:text-zinc-900"
      }
    >
      {pending ? "Working…" : submit}
    </button>
  );
  return (
    <form ref={form} action={formAction} className={className ?? "flex flex-wrap items-end gap-2 text-sm"}>
      {children}
      {confirm ? (
        // requestSubmit, not submit: the form's own checks (required fields) still run.
        <ConfirmDialog trigger={button} title={confirm.title} description={confirm.description} confirmLabel={submit} danger={danger} onConfirm={() => form.current?.requestSubmit()} />
      ) : (
        button
      )}
      {state.message && <span role="status">{state.message}</span>}
      {state.link && (
        <input
          readOnly
          aria-label="Invitation link"
          value={typeof window === "undefined" ? state.link : new URL(state.link, window.location.origin).toString()}
          onFocus={(e) => e.target.select()}
          className="w-full rounded-md border border-zinc-300 bg-zinc-50 px-2 py-1 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900"
        />
      )}
      {state.error && (
        <span role="alert" className="text-red-700 dark:text-red-400">
          {state.error}
        </span>
      )}
    </form>
  );
}


/** Checkboxes named `groupId`, one per group. */
export function GroupChoices({ groups, selected = [], legend }: { groups: { id: string; name: string }[]; selected?: string[]; legend: string }) {
  return (
    <fieldset className="flex flex-wrap items-center gap-3">
      <legend className="mb-1 text-xs text-zinc-600 dark:text-zinc-400">{legend}</legend>
      {groups.length === 0 && <span className="text-xs text-zinc-600 dark:text-zinc-400">No groups yet.</span>}
      {groups.map((g) => (
        <label key={g.id} className="flex items-center gap-1">
          <input type="checkbox" name="groupId" value={g.id} defaultChecked={selected.includes(g.id)} />
          {g.name}
        </label>
      ))}
    </fieldset>
  );
}
