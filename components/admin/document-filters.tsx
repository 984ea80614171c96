const TYPES: [string, string][] = [
  ["text/markdown", "Markdown"],
  ["text/plain", "Text"],
  ["text/html", "HTML"],
  ["application/pdf", "PDF"],
  ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word"],
  ["application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint"],
  ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel"],
];

const field = "rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900";

interface Props {
  filters: { q?: string; status?: string; mime?: string; groupId?: string };
  groups: { id: string; name: string }[];
}

/** A plain GET form: the filters live in the URL, so a filtered list can be shared and reloaded. */
export function DocumentFilters({ filters, groups }: Props) {
  return (
    <form role="search" aria-label="Filter documents" className="flex flex-wrap items-end gap-2">
      <label className="flex flex-col gap-1 text-sm">
        Search
        <input name="q" defaultValue={filters.q} placeholder="Title or file name" className={field} />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Status
        <select name="status" defaultValue={filters.status ?? ""} className={field}>
          <option value="">Any</option>
          {["queued", "processing", "ready", "failed"].map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Type
        <select name="mime" defaultValue={filters.mime ?? ""} className={field}>
          <option value="">Any</option>
          {TYPES.map(([mime, label]) => (
            <option key={mime} value={mime}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Group
        <select name="groupId" defaultValue={filters.groupId ?? ""} className={field}>
          <option value="">Any</option>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
      </label>
      <button className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm dark:border-zinc-700">Filter</button>
    </form>
  );
}
