/**
 * Renders the Kestrel Utilities documents that are not hand-written Markdown or HTML: four PDFs
 * (source/leave.ts, source/rosters.ts, source/vehicles.ts, source/safety.ts) and two DOCX files
 * (source/code-of-conduct.ts, and source/managers-guide.ts into documents/managers/), into
 * documents/ (or --out DIR).
 *
 *   npx tsx evals/kestrel-utilities/build.ts [--out DIR] [--dump DIR]
 *
 * PDFs: A4, one PDF page per source page (testing/eval-sets/render.ts), every line and table cell
 * drawn at an explicit position, the title in the PDF info, fixed dates, a running header on pages
 * after the first and a running footer "<title> | Page N of M". The build fails if a page's content
 * would run past the bottom margin or if pdfkit adds a page of its own, since that would shift the
 * page numbers the questions cite. DOCX: written by testing/eval-sets/render.ts with the core
 * properties' dates and every zip entry's time fixed, so that a rebuild is byte-identical.
 * --dump DIR also writes each document's source text, page by page, to DIR/<file>.txt.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { PageStyle } from "../../testing/eval-sets/page-layout";
import { buildPolicySet } from "../../testing/eval-sets/policy-set-build";
import { codeOfConduct } from "./source/code-of-conduct";
import { leave } from "./source/leave";
import { managersGuide } from "./source/managers-guide";
import { rosters } from "./source/rosters";
import { safety } from "./source/safety";
import { AUTHOR } from "./source/types";
import { vehicles } from "./source/vehicles";

const here = path.dirname(fileURLToPath(import.meta.url));
const BUILT = new Date("2026-12-07T00:00:00Z");

const STYLE: PageStyle = {
  pageWidth: 595.28, // A4
  pageHeight: 841.89,
  left: 54,
  top: 58,
  bottomMargin: 56,
  company: "Kestrel Utilities",
  runningColour: "#505a52",
  footerSeparator: " | ",
  footerFromBottom: 38,
  headingColour: "#1d5a3a",
  titleSize: 16,
  headingSize: 11.6,
  headingBefore: 5,
  subheadingSize: 10,
  bodySize: 9.4,
  bodyLineGap: 1.4,
  noteSize: 8.2,
  noteAfter: 6,
  table: { minColumn: 56, cellCap: 64, fontSize: 8.5, padX: 4, padY: 3, headerFill: "#dcebe0", stroke: "#5f6b62", drawEmptyCells: false },
};
await buildPolicySet({
  setFolder: here, style: STYLE, size: "A4", author: AUTHOR, built: BUILT,
  docx: { font: { font: "Calibri", size: 21 }, date: BUILT },
  pdfs: [leave, rosters, vehicles, safety],
  docxs: [codeOfConduct, managersGuide],
});
