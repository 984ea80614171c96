/**
 * Renders the Larkspur Logistics documents (source/*.ts) into PDFs in documents/ (or --out DIR), one
 * PDF page per source page (testing/eval-sets/render.ts), with explicit page breaks, the title in the PDF
 * info, fixed dates (so the output is byte-identical between runs) and a running footer "Page N of M".
 *
 *   npx tsx evals/pdf-tables/build.ts [--out DIR]
 *
 * Every line of text, including each table cell, is drawn at an explicit position with
 * pdf.text(text, x, y, { width }). The build fails if a page's content would run past the bottom
 * margin (which would shift the page numbers the questions cite) or if pdfkit adds a page of its own.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { option } from "../../testing/eval-sets/args";
import { drawAbove, Overflow, renderPdf, type Pdf, type PdfOptions } from "../../testing/eval-sets/render";
import { benefitsRateSheet } from "./source/benefits-rate-sheet";
import { equipmentSchedule } from "./source/equipment-allowances";
import { ptoSchedule } from "./source/pto-accrual";
import { travelSchedule } from "./source/travel-per-diem";
import { AUTHOR, type Block, type DocumentSource, type Table } from "./source/types";

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(option("--out") ?? path.join(here, "documents"));

const PAGE_W = 612;
const PAGE_H = 792;
const LEFT = 66;
const TOP = 64;
const WIDTH = PAGE_W - 2 * LEFT; // 480
const BOTTOM = PAGE_H - 62; // content must end above this line
const PDF: PdfOptions = {
  outDir,
  size: "LETTER",
  top: TOP,
  left: LEFT,
  author: AUTHOR,
  creator: "Larkspur Logistics",
  date: new Date("2026-12-05T00:00:00Z"),
};

/** Draws `text` at (x, y) and returns its height; throws if it would pass the bottom margin. */
const draw = drawAbove(BOTTOM);

function columnXs(t: Table): number[] {
  const total = t.columns.reduce((s, c) => s + c.width, 0);
  if (total > WIDTH + 0.01) throw new Error(`table "${t.caption}": columns are ${total} points wide, more than ${WIDTH}`);
  const xs: number[] = [];
  let x = LEFT;
  for (const c of t.columns) {
    xs.push(x);
    x += c.width;
  }
  return xs;
}

