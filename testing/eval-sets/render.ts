/**
 * Writing the eval sets' generated documents: PDFs whose page numbers are exactly the source's (the
 * questions cite them), DOCX files from the line format, and the --dump text the questions are
 * grep-checked against. The page layout (fonts, sizes, tables) is ./page-layout.ts, given a style by
 * each set's build.ts, or a set's build.ts's own.
 */
import fs from "node:fs";
import path from "node:path";
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import { unzipSync, zipSync, type Zippable } from "fflate";
import PDFDocument from "pdfkit";
import { parseLines } from "./line-format";
import type { DocumentSource } from "./types";

export type Pdf = InstanceType<typeof PDFDocument>;

/** Content that would run past a page's bottom margin; renderPdf names the file and page. */
export class Overflow extends Error {}

/**
 * A draw(doc, text, x, y, width) for pages whose content must end above `bottom`: it draws the text at
 * an explicit position and returns its height, or throws Overflow instead of letting pdfkit start a
 * page of its own.
 */
export function drawAbove(bottom: number) {
  return (doc: Pdf, text: string, x: number, y: number, width: number, opts: PDFKit.Mixins.TextOptions = {}): number => {
    const h = doc.heightOfString(text, { width, ...opts });
    if (y + h > bottom) throw new Overflow(`text "${text.slice(0, 40)}" ends at ${Math.round(y + h)} > ${Math.round(bottom)}`);
    doc.text(text, x, y, { width, ...opts });
    return h;
  };
}

export interface PdfOptions {
  outDir: string;
  size: "A4" | "LETTER";
  /** Top margin, and left and right margins. The bottom margin is 0: drawAbove guards it instead. */
  top: number;
  left: number;
  author: string;
  /** Creator and Producer in the PDF info; the author unless given. */
  creator?: string;
  /** CreationDate and ModDate, fixed so that a rebuild is byte-identical. */
  date: Date;
}

interface Paged {
  file: string;
  title: string;
  subject: string;
  pages: unknown[];
}

/**
 * Renders one PDF page per source page with explicit addPage(). Fails if a page overflows or pdfkit
 * adds a page of its own, since either would shift the page numbers the questions cite.
 */
export async function renderPdf<S extends Paged>(
  src: S,
  o: PdfOptions,
  renderPage: (doc: Pdf, src: S, page: S["pages"][number], n: number, of: number) => void,
): Promise<void> {
  const creator = o.creator ?? o.author;
  const doc = new PDFDocument({
    size: o.size,
    margins: { top: o.top, bottom: 0, left: o.left, right: o.left },
    autoFirstPage: false,
    compress: true,
    info: { Title: src.title, Author: o.author, Subject: src.subject, Creator: creator, Producer: creator, CreationDate: o.date, ModDate: o.date },
  });
  const file = path.join(o.outDir, src.file);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const out = fs.createWriteStream(file);
  doc.pipe(out);
  let added = 0;
  doc.on("pageAdded", () => added++);
  const of = src.pages.length;
  src.pages.forEach((page, i) => {
    doc.addPage();
    try {
      renderPage(doc, src, page, i + 1, of);
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

export interface DocxOptions {
  outDir: string;
  author: string;
  /** The document's default run font (size in half-points); Word's own default unless given. */
  font?: { font: string; size: number };
  /** Written as the document's created and modified dates and every zip entry's time, so a rebuild is byte-identical; the build time unless given. */
  date?: Date;
}

function docxTable(rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (r, ri) =>
        new TableRow({
          tableHeader: ri === 0,
          children: r.map((c) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: c, bold: ri === 0 })] })] })),
        }),
    ),
  });
}

/** Renders a line-format source as a DOCX with Word headings, bullets and tables; its pages run on. */
export async function renderDocx(src: DocumentSource, o: DocxOptions): Promise<void> {
  const children: (Paragraph | Table)[] = [];
  for (const b of parseLines(src.pages.flat())) {
    if (b.kind === "table") children.push(docxTable(b.rows));
    else if (b.kind === "title") children.push(new Paragraph({ text: b.text, heading: HeadingLevel.TITLE }));
    else if (b.kind === "heading") children.push(new Paragraph({ text: b.text, heading: HeadingLevel.HEADING_1 }));
    else if (b.kind === "subheading") children.push(new Paragraph({ text: b.text, heading: HeadingLevel.HEADING_2 }));
    else if (b.kind === "bullet") children.push(new Paragraph({ text: b.text, bullet: { level: 0 } }));
    else if (b.kind === "note") children.push(new Paragraph({ children: [new TextRun({ text: b.text, italics: true, size: 18 })] }));
    else if (b.kind === "paragraph") children.push(new Paragraph({ text: b.text, alignment: AlignmentType.LEFT }));
  }
  const doc = new Document({
    creator: o.author,
    title: src.title,
    description: src.subject,
    ...(o.font && { styles: { default: { document: { run: o.font } } } }),
    sections: [{ children }],
  });
  const file = path.join(o.outDir, src.file);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const bytes = await Packer.toBuffer(doc);
  fs.writeFileSync(file, o.date ? withFixedDates(bytes, o.date) : bytes);
  console.log(`${path.relative(process.cwd(), file)}: ${fs.statSync(file).size} bytes`);
}

/** A DOCX with `date` in docProps/core.xml and as every zip entry's time (the docx package stamps the build time). */
function withFixedDates(docx: Uint8Array, date: Date): Uint8Array {
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, "Z");
  const out: Zippable = {};
  for (const [name, data] of Object.entries(unzipSync(docx))) {
    const bytes = name === "docProps/core.xml"
      ? new TextEncoder().encode(new TextDecoder().decode(data).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${stamp}$2`))
      : data;
    out[name] = [bytes, { mtime: date, level: 6 }];
  }
  return zipSync(out);
}

/** --dump DIR: a source's text, page by page, in DIR/<file>.txt, to grep questions against. */
export function dumpSource(dumpDir: string | undefined, src: { file: string; pages: string[][] }): void {
  if (!dumpDir) return;
  fs.mkdirSync(dumpDir, { recursive: true });
  const text = src.pages.map((lines, i) => [`=== page ${i + 1} ===`, ...lines].join("\n")).join("\n");
  fs.writeFileSync(path.join(dumpDir, `${path.basename(src.file)}.txt`), text + "\n");
}
