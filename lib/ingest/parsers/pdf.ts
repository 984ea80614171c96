import { extractTextItems, getDocumentProxy, getMeta } from "unpdf";
import { HeadingTrail, tableText, withOffsets, type ParsedDocument, type RawBlock } from "../document-model";
import { UnprocessableDocumentError } from "../errors";
import { BULLET_GLYPHS, CELL_GAP, findTables, visualLines, type Cell } from "./pdf-tables";

type Item = Awaited<ReturnType<typeof extractTextItems>>["items"][number][number];
interface Line { text: string; x: number; right: number; y: number; size: number; cells: Cell[] }
/** A paragraph of lines, or a table (its rows of cells) when `rows` is set. */
interface Para { lines: Line[]; size: number; page: number; rows?: string[][] }

const BULLET = new RegExp(`^${BULLET_GLYPHS}\\s+`);
// Lines of one paragraph share a font size; one this much larger or smaller starts another (a
// heading a little larger than the body: Word's Heading 3 is 12 pt over 11 pt text).
const SAME_SIZE = 0.04;
/** "4.2 ", "12. ", "A. " before a heading's words. */
const SECTION_NUMBER = /^(?:\d{1,2}(?:\.\d{1,2})*\.?|[A-Z]\.)\s+/;
// Lines this close to the top or bottom of a page are where running headers and footers sit.
const EDGE_LINES = 2;
const PAGE_NUMBER = /^(page\s+)?\d{1,4}(\s*(of|\/)\s*\d{1,4})?$/i;
// Producer placeholders that are not a real title.
const PLACEHOLDER_TITLE = /^\(?(untitled|anonymous|unspecified|unknown)\)?$/i;

/**
 * PDF via pdf.js (unpdf): text items are rebuilt into lines, lines into paragraphs by vertical gaps,
 * lines in a notably larger font than the body become headings, and lines whose cells line up in
 * columns become tables (`pdf-tables.ts`).
 */
export async function parsePdf(bytes: Uint8Array, fallbackTitle: string): Promise<ParsedDocument> {
  const { info, pages } = await readPdf(bytes);
  const allLines = pages.map((items) => dropPageNumbers(toLines(items)));
  const ratio = lineSpacingRatio(allLines);
  const pageLines = dropRunningLines(allLines, ratio);
  const bodySize = dominantSize(pageLines.flat());
  // Compounds written with a hyphen somewhere in the document keep it when split across lines.
  const compounds = new Set(pageLines.flat().flatMap((l) => l.text.toLowerCase().match(/\p{L}+-\p{L}+/gu) ?? []));
  const join = (lines: Line[]) => joinLines(lines, compounds);

  const paras = pageLines.flatMap((lines, i) => toBlocks(lines, i + 1, ratio));
  // Short runs of clearly larger text; a large-font paragraph of prose stays a paragraph.
  const isHeading = (p: Para) => {
    if (p.rows || p.lines.length > 3) return false;
    const text = join(p.lines);
    if (!/^(?=.*\p{L}).{1,150}$/su.test(text)) return false;
    if (p.size >= bodySize * 1.15) return true;
    // A heading a little larger than the body, as Word's Heading 3 (12 pt over 11): one short line
    // that is neither a sentence nor a figure after its number ("4.2 Deadlines", not "Claims are
    // paid monthly." nor a form's or receipt's "TOTAL $821.14").
    const words = text.replace(SECTION_NUMBER, "");
    return p.size >= bodySize * 1.04 && p.lines.length === 1 && words.split(/\s+/).length <= 12 && !/[.:;,!?]$/.test(text) && !/\d/.test(words);
  };
  // Larger fonts rank higher: the largest heading size is level 1.
  const headingSizes = [...new Set(paras.filter(isHeading).map((p) => round(p.size)))].sort((a, b) => b - a);

  const raw: RawBlock[] = [];
  const trail = new HeadingTrail();
  let lastHeader: string[] = [];
  for (const p of paras) {
    const last = raw.at(-1);
    if (p.rows) {
      // A table that goes on at the top of the next page without repeating its header takes the
      // header of the table it continues, so its rows keep their column names.
      const [header = [], ...body] = p.rows;
      const continues = last?.kind === "table" && last.page === p.page - 1 && lastHeader.length === header.length;
      const rows = continues && header.every((cell) => !cell) ? [lastHeader, ...body] : p.rows;
      raw.push({ kind: "table", text: tableText(rows), headingPath: trail.path, page: p.page });
      lastHeader = rows[0] ?? [];
      continue;
    }
    const text = join(p.lines);
    if (isHeading(p)) {
      const level = Math.min(6, headingSizes.indexOf(round(p.size)) + 1);
      const heading = text.replace(/\n/g, " ");
      raw.push({ kind: "heading", text: heading, level, headingPath: trail.enter(level, heading), page: p.page });
    } else if (BULLET.test(text)) {
      const item = `- ${text.replace(BULLET, "").replace(/\n/g, " ")}`;
      // Consecutive bullet paragraphs on the same page form one list block.
      if (last?.kind === "list" && last.page === p.page) last.text += `\n${item}`;
      else raw.push({ kind: "list", text: item, headingPath: trail.path, page: p.page });
    } else {
      raw.push({ kind: "paragraph", text, headingPath: trail.path, page: p.page });
    }
  }

  const pagesWithoutText = pageLines.flatMap((lines, i) => (lines.length === 0 ? [i + 1] : []));
  const metaTitle = typeof info.Title === "string" ? info.Title.replace(/^Microsoft Word - /, "").trim() : "";
  return {
    title: metaTitle && !PLACEHOLDER_TITLE.test(metaTitle) ? metaTitle : fallbackTitle,
    blocks: withOffsets(raw),
    pageCount: pages.length,
    pagesWithoutText,
  };
}

