"use client";

import { useActionState, useState } from "react";

interface Props {
  action: (state: { error?: string; message?: string }, form: FormData) => Promise<{ error?: string; message?: string }>;
  everyone: boolean;
  selected: string[];
  groups: { id: string; name: string }[];
}

export function ReadersForm({ action, everyone, selected, groups }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const [open, setOpen] = useState(everyone);
  return (
    <form action={formAction} className="flex flex-col gap-2 rounded-lg border border-zinc-200 p-4 text-sm dark:border-zinc-800">
      <h2 className="font-medium">Who may read this document</h2>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="everyone" checked={open} onChange={(e) => setOpen(e.target.checked)} />
        Everyone
      </label>
      <fieldset disabled={open} className="flex flex-wrap items-center gap-3 disabled:opacity-50">
        <legend className="sr-only">Reader groups</legend>
        {groups.map((g) => (
          <label key={g.id} className="flex items-center gap-1">
            <input type="checkbox" name="group" value={g.name} defaultChecked={selected.includes(g.id)} />
            {g.name}
          </label>
        ))}
        <label className="flex items-center gap-1">
          New group
          <input name="newGroup" placeholder="e.g. finance" className="rounded-md border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900" />
        </label>
      </fieldset>
      <div className="flex items-center gap-3">
        <button disabled={pending} className="w-fit rounded-md bg-zinc-900 px-3 py-1.5 font-medium text-white dark:bg-zinc-100 dark:text-zinc-900">
          Save readers
        </button>
        {state.message && <span role="status">{state.message}</span>}
        {state.error && <span role="alert" className="text-red-700 dark:text-red-400">{state.error}</span>}
      </div>
    </form>
  );
}
