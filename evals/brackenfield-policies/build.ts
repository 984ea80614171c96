/**
 * Renders the Brackenfield Systems documents that are not hand-written Markdown or HTML: three PDFs
 * (source/travel-expense.ts, source/information-security.ts, source/company-vehicles.ts) and one DOCX
 * (source/procurement.ts), into documents/ (or --out DIR).
 *
 *   npx tsx evals/brackenfield-policies/build.ts [--out DIR] [--dump DIR]
 *
 * PDFs: one PDF page per source page (testing/eval-sets/render.ts), every line and table cell drawn at an
 * explicit position, the title in the PDF info, fixed dates, a running footer "<title> | Page N of
 * M". The build fails if a page's content would run past the bottom margin or if pdfkit adds a page
 * of its own, since that would shift the page numbers the questions cite. --dump DIR also writes
 * each document's source text, page by page, to DIR/<file>.txt.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { option } from "../../testing/eval-sets/args";
import { renderLinesPage, type PageStyle } from "../../testing/eval-sets/page-layout";
import { dumpSource, renderDocx, renderPdf, type Pdf, type PdfOptions } from "../../testing/eval-sets/render";
import { companyVehicles } from "./source/company-vehicles";
import { informationSecurity } from "./source/information-security";
import { procurement } from "./source/procurement";
import { travelExpense } from "./source/travel-expense";
import { AUTHOR, type DocumentSource } from "./source/types";

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(option("--out") ?? path.join(here, "documents"));
const dumpDir = option("--dump");

const STYLE: PageStyle = {
  pageWidth: 612, // US Letter
  pageHeight: 792,
  left: 64,
  top: 62,
  bottomMargin: 58,
  company: "Brackenfield Systems",
  runningColour: "#444444",
  footerSeparator: "  |  ",
  footerFromBottom: 42,
  titleSize: 16,
  headingSize: 11.5,
  headingBefore: 4,
  subheadingSize: 10,
  bodySize: 9.5,
  bodyLineGap: 1.5,
  noteSize: 8,
  noteAfter: 5,
  table: { minColumn: 60, cellCap: 60, fontSize: 8.5, padX: 4, padY: 3, headerFill: "#dde3ea", drawEmptyCells: true },
};
const PDF: PdfOptions = { outDir, size: "LETTER", top: STYLE.top, left: STYLE.left, author: AUTHOR, date: new Date("2026-12-05T00:00:00Z") };
const renderPage = (doc: Pdf, src: DocumentSource, lines: string[], n: number, of: number) => renderLinesPage(doc, src, lines, n, of, STYLE);

for (const src of [travelExpense, informationSecurity, companyVehicles]) {
  await renderPdf(src, PDF, renderPage);
  dumpSource(dumpDir, src);
}
await renderDocx(procurement, { outDir, author: AUTHOR });
dumpSource(dumpDir, procurement);
