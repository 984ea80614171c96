"use client";

import { useActionState, useState } from "react";
import type { BehaviourSpec } from "@/lib/behaviour/spec";
import { input as inputClass } from "./styles";

interface State {
  message?: string;
  error?: string;
  issues?: { path: string; message: string }[];
}

interface Props {
  initial: BehaviourSpec;
  action: (state: State, form: FormData) => Promise<State>;
}

/**
 * Keywords are edited as comma-separated text, example questions one per line (a question may hold
 * a comma); both are split on save, so typing a separator never loses it.
 */
type Lists = "keywords" | "examples" | "counterExamples";
type Draft<T> = Omit<T, Lists> & Record<Lists, string>;
type RefuseDraft = Draft<BehaviourSpec["refuse"][number]>;
type EscalateDraft = Draft<BehaviourSpec["escalate"][number]>;

const lines = (text: string, separator: RegExp) => text.split(separator).map((k) => k.trim()).filter(Boolean);
const toDraft = <T extends { keywords: string[]; examples?: string[]; counterExamples?: string[] }>(t: T) => ({
  ...t,
  keywords: t.keywords.join(", "),
  examples: (t.examples ?? []).join("\n"),
  counterExamples: (t.counterExamples ?? []).join("\n"),
});
const fromDraft = <T extends Record<Lists, string>>(t: T) => {
  const [examples, counterExamples] = [lines(t.examples, /\n/), lines(t.counterExamples, /\n/)];
  return { ...t, keywords: lines(t.keywords, /[,\n]/), examples: examples.length ? examples : undefined, counterExamples: counterExamples.length ? counterExamples : undefined };
};

const input = `w-full ${inputClass}`;

