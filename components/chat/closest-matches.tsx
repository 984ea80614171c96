import { useId } from "react";
import type { SourceRef } from "@/lib/chat/types";
import { PassageSummary } from "./source-list";

/**
 * Under a "not found" answer: the passages retrieved for the question, offered to read, not as an
 * answer. Set apart from the answer (its own bordered region, no [n] markers) so nobody takes
 * them for what the assistant said.
 */
export function ClosestMatches({ sources, deleted }: { sources: SourceRef[]; deleted: string[] }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-dashed border-zinc-300 bg-zinc-50 p-3 text-sm dark:border-zinc-700 dark:bg-zinc-900">
      <h2 id={headingId} className="font-medium">
        Closest matches in your documents
      </h2>
      <p className="mb-2 text-zinc-600 dark:text-zinc-400">These passages came closest to your question. They may not answer it.</p>
      <ul className="flex flex-col gap-2" aria-labelledby={headingId}>
        {sources.map((s) => (
          <li key={s.n}>
            <PassageSummary source={s} deleted={deleted.includes(s.documentId)} />
          </li>
        ))}
      </ul>
    </section>
  );
}
