/**
 * Checks questions.jsonl against the documents' text:
 *
 *   npx tsx evals/brackenfield-policies/check.ts [--dump DIR]
 *
 * Text comes from the files as the product gets them (testing/eval-sets/document-text.ts): PDFs page by
 * page with unpdf, the DOCX with mammoth, HTML with tags removed and entities decoded, Markdown with
 * emphasis markers removed; then whitespace is collapsed and letters lower-cased. It checks that ids
 * are unique and prefixed by kind, that histories alternate user/assistant ending with the
 * assistant, that every cited file (and page) exists, is readable by the asker and, for a PDF, is
 * cited by page (testing/eval-sets/question-checks.ts), that every answerable question has each of its answers
 * on a cited location and every cited location holds one of them, that unanswerable questions have
 * no answers or citations, and that the strings listed in ABSENT occur in no document the asker can
 * read. Exits non-zero on any problem. --dump DIR writes the extracted text, page by page.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { option } from "../../testing/eval-sets/args";
import { checkAbsent, checkCitations, checkEachQuestion } from "../../testing/eval-sets/question-checks";
import { readDocuments } from "../../testing/eval-sets/document-text";

const here = path.dirname(fileURLToPath(import.meta.url));
const docsDir = path.join(here, "documents");
const dumpDir = option("--dump");

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

const docs = await readDocuments(docsDir, dumpDir);
const texts = new Map([...docs].map(([file, d]) => [file, d.pages]));
const problems: string[] = [];
checkEachQuestion(here, ABSENT, problems, (q, bad) => {
  const behaviour = q.behaviour ?? "answer";
  const kind = q.id.slice(0, 4);
  const expectedKind = behaviour !== "answer" ? "hb-b" : q.history.length ? "hb-f" : q.groups.length || q.id.startsWith("hb-g") ? "hb-g" : q.answerable ? "hb-a" : "hb-u";
  if (kind !== expectedKind) bad(`id prefix ${kind}, expected ${expectedKind}`);
  if (q.answerable) {
    checkCitations(q, texts, bad);
  } else if (q.answerable === false) {
    if (q.answers.length || q.citations.length) bad("unanswerable with answers or citations");
    checkAbsent(q, ABSENT[q.id] ?? [], texts, bad);
  }
  return expectedKind;
});
for (const [file, pages] of texts) console.log(`${file}: ${pages.length} page(s), ${pages.reduce((s, p) => s + p.length, 0)} characters`);
if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log("ok");
