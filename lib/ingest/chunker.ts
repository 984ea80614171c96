import { proseRanges, type Range } from "../text/sentences";
import { countTokens } from "../text/tokens";
import { BLOCK_SEPARATOR, TABLE_HEADER_LINES, documentText, type Block, type ParsedDocument } from "./document-model";

export interface Chunk {
  ordinal: number;
  /** What gets embedded and searched: the span's text, preceded by overlap or a repeated table header. */
  text: string;
  headingPath: string[];
  /** The page the chunk's own content starts on; a prefix (overlap, table header) counts as on it too. */
  page: number | null;
  /** The page its content ends on (null without pages). */
  pageEnd: number | null;
  /** Offsets into `text` where pages page+1 .. pageEnd start, so a cited sentence gets its own page. */
  pageStarts: number[];
  /** Offsets into documentText(blocks) of the chunk's own content, without the overlap. */
  start: number;
  end: number;
  tokenCount: number;
}

export interface ChunkOptions {
  maxTokens?: number;
  overlapTokens?: number;
}

/** A piece of a block that is placed whole: [start, end) in the document text. */
interface Unit { start: number; end: number; block: Block; prefix?: string }
interface Open { start: number; end: number; prefix: string; first: Block; content?: Block; last?: Unit }

/**
 * Splits a document into retrieval chunks along its structure: every heading of level 1-2 starts a
 * new chunk, headings travel with the content below them, and lists, tables and paragraphs stay whole
 * when they fit. Larger blocks are cut into items, rows (header repeated), sentences, then words, so
 * no chunk exceeds maxTokens. Sizes are real o200k token counts (lib/text/tokens.ts), not estimates.
 */
export function chunkDocument(doc: ParsedDocument, opts: ChunkOptions = {}): Chunk[] {
  const maxTokens = opts.maxTokens ?? 350;
  const overlapTokens = opts.overlapTokens ?? 40;
  if (maxTokens < 16 || overlapTokens < 0 || overlapTokens * 4 > maxTokens) {
    throw new Error("chunkDocument needs maxTokens >= 16 and overlapTokens between 0 and maxTokens / 4");
  }
  const text = documentText(doc.blocks);
  const tokensOf = (start: number, end: number) => countTokens(text.slice(start, end));
  const chunks: Chunk[] = [];
  let current: Open | undefined;
  let pending: Block[] = []; // headings waiting for the content they introduce

  const emit = (c: Open) => {
    const span = text.slice(c.start, c.end);
    const body = c.prefix ? `${c.prefix}\n${span}` : span;
    const headingPath = (c.content ?? c.first).headingPath;
    const pages = pagesOf(doc.blocks, c, body.length - span.length);
    chunks.push({ ordinal: chunks.length, text: body, headingPath, ...pages, start: c.start, end: c.end, tokenCount: countTokens(body) });
  };
  const fits = (prefix: string, start: number, end: number) => countTokens(prefix ? `${prefix}\n${text.slice(start, end)}` : text.slice(start, end)) <= maxTokens;
  // Headings of sections that turned out empty join the chunk before them, or else stand alone.
  const closePending = () => {
    const [first, last] = [pending[0], pending.at(-1)];
    if (!first || !last) return;
    if (current && fits(current.prefix, current.start, last.end)) current.end = last.end;
    else {
      if (current) emit(current);
      current = undefined;
      emit({ start: first.start, end: last.end, prefix: "", first });
    }
    pending = [];
  };

  const place = (unit: Unit) => {
    // Units are sized to fit after the waiting headings, but token counts of joined texts are not
    // exactly the sum of their parts: should the two not fit, the headings go first.
    if (pending[0] && !fits("", pending[0].start, unit.end)) closePending();
    const start = pending[0]?.start ?? unit.start;
    if (current && fits(current.prefix, current.start, unit.end)) {
      Object.assign(current, { end: unit.end, last: unit, content: current.content ?? unit.block });
    } else {
      const previous = current;
      if (previous) emit(previous);
      // A chunk that opens on a heading needs no overlap; one that continues a table repeats its header.
      let prefix = pending.length ? "" : (unit.prefix ?? (previous ? overlap(text, previous.last, overlapTokens) : ""));
      if (!fits(prefix, start, unit.end)) prefix = "";
      current = { start, end: unit.end, prefix, first: pending[0] ?? unit.block, content: unit.block, last: unit };
    }
    pending = [];
  };

  for (const block of doc.blocks) {
    // A heading too long to ride along with content (pathological) is treated as content itself.
    if (block.kind === "heading" && countTokens(block.text) <= maxTokens / 4) {
      const level = block.level ?? 1;
      if (level <= 2) {
        // A sibling or higher heading closes the pending ones; ancestors (the title) stay pending.
        if (pending.some((h) => (h.level ?? 1) >= level)) closePending();
        if (current) emit(current);
        current = undefined;
      }
      // Keeps the waiting headings short enough that they plus any unit still fit in one chunk.
      const first = pending[0];
      if (first && tokensOf(first.start, block.end) > maxTokens / 2) closePending();
      pending.push(block);
      continue;
    }
    const last = pending.at(-1);
    const pendingTokens = pending[0] && last ? countTokens(text.slice(pending[0].start, last.end) + BLOCK_SEPARATOR) : 0;
    for (const unit of unitsOf(block, text, maxTokens, overlapTokens, pendingTokens)) place(unit);
  }
  closePending();
  if (current) emit(current);
  return chunks;
}

/**
 * The pages a chunk's span covers, read from its blocks (a parser's block never crosses a page):
 * each later page starts where its first block does, shifted by the prefix before the span.
 */
