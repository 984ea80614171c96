/**
 * The build of a policy set written to one plan (Harbourline, Ridgeline, Kestrel, Cedarline): its
 * PDFs one page per source page in the set's page style, its DOCX files with their pages running on,
 * into `<set>/documents` (or --out DIR), each source's text to --dump DIR. Dates are fixed, so a
 * rebuild is byte-identical.
 */
import path from "node:path";
import { option } from "./args";
import { renderLinesPage, type PageStyle } from "./page-layout";
import { dumpSource, renderDocx, renderPdf, type DocxOptions } from "./render";
import type { DocumentSource } from "./types";

export interface PolicySetBuild {
  setFolder: string;
  style: PageStyle;
  size: "A4" | "LETTER";
  author: string;
  /** The PDFs' dates. */
  built: Date;
  /** The DOCX files' default font and dates (the build time when no date is given). */
  docx: Pick<DocxOptions, "font" | "date">;
  pdfs: DocumentSource[];
  docxs: DocumentSource[];
}

export async function buildPolicySet(o: PolicySetBuild): Promise<void> {
  const outDir = path.resolve(option("--out") ?? path.join(o.setFolder, "documents"));
  const dumpDir = option("--dump");
  const pdf = { outDir, size: o.size, top: o.style.top, left: o.style.left, author: o.author, date: o.built };
  for (const src of o.pdfs) {
    await renderPdf(src, pdf, (doc, s, lines, n, of) => renderLinesPage(doc, s, lines, n, of, o.style));
    dumpSource(dumpDir, src);
  }
  for (const src of o.docxs) {
    await renderDocx(src, { outDir, author: o.author, ...o.docx });
    dumpSource(dumpDir, src);
  }
}
