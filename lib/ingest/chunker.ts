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

const CHARS_PER_TOKEN = 4;

/**
 * Token estimate: one token per 4 characters, the usual rule of thumb for English under BPE
 * tokenizers (numbers and identifiers run a little denser, plain prose a little sparser). Because it
 * is a pure function of length, the chunker can budget in characters and never overshoot.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}

/** A piece of a block that is placed whole: [start, end) in the document text. */
interface Unit { start: number; end: number; block: Block; prefix?: string }
interface Open { start: number; end: number; prefix: string; first: Block; content?: Block; last?: Unit }
type Range = [number, number];

/**
 * Splits a document into retrieval chunks along its structure: every heading of level 1-2 starts a
 * new chunk, headings travel with the content below them, and lists, tables and paragraphs stay whole
 * when they fit. Larger blocks are cut into items, rows (header repeated), sentences, then words, so
 * no chunk exceeds maxTokens.
 */
export function chunkDocument(doc: ParsedDocument, opts: ChunkOptions = {}): Chunk[] {
  const maxTokens = opts.maxTokens ?? 350;
  const overlapTokens = opts.overlapTokens ?? 40;
  if (maxTokens < 16 || overlapTokens < 0 || overlapTokens * 4 > maxTokens) {
    throw new Error("chunkDocument needs maxTokens >= 16 and overlapTokens between 0 and maxTokens / 4");
  }
  const maxChars = maxTokens * CHARS_PER_TOKEN;
  const overlapChars = overlapTokens * CHARS_PER_TOKEN;
  const text = documentText(doc.blocks);
  const chunks: Chunk[] = [];
  let current: Open | undefined;
  let pending: Block[] = []; // headings waiting for the content they introduce

  const emit = (c: Open) => {
    const span = text.slice(c.start, c.end);
    const body = c.prefix ? `${c.prefix}\n${span}` : span;
    const headingPath = (c.content ?? c.first).headingPath;
    const pages = pagesOf(doc.blocks, c, body.length - span.length);
    chunks.push({ ordinal: chunks.length, text: body, headingPath, ...pages, start: c.start, end: c.end, tokenCount: estimateTokens(body) });
  };
  const fits = (prefix: string, start: number, end: number) => (prefix ? prefix.length + 1 : 0) + end - start <= maxChars;
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
    const start = pending[0]?.start ?? unit.start;
    if (current && fits(current.prefix, current.start, unit.end)) {
      Object.assign(current, { end: unit.end, last: unit, content: current.content ?? unit.block });
    } else {
      const previous = current;
      if (previous) emit(previous);
      // A chunk that opens on a heading needs no overlap; one that continues a table repeats its header.
      let prefix = pending.length ? "" : (unit.prefix ?? (previous ? overlap(text, previous.last, overlapChars) : ""));
      if (!fits(prefix, start, unit.end)) prefix = "";
      current = { start, end: unit.end, prefix, first: pending[0] ?? unit.block, content: unit.block, last: unit };
    }
    pending = [];
  };

  for (const block of doc.blocks) {
    // A heading too long to ride along with content (pathological) is treated as content itself.
    if (block.kind === "heading" && block.text.length <= maxChars / 4) {
      const level = block.level ?? 1;
      if (level <= 2) {
        // A sibling or higher heading closes the pending ones; ancestors (the title) stay pending.
        if (pending.some((h) => (h.level ?? 1) >= level)) closePending();
        if (current) emit(current);
        current = undefined;
      }
      // Keeps the waiting headings short enough that they plus any unit still fit in one chunk.
      const first = pending[0];
      if (first && block.end - first.start > maxChars / 2) closePending();
      pending.push(block);
      continue;
    }
    const last = pending.at(-1);
    const pendingChars = pending[0] && last ? last.end - pending[0].start + BLOCK_SEPARATOR.length : 0;
    for (const unit of unitsOf(block, text, maxChars, overlapChars, pendingChars)) place(unit);
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
function unitsOf(block: Block, text: string, maxChars: number, overlapChars: number, pendingChars: number): Unit[] {
  if (block.end - block.start + pendingChars <= maxChars) return [{ start: block.start, end: block.end, block }];
  const lines = lineRanges(text, block.start, block.end);
  if (block.kind === "table" && lines.length > TABLE_HEADER_LINES) {
    const headerEnd = lines[TABLE_HEADER_LINES - 1]![1];
    const header = text.slice(block.start, headerEnd);
    // A header too large to repeat would crowd out the rows it labels.
    const repeat = header.length <= maxChars / 4;
    const limit = maxChars - Math.max(overlapChars + 1, pendingChars, repeat ? header.length + 1 : 0);
    const rows = lines.slice(TABLE_HEADER_LINES).flatMap((r) => splitToFit(text, r, limit));
    const [firstRow, ...rest] = rows;
    // The header opens the table together with its first row, never dangling at the end of a chunk.
    const opening: Range[] =
      firstRow && firstRow[1] - block.start <= limit
        ? [[block.start, firstRow[1]]]
        : [...splitToFit(text, [block.start, headerEnd], limit), ...(firstRow ? [firstRow] : [])];
    return [
      ...opening.map(([start, end]) => ({ start, end, block })),
      ...rest.map(([start, end]) => ({ start, end, block, prefix: repeat ? header : undefined })),
    ];
  }
  const limit = maxChars - Math.max(overlapChars + 1, pendingChars);
  const atoms = block.kind === "list" ? listItems(text, lines) : block.kind === "code" ? lines : sentenceRanges(text, block.start, block.end);
  return atoms.flatMap((r) => splitToFit(text, r, limit)).map(([start, end]) => ({ start, end, block }));
}

/** Overlap: the trailing whole sentences of the previous chunk's last paragraph that fit the budget. */
function overlap(text: string, last: Unit | undefined, overlapChars: number): string {
  if (!last || last.block.kind !== "paragraph" || overlapChars === 0) return "";
  const from = sentenceRanges(text, last.start, last.end).find(([start]) => last.end - start <= overlapChars);
  return from ? text.slice(from[0], last.end) : "";
}

/** Sentence ends: . ! ? (plus closing quotes/brackets) followed by space and a capital or digit. */
function sentenceRanges(text: string, start: number, end: number): Range[] {
  const slice = text.slice(start, end);
  const starts = [0, ...[...slice.matchAll(/[.!?]["'”’)\]]*\s+(?=["'“‘([]?[\p{Lu}\d])/gu)].map((m) => m.index + m[0].length)];
  return starts.map((s, i) => trimRange(text, [start + s, start + (starts[i + 1] ?? slice.length)]));
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

/** Cuts a range at word boundaries into pieces of at most `limit` characters; a longer word is cut hard. */
function splitToFit(text: string, range: Range, limit: number): Range[] {
  if (range[1] - range[0] <= limit) return [range];
  const pieces: Range[] = [];
  let piece: Range | undefined;
  for (const m of text.slice(range[0], range[1]).matchAll(/\S+/g)) {
    let start = range[0] + m.index;
    const end = start + m[0].length;
    if (piece && end - piece[0] <= limit) {
      piece[1] = end;
      continue;
    }
    while (end - start > limit) {
      pieces.push([start, start + limit]);
      start += limit;
    }
    piece = [start, end];
    pieces.push(piece);
  }
  return pieces;
}

function trimRange(text: string, [start, end]: Range): Range {
  while (start < end && /\s/.test(text[start] ?? "")) start++;
  while (end > start && /\s/.test(text[end - 1] ?? "")) end--;
  return [start, end];
}
