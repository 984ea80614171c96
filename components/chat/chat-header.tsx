/** The page's title (the conversation's, or "New chat") and what can be done with the conversation as a whole. */
export function ChatHeader({ title, exportUrl }: { title: string; exportUrl?: string }) {
  return (
    <div className="flex min-h-11 items-center justify-between gap-3 border-b border-zinc-200 px-4 py-2 dark:border-zinc-800">
      <h1 className="min-w-0 truncate text-sm font-medium" title={title}>
        {title}
      </h1>
      {exportUrl && (
        // A plain download link: the route answers with an attachment, so the page stays where it is.
        <a
          href={exportUrl}
          download
          className="shrink-0 rounded-md border border-zinc-300 px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-zinc-700"
        >
          Export as Markdown
        </a>
      )}
    </div>
  );
}
