import type { ReactNode } from "react";
import type { Block } from "@/lib/ingest/document-model";
import type { Range } from "@/lib/sources/cited-marks";
import { ScrollToHighlight } from "./scroll-to-highlight";

interface Props {
  blocks: Block[];
  /** The cited span, as offsets into the document text (see document-model). */
  highlight: { start: number; end: number } | null;
  /** The cited sentences, marked more strongly inside the span (same offsets). */
  marks?: Range[];
}

/**
 * Renders the normalized document model with the cited span marked. Highlighting works on the
 * same offsets the chunker wrote, so the viewer marks exactly the passage the answer cited.
 */
export function DocumentView({ blocks, highlight, marks = [] }: Props) {
  let page: number | undefined;
  return (
    <div className="flex flex-col gap-3 leading-relaxed">
      {blocks.map((block, i) => {
        const pageBreak = block.page !== undefined && block.page !== page;
        page = block.page;
        return (
          <div key={i}>
            {pageBreak && <p className="my-2 text-xs uppercase tracking-wide text-zinc-500 dark:text-zinc-400">Page {block.page}</p>}
            <BlockView block={block} highlight={highlight} marks={marks} />
          </div>
        );
      })}
      <ScrollToHighlight />
    </div>
  );
}

function BlockView({ block, highlight, marks }: { block: Block; highlight: Props["highlight"]; marks: Range[] }) {
  const content = <Marked block={block} highlight={highlight} marks={marks} />;
  switch (block.kind) {
    case "heading": {
      const size = block.level === 1 ? "text-2xl" : block.level === 2 ? "text-xl" : "text-lg";
      // One level below the page's own title (h1), so the outline stays well-formed.
      const level = Math.min((block.level ?? 1) + 1, 6);
      return <p role="heading" aria-level={level} className={`${size} mt-4 font-semibold`}>{content}</p>;
    }
    case "code":
    case "table":
    case "list":
      return <pre className="whitespace-pre-wrap font-sans">{content}</pre>;
    default:
      return <p>{content}</p>;
  }
}

/** The block's text with the part inside the highlight wrapped in <mark>, and the cited sentences in stronger ones. */
function Marked({ block, highlight, marks }: { block: Block; highlight: Props["highlight"]; marks: Range[] }) {
  const sentences = (from: number, to: number) => withSentences(block, from, to, marks);
  if (!highlight || highlight.end <= block.start || highlight.start >= block.end) return <>{sentences(0, block.text.length)}</>;
  const from = Math.max(0, highlight.start - block.start);
  const to = Math.min(block.text.length, highlight.end - block.start);
  return (
    <>
      {sentences(0, from)}
      <mark className="cited" data-testid="cited-passage">
        {sentences(from, to)}
      </mark>
      {sentences(to, block.text.length)}
    </>
  );
}

/** The block's text between two of its offsets, with the parts inside cited sentences marked. */
function withSentences(block: Block, from: number, to: number, marks: Range[]): ReactNode[] {
  const nodes: ReactNode[] = [];
  let at = from;
  for (const [s, e] of marks) {
    const start = Math.max(at, s - block.start);
    const end = Math.min(to, e - block.start);
    if (end <= start) continue;
    nodes.push(block.text.slice(at, start));
    nodes.push(
      <mark key={start} className="cited-sentence" data-testid="cited-sentence">
        {block.text.slice(start, end)}
      </mark>,
    );
    at = end;
  }
  nodes.push(block.text.slice(at, to));
  return nodes;
}
