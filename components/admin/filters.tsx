import type { ReactNode } from "react";
import { input } from "./styles";

/** A plain GET form: the filters live in the URL, so a filtered list can be shared and reloaded. */
export function FilterForm({ label, children }: { label: string; children: ReactNode }) {
  return (
    <form role="search" aria-label={label} className="flex flex-wrap items-end gap-2 text-sm">
      {children}
      <button className="rounded-md border border-zinc-300 px-3 py-1.5 dark:border-zinc-700">Filter</button>
    </form>
  );
}

export function FilterInput({ label, name, value, placeholder, type = "text" }: { label: string; name: string; value?: string; placeholder?: string; type?: "text" | "date" }) {
  return (
    <label className="flex flex-col gap-1">
      {label}
      <input name={name} type={type} defaultValue={value} placeholder={placeholder} className={input} />
    </label>
  );
}

/** A select whose empty choice, "Any", means no filter. `options`: value and label. */
export function FilterSelect({ label, name, value, options }: { label: string; name: string; value?: string; options: [string, string][] }) {
  return (
    <label className="flex flex-col gap-1">
      {label}
      <select name={name} defaultValue={value ?? ""} className={input}>
        <option value="">Any</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
