/**
 * Renders the Brackenfield Systems documents that are not hand-written Markdown or HTML: three PDFs
 * (source/travel-expense.ts, source/information-security.ts, source/company-vehicles.ts) and one DOCX
 * (source/procurement.ts), into documents/.
 *
 *   npx tsx evals/brackenfield-policies/build.ts [--dump DIR]
 *
 * PDFs: one PDF page per source page with explicit addPage(), every line and table cell drawn at an
 * explicit position, the title in the PDF info, fixed dates, a running footer "<title> | Page N of
 * M". The build fails if a page's content would run past the bottom margin or if pdfkit adds a page
 * of its own, since that would shift the page numbers the questions cite. --dump DIR also writes
 * each document's source text, page by page, to DIR/<file>.txt.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import PDFDocument from "pdfkit";
import { companyVehicles } from "./source/company-vehicles";
import { informationSecurity } from "./source/information-security";
import { procurement } from "./source/procurement";
import { travelExpense } from "./source/travel-expense";
import { AUTHOR, type DocumentSource } from "./source/types";

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.join(here, "documents");
const dumpIdx = process.argv.indexOf("--dump");
const dumpDir = dumpIdx > 0 ? process.argv[dumpIdx + 1] : undefined;

const PAGE_W = 612;
const PAGE_H = 792;
const LEFT = 64;
const TOP = 62;
const WIDTH = PAGE_W - 2 * LEFT;
const BOTTOM = PAGE_H - 58;
const FIXED_DATE = new Date("2026-12-05T00:00:00Z");

type Doc = InstanceType<typeof PDFDocument>;

class Overflow extends Error {}

function draw(doc: Doc, text: string, x: number, y: number, width: number, opts: PDFKit.Mixins.TextOptions = {}): number {
  const h = doc.heightOfString(text, { width, ...opts });
  if (y + h > BOTTOM) throw new Overflow(`text "${text.slice(0, 40)}" ends at ${Math.round(y + h)} > ${BOTTOM}`);
  doc.text(text, x, y, { width, ...opts });
  return h;
}

function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split("|")
    .map((c) => c.trim());
}

/** Column widths proportional to each column's longest cell, each at least 60 points. */
function widths(rows: string[][]): number[] {
  const n = rows[0]?.length ?? 0;
  const longest = Array.from({ length: n }, (_, i) => Math.max(6, ...rows.map((r) => Math.min(60, (r[i] ?? "").length))));
  const total = longest.reduce((s, l) => s + l, 0);
  const raw = longest.map((l) => (l / total) * WIDTH);
  const floor = raw.map((w) => Math.max(60, w));
  const scale = WIDTH / floor.reduce((s, w) => s + w, 0);
  return floor.map((w) => w * scale);
}

function drawTable(doc: Doc, rows: string[][], yStart: number): number {
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
  const padY = 3;
  let y = yStart;
  rows.forEach((row, ri) => {
    doc.font(ri === 0 ? "Helvetica-Bold" : "Helvetica").fontSize(8.5);
    const h = Math.max(...row.map((c, i) => doc.heightOfString(c, { width: (ws[i] ?? 60) - 2 * padX }))) + 2 * padY;
    if (y + h > BOTTOM) throw new Overflow(`table row "${row[0]}" ends at ${Math.round(y + h)}`);
    if (ri === 0) {
      doc.save().rect(LEFT, y, WIDTH, h).fill("#dde3ea").restore();
      doc.fillColor("black");
    }
    row.forEach((c, i) => {
      const x0 = xs[i] ?? LEFT;
      const w = ws[i] ?? 60;
      draw(doc, c, x0 + padX, y + padY, w - 2 * padX);
      doc.rect(x0, y, w, h).lineWidth(0.5).stroke();
    });
    y += h;
  });
  return y + 8;
}

