"use client";

import ReactMarkdown from "react-markdown";
import remarkGfm from "remark-gfm";
import { citedNumbers } from "@/lib/chat/citations";
import { isInternalHref } from "@/lib/chat/output-policy";
import type { ChatMessage, SourceRef } from "@/lib/chat/types";
import { CitationChip, sourceHref } from "./citation-chip";

interface Props {
  message: ChatMessage;
  streaming: boolean;
  deletedDocuments: string[];
}

/** Turns [n] markers into links the Markdown renderer hands to CitationChip. */
const withCitationLinks = (text: string) => text.replace(/\[(\d{1,3})\](?!\()/g, "[$1](#cite-$1)");

export function MessageView({ message, streaming, deletedDocuments }: Props) {
  const text = message.parts.flatMap((p) => (p.type === "text" ? [p.text] : [])).join("");
  if (message.role === "user") {
    return (
      <div className="self-end whitespace-pre-wrap rounded-2xl bg-zinc-100 px-4 py-2 dark:bg-zinc-800" data-testid="user-message">
        {text}
      </div>
    );
  }
  const sources = message.parts.flatMap((p) => (p.type === "data-sources" ? p.data : []));
  const byNumber = new Map(sources.map((s) => [s.n, s]));
  const cited = citedNumbers(text).flatMap((n) => byNumber.get(n) ?? []);
  return (
    <article className="flex flex-col gap-3" data-testid="assistant-message" aria-busy={streaming}>
      <div className="prose prose-zinc max-w-none leading-relaxed dark:prose-invert [&_li]:ml-5 [&_ul]:list-disc">
        <ReactMarkdown
          remarkPlugins={[remarkGfm]}
          skipHtml
          // The output policy, applied while the answer streams too: only this site's own pages are
          // linked, nothing is ever loaded from a URL in the text (see lib/chat/output-policy.ts).
          urlTransform={(url) => (isInternalHref(url) ? url : "")}
          components={{
            a: ({ href, children }) => {
              const n = href?.startsWith("#cite-") ? Number(href.slice(6)) : null;
              const source = n === null ? undefined : byNumber.get(n);
              if (n !== null) return source ? <CitationChip source={source} /> : null;
              if (!href) return <span>{children}</span>;
              return (
                <a className="underline" href={href} rel="noopener noreferrer">
                  {children}
                </a>
              );
            },
            img: ({ alt }) => (alt ? <span>{alt}</span> : null),
          }}
        >
          {withCitationLinks(text)}
        </ReactMarkdown>
      </div>
      {!streaming && cited.length > 0 && <SourceList sources={cited} deleted={deletedDocuments} />}
      {message.metadata?.model && !streaming && (
        <p className="text-xs text-zinc-500" data-testid="answered-by">
          Answered by {message.metadata.model}
        </p>
      )}
    </article>
  );
}

function SourceList({ sources, deleted }: { sources: SourceRef[]; deleted: string[] }) {
  return (
    <section aria-label="Sources" className="rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-800">
      <h2 className="mb-2 font-medium">Sources</h2>
      <ol className="flex flex-col gap-2">
        {sources.map((s) => (
          <li key={s.n} className="flex gap-2">
            <span className="font-mono text-zinc-500">[{s.n}]</span>
            <div>
              <a className="font-medium underline" href={sourceHref(s)}>
                {s.title}
              </a>
              <span className="text-zinc-500">
                {s.headingPath.length > 0 && ` · ${s.headingPath.join(" › ")}`}
                {s.page !== null && ` · page ${s.page}`} · version {s.versionNumber}
              </span>
              {deleted.includes(s.documentId) && <span className="ml-1 rounded bg-zinc-200 px-1 text-xs dark:bg-zinc-800">source deleted</span>}
              <p className="line-clamp-2 text-zinc-600 dark:text-zinc-400">{s.snippet}</p>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
