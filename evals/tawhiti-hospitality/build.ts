/**
 * Renders the Tawhiti Hospitality Group documents that are not hand-written Markdown or HTML: four
 * PDFs (source/leave.ts, source/rosters-pay.ts, source/health-safety.ts, source/travel.ts) and two
 * DOCX files (source/code-of-conduct.ts, and source/managers-guide.ts into documents/managers/), into
 * documents/ (or --out DIR).
 *
 *   npx tsx evals/tawhiti-hospitality/build.ts [--out DIR] [--dump DIR]
 *
 * PDFs: A4, one PDF page per source page (testing/eval-sets/render.ts), every line and table cell
 * drawn at an explicit position (testing/eval-sets/page-layout.ts), the title in the PDF info, fixed
 * dates, a running header on pages after the first and a running footer "<title> | Page N of M". The
 * build fails if a page's content would run past the bottom margin or if pdfkit adds a page of its
 * own, since that would shift the page numbers the questions cite. DOCX: written by
 * testing/eval-sets/render.ts with the core properties' dates and every zip entry's time fixed, so
 * that a rebuild is byte-identical. --dump DIR also writes each document's source text, page by page,
 * to DIR/<file>.txt. LAYOUT=1 prints how full each PDF page is.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { PageStyle } from "../../testing/eval-sets/page-layout";
import { buildPolicySet } from "../../testing/eval-sets/policy-set-build";
import { codeOfConduct } from "./source/code-of-conduct";
import { healthSafety } from "./source/health-safety";
import { leave } from "./source/leave";
import { managersGuide } from "./source/managers-guide";
import { rostersPay } from "./source/rosters-pay";
import { travel } from "./source/travel";
import { AUTHOR } from "./source/types";

const here = path.dirname(fileURLToPath(import.meta.url));
const BUILT = new Date("2026-12-07T00:00:00Z");

const STYLE: PageStyle = {
  pageWidth: 595.28, // A4
  pageHeight: 841.89,
  left: 50,
  top: 58,
  bottomMargin: 56,
  company: "Tawhiti Hospitality Group",
  runningColour: "#55606b",
  footerSeparator: " | ",
  footerFromBottom: 36,
  headingColour: "#1f4e5a",
  titleSize: 16,
  headingSize: 11.5,
  headingBefore: 5,
  subheadingSize: 10,
  bodySize: 9.2,
  bodyLineGap: 1.3,
  noteSize: 8,
  noteAfter: 6,
  table: { minColumn: 60, cellCap: 60, fontSize: 8.3, padX: 4, padY: 3, headerFill: "#dcebee", stroke: "#6d8088", drawEmptyCells: false },
};
await buildPolicySet({
  setFolder: here, style: STYLE, size: "A4", author: AUTHOR, built: BUILT,
  docx: { font: { font: "Calibri", size: 21 }, date: BUILT },
  pdfs: [leave, rostersPay, healthSafety, travel],
  docxs: [codeOfConduct, managersGuide],
});
