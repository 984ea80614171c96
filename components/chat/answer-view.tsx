"use client";

import ReactMarkdown from "react-markdown";
import remarkGfm from "remark-gfm";
import { citedNumbers } from "@/lib/chat/citations";
import { closestMatches } from "@/lib/chat/closest-matches";
import { isInternalHref } from "@/lib/chat/output-policy";
import type { ChatMessage } from "@/lib/chat/types";
import { AnswerActions, type Feedback } from "./answer-actions";
import { CitationChip } from "./citation-chip";
import { ClosestMatches } from "./closest-matches";
import { SourceList } from "./source-list";

export type { Feedback };

interface Props {
  message: ChatMessage;
  streaming: boolean;
  deletedDocuments: string[];
  feedback?: Feedback;
  /** Only the last answer can be asked for again. */
  onRegenerate?: () => void;
  /** Someone else's answer (an admin reviewing a conversation): no copy, feedback or regenerate. */
  readOnly?: boolean;
}

/** Turns [n] markers into links the Markdown renderer hands to CitationChip. */
const withCitationLinks = (text: string) => text.replace(/\[(\d{1,3})\](?!\()/g, "[$1](#cite-$1)");

export function AnswerView({ message, streaming, deletedDocuments, feedback, onRegenerate, readOnly = false }: Props) {
  const text = message.parts.flatMap((p) => (p.type === "text" ? [p.text] : [])).join("");
  const sources = message.parts.flatMap((p) => (p.type === "data-sources" ? p.data : []));
  const byNumber = new Map(sources.map((s) => [s.n, s]));
  const cited = citedNumbers(text).flatMap((n) => byNumber.get(n) ?? []);
  const closest = closestMatches(message);
  return (
    <article className="flex flex-col gap-3" data-testid="assistant-message" aria-busy={streaming} aria-label="Answer">
      <div className="prose prose-zinc max-w-none leading-relaxed dark:prose-invert [&_li]:ml-5 [&_ul]:list-disc" aria-live={streaming ? "polite" : "off"} data-testid="answer-text">
        <ReactMarkdown
          remarkPlugins={[remarkGfm]}
          // Model output is untrusted: no raw HTML, no images (no requests to other hosts).
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
      {message.metadata?.stopped && !streaming && (
        <p className="text-sm text-amber-800 dark:text-amber-300" data-testid="stopped-note">
          Stopped before the answer was complete.
        </p>
      )}
      {!streaming && cited.length > 0 && <SourceList sources={cited} deleted={deletedDocuments} />}
      {!streaming && closest.length > 0 && <ClosestMatches sources={closest} deleted={deletedDocuments} />}
      {!streaming && (
        <div className="flex flex-wrap items-center justify-between gap-2">
          {message.metadata?.model ? (
            <p className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="answered-by">
              Answered by {message.metadata.model}
            </p>
          ) : (
            <span />
          )}
          {!readOnly && <AnswerActions messageId={message.id} text={text} feedback={feedback} onRegenerate={onRegenerate} />}
        </div>
      )}
    </article>
  );
}
