"use client";

import type { SourceRef } from "@/lib/chat/types";
import { viewerUrl } from "@/lib/sources/urls";
import { Tooltip } from "../ui/tooltip";

export function sourceHref(s: SourceRef): string {
  return viewerUrl(s.documentId, s.versionId, s.chunkId, s.marks);
}

/** "Section › Subsection · page 3": where in the document the passage is ("" when unknown). */
export function sourceLocation(s: SourceRef): string {
  return [s.headingPath.join(" › "), s.page !== null ? `page ${s.page}` : ""].filter(Boolean).join(" · ");
}

/**
 * An inline [n]. Hovering or focusing it shows the title, section, page and the cited snippet in a
 * tooltip the link is described by, so screen readers announce it too; click opens the passage.
 */
export function CitationChip({ source }: { source: SourceRef }) {
  return (
    <Tooltip
      content={
        <>
          <span className="block font-semibold">{source.title}</span>
          {source.headingPath.length > 0 && <span className="block text-zinc-700 dark:text-zinc-300">{source.headingPath.join(" › ")}</span>}
          {source.page !== null && <span className="block text-zinc-700 dark:text-zinc-300">Page {source.page}</span>}
          <span className="mt-1 block text-zinc-800 italic dark:text-zinc-200">“{source.snippet}”</span>
        </>
      }
    >
      <a
        href={sourceHref(source)}
        aria-label={`Source ${source.n}: ${[source.title, sourceLocation(source)].filter(Boolean).join(" · ")}`}
        className="mx-0.5 inline-flex min-w-5 items-center justify-center rounded bg-blue-100 px-1 align-super text-xs font-medium text-blue-900 no-underline hover:bg-blue-200 focus-visible:outline-2 focus-visible:outline-blue-600 dark:bg-blue-900 dark:text-blue-100"
      >
        {source.n}
      </a>
    </Tooltip>
  );
}
