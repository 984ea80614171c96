/**
 * Checks questions.jsonl against the documents' text:
 *
 *   npx tsx evals/brackenfield-policies/check.ts [--dump DIR]
 *
 * Text comes from the files as the product gets them: PDFs page by page with unpdf, the DOCX with
 * mammoth, HTML with tags removed and entities decoded, Markdown with emphasis markers removed; then
 * whitespace is collapsed and letters lower-cased. It checks that ids are unique and prefixed by
 * kind, that histories alternate user/assistant ending with the assistant, that every cited file
 * (and page) exists, that every answerable question has an answer on a cited location and every
 * cited location holds one of its answers, that unanswerable questions have no answers or
 * citations, and that the strings listed in ABSENT occur in no document. Exits non-zero on any
 * problem. --dump DIR writes the extracted text, page by page.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import mammoth from "mammoth";
import { extractText, getDocumentProxy } from "unpdf";

const here = path.dirname(fileURLToPath(import.meta.url));
const docsDir = path.join(here, "documents");
const dumpIdx = process.argv.indexOf("--dump");
const dumpDir = dumpIdx > 0 ? process.argv[dumpIdx + 1] : undefined;

/** Strings whose absence makes an unanswerable question unanswerable (lower case). */
const ABSENT: Record<string, string[]> = {
  "hb-u01": ["per day for rental", "rental car rate", "daily rate"],
  "hb-u02": ["precheck", "global entry", "tsa"],
  "hb-u03": ["credit limit", "card limit"],
  "hb-u04": ["meeting recording", "video recording", "recordings of meetings"],
  "hb-u05": ["401(k)", "401k", "retirement"],
  "hb-u06": ["phones are replaced", "phone replacement", "new phone"],
  "hb-u07": ["copilot", "chatgpt", "gemini", "claude"],
  "hb-u08": ["within 5 business days of receiving the sole", "justification is approved within"],
  "hb-u09": ["colorado, ohio", "ohio, and north carolina"],
  "hb-u10": ["sessions"],
  "hb-u11": ["support ticket", "customer support"],
  "hb-u12": ["nominations close", "deadline for nomination"],
  "hb-g04": ["lease cost", "per month for the", "monthly lease of"],
  "hb-f07": ["international lodging", "hotel cap outside", "outside the united states, lodging", "lodging outside"],
};

interface Turn {
  role: string;
  text: string;
}
interface Citation {
  file: string;
  page?: number;
}
interface Question {
  id: string;
  question: string;
  history?: Turn[];
  groups?: string[];
  answerable?: boolean;
  partial?: boolean;
  answers?: string[];
  citations?: Citation[];
  behaviour?: string;
}

const norm = (s: string): string =>
  s
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();

function decodeHtml(html: string): string {
  const entities: Record<string, string> = { amp: "&", middot: "\u00b7", mdash: "\u2014", nbsp: " ", lt: "<", gt: ">", quot: '"' };
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&([a-z]+);/g, (m, name: string) => entities[name] ?? m);
}

/** Each document's text: one entry per page for PDFs, one entry for the other files. */
async function load(): Promise<Map<string, string[]>> {
  const texts = new Map<string, string[]>();
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  for (const file of walk(docsDir)) {
    const rel = path.relative(docsDir, file).split(path.sep).join("/");
    let pages: string[];
    if (file.endsWith(".pdf")) {
      const pdf = await getDocumentProxy(new Uint8Array(fs.readFileSync(file)));
      pages = (await extractText(pdf, { mergePages: false })).text;
    } else if (file.endsWith(".docx")) {
      pages = [(await mammoth.extractRawText({ path: file })).value];
    } else if (file.endsWith(".html")) {
      pages = [decodeHtml(fs.readFileSync(file, "utf8"))];
    } else {
      pages = [fs.readFileSync(file, "utf8").replace(/\*\*/g, "")];
    }
    texts.set(rel, pages.map(norm));
    if (dumpDir) {
      fs.mkdirSync(dumpDir, { recursive: true });
      fs.writeFileSync(path.join(dumpDir, `${path.basename(rel)}.txt`), pages.map((p, i) => `=== page ${i + 1} ===\n${p}`).join("\n") + "\n");
    }
  }
  return texts;
}

