/**
 * Renders the Alderbrook Manufacturing documents that are not hand-written Markdown or HTML: four
 * PDFs (source/pto.ts, source/attendance.ts, source/safety.ts, source/travel.ts) and two DOCX files
 * (source/code-of-conduct.ts, and source/supervisors-handbook.ts into documents/supervisors/), into
 * documents/ (or --out DIR).
 *
 *   npx tsx evals/alderbrook-manufacturing/build.ts [--out DIR] [--dump DIR]
 *
 * PDFs: US Letter, one PDF page per source page (testing/eval-sets/render.ts), every line and table
 * cell drawn at an explicit position (testing/eval-sets/page-layout.ts), the title in the PDF info,
 * fixed dates, a running header on pages after the first and a running footer "<title> | Page N of M".
 * The build fails if a page's content would run past the bottom margin or if pdfkit adds a page of
 * its own, since that would shift the page numbers the questions cite. DOCX: written by
 * testing/eval-sets/render.ts with the core properties' dates and every zip entry's time fixed, so
 * that a rebuild is byte-identical. --dump DIR also writes each document's source text, page by page,
 * to DIR/<file>.txt.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { PageStyle } from "../../testing/eval-sets/page-layout";
import { buildPolicySet } from "../../testing/eval-sets/policy-set-build";
import { attendance } from "./source/attendance";
import { codeOfConduct } from "./source/code-of-conduct";
import { pto } from "./source/pto";
import { safety } from "./source/safety";
import { supervisorsHandbook } from "./source/supervisors-handbook";
import { travel } from "./source/travel";
import { AUTHOR } from "./source/types";

const here = path.dirname(fileURLToPath(import.meta.url));
const BUILT = new Date("2026-12-07T00:00:00Z");

const STYLE: PageStyle = {
  pageWidth: 612, // US Letter
  pageHeight: 792,
  left: 54,
  top: 54,
  bottomMargin: 54,
  company: "Alderbrook Manufacturing Co.",
  runningColour: "#5a5246",
  footerSeparator: " | ",
  footerFromBottom: 36,
  headingColour: "#7a3b12",
  titleSize: 16,
  headingSize: 11.5,
  headingBefore: 5,
  subheadingSize: 10,
  bodySize: 9.2,
  bodyLineGap: 1.3,
  noteSize: 8,
  noteAfter: 6,
  table: { minColumn: 62, cellCap: 60, fontSize: 8.3, padX: 4, padY: 3, headerFill: "#f1e6d8", stroke: "#8a7a66", drawEmptyCells: false },
};
await buildPolicySet({
  setFolder: here, style: STYLE, size: "LETTER", author: AUTHOR, built: BUILT,
  docx: { font: { font: "Calibri", size: 21 }, date: BUILT },
  pdfs: [pto, attendance, safety, travel],
  docxs: [codeOfConduct, supervisorsHandbook],
});
