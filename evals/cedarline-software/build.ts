/**
 * Renders the Cedarline Software documents that are not hand-written Markdown or HTML: four PDFs
 * (source/vacation.ts, source/remote-work.ts, source/travel.ts, source/on-call.ts) and two DOCX files
 * (source/code-of-conduct.ts, and source/managers-handbook.ts into documents/managers/), into
 * documents/ (or --out DIR).
 *
 *   npx tsx evals/cedarline-software/build.ts [--out DIR] [--dump DIR]
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
import { codeOfConduct } from "./source/code-of-conduct";
import { managersHandbook } from "./source/managers-handbook";
import { onCall } from "./source/on-call";
import { remoteWork } from "./source/remote-work";
import { travel } from "./source/travel";
import { AUTHOR } from "./source/types";
import { vacation } from "./source/vacation";

const here = path.dirname(fileURLToPath(import.meta.url));
const BUILT = new Date("2026-12-07T00:00:00Z");

const STYLE: PageStyle = {
  pageWidth: 612, // US Letter
  pageHeight: 792,
  left: 54,
  top: 56,
  bottomMargin: 54,
  company: "Cedarline Software",
  runningColour: "#4b5b54",
  footerSeparator: " | ",
  footerFromBottom: 36,
  headingColour: "#24533f",
  titleSize: 16,
  headingSize: 11.5,
  headingBefore: 5,
  subheadingSize: 10,
  bodySize: 9.2,
  bodyLineGap: 1.3,
  noteSize: 8,
  noteAfter: 6,
  table: { minColumn: 62, cellCap: 60, fontSize: 8.3, padX: 4, padY: 3, headerFill: "#e3eee7", stroke: "#6f8578", drawEmptyCells: false },
};
await buildPolicySet({
  setFolder: here, style: STYLE, size: "LETTER", author: AUTHOR, built: BUILT,
  docx: { font: { font: "Calibri", size: 21 }, date: BUILT },
  pdfs: [vacation, remoteWork, travel, onCall],
  docxs: [codeOfConduct, managersHandbook],
});