const texts = await load();
const problems: string[] = [];
const lines = fs.readFileSync(path.join(here, "questions.jsonl"), "utf8").split("\n").filter((l) => l.trim());
const seen = new Set<string>();
const counts: Record<string, number> = {};
for (const line of lines) {
  const q = JSON.parse(line) as Question;
  const bad = (msg: string) => problems.push(`${q.id}: ${msg}`);
  if (seen.has(q.id)) bad("duplicate id");
  seen.add(q.id);
  const behaviour = q.behaviour ?? "answer";
  const kind = q.id.slice(0, 4);
  const expectedKind = behaviour !== "answer" ? "hb-b" : q.history ? "hb-f" : q.groups || q.id.startsWith("hb-g") ? "hb-g" : q.answerable ? "hb-a" : "hb-u";
  if (kind !== expectedKind) bad(`id prefix ${kind}, expected ${expectedKind}`);
  if (!/^(answer|refuse:[a-z-]+|escalate:[a-z-]+)$/.test(behaviour)) bad(`behaviour ${behaviour}`);
  if (q.history) {
    q.history.forEach((t, i) => {
      if (t.role !== (i % 2 === 0 ? "user" : "assistant")) bad(`history turn ${i} is ${t.role}`);
    });
    if (q.history.at(-1)?.role !== "assistant") bad("history does not end with the assistant");
  }
  const readable = (file: string) => !file.includes("/") || (q.groups ?? []).includes(file.split("/")[0] ?? "");
  if (q.answerable) {
    const answers = (q.answers ?? []).map(norm);
    if (answers.length === 0) bad("answerable without answers");
    if (!q.citations?.length) bad("answerable without citations");
    for (const c of q.citations ?? []) {
      const pages = texts.get(c.file);
      if (!pages) {
        bad(`cites missing file ${c.file}`);
        continue;
      }
      if (!readable(c.file)) bad(`cites ${c.file}, which its asker cannot read`);
      const where = c.page ? [pages[c.page - 1]] : pages;
      if (c.page && c.page > pages.length) bad(`cites page ${c.page} of ${c.file}, which has ${pages.length}`);
      if (!where.some((t) => t !== undefined && answers.some((a) => t.includes(a)))) bad(`no answer on ${c.file}${c.page ? ` p.${c.page}` : ""}`);
    }
    for (const a of answers) {
      const found = (q.citations ?? []).some((c) => {
        const pages = texts.get(c.file) ?? [];
        return (c.page ? [pages[c.page - 1] ?? ""] : pages).some((t) => t.includes(a));
      });
      if (!found) bad(`answer "${a}" is on no cited location`);
    }
  } else if (q.answerable === false) {
    if (q.answers?.length || q.citations?.length) bad("unanswerable with answers or citations");
    for (const s of ABSENT[q.id] ?? []) {
      for (const [file, pages] of texts) {
        if (readable(file) && pages.some((t) => t.includes(s))) bad(`"${s}" occurs in ${file}`);
      }
    }
  }
  const key = `${expectedKind} ${q.answerable === undefined ? "-" : q.answerable ? "answerable" : "unanswerable"} ${behaviour}`;
  counts[key] = (counts[key] ?? 0) + 1;
}
for (const id of Object.keys(ABSENT)) if (!seen.has(id)) problems.push(`ABSENT lists ${id}, which is not a question`);
console.log(`${lines.length} questions`, counts);
for (const [file, pages] of texts) console.log(`${file}: ${pages.length} page(s), ${pages.reduce((s, p) => s + p.length, 0)} characters`);
if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log("ok");
