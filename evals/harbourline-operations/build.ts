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
import type { PageStyle } from "../../testing/eval-sets/page-layout";
import { buildPolicySet } from "../../testing/eval-sets/policy-set-build";
import { annualLeave } from "./source/annual-leave";
import { antiBribery } from "./source/anti-bribery";
import { driverSafety } from "./source/driver-safety";
import { managersDisciplinary } from "./source/managers-disciplinary";
import { AUTHOR } from "./source/types";
import { workingTime } from "./source/working-time";

const here = path.dirname(fileURLToPath(import.meta.url));

const STYLE: PageStyle = {
  pageWidth: 595.28, // A4
  pageHeight: 841.89,
  left: 60,
  top: 64,
  bottomMargin: 62,
  company: "Harbourline Freight & Logistics",
  runningColour: "#44505c",
  footerSeparator: " | ",
  footerFromBottom: 44,
  headingColour: "#12355b",
  titleSize: 17,
  headingSize: 12,
  headingBefore: 5,
  subheadingSize: 10.2,
  bodySize: 9.8,
  bodyLineGap: 1.6,
  noteSize: 8.5,
  noteAfter: 6,
  table: { minColumn: 56, cellCap: 55, fontSize: 8.8, padX: 4, padY: 3.5, headerFill: "#d9e2ec", stroke: "#52606d", drawEmptyCells: false },
};
await buildPolicySet({
  setFolder: here, style: STYLE, size: "A4", author: AUTHOR, built: new Date("2026-12-07T00:00:00Z"),
  docx: { font: { font: "Arial", size: 21 } },
  pdfs: [workingTime, driverSafety, annualLeave],
  docxs: [antiBribery, managersDisciplinary],
});
