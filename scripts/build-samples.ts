/**
 * Renders two of the sample policies into the binary formats the product must ingest, so the shipped
 * samples exercise the PDF and DOCX parsers with real text layers and real Word styles:
 *   scripts/sample-sources/expenses-policy.md    -> lib/samples/policies/expenses-policy.pdf
 *   scripts/sample-sources/it-security-policy.md -> lib/samples/policies/it-security-policy.docx
 * Run with `npx tsx scripts/build-samples.ts`. Output is byte-identical between runs.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import PDFDocument from "pdfkit";
import type { Block, ParsedDocument } from "../lib/ingest/document-model";
import { parseMarkdown } from "../lib/ingest/parsers/markdown";

const SOURCES = path.resolve(import.meta.dirname, "sample-sources");
const OUTPUT = path.resolve(import.meta.dirname, "../lib/samples/policies");
const FIXED_DATE = new Date("2025-01-15T09:00:00Z");
// Zip entry times are stored in local time, so the time zone must be fixed too.
process.env.TZ = "UTC";

/** "- text" / "2. text" lines of a list block, with nesting depth and marker. */
const listItems = (block: Block) => {
  // A nested item is indented to its parent's text, so its depth is how many open items are indented less.
  const indents: number[] = [];
  return block.text.split("\n").map((line) => {
    const [, indent = "", marker = "-", text = ""] = /^(\s*)(-|\d+\.)\s*(.*)$/.exec(line) ?? [];
    while ((indents.at(-1) ?? -1) >= indent.length) indents.pop();
    indents.push(indent.length);
    return { depth: indents.length - 1, ordered: marker !== "-", marker, text };
  });
};

/** Table rows from "| a | b |" lines, without the "| --- |" separator line. */
const tableRows = (block: Block) =>
  block.text
    .split("\n")
    .filter((_, i) => i !== 1)
    .map((line) => line.slice(2, -2).split(/ (?<!\\)\| /).map((cell) => cell.replace(/\\\|/g, "|")));

async function renderPdf(doc: ParsedDocument): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: "LETTER",
    margins: { top: 72, bottom: 72, left: 72, right: 72 },
    bufferPages: true, // page footers are written once the page count is known
    info: { Title: doc.title, Author: "Northwind Analytics", Subject: "Company policy", CreationDate: FIXED_DATE },
  });
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => pdf.on("end", () => resolve(Buffer.concat(chunks))));
  const left = pdf.page.margins.left;
  const width = pdf.page.width - left - pdf.page.margins.right;
  const headingSize: Record<number, number> = { 1: 20, 2: 14.5, 3: 12.5 };

  for (const block of doc.blocks) {
    if (block.kind === "heading") {
      pdf.moveDown(0.4).font("Helvetica-Bold").fontSize(headingSize[block.level ?? 3] ?? 12);
      pdf.text(block.text, left, undefined, { width }).moveDown(0.3);
    } else if (block.kind === "list") {
      pdf.font("Helvetica").fontSize(10.5);
      for (const item of listItems(block)) {
        const indent = 14 + item.depth * 14;
        pdf.text(`${item.ordered ? item.marker : "•"}  ${item.text}`, left + indent, undefined, { width: width - indent }).moveDown(0.25);
      }
      pdf.moveDown(0.4);
    } else if (block.kind === "table") {
      drawTable(pdf, tableRows(block), left, width);
    } else {
      pdf.font("Helvetica").fontSize(10.5).text(block.text, left, undefined, { width }).moveDown(0.6);
    }
  }
  const range = pdf.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    pdf.switchToPage(range.start + i);
    // Writing inside the bottom margin would otherwise make pdfkit start a new page.
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf.font("Helvetica").fontSize(9).text(`Page ${i + 1} of ${range.count}`, left, pdf.page.height - 48, { width, align: "center" });
    pdf.page.margins.bottom = bottom;
  }
  pdf.end();
  return done;
}

