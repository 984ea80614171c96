"use client";

import { useActionState } from "react";
import { input } from "./styles";

interface Props {
  action: (state: { error?: string; message?: string }, form: FormData) => Promise<{ error?: string; message?: string }>;
}

export function RegisterModelForm({ action }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="flex flex-col gap-2 rounded-lg border border-zinc-200 p-4 text-sm dark:border-zinc-800">
      <h2 className="font-medium">Register a base model</h2>
      <p className="text-zinc-600 dark:text-zinc-400">API keys stay in the environment (OPENAI_API_KEY, OPENAI_COMPATIBLE_API_KEY); a new model is a candidate until promoted.</p>
      <div className="grid grid-cols-2 gap-2">
        <label className="flex flex-col gap-1">
          Name
          <input name="name" className={input} placeholder="e.g. gpt-4.1-mini" />
        </label>
        <label className="flex flex-col gap-1">
          Provider
          <select name="provider" className={input} defaultValue="openai-compatible">
            <option value="openai">OpenAI</option>
            <option value="openai-compatible">OpenAI-compatible (vLLM, Ollama, LM Studio)</option>
          </select>
        </label>
        <label className="flex flex-col gap-1">
          Model id
          <input name="model" className={input} placeholder="e.g. llama3.1:8b" />
        </label>
        <label className="flex flex-col gap-1">
          Base URL
          <input name="baseUrl" className={input} placeholder="e.g. http://localhost:11434/v1" />
        </label>
      </div>
      <div className="flex items-center gap-3">
        <button disabled={pending} className="w-fit rounded-md bg-zinc-900 px-3 py-1.5 font-medium text-white dark:bg-zinc-100 dark:text-zinc-900">
          Register model
        </button>
        {state.message && <span role="status">{state.message}</span>}
        {state.error && <span role="alert" className="text-red-700 dark:text-red-400">{state.error}</span>}
      </div>
    </form>
  );
}
