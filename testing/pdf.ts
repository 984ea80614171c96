import PDFDocument from "pdfkit";

/** Renders a PDF in memory with pdfkit, which writes a real text layer. */
export function makePdf(draw: (pdf: PDFKit.PDFDocument) => void, title?: string): Promise<Uint8Array> {
  const pdf = new PDFDocument({ size: "A4", info: title === undefined ? {} : { Title: title } });
  const parts: Buffer[] = [];
  pdf.on("data", (part: Buffer) => parts.push(part));
  const done = new Promise<Uint8Array>((resolve) => pdf.on("end", () => resolve(new Uint8Array(Buffer.concat(parts)))));
  draw(pdf);
  pdf.end();
  return done;
}

/**
 * A one-page PDF written byte by byte, for shapes pdfkit cannot make: `text` is shown in Helvetica,
 * and each character of `toUnicode` is mapped by the font's ToUnicode table to the code point given,
 * as some real fonts do (to U+0000, for one).
 */
export function handWrittenPdf(text: string, toUnicode: Record<string, number> = {}): Uint8Array {
  const hex = (n: number, width: number) => n.toString(16).toUpperCase().padStart(width, "0");
  const pairs = Object.entries(toUnicode).map(([c, u]) => `<${hex(c.charCodeAt(0), 2)}> <${hex(u, 4)}>`);
  const cmap = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Custom def " +
    `1 begincodespacerange <00> <FF> endcodespacerange ${pairs.length} beginbfchar ${pairs.join(" ")} endbfchar ` +
    "endcmap CMapName currentdict /CMap defineresource pop end end";
  const content = `BT /F1 12 Tf 72 700 Td (${text.replace(/[\\()]/g, "\\$&")}) Tj ET`;
  const stream = (body: string) => `<< /Length ${Buffer.byteLength(body, "latin1")} >>\nstream\n${body}\nendstream`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    stream(content),
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
    stream(cmap),
  ];
  let pdf = "%PDF-1.4\n";
  const offsets = objects.map((object, i) => {
    const offset = Buffer.byteLength(pdf, "latin1");
    pdf += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = Buffer.byteLength(pdf, "latin1");
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, "latin1"));
}
