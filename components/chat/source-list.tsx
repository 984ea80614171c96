import type { SourceRef } from "@/lib/chat/types";
import { sourceHref, sourceLocation } from "./citation-chip";

/** The sources an answer cites, with the same details its citation chips show. */
export function SourceList({ sources, deleted }: { sources: SourceRef[]; deleted: string[] }) {
  return (
    <section aria-label="Sources" className="rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-800">
      <h2 className="mb-2 font-medium">Sources</h2>
      <ol className="flex flex-col gap-2">
        {sources.map((s) => (
          <li key={s.n} className="flex gap-2">
            <span className="font-mono text-zinc-600 dark:text-zinc-400">[{s.n}]</span>
            <PassageSummary source={s} deleted={deleted.includes(s.documentId)} />
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A passage as a link into the viewer: title, where in the document, version and a snippet. */
export function PassageSummary({ source: s, deleted }: { source: SourceRef; deleted: boolean }) {
  return (
    <div>
      <a className="font-medium underline" href={sourceHref(s)}>
        {s.title}
      </a>
      <span className="text-zinc-600 dark:text-zinc-400">
        {sourceLocation(s) && ` · ${sourceLocation(s)}`} · version {s.versionNumber}
      </span>
      {deleted && <span className="ml-1 rounded bg-zinc-200 px-1 text-xs dark:bg-zinc-800">source deleted</span>}
      <p className="line-clamp-2 text-zinc-700 dark:text-zinc-300">{s.snippet}</p>
    </div>
  );
}
