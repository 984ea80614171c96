/**
 * Renders the Harbourline Freight & Logistics documents that are not hand-written Markdown or HTML:
 * three PDFs (source/working-time.ts, source/driver-safety.ts, source/annual-leave.ts) and two DOCX
 * files (source/anti-bribery.ts, and source/managers-disciplinary.ts into documents/managers/),
 * into documents/ (or --out DIR).
 *
 *   npx tsx evals/harbourline-operations/build.ts [--out DIR] [--dump DIR]
 *
 * PDFs: A4, one PDF page per source page (testing/eval-sets/render.ts), every line and table cell drawn at
 * an explicit position, the title in the PDF info, fixed dates, a running header on pages after the
 * first and a running footer "<title> | Page N of M". The build fails if a page's content would run
 * past the bottom margin or if pdfkit adds a page of its own, since that would shift the page numbers
 * the questions cite. --dump DIR also writes each document's source text, page by page, to
 * DIR/<file>.txt.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { option } from "../../testing/eval-sets/args";
import { parseLines } from "../../testing/eval-sets/line-format";
import { drawAbove, dumpSource, Overflow, renderDocx, renderPdf, type Pdf, type PdfOptions } from "../../testing/eval-sets/render";
import { annualLeave } from "./source/annual-leave";
import { antiBribery } from "./source/anti-bribery";
import { driverSafety } from "./source/driver-safety";
import { managersDisciplinary } from "./source/managers-disciplinary";
import { AUTHOR, type DocumentSource } from "./source/types";
import { workingTime } from "./source/working-time";

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(option("--out") ?? path.join(here, "documents"));
const dumpDir = option("--dump");

const PAGE_W = 595.28; // A4
const PAGE_H = 841.89;
const LEFT = 60;
const TOP = 64;
const WIDTH = PAGE_W - 2 * LEFT;
const BOTTOM = PAGE_H - 62;
const PDF: PdfOptions = { outDir, size: "A4", top: TOP, left: LEFT, author: AUTHOR, date: new Date("2026-12-07T00:00:00Z") };

const draw = drawAbove(BOTTOM);

/** Column widths proportional to each column's longest cell (capped), each at least 56 points. */
function widths(rows: string[][]): number[] {
  const n = rows[0]?.length ?? 0;
  const longest = Array.from({ length: n }, (_, i) => Math.max(6, ...rows.map((r) => Math.min(55, (r[i] ?? "").length))));
  const total = longest.reduce((s, l) => s + l, 0);
  const floor = longest.map((l) => Math.max(56, (l / total) * WIDTH));
  const scale = WIDTH / floor.reduce((s, w) => s + w, 0);
  return floor.map((w) => w * scale);
}

function drawTable(doc: Pdf, rows: string[][], yStart: number): number {
  const n = rows[0]?.length ?? 0;
  for (const r of rows) if (r.length !== n) throw new Error(`table row "${r[0]}" has ${r.length} cells for ${n} columns`);
  const ws = widths(rows);
  const xs: number[] = [];
  let x = LEFT;
  for (const w of ws) {
    xs.push(x);
    x += w;
  }
  const padX = 4;
  const padY = 3.5;
  let y = yStart;
  rows.forEach((row, ri) => {
    doc.font(ri === 0 ? "Helvetica-Bold" : "Helvetica").fontSize(8.8);
    const h = Math.max(...row.map((c, i) => doc.heightOfString(c || " ", { width: (ws[i] ?? 56) - 2 * padX }))) + 2 * padY;
    if (y + h > BOTTOM) throw new Overflow(`table row "${row[0]}" ends at ${Math.round(y + h)}`);
    if (ri === 0) {
      doc.save().rect(LEFT, y, WIDTH, h).fill("#d9e2ec").restore();
      doc.fillColor("black");
    }
    row.forEach((c, i) => {
      const x0 = xs[i] ?? LEFT;
      const w = ws[i] ?? 56;
      if (c) draw(doc, c, x0 + padX, y + padY, w - 2 * padX);
      doc.rect(x0, y, w, h).lineWidth(0.5).strokeColor("#52606d").stroke();
    });
    y += h;
  });
  return y + 8;
}

function renderPage(doc: Pdf, src: DocumentSource, lines: string[], n: number, of: number): void {
  if (n > 1) {
    doc.font("Helvetica").fontSize(8).fillColor("#44505c");
    doc.text(`Harbourline Freight & Logistics  |  ${src.short}`, LEFT, 34, { width: WIDTH, align: "right", lineBreak: false });
    doc.fillColor("black");
  }
  let y = TOP;
  for (const b of parseLines(lines)) {
    if (b.kind === "table") {
      y = drawTable(doc, b.rows, y + 2);
    } else if (b.kind === "gap") {
      y += 5;
    } else if (b.kind === "title") {
      doc.font("Helvetica-Bold").fontSize(17).fillColor("#12355b");
      y += draw(doc, b.text, LEFT, y, WIDTH) + 6;
      doc.fillColor("black");
    } else if (b.kind === "heading") {
      y += 5;
      doc.font("Helvetica-Bold").fontSize(12).fillColor("#12355b");
      y += draw(doc, b.text, LEFT, y, WIDTH) + 4;
      doc.fillColor("black");
    } else if (b.kind === "subheading") {
      y += 2;
      doc.font("Helvetica-Bold").fontSize(10.2);
      y += draw(doc, b.text, LEFT, y, WIDTH) + 3;
    } else if (b.kind === "bullet") {
      doc.font("Helvetica").fontSize(9.8);
      draw(doc, "\u2022", LEFT + 4, y, 10);
      y += draw(doc, b.text, LEFT + 16, y, WIDTH - 16, { lineGap: 1.6 }) + 3;
    } else if (b.kind === "note") {
      doc.font("Helvetica-Oblique").fontSize(8.5);
      y += draw(doc, b.text, LEFT, y, WIDTH, { lineGap: 1 }) + 6;
    } else {
      doc.font("Helvetica").fontSize(9.8);
      y += draw(doc, b.text, LEFT, y, WIDTH, { lineGap: 1.6 }) + 6;
    }
  }
  if (process.env.LAYOUT) console.log(`  ${src.file} p.${n}: content ends at ${Math.round(y)} of ${Math.round(BOTTOM)}`);
  doc.font("Helvetica").fontSize(8).fillColor("#44505c");
  doc.text(`${src.title} | Page ${n} of ${of}`, LEFT, PAGE_H - 44, { width: WIDTH, align: "center", lineBreak: false });
  doc.fillColor("black");
}

for (const src of [workingTime, driverSafety, annualLeave]) {
  await renderPdf(src, PDF, renderPage);
  dumpSource(dumpDir, src);
}
for (const src of [antiBribery, managersDisciplinary]) {
  await renderDocx(src, { outDir, author: AUTHOR, font: { font: "Arial", size: 21 } });
  dumpSource(dumpDir, src);
}
