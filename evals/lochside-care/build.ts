/**
 * Builds every Lochside Care Trust document into documents/ (or --out DIR) from the line-format sources
 * in source/ (testing/eval-sets/types.ts):
 *
 *   npx tsx evals/lochside-care/build.ts [--out DIR] [--dump DIR]
 *
 * - Four PDFs (source/leave.ts, rotas.ts, safety.ts, travel.ts): A4, one PDF page per source page
 *   (testing/eval-sets/render.ts), every line and table cell drawn at an explicit position
 *   (testing/eval-sets/page-layout.ts), the title in the PDF info, fixed dates, a running header on
 *   pages after the first and a running footer "<title> | Page N of M". The build fails if a page's
 *   content would run past the bottom margin or pdfkit adds a page of its own, since that would shift
 *   the page numbers the questions cite.
 * - Two DOCX files (source/conduct.ts, and source/managers.ts into documents/managers/, readable only
 *   by the managers group), written with fixed dates so that a rebuild is byte-identical.
 * - One Markdown file (source/benefits.ts) and one HTML file (source/it-data.ts), written here from the
 *   same line format (GitHub tables in the Markdown; semantic HTML with a small style block).
 *
 * --dump DIR writes each document's source text, page by page, to DIR/<file>.txt.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { option } from "../../testing/eval-sets/args";
import { parseLines } from "../../testing/eval-sets/line-format";
import type { PageStyle } from "../../testing/eval-sets/page-layout";
import { buildPolicySet } from "../../testing/eval-sets/policy-set-build";
import { dumpSource } from "../../testing/eval-sets/render";
import { benefits } from "./source/benefits";
import { conduct } from "./source/conduct";
import { itData } from "./source/it-data";
import { leave } from "./source/leave";
import { managersGuide } from "./source/managers";
import { rotas } from "./source/rotas";
import { safety } from "./source/safety";
import { travel } from "./source/travel";
import { AUTHOR, type DocumentSource } from "./source/types";

const here = path.dirname(fileURLToPath(import.meta.url));
const BUILT = new Date("2027-03-29T00:00:00Z");

const STYLE: PageStyle = {
  pageWidth: 595.28, // A4
  pageHeight: 841.89,
  left: 54,
  top: 58,
  bottomMargin: 56,
  company: "Lochside Care Trust",
  runningColour: "#4a5a3d",
  footerSeparator: " | ",
  footerFromBottom: 36,
  headingColour: "#2f5d3a",
  titleSize: 16,
  headingSize: 11.5,
  headingBefore: 5,
  subheadingSize: 10,
  bodySize: 9.2,
  bodyLineGap: 1.3,
  noteSize: 8.2,
  noteAfter: 6,
  table: { minColumn: 60, cellCap: 60, fontSize: 8.3, padX: 4, padY: 3, headerFill: "#e3eedf", stroke: "#6b7f63", drawEmptyCells: false },
};

await buildPolicySet({
  setFolder: here, style: STYLE, size: "A4", author: AUTHOR, built: BUILT,
  docx: { font: { font: "Calibri", size: 21 }, date: BUILT },
  pdfs: [leave, rotas, safety, travel],
  docxs: [conduct, managersGuide],
});

const outDir = path.resolve(option("--out") ?? path.join(here, "documents"));

/** A line-format source as GitHub-flavoured Markdown: blocks separated by blank lines. */
function markdown(src: DocumentSource): string {
  const out: string[] = [];
  let prev = "";
  for (const b of parseLines(src.pages.flat())) {
    if (b.kind === "gap") continue;
    // Consecutive bullets form one list; everything else is its own block.
    if (!(b.kind === "bullet" && prev === "bullet") && out.length) out.push("");
    if (b.kind === "table") {
      const [head = [], ...body] = b.rows;
      out.push(`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`, ...body.map((r) => `| ${r.join(" | ")} |`));
    } else if (b.kind === "title") out.push(`# ${b.text}`);
    else if (b.kind === "heading") out.push(`## ${b.text}`);
    else if (b.kind === "subheading") out.push(`### ${b.text}`);
    else if (b.kind === "bullet") out.push(`- ${b.text}`);
    else if (b.kind === "note") out.push(`> ${b.text}`);
    else out.push(b.text);
    prev = b.kind;
  }
  return out.join("\n") + "\n";
}

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A line-format source as a standalone HTML page. */
function html(src: DocumentSource): string {
  const body: string[] = [];
  let inList = false;
  const closeList = () => {
    if (inList) body.push("</ul>");
    inList = false;
  };
  for (const b of parseLines(src.pages.flat())) {
    if (b.kind !== "bullet") closeList();
    if (b.kind === "gap") continue;
    if (b.kind === "table") {
      const [head = [], ...rows] = b.rows;
      body.push("<table>", `<thead><tr>${head.map((c) => `<th>${esc(c)}</th>`).join("")}</tr></thead>`, "<tbody>");
      for (const r of rows) body.push(`<tr>${r.map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`);
      body.push("</tbody>", "</table>");
    } else if (b.kind === "title") body.push(`<h1>${esc(b.text)}</h1>`);
    else if (b.kind === "heading") body.push(`<h2>${esc(b.text)}</h2>`);
    else if (b.kind === "subheading") body.push(`<h3>${esc(b.text)}</h3>`);
    else if (b.kind === "bullet") {
      if (!inList) body.push("<ul>");
      inList = true;
      body.push(`<li>${esc(b.text)}</li>`);
    } else if (b.kind === "note") body.push(`<p class="note">${esc(b.text)}</p>`);
    else body.push(`<p>${esc(b.text)}</p>`);
  }
  closeList();
  return [
    "<!DOCTYPE html>",
    '<html lang="en-GB">',
    "<head>",
    '<meta charset="utf-8">',
    `<title>${esc(src.title)}</title>`,
    `<meta name="description" content="${esc(src.subject)}">`,
    "<style>",
    "body { font-family: Arial, Helvetica, sans-serif; max-width: 52rem; margin: 2rem auto; color: #1f2a1d; line-height: 1.45; }",
    "h1, h2, h3 { color: #2f5d3a; } .note { font-style: italic; font-size: 0.9rem; }",
    "table { border-collapse: collapse; margin: 0.8rem 0; } th, td { border: 1px solid #6b7f63; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; } th { background: #e3eedf; }",
    "</style>",
    "</head>",
    "<body>",
    '<header><p>Lochside Care Trust | MyLochside | Policies and procedures</p></header>',
    "<main>",
    ...body,
    "</main>",
    `<footer><p>${esc(src.short)}. Controlled copy: the version in MyLochside is the current one.</p></footer>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

for (const [src, render] of [[benefits, markdown], [itData, html]] as const) {
  const file = path.join(outDir, src.file);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, render(src));
  console.log(`${path.relative(process.cwd(), file)}: ${fs.statSync(file).size} bytes`);
  dumpSource(option("--dump"), src);
}
