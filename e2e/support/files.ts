import { Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import PDFDocument from "pdfkit";

/* Real files in the formats admins upload, built in memory for the security specs. */

export interface DocxRun {
  text: string;
  /** Hex colour, e.g. "FFFFFF" for white text on the default white page. */
  color?: string;
  /** Word's "hidden" run property. */
  vanish?: boolean;
}

export async function docxFile(title: string, paragraphs: DocxRun[][], metadata: { creator?: string; description?: string } = {}): Promise<Buffer> {
  const doc = new Document({
    title,
    creator: metadata.creator,
    description: metadata.description,
    sections: [
      {
        children: [
          new Paragraph({ text: title, heading: HeadingLevel.HEADING_1 }),
          ...paragraphs.map((runs) => new Paragraph({ children: runs.map((r) => new TextRun({ text: r.text, color: r.color, vanish: r.vanish })) })),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** Renders a PDF in memory with pdfkit, which writes a real text layer. */
function renderPdf(options: PDFKit.PDFDocumentOptions, draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument(options);
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    draw(doc);
    doc.end();
  });
}

export function pdfFile(info: { Title: string; Author?: string; Subject?: string; Keywords?: string }, paragraphs: string[]): Promise<Buffer> {
  return renderPdf({ info }, (doc) => {
    for (const p of paragraphs) doc.text(p).moveDown();
  });
}

/** A PDF with one page per entry of `pages`, each page's paragraphs in order. */
export function pagedPdf(title: string, pages: string[][]): Promise<Buffer> {
  return renderPdf({ info: { Title: title }, autoFirstPage: false }, (doc) => {
    for (const paragraphs of pages) {
      doc.addPage();
      for (const p of paragraphs) doc.text(p).moveDown();
    }
  });
}

/** A one-page PDF with a paragraph and a borderless table whose columns line up only by position. */
export function pdfWithTable(title: string, intro: string, rows: string[][]): Promise<Buffer> {
  return renderPdf({ info: { Title: title } }, (doc) => {
    doc.fontSize(11).text(intro, 72, 90);
    const step = (doc.page.width - 144) / Math.max(...rows.map((row) => row.length));
    rows.forEach((row, r) => row.forEach((cell, c) => doc.text(cell, 72 + c * step, 140 + r * 22, { lineBreak: false })));
  });
}
