/**
 * The whole check of a policy set written to one plan (Harbourline, Ridgeline): ids prefixed by kind
 * (`<prefix>-a` answerable, `-u` unanswerable, `-f` follow-up, `-g` restricted document, `-hr`
 * HR-personal, `-c` compliance), every answerable question's answers on its cited locations, every
 * unanswerable one's ABSENT strings in no document its asker can read, and every PDF page's running
 * footer "<title> | Page N of M" in its extracted text (a page without it has overflowed or shifted,
 * and its page number is off). Logs the documents' sizes and exits non-zero on any problem.
 */
import path from "node:path";
import { norm, readDocuments } from "./document-text";
import { checkAbsent, checkCitations, checkEachQuestion } from "./question-checks";

export async function checkPolicySet(setFolder: string, prefix: string, absent: Record<string, string[]>, dumpDir?: string): Promise<void> {
  const problems: string[] = [];
  const docs = await readDocuments(path.join(setFolder, "documents"), dumpDir);
  const texts = new Map([...docs].map(([file, d]) => [file, d.pages]));
  for (const [file, { pages, title }] of docs) {
    if (!file.endsWith(".pdf")) continue;
    if (!title) problems.push(`${file}: no title in the PDF info`);
    pages.forEach((p, i) => {
      if (!p.includes(norm(`${title} | Page ${i + 1} of ${pages.length}`))) problems.push(`${file} p.${i + 1}: running footer missing`);
    });
  }
  checkEachQuestion(setFolder, absent, problems, (q, bad) => {
    const behaviour = q.behaviour ?? "answer";
    const kind = q.id.replace(/\d+$/, "");
    const expectedKind = `${prefix}-${
      behaviour === "refuse:hr" ? "hr"
      : behaviour.startsWith("escalate:") ? "c"
      : q.history.length ? "f"
      : q.groups.length || q.id.startsWith(`${prefix}-g`) ? "g"
      : q.answerable ? "a"
      : "u"
    }`;
    if (kind !== expectedKind) bad(`id prefix ${kind}, expected ${expectedKind}`);
    if (q.answerable) {
      checkCitations(q, texts, bad);
    } else if (q.answers.length || q.citations.length) {
      bad("not answerable, but has answers or citations");
    }
    if (q.answerable === false) {
      if (!absent[q.id]?.length) bad("unanswerable without ABSENT strings");
      checkAbsent(q, absent[q.id] ?? [], texts, bad);
    }
    return expectedKind;
  });
  let total = 0;
  for (const [file, pages] of texts) {
    const chars = pages.reduce((s, p) => s + p.length, 0);
    total += chars;
    console.log(`${file}: ${pages.length} page(s), ${chars} characters`);
  }
  console.log(`documents: ${total} characters of extracted text`);
  if (problems.length) {
    console.error(problems.join("\n"));
    process.exit(1);
  }
  console.log("ok");
}
