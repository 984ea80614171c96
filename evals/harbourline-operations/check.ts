/**
 * Checks questions.jsonl against the documents' text:
 *
 *   npx tsx evals/harbourline-operations/check.ts [--dump DIR]
 *
 * Text comes from the files as the product gets them (testing/eval-sets/document-text.ts): PDFs page by
 * page with unpdf, DOCX files with mammoth, HTML with style and script blocks and tags removed and
 * entities decoded, Markdown with emphasis markers removed; then whitespace is collapsed, curly
 * quotes straightened and letters lower-cased. It checks that ids are unique and prefixed by kind (hl-a answerable, hl-u
 * unanswerable, hl-f follow-up, hl-g restricted document, hl-hr HR-personal, hl-c compliance), that
 * histories alternate user/assistant and end with the assistant, that every cited file (and page)
 * exists and is readable by the asker, that every answerable question has each of its answers on a
 * cited location and every cited location holds one of them, that unanswerable questions have no
 * answers or citations, and that the strings listed in ABSENT occur in no document the asker can
 * read. It also fails if a PDF page's extracted text lacks its running footer (a sign of an
 * overflowed or shifted page). Exits non-zero on any problem. --dump DIR writes the extracted text,
 * page by page.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { option } from "../../testing/eval-sets/args";
import { checkPolicySet } from "../../testing/eval-sets/policy-set-check";

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Strings whose absence makes an unanswerable question unanswerable (lower case, after the
 * normalisation above). For the restricted-document questions asked by someone outside the group
 * they are checked only against the documents that person can read.
 */
const ABSENT: Record<string, string[]> = {
  "hl-u01": ["voucher worth", "voucher of", "voucher for £", "£ voucher", "long service award of"],
  "hl-u02": ["wedding", "married", "marriage", "honeymoon"],
  "hl-u03": ["employer contribution", "pension contribution", "% into the pension", "of your salary into"],
  "hl-u04": ["cycle to work scheme limit", "bike worth", "bicycle worth", "£1,000", "£2,000", "£3,000"],
  "hl-u05": ["moving house", "house move", "move house", "removal"],
  "hl-u06": ["transaction limit", "spending limit", "per fill", "per transaction", "fuel card limit"],
  "hl-u07": ["cctv footage is", "cctv is kept", "cctv recordings", "cctv is retained", "cctv is overwritten"],
  "hl-u08": ["ballot results", "results of the ballot", "ballot outcome", "outcome of the ballot", "ballot is announced", "told by 1"],
  "hl-u09": ["h2 rate", "grade h2 is", "h2 operatives", "h2 operative", "basic hourly rate is £", "per hour for"],
  "hl-u10": ["bonus"],
  "hl-u11": ["notice period", "resign", "notice to leave", "notice of termination"],
  "hl-u12": ["licence training", "driver academy", "apprentice", "category c training", "cat c", "pay for your hgv", "trainee driver"],
  "hl-u13": ["notice of a change to your shift pattern", "notice of a permanent", "notice before a permanent", "weeks' notice of any change", "notice of changes to contractual"],
  "hl-u14": ["work from home", "working from home", "home working", "homeworking", "remote work", "hybrid"],
  "hl-f06": ["electric", "hybrid", "advisory fuel", "ev rate"],
  "hl-f08": ["apprentice", "trainee engineer"],
  "hl-g06": ["final written warning", "stays live", "stay live", "warnings stay"],
  "hl-g07": ["may suspend", "can suspend", "suspension of an employee", "suspend an employee", "suspended pending"],
};

await checkPolicySet(here, "hl", ABSENT, option("--dump"));
