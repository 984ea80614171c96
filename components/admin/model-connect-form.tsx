"use client";

import { useActionState, useState } from "react";
import { MODEL_PRESETS } from "@/lib/ai/presets";
import type { ActionState } from "./action-form";
import { input } from "./styles";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

interface Props {
  test: Action;
  register: Action;
  /** Which of the key variables the server has set (never their values). */
  keysSet: Record<string, boolean>;
}

/**
 * Connect a hosted or self-hosted model: a preset fills in the provider and the usual address,
 * "Test connection" sends one short request and shows the reply or the exact error, and
 * "Register model" adds it to the registry as a candidate (promoted on the models page).
 */
export function ModelConnectForm({ test, register, keysSet }: Props) {
  const [presetId, setPresetId] = useState(MODEL_PRESETS[0]!.id);
  const preset = MODEL_PRESETS.find((p) => p.id === presetId)!;
  // Controlled, so that React's reset of a form after its action keeps what the admin typed for the next try.
  const [baseUrl, setBaseUrl] = useState(preset.baseUrl);
  const [model, setModel] = useState("");
  const [name, setName] = useState("");
  const [tested, testAction, testing] = useActionState(test, {});
  const [registered, registerAction, registering] = useActionState(register, {});
  const pending = testing || registering;
  return (
    <form className="flex flex-col gap-3 text-sm">
      <input type="hidden" name="provider" value={preset.provider} />
      <div className="grid gap-2 sm:grid-cols-2">
        <label className="flex flex-col gap-1">
          Where the model runs
          <select
            value={presetId}
            onChange={(e) => {
              const next = MODEL_PRESETS.find((p) => p.id === e.target.value)!;
              setPresetId(next.id);
              setBaseUrl(next.baseUrl);
            }}
            className={input}
          >
            {MODEL_PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          Model id
          <input name="model" required value={model} onChange={(e) => setModel(e.target.value)} placeholder={`e.g. ${preset.modelExample}`} className={input} />
        </label>
        <label className="flex flex-col gap-1">
          Base URL
          <input name="baseUrl" value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} placeholder={preset.provider === "openai" ? "blank for api.openai.com" : ""} className={input} />
        </label>
        <label className="flex flex-col gap-1">
          Name in Groundwork
          <input name="name" value={name} onChange={(e) => setName(e.target.value)} placeholder={`e.g. ${preset.label} ${preset.modelExample}`} className={input} />
        </label>
      </div>
      <p className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="key-note">
        {preset.keyVariable
          ? `The key is read from ${preset.keyVariable} in the server's environment (${keysSet[preset.keyVariable] ? "set" : "not set yet"}); it never passes through the browser.`
          : "A local server needs no key."}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <button formAction={testAction} disabled={pending} className="rounded-md border border-zinc-300 px-3 py-1.5 disabled:opacity-60 dark:border-zinc-700">
          {testing ? "Testing…" : "Test connection"}
        </button>
        <button formAction={registerAction} disabled={pending} className="rounded-md bg-zinc-900 px-3 py-1.5 font-medium text-white disabled:opacity-60 dark:bg-zinc-100 dark:text-zinc-900">
          {registering ? "Registering…" : "Register model"}
        </button>
      </div>
      {/* Each result stays until its button is pressed again: a failed test beside a later registration still explains itself. */}
      {tested.message && <p role="status" className="text-green-800 dark:text-green-300">{tested.message}</p>}
      {tested.error && <p role="alert" className="break-words text-red-700 dark:text-red-400">{tested.error}</p>}
      {registered.message && <p role="status">{registered.message}</p>}
      {registered.error && <p role="alert" className="text-red-700 dark:text-red-400">{registered.error}</p>}
    </form>
  );
}