/** Loads the PDF and its text items, turning pdf.js exceptions into messages a user can act on. */
async function readPdf(bytes: Uint8Array) {
  // pdf.js may detach the buffer it is given; a copy keeps the caller's bytes intact.
  const pdf = await getDocumentProxy(bytes.slice(), { verbosity: 0 }).catch((err: unknown) => {
    const name = err instanceof Error ? err.name : "";
    if (name === "PasswordException") throw new UnprocessableDocumentError("The PDF is password-protected. Remove the password and upload it again.", { cause: err });
    throw new UnprocessableDocumentError("The file is not a valid PDF (it may be damaged or incomplete).", { cause: err });
  });
  try {
    const { info } = await getMeta(pdf);
    const { items } = await extractTextItems(pdf);
    return { info, pages: items };
  } catch (err) {
    throw new UnprocessableDocumentError("The PDF could not be read (it may be damaged).", { cause: err });
  } finally {
    await pdf.loadingTask.destroy();
  }
}

/** Items arrive in content order; a line ends at hasEOL or when the baseline jumps. */
function toLines(items: Item[]): Line[] {
  const lines: Line[] = [];
  let current: Item[] = [];
  const finish = () => {
    const words = current.filter((i) => i.str.trim());
    const main = words.reduce<Item | undefined>((a, b) => (!a || b.str.length > a.str.length ? b : a), undefined);
    const first = words[0];
    // Lines without a letter or digit are rules and separators ("=====", "• • •"), not content.
    if (main && first && /[\p{L}\p{N}]/u.test(current.map((i) => i.str).join(""))) {
      let text = "";
      let prev: Item | undefined;
      const cells: Cell[] = [];
      for (const item of current) {
        // Some producers position words without space items between them.
        const gap = prev ? item.x - (prev.x + prev.width) : 0;
        if (prev && gap > item.fontSize * 0.2 && !/\s$/.test(text) && !/^\s/.test(item.str)) text += " ";
        text += item.str;
        if (!item.str.trim()) continue;
        const cell = cells.at(-1);
        if (cell && prev && gap <= Math.max(item.fontSize, prev.fontSize) * CELL_GAP) {
          cell.text += (gap > item.fontSize * 0.2 || /\s$/.test(prev.str) ? " " : "") + item.str;
          cell.right = item.x + item.width;
        } else cells.push({ text: item.str, x: item.x, right: item.x + item.width });
        prev = item;
      }
      for (const cell of cells) cell.text = cell.text.replace(/\s+/g, " ").trim();
      const right = Math.max(...words.map((i) => i.x + i.width));
      lines.push({ text: text.replace(/\s+/g, " ").trim(), x: first.x, right, y: first.y, size: main.fontSize, cells });
    }
    current = [];
  };
  for (const item of items) {
    const anchor = current.find((i) => i.str.trim());
    if (anchor && item.str.trim() && Math.abs(item.y - anchor.y) > Math.max(item.fontSize, anchor.fontSize) * 0.5) finish();
    current.push(item);
    if (item.hasEOL) finish();
  }
  finish();
  return lines;
}

/** Running page numbers ("3", "Page 3 of 9") at the top or bottom of a page are not content. */
function dropPageNumbers(lines: Line[]): Line[] {
  return lines.filter((line, i) => !((i === 0 || i === lines.length - 1) && PAGE_NUMBER.test(line.text)));
}

/**
 * Running headers and footers ("Benefits Rate Sheet | Page 3 of 9", a company name) are not
 * content: lines at the top or bottom edge of a page, set apart from the body by more than a line
 * break, whose text (numbers aside) is at an edge on at least half the pages (two at least). Left
 * in, they would be quoted and searched on every page. Body text that repeats page after page (a
 * template's filler) runs on at line spacing and stays.
 */