function renderPage(doc: Doc, src: DocumentSource, lines: string[], n: number, of: number): void {
  if (n > 1) {
    doc.font("Helvetica").fontSize(8).fillColor("#444444");
    doc.text(`Brackenfield Systems  |  ${src.short}`, LEFT, 34, { width: WIDTH, align: "right", lineBreak: false });
    doc.fillColor("black");
  }
  let y = TOP;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? "";
    if (line.startsWith("|")) {
      const rows: string[][] = [];
      while (i < lines.length && (lines[i] ?? "").startsWith("|")) rows.push(cells(lines[i++] ?? ""));
      y = drawTable(doc, rows, y + 2);
      continue;
    }
    i++;
    if (line === "") {
      y += 5;
    } else if (line.startsWith("# ")) {
      doc.font("Helvetica-Bold").fontSize(16);
      y += draw(doc, line.slice(2), LEFT, y, WIDTH) + 6;
    } else if (line.startsWith("## ")) {
      y += 4;
      doc.font("Helvetica-Bold").fontSize(11.5);
      y += draw(doc, line.slice(3), LEFT, y, WIDTH) + 4;
    } else if (line.startsWith("### ")) {
      y += 2;
      doc.font("Helvetica-Bold").fontSize(10);
      y += draw(doc, line.slice(4), LEFT, y, WIDTH) + 3;
    } else if (line.startsWith("- ")) {
      doc.font("Helvetica").fontSize(9.5);
      draw(doc, "\u2022", LEFT + 4, y, 10);
      y += draw(doc, line.slice(2), LEFT + 16, y, WIDTH - 16, { lineGap: 1.5 }) + 3;
    } else if (line.startsWith("> ")) {
      doc.font("Helvetica-Oblique").fontSize(8);
      y += draw(doc, line.slice(2), LEFT, y, WIDTH, { lineGap: 1 }) + 5;
    } else {
      doc.font("Helvetica").fontSize(9.5);
      y += draw(doc, line, LEFT, y, WIDTH, { lineGap: 1.5 }) + 6;
    }
  }
  doc.font("Helvetica").fontSize(8).fillColor("#444444");
  doc.text(`${src.title}  |  Page ${n} of ${of}`, LEFT, PAGE_H - 42, { width: WIDTH, align: "center", lineBreak: false });
  doc.fillColor("black");
}

async function renderPdf(src: DocumentSource): Promise<void> {
  const doc = new PDFDocument({
    size: "LETTER",
    margins: { top: TOP, bottom: 0, left: LEFT, right: LEFT },
    autoFirstPage: false,
    compress: true,
    info: { Title: src.title, Author: AUTHOR, Subject: src.subject, Creator: AUTHOR, Producer: AUTHOR, CreationDate: FIXED_DATE, ModDate: FIXED_DATE },
  });
  const file = path.join(outDir, src.file);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const out = fs.createWriteStream(file);
  doc.pipe(out);
  let added = 0;
  doc.on("pageAdded", () => added++);
  const of = src.pages.length;
  src.pages.forEach((lines, i) => {
    doc.addPage();
    try {
      renderPage(doc, src, lines, i + 1, of);
    } catch (e) {
      if (e instanceof Overflow) throw new Error(`${src.file}, page ${i + 1} overflows: ${e.message}`, { cause: e });
      throw e;
    }
  });
  doc.end();
  await new Promise<void>((resolve, reject) => {
    out.on("finish", resolve);
    out.on("error", reject);
  });
  if (added !== of) throw new Error(`${src.file}: ${added} pages rendered for ${of} source pages (a page overflowed)`);
  console.log(`${path.relative(process.cwd(), file)}: ${of} pages, ${fs.statSync(file).size} bytes`);
}

async function renderDocx(src: DocumentSource): Promise<void> {
  const children: (Paragraph | Table)[] = [];
  const lines = src.pages.flat();
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? "";
    if (line.startsWith("|")) {
      const rows: string[][] = [];
      while (i < lines.length && (lines[i] ?? "").startsWith("|")) rows.push(cells(lines[i++] ?? ""));
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: rows.map(
            (r, ri) =>
              new TableRow({
                tableHeader: ri === 0,
                children: r.map((c) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: c, bold: ri === 0 })] })] })),
              }),
          ),
        }),
      );
      continue;
    }
    i++;
    if (line === "") continue;
    if (line.startsWith("# ")) children.push(new Paragraph({ text: line.slice(2), heading: HeadingLevel.TITLE }));
    else if (line.startsWith("## ")) children.push(new Paragraph({ text: line.slice(3), heading: HeadingLevel.HEADING_1 }));
    else if (line.startsWith("### ")) children.push(new Paragraph({ text: line.slice(4), heading: HeadingLevel.HEADING_2 }));
    else if (line.startsWith("- ")) children.push(new Paragraph({ text: line.slice(2), bullet: { level: 0 } }));
    else if (line.startsWith("> ")) children.push(new Paragraph({ children: [new TextRun({ text: line.slice(2), italics: true, size: 18 })] }));
    else children.push(new Paragraph({ text: line, alignment: AlignmentType.LEFT }));
  }
  const doc = new Document({
    creator: AUTHOR,
    title: src.title,
    description: src.subject,
    sections: [{ children }],
  });
  const file = path.join(outDir, src.file);
  fs.writeFileSync(file, await Packer.toBuffer(doc));
  console.log(`${path.relative(process.cwd(), file)}: ${fs.statSync(file).size} bytes`);
}

function dump(src: DocumentSource): void {
  if (!dumpDir) return;
  const file = path.join(dumpDir, `${path.basename(src.file)}.txt`);
  fs.mkdirSync(dumpDir, { recursive: true });
  fs.writeFileSync(file, src.pages.map((lines, i) => [`=== page ${i + 1} ===`, ...lines].join("\n")).join("\n") + "\n");
}

fs.mkdirSync(outDir, { recursive: true });
for (const src of [travelExpense, informationSecurity, companyVehicles]) {
  await renderPdf(src);
  dump(src);
}
await renderDocx(procurement);
dump(procurement);
