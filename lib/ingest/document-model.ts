/**
 * The normalized document model: what every parser produces and what both the chunker and the
 * source viewer read, so a chunk's span always points at text the viewer can show.
 *
 * `text` of the whole document is the blocks' texts joined by BLOCK_SEPARATOR; each block's
 * `start`/`end` are offsets into that text. Chunk spans use the same offsets.
 */
export const BLOCK_SEPARATOR = "\n\n";

export type BlockKind = "heading" | "paragraph" | "list" | "table" | "code";

export interface Block {
  kind: BlockKind;
  text: string;
  /** Headings above this block, outermost first (a heading block's path includes itself). */
  headingPath: string[];
  /** 1-based page number where the format has pages (PDF). */
  page?: number;
  /** Heading level 1-6 for heading blocks. */
  level?: number;
  /** Offsets into the document text (see BLOCK_SEPARATOR). */
  start: number;
  end: number;
}

export interface ParsedDocument {
  title: string;
  blocks: Block[];
  pageCount?: number;
  /** Pages whose text layer is empty (scanned PDFs): reported, never indexed as empty text. */
  pagesWithoutText?: number[];
}

/** Raw block as a parser emits it, before offsets are assigned. */
export type RawBlock = Omit<Block, "start" | "end">;

/** Assigns offsets so that block texts joined by BLOCK_SEPARATOR form the document text. */
export function withOffsets(raw: RawBlock[]): Block[] {
  let offset = 0;
  return raw
    .filter((b) => b.text.trim().length > 0)
    .map((b) => {
      const start = offset;
      const end = start + b.text.length;
      offset = end + BLOCK_SEPARATOR.length;
      return { ...b, start, end };
    });
}

export function documentText(blocks: Block[]): string {
  return blocks.map((b) => b.text).join(BLOCK_SEPARATOR);
}

/**
 * Table blocks are Markdown-style rows: the header row, a "| --- |" separator, then the body rows,
 * one per line. Every parser uses this format so the text reads (and renders) as a GFM table and the
 * chunker can repeat the first TABLE_HEADER_LINES lines when it splits a table.
 */
export const TABLE_HEADER_LINES = 2;

export function tableText(rows: string[][]): string {
  const width = Math.max(0, ...rows.map((r) => r.length));
  // Cells stay on one line and pipes are escaped so each row remains exactly one table line.
  const line = (cells: string[]) =>
    `| ${Array.from({ length: width }, (_, i) => (cells[i] ?? "").replace(/\s+/g, " ").trim().replace(/\|/g, "\\|")).join(" | ")} |`;
  const [header, ...body] = rows;
  if (!header || width === 0) return "";
  return [line(header), line(Array<string>(width).fill("---")), ...body.map(line)].join("\n");
}

/**
 * List blocks are Markdown lists, one line per item ("- text", "3. text"). A nested item is indented
 * to where its parent item's text starts, which is where CommonMark looks for it: two spaces under
 * "- ", three under "1. ", four under "10. ". Any less under a number and the viewer would read the
 * nested item as a list of its own that ends the numbered one.
 */
export class ListLines {
  private readonly lines: string[] = [];
  /** The items a further line may belong to, outermost first: their level and where their text starts. */
  private open: { level: number; textAt: string }[] = [];

  /** An item at nesting `level` (0 at the margin); it nests under the last item of a lower level. */
  item(level: number, marker: string, text: string): void {
    while ((this.open.at(-1)?.level ?? -1) >= level) this.open.pop();
    const indent = this.open.at(-1)?.textAt ?? "";
    this.open.push({ level, textAt: indent + " ".repeat(marker.length + 1) });
    this.lines.push(text ? `${indent}${marker} ${text}` : `${indent}${marker}`);
  }

  /** A further paragraph of the last item at `level`, aligned under its text. */
  continuation(level: number, text: string): void {
    while ((this.open.at(-1)?.level ?? -1) > level) this.open.pop();
    this.lines.push(`${this.open.at(-1)?.textAt ?? ""}${text}`);
  }

  get text(): string {
    return this.lines.join("\n");
  }
}

/** Tracks the heading path while a parser walks a document in reading order. */
export class HeadingTrail {
  private stack: { level: number; text: string }[] = [];

  /** Enters a heading; returns its path, which includes itself. */
  enter(level: number, text: string): string[] {
    this.stack = this.stack.filter((h) => h.level < level);
    this.stack.push({ level, text });
    return this.path;
  }

  get path(): string[] {
    return this.stack.map((h) => h.text);
  }
}
