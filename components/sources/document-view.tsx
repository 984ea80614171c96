import type { ReactNode } from "react";
import type { Block } from "@/lib/ingest/document-model";
import { blockParts, unescapeCell, type BlockPart, type Span } from "@/lib/sources/block-structure";
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

/** What every part of one block needs to show a stretch of its text with the citation marked. */
interface Marking {
  block: Block;
  highlight: Props["highlight"];
  marks: Range[];
}

function BlockView(marking: Marking) {
  const { block } = marking;
  const whole: Span = [0, block.text.length];
  switch (block.kind) {
    case "heading": {
      const size = block.level === 1 ? "text-2xl" : block.level === 2 ? "text-xl" : "text-lg";
      // One level below the page's own title (h1), so the outline stays well-formed.
      const level = Math.min((block.level ?? 1) + 1, 6);
      return (
        <p role="heading" aria-level={level} className={`${size} mt-4 font-semibold`}>
          <Marked {...marking} span={whole} />
        </p>
      );
    }
    case "table":
    case "list":
      // Every parser writes these as Markdown; their structure is read back from it.
      return <Parts parts={blockParts(block.text)} marking={marking} />;
    case "code":
      return (
        <pre className="whitespace-pre-wrap font-sans">
          <Marked {...marking} span={whole} />
        </pre>
      );
    default:
      return (
        <p>
          <Marked {...marking} span={whole} />
        </p>
      );
  }
}

function Parts({ parts, marking }: { parts: BlockPart[]; marking: Marking }) {
  return parts.map((part, i) => {
    switch (part.kind) {
      case "text":
        return (
          <p key={i} className="whitespace-pre-line">
            <Marked {...marking} span={part.span} />
          </p>
        );
      case "list": {
        const items = part.items.map((item, j) => (
          <li key={j}>
            {item.checked !== null && <input type="checkbox" checked={item.checked} disabled aria-label={item.checked ? "Done" : "Not done"} className="mr-2 align-middle" />}
            <Parts parts={item.parts} marking={marking} />
          </li>
        ));
        return part.ordered ? (
          <ol key={i} start={part.start} className="list-decimal pl-6">
            {items}
          </ol>
        ) : (
          <ul key={i} className="list-disc pl-6">
            {items}
          </ul>
        );
      }
      case "table":
        return (
          <div key={i} className="overflow-x-auto">
            <table className="w-full border-collapse text-sm">
              <thead>
                <tr>
                  {part.head.map((span, j) => (
                    <th key={j} scope="col" className="border border-zinc-300 bg-zinc-50 px-2 py-1 text-left font-semibold dark:border-zinc-700 dark:bg-zinc-900">
                      <Marked {...marking} span={span} show={unescapeCell} />
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {part.rows.map((row, j) => (
                  <tr key={j}>
                    {row.map((span, k) => (
                      <td key={k} className="border border-zinc-300 px-2 py-1 align-top dark:border-zinc-700">
                        <Marked {...marking} span={span} show={unescapeCell} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
    }
  });
}

interface MarkedProps extends Marking {
  /** The stretch of the block's text to show (offsets into the block's text). */
  span: Span;
  /** How stored text reads on screen (a table cell's escaped pipes). */
  show?: (text: string) => string;
}

/** A stretch of the block's text with the part inside the highlight wrapped in <mark>, and the cited sentences in stronger ones. */
function Marked({ block, highlight, marks, span: [from, to], show = (t) => t }: MarkedProps) {
  const sentences = (a: number, b: number) => withSentences(block, a, b, marks, show);
  const start = highlight ? Math.max(from, highlight.start - block.start) : to;
  const end = highlight ? Math.min(to, highlight.end - block.start) : to;
  if (end <= start) return <>{sentences(from, to)}</>;
  return (
    <>
      {sentences(from, start)}
      <mark className="cited" data-testid="cited-passage">
        {sentences(start, end)}
      </mark>
      {sentences(end, to)}
    </>
  );
}

/** The block's text between two of its offsets, with the parts inside cited sentences marked. */
function withSentences(block: Block, from: number, to: number, marks: Range[], show: (text: string) => string): ReactNode[] {
  const nodes: ReactNode[] = [];
  let at = from;
  for (const [s, e] of marks) {
    const start = Math.max(at, s - block.start);
    const end = Math.min(to, e - block.start);
    if (end <= start) continue;
    nodes.push(show(block.text.slice(at, start)));
    nodes.push(
      <mark key={start} className="cited-sentence" data-testid="cited-sentence">
        {show(block.text.slice(start, end))}
      </mark>,
    );
    at = end;
  }
  nodes.push(show(block.text.slice(at, to)));
  return nodes;
}
