/**
 * The rules the sets' check.ts scripts share for a question against the documents' text: who may
 * read a file, that an answerable question's answers and citations agree with the text, and that
 * what an unanswerable question asks for is in no document its asker can read; and the loop over a
 * set's questions.jsonl that runs a set's own checks on each question.
 */
import { norm } from "./document-text";
import { loadAnswerSet, type AnswerQuestion as Question } from "@/lib/evaluation/answer-set";

/** Whether the asker of `q` may read `file`: a file in a folder is for the reader group it names. */
const readableBy =
  (q: Question) =>
  (file: string): boolean =>
    !file.includes("/") || q.groups.includes(file.split("/")[0] ?? "");

/**
 * For an answerable question, reports through `bad` unless it has answers and citations, each cited
 * file exists, its asker can read it, a PDF is cited by page, each cited location holds one of the
 * answers and each answer is on a cited location. `texts` holds each document's normalised pages.
 */
export function checkCitations(q: Question, texts: Map<string, string[]>, bad: (msg: string) => void): void {
  const readable = readableBy(q);
  const answers = q.answers.map(norm);
  if (answers.length === 0) bad("answerable without answers");
  if (q.citations.length === 0) bad("answerable without citations");
  const located = (c: { file: string; page?: number }): string[] => {
    const pages = texts.get(c.file) ?? [];
    return c.page ? [pages[c.page - 1] ?? ""] : pages;
  };
  for (const c of q.citations) {
    const pages = texts.get(c.file);
    if (!pages) {
      bad(`cites missing file ${c.file}`);
      continue;
    }
    if (!readable(c.file)) bad(`cites ${c.file}, which its asker cannot read`);
    if (c.file.endsWith(".pdf") && !c.page) bad(`cites ${c.file} without a page`);
    if (c.page && c.page > pages.length) bad(`cites page ${c.page} of ${c.file}, which has ${pages.length}`);
    if (!located(c).some((t) => answers.some((a) => t.includes(a)))) bad(`no answer on ${c.file}${c.page ? ` p.${c.page}` : ""}`);
  }
  for (const a of answers) {
    if (!q.citations.some((c) => located(c).some((t) => t.includes(a)))) bad(`answer "${a}" is on no cited location`);
  }
}

/**
 * For an unanswerable question, reports through `bad` each of `absent` (strings whose presence would
 * answer it) that is not normalised, so could never match, or that occurs in a document its asker
 * can read.
 */
export function checkAbsent(q: Question, absent: string[], texts: Map<string, string[]>, bad: (msg: string) => void): void {
  const readable = readableBy(q);
  for (const s of absent) {
    if (s !== norm(s)) bad(`ABSENT string "${s}" is not normalised`);
    for (const [file, pages] of texts) {
      if (readable(file) && pages.some((t) => t.includes(s))) bad(`"${s}" occurs in ${file}`);
    }
  }
}

/**
 * Reads the set's questions as the product does (loadAnswerSet, which throws on a malformed line: a
 * duplicate id, a history that does not alternate, a missing answerable) and runs `check` on each
 * with a `bad` that reports into `problems` under the question's id. `check` returns the id prefix
 * the question should have; the questions are counted by that prefix, answerability and behaviour.
 * Then reports each key of `absent` (the set's ABSENT strings) that is no question, and logs the counts.
 */
export function checkEachQuestion(
  setFolder: string,
  absent: Record<string, string[]>,
  problems: string[],
  check: (q: Question, bad: (msg: string) => void) => string,
): void {
  const { questions } = loadAnswerSet(setFolder);
  const seen = new Set(questions.map((q) => q.id));
  const counts: Record<string, number> = {};
  for (const q of questions) {
    const bad = (msg: string) => problems.push(`${q.id}: ${msg}`);
    const expectedKind = check(q, bad);
    const key = `${expectedKind} ${q.answerable === undefined ? "-" : q.answerable ? "answerable" : "unanswerable"} ${q.behaviour ?? "answer"}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  for (const id of Object.keys(absent)) if (!seen.has(id)) problems.push(`ABSENT lists ${id}, which is not a question`);
  console.log(`${questions.length} questions`, counts);
}
