/** A plain GET form: every inspection has a URL an admin can share or reload. */
export function RetrievalForm({ users, values }: { users: { id: string; label: string }[]; values: { q: string; as: string; after: string } }) {
  return (
    <form method="get" className="flex flex-col gap-3">
      <label className="flex flex-col gap-1 text-sm">
        Question
        <input name="q" defaultValue={values.q} required maxLength={2000} className="rounded-md border border-zinc-300 px-3 py-2 dark:border-zinc-700" />
      </label>
      <div className="flex flex-wrap gap-3">
        {/* Side by side where they fit, one under the other on a phone; a long user label shortens the select rather than widening the page. */}
        <label className="flex min-w-0 flex-1 basis-64 flex-col gap-1 text-sm">
          As user
          <select name="as" defaultValue={values.as} className="w-full rounded-md border border-zinc-300 px-3 py-2 dark:border-zinc-700">
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.label}
              </option>
            ))}
          </select>
        </label>
        <label className="flex min-w-0 flex-1 basis-64 flex-col gap-1 text-sm">
          Follow-up to (optional earlier question)
          <input name="after" defaultValue={values.after} maxLength={2000} className="rounded-md border border-zinc-300 px-3 py-2 dark:border-zinc-700" />
        </label>
      </div>
      <button type="submit" className="self-start rounded-md bg-zinc-900 px-4 py-2 text-white dark:bg-zinc-100 dark:text-zinc-900">
        Retrieve
      </button>
    </form>
  );
}
