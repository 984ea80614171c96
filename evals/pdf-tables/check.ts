/**
 * Checks questions.jsonl against the text layer of the PDFs in documents/.
 *
 *   npx tsx evals/pdf-tables/check.ts [--dump DIR]
 *
 * Extracts each PDF's text page by page with unpdf, normalises whitespace, and verifies:
 * - every question is well formed (unique id, the id prefix matches its kind, history turns
 *   alternate user/assistant and end with the assistant);
 * - every citation names an existing file and a page within it;
 * - for every answerable question, at least one reference answer appears on a cited page, and
 *   every cited page holds at least one reference answer;
 * - unanswerable questions carry no answers or citations, and the figure they ask for is absent
 *   (the strings listed in `absent` below appear in no document).
 * --dump DIR also writes each PDF's normalised text, page by page, to DIR/<file>.txt.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { option } from "../../testing/eval-sets/args";
import { pdfText } from "../../testing/eval-sets/document-text";
import { loadAnswerSet } from "@/lib/evaluation/answer-set";

const here = path.dirname(fileURLToPath(import.meta.url));
const docDir = path.join(here, "documents");
const dumpDir = option("--dump");

/**
 * For each unanswerable question, strings whose presence would mean the documents do answer it after
 * all (the row, column or figure asked for). Lower case; matched against the normalised text of every
 * page, or only of `file` (and `page`) when given.
 */
interface Absent {
  text: string;
  file?: string;
  page?: number;
}
const TRAVEL = "larkspur-travel-per-diem-schedule-2027.pdf";
const BENEFITS = "larkspur-benefits-rate-sheet-2027.pdf";
const PTO = "larkspur-pto-accrual-schedule-2027.pdf";
const EQUIPMENT = "larkspur-equipment-allowance-schedule-2027.pdf";
const absent: Record<string, Absent[]> = {
  // A daily dollar limit for rental cars (Table 1 only gives the car class).
  "pt-u01": [{ text: "rental car rate" }, { text: "per day for rental" }, { text: "rental cars, per day" }, { text: "rental car, per day" }],
  // A breakfast/lunch/dinner/incidentals split for international cities (Table 4 gives only M&IE).
  "pt-u02": [{ text: "breakfast", file: TRAVEL, page: 4 }, { text: "incidentals", file: TRAVEL, page: 4 }],
  // Larkspur's share of the medical premium in dollars (the sheet says only "the rest of the cost").
  "pt-u03": [{ text: "larkspur pays $" }, { text: "employer contribution" }, { text: "employer share" }, { text: "total premium" }],
  // Mail-order or 90-day drug costs (Table 4 gives a 30-day retail supply only).
  "pt-u04": [{ text: "mail order", file: BENEFITS }, { text: "mail-order", file: BENEFITS }, { text: "90-day", file: BENEFITS }],
  // A vision frame or lens allowance.
  "pt-u05": [{ text: "frame", file: BENEFITS }, { text: "lenses", file: BENEFITS }],
  // 2028 holidays.
  "pt-u06": [{ text: "2028", file: PTO }],
  // Weeks of paid parental leave.
  "pt-u07": [{ text: "weeks of paid parental" }, { text: "parental leave:" }, { text: "weeks of parental" }],
  // A charge for a lost badge or key fob (Table 4 of the equipment schedule lists devices only).
  "pt-u08": [{ text: "badge", file: EQUIPMENT }, { text: "key fob", file: EQUIPMENT }],
  // An HSA catch-up contribution (Table 5 gives the election limits only).
  "pt-f05": [{ text: "catch-up" }, { text: "55 or older" }, { text: "age 55" }],
};

const normalise = (s: string): string => s.normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase();

async function pagesOf(file: string): Promise<string[]> {
  return (await pdfText(path.join(docDir, file))).pages.map(normalise);
}

const problems: string[] = [];
const fail = (id: string, msg: string): void => {
  problems.push(`${id}: ${msg}`);
};

const files = fs.readdirSync(docDir).filter((f) => f.endsWith(".pdf")).sort();
const text = new Map<string, string[]>();
for (const f of files) text.set(f, await pagesOf(f));
if (dumpDir) {
  fs.mkdirSync(dumpDir, { recursive: true });
  for (const [f, pages] of text) {
    fs.writeFileSync(path.join(dumpDir, `${f}.txt`), pages.map((t, i) => `=== page ${i + 1} ===\n${t}\n`).join(""));
  }
}

// Read as the product reads a set: a duplicate id or a history that does not alternate throws.
const { questions } = loadAnswerSet(here);

const counts = { answerable: 0, unanswerable: 0, followUp: 0 };
for (const q of questions) {
  if (typeof q.answerable !== "boolean") fail(q.id, "answerable must be true or false");

  const kind = q.id.slice(0, 4);
  if (q.history.length) {
    counts.followUp++;
    if (kind !== "pt-f") fail(q.id, "a question with history should have a pt-f id");
  } else if (q.answerable) {
    counts.answerable++;
    if (kind !== "pt-a") fail(q.id, "an answerable standalone question should have a pt-a id");
  } else {
    counts.unanswerable++;
    if (kind !== "pt-u") fail(q.id, "an unanswerable standalone question should have a pt-u id");
  }

  if (!q.answerable) {
    if (q.answers.length || q.citations.length) fail(q.id, "unanswerable but has answers or citations");
    const missing = absent[q.id];
    if (!missing) fail(q.id, "no `absent` strings listed for this unanswerable question");
    for (const a of missing ?? []) {
      for (const [f, pages] of text) {
        if (a.file && a.file !== f) continue;
        pages.forEach((t, i) => {
          if (a.page && a.page !== i + 1) return;
          if (t.includes(a.text)) fail(q.id, `"${a.text}" appears in ${f} page ${i + 1}, so the question may be answerable`);
        });
      }
    }
    continue;
  }

  const answers = q.answers.map(normalise);
  if (answers.length === 0) fail(q.id, "answerable but no answers");
  if (q.citations.length === 0) fail(q.id, "answerable but no citations");
  let found = false;
  for (const c of q.citations) {
    const pages = text.get(c.file);
    if (!pages) {
      fail(q.id, `cited file ${c.file} does not exist in documents/`);
      continue;
    }
    if (c.page === undefined) {
      fail(q.id, `citation of ${c.file} has no page`);
      continue;
    }
    const t = pages[c.page - 1];
    if (t === undefined) {
      fail(q.id, `${c.file} has ${pages.length} pages, no page ${c.page}`);
      continue;
    }
    const here = answers.filter((a) => t.includes(a));
    if (here.length === 0) fail(q.id, `no reference answer on ${c.file} page ${c.page}`);
    else found = true;
  }
  if (!found) fail(q.id, "no reference answer appears on any cited page");
}

for (const [f, pages] of text) console.log(`${f}: ${pages.length} pages`);
console.log(
  `${questions.length} questions: ${counts.answerable} answerable, ${counts.unanswerable} unanswerable, ${counts.followUp} follow-ups`,
);
if (problems.length) {
  for (const p of problems) console.log(`FAIL ${p}`);
  console.log(`${problems.length} problem(s)`);
  process.exit(1);
}
console.log("OK: every answerable question has a reference answer on each cited page; every citation exists.");