function pagesOf(blocks: Block[], span: { start: number; end: number; first: Block }, shift: number) {
  const page = span.first.page ?? null;
  const pageStarts: number[] = [];
  let last = page;
  for (const block of blocks) {
    if (block.end <= span.start || block.start >= span.end || block.page === undefined || last === null || block.page <= last) continue;
    // Pages without text in between are skipped: the next text is on the block's page.
    for (let p = last + 1; p <= block.page; p++) pageStarts.push(shift + Math.max(0, block.start - span.start));
    last = block.page;
  }
  return { page, pageEnd: last, pageStarts };
}

/** The whole block if it fits in a fresh chunk, otherwise pieces small enough to fit with a prefix. */
function unitsOf(block: Block, text: string, maxTokens: number, overlapTokens: number, pendingTokens: number): Unit[] {
  if (countTokens(text.slice(block.start, block.end)) + pendingTokens <= maxTokens) return [{ start: block.start, end: block.end, block }];
  const lines = lineRanges(text, block.start, block.end);
  if (block.kind === "table" && lines.length > TABLE_HEADER_LINES) {
    const headerEnd = lines[TABLE_HEADER_LINES - 1]![1];
    const header = text.slice(block.start, headerEnd);
    const headerTokens = countTokens(header);
    // A header too large to repeat would crowd out the rows it labels.
    const repeat = headerTokens <= maxTokens / 4;
    const limit = maxTokens - Math.max(overlapTokens + 1, pendingTokens, repeat ? headerTokens + 1 : 0);
    const rows = lines.slice(TABLE_HEADER_LINES).flatMap((r) => splitToFit(text, r, limit));
    const [firstRow, ...rest] = rows;
    // The header opens the table together with its first row, never dangling at the end of a chunk.
    const opening: Range[] =
      firstRow && countTokens(text.slice(block.start, firstRow[1])) <= limit
        ? [[block.start, firstRow[1]]]
        : [...splitToFit(text, [block.start, headerEnd], limit), ...(firstRow ? [firstRow] : [])];
    return [
      ...opening.map(([start, end]) => ({ start, end, block })),
      ...rest.map(([start, end]) => ({ start, end, block, prefix: repeat ? header : undefined })),
    ];
  }
  const limit = maxTokens - Math.max(overlapTokens + 1, pendingTokens);
  const atoms = block.kind === "list" ? listItems(text, lines) : block.kind === "code" ? lines : sentenceRanges(text, block.start, block.end);
  return atoms.flatMap((r) => splitToFit(text, r, limit)).map(([start, end]) => ({ start, end, block }));
}

/** Overlap: the trailing whole sentences of the previous chunk's last paragraph that fit the budget. */
function overlap(text: string, last: Unit | undefined, overlapTokens: number): string {
  if (!last || last.block.kind !== "paragraph" || overlapTokens === 0) return "";
  let from: number | undefined;
  // From the last sentence back, while the tail still fits.
  for (const [start] of sentenceRanges(text, last.start, last.end).reverse()) {
    if (countTokens(text.slice(start, last.end)) > overlapTokens) break;
    from = start;
  }
  return from === undefined ? "" : text.slice(from, last.end);
}

/** The sentences of text[start, end), by the text toolkit's splitter (lib/text/sentences.ts). */
function sentenceRanges(text: string, start: number, end: number): Range[] {
  return proseRanges(text.slice(start, end)).map(([s, e]) => [start + s, start + e]);
}

function lineRanges(text: string, start: number, end: number): Range[] {
  const ranges: Range[] = [];
  for (const m of text.slice(start, end).matchAll(/[^\n]+/g)) ranges.push([start + m.index, start + m.index + m[0].length]);
  return ranges.filter((r) => text.slice(r[0], r[1]).trim());
}

/** A list item is a line starting at the margin plus its indented (nested) lines. */
function listItems(text: string, lines: Range[]): Range[] {
  const items: Range[] = [];
  for (const line of lines) {
    const item = items.at(-1);
    if (item && /^\s/.test(text[line[0]] ?? "")) item[1] = line[1];
    else items.push([line[0], line[1]]);
  }
  return items;
}

/**
 * Cuts a range at word boundaries into pieces of at most `limit` tokens, each as long as fits
 * (found by bisection over its words); a word longer than that alone is cut hard.
 */
function splitToFit(text: string, range: Range, limit: number): Range[] {
  if (countTokens(text.slice(range[0], range[1])) <= limit) return [range];
  const words = [...text.slice(range[0], range[1]).matchAll(/\S+/g)].map((m): Range => [range[0] + m.index, range[0] + m.index + m[0].length]);
  const pieces: Range[] = [];
  for (let i = 0; i < words.length; ) {
    const start = words[i]![0];
    const fitsTo = (end: number) => countTokens(text.slice(start, end)) <= limit;
    // The last word j such that words i..j fit.
    let [lo, hi] = [i - 1, words.length - 1];
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (fitsTo(words[mid]![1])) lo = mid;
      else hi = mid - 1;
    }
    if (lo >= i) {
      pieces.push([start, words[lo]![1]]);
      i = lo + 1;
    } else {
      pieces.push(...cutHard(text, words[i]!, limit));
      i++;
    }
  }
  return pieces;
}

/** A word too long for one piece, in pieces of at most `limit` tokens, never inside a surrogate pair. */
function cutHard(text: string, [start, end]: Range, limit: number): Range[] {
  const pieces: Range[] = [];
  while (start < end) {
    let [lo, hi] = [start + 1, end];
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (countTokens(text.slice(start, mid)) <= limit) lo = mid;
      else hi = mid - 1;
    }
    if (/[\uDC00-\uDFFF]/.test(text[lo] ?? "") && lo - 1 > start) lo--;
    pieces.push([start, lo]);
    start = lo;
  }
  return pieces;
}
