/**
 * The page layout the eval sets' build.ts scripts share for a line-format source page in a PDF (see
 * ./types.ts): a running header on pages after the first, title, headings, paragraphs, bullets, notes
 * and ruled tables, each drawn at an explicit position, and a running footer "<title> | Page N of M".
 * Each set passes a PageStyle with its own geometry, sizes and colours.
 */
import { parseLines } from "./line-format";
import { drawAbove, Overflow, type Pdf } from "./render";
import type { DocumentSource } from "./types";

export interface TableStyle {
  /** Minimum column width in points. */
  minColumn: number;
  /** Cell length (characters) above which a cell counts no further towards its column's width. */
  cellCap: number;
  fontSize: number;
  padX: number;
  padY: number;
  /** Fill of the header row. */
  headerFill: string;
  /** Colour of the cell borders; the current stroke colour unless given. */
  stroke?: string;
  /** Whether empty cells are drawn (and measured as they are) rather than skipped (and measured as a space). */
  drawEmptyCells: boolean;
}

export interface PageStyle {
  pageWidth: number;
  pageHeight: number;
  /** Left and right margins. */
  left: number;
  top: number;
  /** Content must end this far above the bottom edge. */
  bottomMargin: number;
  /** Company name in the running header. */
  company: string;
  /** Colour of the running header and footer. */
  runningColour: string;
  /** The footer's separator between title and page number, e.g. " | ". */
  footerSeparator: string;
  /** The footer's distance from the bottom edge. */
  footerFromBottom: number;
  /** Colour of the title and section headings; black (left unset) unless given. */
  headingColour?: string;
  titleSize: number;
  headingSize: number;
  /** Space above a section heading. */
  headingBefore: number;
  subheadingSize: number;
  /** Font size and line gap of paragraphs and bullets. */
  bodySize: number;
  bodyLineGap: number;
  noteSize: number;
  /** Space below a note. */
  noteAfter: number;
  table: TableStyle;
}

const contentWidth = (s: PageStyle): number => s.pageWidth - 2 * s.left;
const contentBottom = (s: PageStyle): number => s.pageHeight - s.bottomMargin;

/** Column widths proportional to each column's longest cell (capped), each at least minColumn points. */
function widths(rows: string[][], s: PageStyle): number[] {
  const { minColumn, cellCap } = s.table;
  const width = contentWidth(s);
  const n = rows[0]?.length ?? 0;
  const longest = Array.from({ length: n }, (_, i) => Math.max(6, ...rows.map((r) => Math.min(cellCap, (r[i] ?? "").length))));
  const total = longest.reduce((sum, l) => sum + l, 0);
  const floor = longest.map((l) => Math.max(minColumn, (l / total) * width));
  const scale = width / floor.reduce((sum, w) => sum + w, 0);
  return floor.map((w) => w * scale);
}

/** Draws a ruled table (the first row a filled header) from `yStart`; returns the y below it. */
export function drawTable(doc: Pdf, rows: string[][], yStart: number, s: PageStyle): number {
  const t = s.table;
  const width = contentWidth(s);
  const bottom = contentBottom(s);
  const draw = drawAbove(bottom);
  const n = rows[0]?.length ?? 0;
  for (const r of rows) if (r.length !== n) throw new Error(`table row "${r[0]}" has ${r.length} cells for ${n} columns`);
  const ws = widths(rows, s);
  const xs: number[] = [];
  let x = s.left;
  for (const w of ws) {
    xs.push(x);
    x += w;
  }
  let y = yStart;
  rows.forEach((row, ri) => {
    doc.font(ri === 0 ? "Helvetica-Bold" : "Helvetica").fontSize(t.fontSize);
    const measured = (c: string) => (t.drawEmptyCells ? c : c || " ");
    const h = Math.max(...row.map((c, i) => doc.heightOfString(measured(c), { width: (ws[i] ?? t.minColumn) - 2 * t.padX }))) + 2 * t.padY;
    if (y + h > bottom) throw new Overflow(`table row "${row[0]}" ends at ${Math.round(y + h)}`);
    if (ri === 0) {
      doc.save().rect(s.left, y, width, h).fill(t.headerFill).restore();
      doc.fillColor("black");
    }
    row.forEach((c, i) => {
      const x0 = xs[i] ?? s.left;
      const w = ws[i] ?? t.minColumn;
      if (c || t.drawEmptyCells) draw(doc, c, x0 + t.padX, y + t.padY, w - 2 * t.padX);
      const rect = doc.rect(x0, y, w, h).lineWidth(0.5);
      (t.stroke ? rect.strokeColor(t.stroke) : rect).stroke();
    });
    y += h;
  });
  return y + 8;
}

/** Renders one source page (`lines`, page `n` of `of`) in style `s`; throws Overflow past the bottom margin. */
export function renderLinesPage(doc: Pdf, src: DocumentSource, lines: string[], n: number, of: number, s: PageStyle): void {
  const width = contentWidth(s);
  const bottom = contentBottom(s);
  const draw = drawAbove(bottom);
  const left = s.left;
  const headingColour = () => {
    if (s.headingColour) doc.fillColor(s.headingColour);
  };
  const resetColour = () => {
    if (s.headingColour) doc.fillColor("black");
  };
  if (n > 1) {
    doc.font("Helvetica").fontSize(8).fillColor(s.runningColour);
    doc.text(`${s.company}  |  ${src.short}`, left, 34, { width, align: "right", lineBreak: false });
    doc.fillColor("black");
  }
  let y = s.top;
  for (const b of parseLines(lines)) {
    if (b.kind === "table") {
      y = drawTable(doc, b.rows, y + 2, s);
    } else if (b.kind === "gap") {
      y += 5;
    } else if (b.kind === "title") {
      doc.font("Helvetica-Bold").fontSize(s.titleSize);
      headingColour();
      y += draw(doc, b.text, left, y, width) + 6;
      resetColour();
    } else if (b.kind === "heading") {
      y += s.headingBefore;
      doc.font("Helvetica-Bold").fontSize(s.headingSize);
      headingColour();
      y += draw(doc, b.text, left, y, width) + 4;
      resetColour();
    } else if (b.kind === "subheading") {
      y += 2;
      doc.font("Helvetica-Bold").fontSize(s.subheadingSize);
      y += draw(doc, b.text, left, y, width) + 3;
    } else if (b.kind === "bullet") {
      doc.font("Helvetica").fontSize(s.bodySize);
      draw(doc, "\u2022", left + 4, y, 10);
      y += draw(doc, b.text, left + 16, y, width - 16, { lineGap: s.bodyLineGap }) + 3;
    } else if (b.kind === "note") {
      doc.font("Helvetica-Oblique").fontSize(s.noteSize);
      y += draw(doc, b.text, left, y, width, { lineGap: 1 }) + s.noteAfter;
    } else {
      doc.font("Helvetica").fontSize(s.bodySize);
      y += draw(doc, b.text, left, y, width, { lineGap: s.bodyLineGap }) + 6;
    }
  }
  if (process.env.LAYOUT) console.log(`  ${src.file} p.${n}: content ends at ${Math.round(y)} of ${Math.round(bottom)}`);
  doc.font("Helvetica").fontSize(8).fillColor(s.runningColour);
  doc.text(`${src.title}${s.footerSeparator}Page ${n} of ${of}`, left, s.pageHeight - s.footerFromBottom, { width, align: "center", lineBreak: false });
  doc.fillColor("black");
}