export function SpecForm({ initial, action }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const [format, setFormat] = useState(initial.format);
  const [tone, setTone] = useState(initial.tone);
  const [notFound, setNotFound] = useState(initial.notFound);
  const [disclaimer, setDisclaimer] = useState(initial.disclaimer ?? "");
  const [refuse, setRefuse] = useState<RefuseDraft[]>(initial.refuse.map(toDraft));
  const [escalate, setEscalate] = useState<EscalateDraft[]>(initial.escalate.map(toDraft));

  const spec = {
    format,
    tone,
    refuse: refuse.map(fromDraft),
    escalate: escalate.map(fromDraft),
    notFound,
    ...(disclaimer.trim() ? { disclaimer: disclaimer.trim() } : {}),
  };
  const errorsAt = (path: string) => (state.issues ?? []).filter((i) => i.path === path || i.path.startsWith(`${path}.`));
  const errors = (path: string) =>
    errorsAt(path).map((i) => (
      <span key={i.path + i.message} role="alert" className="text-xs text-red-700 dark:text-red-400">
        {i.message}
      </span>
    ));
  const text = (label: string, path: string, value: string, set: (v: string) => void, long = false) => (
    <label className="flex flex-col gap-1">
      {label}
      {long ? (
        <textarea className={input} rows={2} value={value} onChange={(e) => set(e.target.value)} aria-invalid={errorsAt(path).length > 0} />
      ) : (
        <input className={input} value={value} onChange={(e) => set(e.target.value)} aria-invalid={errorsAt(path).length > 0} />
      )}
      {errors(path)}
    </label>
  );
  const update = <T,>(list: T[], set: (l: T[]) => void, i: number, patch: Partial<T>) => set(list.map((t, j) => (j === i ? { ...t, ...patch } : t)));

  return (
    <form action={formAction} className="flex flex-col gap-5 text-sm">
      <input type="hidden" name="spec" value={JSON.stringify(spec)} />
      <fieldset className="flex flex-col gap-2 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
        <legend className="px-1 font-medium">Answer format</legend>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={format.bulletLists} onChange={(e) => setFormat({ ...format, bulletLists: e.target.checked })} />
          Lists of several items as bullet points
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={format.citeEveryFactualSentence} onChange={(e) => setFormat({ ...format, citeEveryFactualSentence: e.target.checked })} />
          A citation on every factual sentence
        </label>
        <label className="flex w-48 flex-col gap-1">
          Length norm (words at most)
          <input className={input} type="number" value={format.maxWords} onChange={(e) => setFormat({ ...format, maxWords: Number(e.target.value) })} />
          {errors("format.maxWords")}
        </label>
      </fieldset>

      {text("Tone", "tone", tone, setTone, true)}
      {text("When the sources do not contain the answer, say", "notFound", notFound, setNotFound, true)}
      {text("Disclaimer appended to answers (optional)", "disclaimer", disclaimer, setDisclaimer, true)}

      <fieldset className="flex flex-col gap-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
        <legend className="px-1 font-medium">Topics to refuse with a referral</legend>
        {refuse.map((t, i) => (
          <div key={i} role="group" aria-label={`Refuse topic ${i + 1}`} className="grid grid-cols-2 gap-2 border-b border-zinc-100 pb-3 dark:border-zinc-900">
            {text("Topic id", `refuse.${i}.id`, t.id, (v) => update(refuse, setRefuse, i, { id: v }))}
            {text("Keywords (comma-separated)", `refuse.${i}.keywords`, t.keywords, (v) => update(refuse, setRefuse, i, { keywords: v }), true)}
            {text("Example questions of this topic (one per line)", `refuse.${i}.examples`, t.examples, (v) => update(refuse, setRefuse, i, { examples: v }), true)}
            {text("Similar questions to answer, not refuse (one per line)", `refuse.${i}.counterExamples`, t.counterExamples, (v) => update(refuse, setRefuse, i, { counterExamples: v }), true)}
            {text("Description", `refuse.${i}.description`, t.description, (v) => update(refuse, setRefuse, i, { description: v }), true)}
            {text("Referral", `refuse.${i}.referral`, t.referral, (v) => update(refuse, setRefuse, i, { referral: v }), true)}
            <button type="button" className="w-fit text-red-700 underline dark:text-red-400" onClick={() => setRefuse(refuse.filter((_, j) => j !== i))}>
              Remove topic
            </button>
          </div>
        ))}
        <button type="button" className="w-fit underline" onClick={() => setRefuse([...refuse, { id: "", description: "", keywords: "", examples: "", counterExamples: "", referral: "" }])}>
          Add a topic to refuse
        </button>
      </fieldset>

      <fieldset className="flex flex-col gap-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
        <legend className="px-1 font-medium">Topics to escalate</legend>
        {escalate.map((t, i) => (
          <div key={i} role="group" aria-label={`Escalate topic ${i + 1}`} className="grid grid-cols-2 gap-2 border-b border-zinc-100 pb-3 dark:border-zinc-900">
            {text("Topic id", `escalate.${i}.id`, t.id, (v) => update(escalate, setEscalate, i, { id: v }))}
            {text("Keywords (comma-separated)", `escalate.${i}.keywords`, t.keywords, (v) => update(escalate, setEscalate, i, { keywords: v }), true)}
            {text("Example questions of this topic (one per line)", `escalate.${i}.examples`, t.examples, (v) => update(escalate, setEscalate, i, { examples: v }), true)}
            {text("Similar questions that need no escalation (one per line)", `escalate.${i}.counterExamples`, t.counterExamples, (v) => update(escalate, setEscalate, i, { counterExamples: v }), true)}
            {text("Description", `escalate.${i}.description`, t.description, (v) => update(escalate, setEscalate, i, { description: v }), true)}
            {text("Escalation message", `escalate.${i}.message`, t.message, (v) => update(escalate, setEscalate, i, { message: v }), true)}
            {text("Contact", `escalate.${i}.contact`, t.contact, (v) => update(escalate, setEscalate, i, { contact: v }))}
            <button type="button" className="w-fit self-end text-red-700 underline dark:text-red-400" onClick={() => setEscalate(escalate.filter((_, j) => j !== i))}>
              Remove topic
            </button>
          </div>
        ))}
        <button type="button" className="w-fit underline" onClick={() => setEscalate([...escalate, { id: "", description: "", keywords: "", examples: "", counterExamples: "", message: "", contact: "" }])}>
          Add a topic to escalate
        </button>
      </fieldset>

      <label className="flex flex-col gap-1">
        Note for this version
        <input name="note" className={input} placeholder="What changed and why" />
      </label>
      <div className="flex items-center gap-3">
        <button disabled={pending} className="w-fit rounded-md bg-zinc-900 px-3 py-1.5 font-medium text-white dark:bg-zinc-100 dark:text-zinc-900">
          Save as new version
        </button>
        {state.message && <span role="status">{state.message}</span>}
        {state.error && <span role="alert" className="text-red-700 dark:text-red-400">{state.error}</span>}
      </div>
    </form>
  );
}
