/**
 * The eval sets' documents as text, close to what the product's parsers get from them (PDFs page by
 * page with unpdf, DOCX with mammoth, HTML without its tags, Markdown without emphasis markers), so
 * that a check of questions.jsonl against it holds against what the product can retrieve.
 */
import fs from "node:fs";
import path from "node:path";
import mammoth from "mammoth";
import { extractText, getDocumentProxy, getMeta } from "unpdf";

/** What the checks compare under: curly quotes straightened, whitespace collapsed, lower case. */
export const norm = (s: string): string =>
  s
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();

/** Entities the hand-written HTML documents use; any other is left as written. */
const ENTITIES: Record<string, string> = {
  amp: "&",
  nbsp: " ",
  lt: "<",
  gt: ">",
  quot: '"',
  middot: "\u00b7",
  mdash: "\u2014",
  pound: "\u00a3",
  euro: "\u20ac",
};

/** HTML's visible text: style and script blocks and tags removed, entities decoded. */
export function htmlText(html: string): string {
  return html
    .replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&([a-z]+);/g, (m, name: string) => ENTITIES[name] ?? m);
}

/** A PDF's text page by page, and the title in its info (empty if it has none). */
export async function pdfText(file: string): Promise<{ pages: string[]; title: string }> {
  const pdf = await getDocumentProxy(new Uint8Array(fs.readFileSync(file)));
  const pages = (await extractText(pdf, { mergePages: false })).text;
  return { pages, title: String((await getMeta(pdf)).info?.Title ?? "") };
}

/** One document's text: one entry per page for a PDF, one entry for any other file. */
export interface DocumentText {
  pages: string[];
  /** A PDF's title from its info. */
  title?: string;
}

async function documentText(file: string): Promise<DocumentText> {
  if (file.endsWith(".pdf")) return pdfText(file);
  if (file.endsWith(".docx")) return { pages: [(await mammoth.extractRawText({ path: file })).value] };
  if (file.endsWith(".html")) return { pages: [htmlText(fs.readFileSync(file, "utf8"))] };
  return { pages: [fs.readFileSync(file, "utf8").replace(/\*\*/g, "")] };
}

const walk = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));

/**
 * Every document below `dir` (reader-group folders included), keyed by its "/"-separated path
 * relative to `dir`, in sorted order, with its pages normalised by norm(). With `dumpDir`, also
 * writes each document's text as extracted, page by page, to dumpDir/<file>.txt.
 */
export async function readDocuments(dir: string, dumpDir?: string): Promise<Map<string, DocumentText>> {
  const docs = new Map<string, DocumentText>();
  for (const file of walk(dir).sort()) {
    const rel = path.relative(dir, file).split(path.sep).join("/");
    const { pages, title } = await documentText(file);
    docs.set(rel, { pages: pages.map(norm), title });
    if (dumpDir) {
      fs.mkdirSync(dumpDir, { recursive: true });
      fs.writeFileSync(path.join(dumpDir, `${path.basename(rel)}.txt`), pages.map((p, i) => `=== page ${i + 1} ===\n${p}`).join("\n") + "\n");
    }
  }
  return docs;
}
