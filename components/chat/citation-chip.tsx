import type { SourceRef } from "@/lib/chat/types";

export function sourceHref(s: SourceRef): string {
  return `/sources/${s.documentId}/${s.versionId}?chunk=${s.chunkId}`;
}

/** An inline [n]: hover or focus shows where it comes from; click opens the passage. */
export function CitationChip({ source }: { source: SourceRef }) {
  const where = [source.title, ...source.headingPath.slice(-1), source.page !== null ? `page ${source.page}` : null]
    .filter(Boolean)
    .join(" · ");
  return (
    <a
      href={sourceHref(source)}
      title={`${where}\n\n${source.snippet}`}
      aria-label={`Source ${source.n}: ${where}`}
      className="mx-0.5 inline-flex min-w-5 items-center justify-center rounded bg-blue-100 px-1 align-super text-xs font-medium text-blue-900 no-underline hover:bg-blue-200 dark:bg-blue-900 dark:text-blue-100"
    >
      {source.n}
    </a>
  );
}
