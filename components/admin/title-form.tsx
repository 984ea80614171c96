"use client";

import { ActionForm, type ActionState } from "./action-form";
import { input } from "./styles";

interface Props {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  title: string;
}

/** The document's title as readers see it in answers, citations and the viewer; an admin may correct it. */
export function TitleForm({ action, title }: Props) {
  return (
    <ActionForm action={action} submit="Save title">
      <label className="flex min-w-0 flex-1 flex-col gap-1">
        <span className="text-xs text-zinc-600 dark:text-zinc-400">Title</span>
        <input name="title" defaultValue={title} required maxLength={200} className={`${input} w-full`} />
      </label>
    </ActionForm>
  );
}