function drawTable(doc: Pdf, block: Extract<Block, { kind: "table" }>, yStart: number): number {
  const t = block.table;
  const grid = t.style === "grid";
  const size = t.fontSize ?? 8.5;
  const padX = grid ? 4 : 3;
  const padY = grid ? 3.5 : 2;
  const rowGap = t.rowGap ?? 0;
  const xs = columnXs(t);
  const tableW = t.columns.reduce((s, c) => s + c.width, 0);
  for (const row of t.rows) {
    if (row.length !== t.columns.length) throw new Error(`table "${t.caption}": row "${row[0]}" has ${row.length} cells for ${t.columns.length} columns`);
  }
  let y = yStart;

  // Caption.
  doc.font("Helvetica-Bold").fontSize(9.5).fillColor("black");
  y += draw(doc, block.continued ? `${t.caption} (continued)` : t.caption, LEFT, y, WIDTH) + 5;

  // Header: an optional row of group labels spanning columns, then the column headers.
  doc.font("Helvetica-Bold").fontSize(size);
  const groupH = t.groups ? doc.heightOfString("Ag", { width: 100 }) + 2 * padY : 0;
  const headH = Math.max(...t.columns.map((c) => doc.heightOfString(c.header.join("\n"), { width: c.width - 2 * padX }))) + 2 * padY;
  const headerBottom = y + groupH + headH;
  if (headerBottom > BOTTOM) throw new Overflow(`header of "${t.caption}" ends at ${Math.round(headerBottom)}`);
  if (grid) {
    doc.save().rect(LEFT, y, tableW, groupH + headH).fill("#d5dde8").restore();
    doc.fillColor("black");
  }
  if (t.groups) {
    const spanned = t.groups.reduce((s, g) => s + g.span, 0);
    if (spanned !== t.columns.length) throw new Error(`table "${t.caption}": groups span ${spanned} of ${t.columns.length} columns`);
    let col = 0;
    for (const g of t.groups) {
      const x0 = xs[col] ?? LEFT;
      const w = t.columns.slice(col, col + g.span).reduce((s, c) => s + c.width, 0);
      if (g.label) {
        draw(doc, g.label, x0 + padX, y + padY, w - 2 * padX, { align: "center" });
        if (grid) doc.moveTo(x0, y + groupH).lineTo(x0 + w, y + groupH).lineWidth(0.5).stroke();
        else doc.moveTo(x0 + padX, y + groupH - 1).lineTo(x0 + w - padX, y + groupH - 1).lineWidth(0.4).stroke();
      }
      if (grid) doc.rect(x0, y, w, groupH + headH).lineWidth(0.5).stroke();
      col += g.span;
    }
  }
  t.columns.forEach((c, i) => {
    const x0 = xs[i] ?? LEFT;
    draw(doc, c.header.join("\n"), x0 + padX, y + groupH + padY, c.width - 2 * padX, { align: c.align ?? "left" });
    if (grid) doc.rect(x0, y + groupH, c.width, headH).lineWidth(0.5).stroke();
  });
  y = headerBottom;
  if (!grid) y += 3;

  // Body rows.
  doc.font("Helvetica").fontSize(size);
  const rows = t.rows.slice(block.from ?? 0, block.to ?? t.rows.length);
  for (const row of rows) {
    const rowH =
      Math.max(...row.map((cell, i) => doc.heightOfString(cell, { width: (t.columns[i]?.width ?? 0) - 2 * padX }))) + 2 * padY + rowGap;
    if (y + rowH > BOTTOM) throw new Overflow(`row "${row[0]}" of "${t.caption}" ends at ${Math.round(y + rowH)}`);
    row.forEach((cell, i) => {
      const c = t.columns[i];
      const x0 = xs[i];
      if (!c || x0 === undefined) return;
      draw(doc, cell, x0 + padX, y + padY + rowGap / 2, c.width - 2 * padX, { align: c.align ?? "left" });
      if (grid) doc.rect(x0, y, c.width, rowH).lineWidth(0.5).stroke();
    });
    y += rowH;
  }
  return y + 10;
}

function renderPage(doc: Pdf, src: DocumentSource, blocks: Block[], n: number, of: number): void {
  // Running header on the pages after the first, inside the top margin.
  if (n > 1) {
    doc.font("Helvetica").fontSize(8).fillColor("#444444");
    doc.text(`Larkspur Logistics  |  ${src.short}`, LEFT, 34, { width: WIDTH, align: "right", lineBreak: false });
    doc.fillColor("black");
  }

  let y = TOP;
  for (const b of blocks) {
    switch (b.kind) {
      case "h1":
        doc.font("Helvetica-Bold").fontSize(16);
        y += draw(doc, b.text, LEFT, y, WIDTH) + 6;
        break;
      case "h2":
        y += 4;
        doc.font("Helvetica-Bold").fontSize(11.5);
        y += draw(doc, b.text, LEFT, y, WIDTH) + 4;
        break;
      case "p":
        doc.font("Helvetica").fontSize(9.5);
        y += draw(doc, b.text, LEFT, y, WIDTH, { lineGap: 1.5 }) + 6;
        break;
      case "bullet":
        doc.font("Helvetica").fontSize(9.5);
        draw(doc, "\u2022", LEFT + 4, y, 10);
        y += draw(doc, b.text, LEFT + 16, y, WIDTH - 16, { lineGap: 1.5 }) + 3;
        break;
      case "note":
        doc.font("Helvetica-Oblique").fontSize(8);
        y += draw(doc, b.text, LEFT, y, WIDTH, { lineGap: 1 }) + 6;
        break;
      case "table":
        y = drawTable(doc, b, y + 2);
        break;
    }
  }

  // Running footer, below the content area (BOTTOM), so it never pushes content onto a new page.
  doc.font("Helvetica").fontSize(8).fillColor("#444444");
  doc.text(`${src.title}  |  Page ${n} of ${of}`, LEFT, PAGE_H - 44, { width: WIDTH, align: "center", lineBreak: false });
  doc.fillColor("black");
}

for (const src of [travelSchedule, benefitsRateSheet, ptoSchedule, equipmentSchedule]) await renderPdf(src, PDF, renderPage);
