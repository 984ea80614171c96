/**
 * Renders the two Northwind medical plan booklets (source/medical-plans.ts) into PDFs in documents/,
 * one PDF page per source page, with explicit page breaks and the booklet's title in the PDF info.
 *
 *   npx tsx evals/benefit-plans/build.ts [--dump DIR]
 *
 * --dump DIR also writes each booklet's text, page by page, to DIR/<file>.txt (for grep-checking
 * questions against the exact page text). Fails if any page's text would overflow onto a new page,
 * which would shift the page numbers the questions cite.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import PDFDocument from "pdfkit";
import { choicePlus, pages, selectHmo, type Plan } from "./source/medical-plans";

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.join(here, "documents");
const dumpIdx = process.argv.indexOf("--dump");
const dumpDir = dumpIdx > 0 ? process.argv[dumpIdx + 1] : undefined;

async function render(plan: Plan): Promise<void> {
  const doc = new PDFDocument({
    size: "LETTER",
    margins: { top: 60, bottom: 60, left: 66, right: 66 },
    autoFirstPage: false,
    compress: true,
    info: {
      Title: plan.title,
      Author: "Northwind Mutual Insurance Company, Benefits Department",
      Subject: `Summary Plan Description, ${plan.short}, plan year 2027`,
      CreationDate: new Date("2026-11-02T00:00:00Z"),
      ModDate: new Date("2026-11-02T00:00:00Z"),
    },
  });
  const file = path.join(outDir, plan.file);
  const out = fs.createWriteStream(file);
  doc.pipe(out);
  const width = 612 - 66 * 2;
  let expected = 0;
  let added = 0;
  doc.on("pageAdded", () => added++);
  const dump: string[] = [];
  const all = pages(plan);
  all.forEach((lines, i) => {
    doc.addPage();
    expected++;
    dump.push(`=== page ${i + 1} ===`);
    for (const line of lines) {
      dump.push(line);
      if (line === "") {
        doc.moveDown(0.4);
      } else if (line.startsWith("## ")) {
        doc.moveDown(0.3).font("Helvetica-Bold").fontSize(11).text(line.slice(3), { width });
        doc.moveDown(0.15);
      } else if (line.startsWith("# ")) {
        doc.moveDown(0.2).font("Helvetica-Bold").fontSize(14).text(line.slice(2), { width });
        doc.moveDown(0.25);
      } else if (line.startsWith("- ")) {
        doc.font("Helvetica").fontSize(9.5).text(`\u2022  ${line.slice(2)}`, { width, indent: 0, lineGap: 1.5 });
        doc.moveDown(0.1);
      } else {
        doc.font("Helvetica").fontSize(9.5).text(line, { width, lineGap: 1.5, align: "left" });
        doc.moveDown(0.35);
      }
    }
    // Running footer, written inside the bottom margin so it never adds a page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font("Helvetica").fontSize(8).text(`${plan.title}  |  Page ${i + 1} of ${all.length}`, 66, 792 - 40, { width, align: "center", lineBreak: false });
    doc.page.margins.bottom = bottom;
  });
  doc.end();
  await new Promise<void>((resolve, reject) => {
    out.on("finish", resolve);
    out.on("error", reject);
  });
  if (added !== expected) throw new Error(`${plan.file}: ${added} pages rendered for ${expected} source pages (a page overflowed)`);
  if (dumpDir) {
    fs.mkdirSync(dumpDir, { recursive: true });
    fs.writeFileSync(path.join(dumpDir, `${plan.file}.txt`), dump.join("\n") + "\n");
  }
  console.log(`${path.relative(process.cwd(), file)}: ${expected} pages, ${fs.statSync(file).size} bytes`);
}

fs.mkdirSync(outDir, { recursive: true });
for (const plan of [choicePlus, selectHmo]) await render(plan);