function dropRunningLines(pages: Line[][], ratio: number): Line[][] {
  const key = (line: Line) => line.text.toLowerCase().replace(/\d+/g, "#");
  const edges = pages.map((lines) => {
    const byHeight = [...lines].sort((a, b) => b.y - a.y);
    const apart = (from: number, step: 1 | -1) => {
      const found: Line[] = [];
      for (let k = 0, i = from; k < EDGE_LINES && byHeight[i + step]; k++, i += step) {
        const [line, next] = [byHeight[i]!, byHeight[i + step]!];
        found.push(line);
        // Everything up to a gap wider than a line break is the edge; the body starts after it.
        if (Math.abs(line.y - next.y) > Math.max(line.size, next.size) * ratio * 1.3) return found;
      }
      return [];
    };
    return new Set([...apart(0, 1), ...apart(byHeight.length - 1, -1)]);
  });
  const pagesWith = new Map<string, number>();
  for (const edge of edges) for (const k of new Set([...edge].map(key))) pagesWith.set(k, (pagesWith.get(k) ?? 0) + 1);
  const running = (k: string) => (pagesWith.get(k) ?? 0) >= Math.max(2, pages.length / 2);
  return pages.map((lines, i) => lines.filter((line) => !(edges[i]!.has(line) && running(key(line)))));
}

/**
 * A new paragraph starts where the gap to the previous line is clearly larger than the document's
 * usual line spacing, where the font size changes, where text moves up (a new column) or at a bullet.
 * A bullet item goes on in a line indented past its bullet, or after a line that ran to the right
 * margin (a wrap without a hanging indent); a line back at the bullet's margin after a short one is
 * the paragraph after the list, however closely it follows.
 */
function toParagraphs(lines: Line[], page: number, ratio: number): Para[] {
  const paras: Para[] = [];
  const margin = Math.max(0, ...lines.map((l) => l.right));
  let prev: Line | undefined;
  for (const line of lines) {
    const size = Math.max(line.size, prev?.size ?? 0);
    const gap = prev ? prev.y - line.y : 0;
    const current = paras.at(-1);
    const bullet = current && BULLET.test(current.lines[0]!.text) ? current.lines[0]! : undefined;
    const continues =
      prev && current && gap > 0 && gap <= size * ratio * 1.3 && Math.abs(line.size - prev.size) <= size * SAME_SIZE && !BULLET.test(line.text) &&
      (!bullet || line.x > bullet.x + line.size * 0.5 || prev.right >= margin - line.size * 4);
    if (continues) current.lines.push(line);
    else paras.push({ lines: [line], size: line.size, page });
    prev = line;
  }
  return paras;
}

/**
 * A page's lines as paragraphs, in the order they were drawn, with each table found among the
 * lines as the page shows them (`visualLines`) in the place of the first line it took.
 */
function toBlocks(lines: Line[], page: number, ratio: number): Para[] {
  const rows = visualLines(lines);
  const taken = new Set<number>();
  const tableAt = new Map<number, Para>();
  for (const table of findTables(rows)) {
    const sources = rows.slice(table.start, table.end).flatMap((row) => row.sources);
    for (const i of sources) taken.add(i);
    const tableLines = sources.sort((a, b) => a - b).map((i) => lines[i]!);
    tableAt.set(sources[0]!, { lines: tableLines, size: Math.max(...tableLines.map((l) => l.size)), page, rows: table.rows });
  }
  const paras: Para[] = [];
  let prose: Line[] = [];
  lines.forEach((line, i) => {
    const table = tableAt.get(i);
    if (table) {
      paras.push(...toParagraphs(prose, page, ratio), table);
      prose = [];
    }
    if (!taken.has(i)) prose.push(line);
  });
  paras.push(...toParagraphs(prose, page, ratio));
  return paras;
}

/** Joins a paragraph's lines, undoing end-of-line hyphenation ("con-" + "firming") unless a known compound. */
function joinLines(lines: Line[], compounds: Set<string>): string {
  return lines.reduce((text, line) => {
    if (!text) return line.text;
    const head = /(\p{L}+)-$/u.exec(text)?.[1];
    const tail = /^\p{Ll}+/u.exec(line.text)?.[0];
    if (!head || !tail) return `${text}\n${line.text}`;
    return compounds.has(`${head}-${tail}`.toLowerCase()) ? text + line.text : text.slice(0, -1) + line.text;
  }, "");
}

/** The font size carrying the most characters is the body text size. */
function dominantSize(lines: Line[]): number {
  const weight = new Map<number, number>();
  for (const l of lines) weight.set(round(l.size), (weight.get(round(l.size)) ?? 0) + l.text.length);
  return [...weight].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
}

/** Median baseline distance between consecutive same-size lines, as a multiple of the font size. */
function lineSpacingRatio(pages: Line[][]): number {
  const ratios: number[] = [];
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const [a, b] = [lines[i - 1]!, lines[i]!];
      const gap = a.y - b.y;
      if (round(a.size) === round(b.size) && gap > 0 && gap < a.size * 3) ratios.push(gap / a.size);
    }
  }
  ratios.sort((a, b) => a - b);
  return ratios[Math.floor(ratios.length / 2)] ?? 1.2;
}

const round = (size: number) => Math.round(size * 2) / 2;
