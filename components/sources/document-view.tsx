import type { Block } from "@/lib/ingest/document-model";
import { ScrollToHighlight } from "./scroll-to-highlight";

interface Props {
  blocks: Block[];
  /** The cited span, as offsets into the document text (see document-model). */
  highlight: { start: number; end: number } | null;
}

/**
 * Renders the normalized document model with the cited span marked. Highlighting works on the
 * same offsets the chunker wrote, so the viewer marks exactly the passage the answer cited.
 */
export function DocumentView({ blocks, highlight }: Props) {
  let page: number | undefined;
  return (
    <div className="flex flex-col gap-3 leading-relaxed">
      {blocks.map((block, i) => {
        const pageBreak = block.page !== undefined && block.page !== page;
        page = block.page;
        return (
          <div key={i}>
            {pageBreak && <p className="my-2 text-xs uppercase tracking-wide text-zinc-500 dark:text-zinc-400">Page {block.page}</p>}
            <BlockView block={block} highlight={highlight} />
          </div>
        );
      })}
      <ScrollToHighlight />
    </div>
  );
}

function BlockView({ block, highlight }: { block: Block; highlight: Props["highlight"] }) {
  const content = <Marked block={block} highlight={highlight} />;
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

/** The block's text with the part inside the highlight wrapped in <mark>. */
function Marked({ block, highlight }: { block: Block; highlight: Props["highlight"] }) {
  if (!highlight || highlight.end <= block.start || highlight.start >= block.end) return <>{block.text}</>;
  const from = Math.max(0, highlight.start - block.start);
  const to = Math.min(block.text.length, highlight.end - block.start);
  return (
    <>
      {block.text.slice(0, from)}
      <mark className="cited" data-testid="cited-passage">
        {block.text.slice(from, to)}
      </mark>
      {block.text.slice(to)}
    </>
  );
}