/** A ruled table; rows that would cross the bottom margin move to a new page under a repeated header. */
function drawTable(pdf: PDFKit.PDFDocument, rows: string[][], left: number, width: number) {
  const [header, ...body] = rows;
  if (!header) return;
  const pad = 4;
  // Columns as wide as their longest cell (scaled to the text width), so rows stay on one line where
  // possible and the text layer keeps each row together.
  pdf.font("Helvetica-Bold").fontSize(9.5);
  const natural = header.map((_, c) => Math.max(...rows.map((r) => pdf.widthOfString(r[c] ?? ""))) + 2 * pad + 1);
  const scale = width / natural.reduce((a, b) => a + b, 0);
  const widths = natural.map((w) => w * scale);
  const drawRow = (cells: string[], bold: boolean) => {
    pdf.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(9.5);
    const height = Math.max(...cells.map((c, i) => pdf.heightOfString(c, { width: (widths[i] ?? 0) - 2 * pad }))) + 2 * pad;
    if (pdf.y + height > pdf.page.height - pdf.page.margins.bottom) {
      pdf.addPage();
      if (!bold) drawRow(header, true);
    }
    const top = pdf.y;
    let x = left;
    cells.forEach((cell, i) => {
      const w = widths[i] ?? 0;
      if (bold) pdf.rect(x, top, w, height).fillAndStroke("#e8ecf2", "#8a94a6").fillColor("black");
      else pdf.rect(x, top, w, height).stroke("#8a94a6");
      pdf.text(cell, x + pad, top + pad, { width: w - 2 * pad });
      x += w;
    });
    pdf.x = left;
    pdf.y = top + height;
  };
  drawRow(header, true);
  for (const row of body) drawRow(row, false);
  pdf.moveDown(1);
}

async function renderDocx(doc: ParsedDocument): Promise<Buffer> {
  const headingStyle = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3];
  const children: (Paragraph | Table)[] = doc.blocks.flatMap((block): (Paragraph | Table)[] => {
    if (block.kind === "heading") return [new Paragraph({ text: block.text, heading: headingStyle[(block.level ?? 3) - 1] ?? HeadingLevel.HEADING_3 })];
    if (block.kind === "list") {
      return listItems(block).map((item) =>
        item.ordered
          ? new Paragraph({ text: item.text, numbering: { reference: "decimal", level: item.depth } })
          : new Paragraph({ text: item.text, bullet: { level: item.depth } }),
      );
    }
    if (block.kind === "table") {
      const rows = tableRows(block).map(
        (cells, r) =>
          new TableRow({
            tableHeader: r === 0,
            children: cells.map((text) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold: r === 0 })] })] })),
          }),
      );
      return [new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows })];
    }
    return [new Paragraph({ text: block.text, spacing: { after: 120 } })];
  });
  const numbering = {
    config: [{ reference: "decimal", levels: [0, 1, 2].map((level) => ({ level, format: LevelFormat.DECIMAL, text: `%${level + 1}.`, alignment: AlignmentType.START })) }],
  };
  // The Document constructor already reads the clock (core.xml dates), so it runs under the fixed one too.
  return withFixedClock(() =>
    Packer.toBuffer(new Document({ title: doc.title, creator: "Northwind Analytics", numbering, sections: [{ children }] })),
  );
}

/** docx stamps core.xml and every zip entry with the current time; a fixed clock keeps the bytes stable. */
async function withFixedClock<T>(run: () => Promise<T>): Promise<T> {
  const RealDate = Date;
  const fixed = FIXED_DATE.getTime();
  globalThis.Date = class extends RealDate {
    constructor(value?: number | string | Date) {
      super(value ?? fixed);
    }
    static override now() {
      return fixed;
    }
  } as DateConstructor;
  try {
    return await run();
  } finally {
    globalThis.Date = RealDate;
  }
}

async function source(name: string): Promise<ParsedDocument> {
  return parseMarkdown(await readFile(path.join(SOURCES, `${name}.md`), "utf8"), name);
}

await writeFile(path.join(OUTPUT, "expenses-policy.pdf"), await renderPdf(await source("expenses-policy")));
await writeFile(path.join(OUTPUT, "it-security-policy.docx"), await renderDocx(await source("it-security-policy")));
console.log(`Wrote expenses-policy.pdf and it-security-policy.docx to ${path.relative(process.cwd(), OUTPUT)}`);
