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
