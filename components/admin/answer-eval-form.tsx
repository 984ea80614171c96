"use client";

import { ActionForm, type ActionState } from "./action-form";
import { input } from "./styles";

interface Props {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  /** Sets that loaded; malformed ones are listed apart, with their error, and cannot be chosen. */
  sets: { name: string; questions: number }[];
  models: { id: string; name: string; active: boolean }[];
}

/** Starts an answers evaluation: a set on the server, a registered model (the active one by default), an optional limit. */
export function AnswerEvalForm({ action, sets, models }: Props) {
  return (
    <ActionForm action={action} submit="Run evaluation">
      <label className="flex flex-col gap-1">
        Set
        <select name="set" required className={input}>
          {sets.map((s) => (
            <option key={s.name} value={s.name}>
              {s.name} ({s.questions} questions)
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        Model
        <select name="modelId" className={input} defaultValue={models.find((m) => m.active)?.id}>
          {models.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
              {m.active ? " (active)" : ""}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        Question limit (optional)
        <input name="limit" type="number" min={1} step={1} inputMode="numeric" className={`${input} w-32`} placeholder="all" />
      </label>
    </ActionForm>
  );
}
