/**
 * Renders the Ridgeline Community Clinics documents that are not hand-written Markdown or HTML: four
 * PDFs (source/paid-time-off.ts, source/scheduling.ts, source/travel.ts, source/safety.ts) and two
 * DOCX files (source/code-of-conduct.ts, and source/managers-guide.ts into documents/managers/), into
 * documents/ (or --out DIR).
 *
 *   npx tsx evals/ridgeline-clinics/build.ts [--out DIR] [--dump DIR]
 *
 * PDFs: US Letter, one PDF page per source page (testing/eval-sets/render.ts), every line and table
 * cell drawn at an explicit position, the title in the PDF info, fixed dates, a running header on pages
 * after the first and a running footer "<title> | Page N of M". The build fails if a page's content
 * would run past the bottom margin or if pdfkit adds a page of its own, since that would shift the
 * page numbers the questions cite. DOCX: written by testing/eval-sets/render.ts with the core properties'
 * dates and every zip entry's time fixed, so that a rebuild is byte-identical.
 * --dump DIR also writes each document's source text, page by page, to DIR/<file>.txt.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { PageStyle } from "../../testing/eval-sets/page-layout";
import { buildPolicySet } from "../../testing/eval-sets/policy-set-build";
import { codeOfConduct } from "./source/code-of-conduct";
import { managersGuide } from "./source/managers-guide";
import { paidTimeOff } from "./source/paid-time-off";
import { safety } from "./source/safety";
import { scheduling } from "./source/scheduling";
import { travel } from "./source/travel";
import { AUTHOR } from "./source/types";

const here = path.dirname(fileURLToPath(import.meta.url));
const BUILT = new Date("2026-12-07T00:00:00Z");

const STYLE: PageStyle = {
  pageWidth: 612, // US Letter
  pageHeight: 792,
  left: 58,
  top: 60,
  bottomMargin: 58,
  company: "Ridgeline Community Clinics",
  runningColour: "#4a5560",
  footerSeparator: " | ",
  footerFromBottom: 40,
  headingColour: "#0b4f6c",
  titleSize: 16.5,
  headingSize: 12,
  headingBefore: 5,
  subheadingSize: 10.2,
  bodySize: 9.6,
  bodyLineGap: 1.5,
  noteSize: 8.4,
  noteAfter: 6,
  table: { minColumn: 54, cellCap: 60, fontSize: 8.6, padX: 4, padY: 3.2, headerFill: "#dbe7ee", stroke: "#5b6770", drawEmptyCells: false },
};
await buildPolicySet({
  setFolder: here, style: STYLE, size: "LETTER", author: AUTHOR, built: BUILT,
  docx: { font: { font: "Calibri", size: 21 }, date: BUILT },
  pdfs: [paidTimeOff, scheduling, travel, safety],
  docxs: [codeOfConduct, managersGuide],
});
