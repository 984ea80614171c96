/**
 * Checks questions.jsonl against the documents' text:
 *
 *   npx tsx evals/tawhiti-hospitality/check.ts [--dump DIR]
 *
 * Text comes from the files as the product gets them (testing/eval-sets/document-text.ts): PDFs page by
 * page with unpdf, DOCX files with mammoth, HTML with style and script blocks and tags removed and
 * entities decoded, Markdown with "**" removed; then whitespace is collapsed, curly quotes
 * straightened and letters lower-cased. It checks (testing/eval-sets/policy-set-check.ts) that ids are
 * unique and prefixed by kind (th-a answerable, th-u unanswerable, th-f follow-up, th-g restricted
 * document, th-hr HR-personal, th-c compliance), that histories alternate user/assistant and end with
 * the assistant, that every cited file (and page) exists and is readable by the asker, that every
 * answerable question has each of its answers on a cited location and every cited location holds one
 * of them, that unanswerable questions have no answers or citations, and that the strings listed in
 * ABSENT occur in no document the asker can read. It also fails if a PDF page's extracted text lacks
 * its running footer (a sign of an overflowed or shifted page). Exits non-zero on any problem.
 * --dump DIR writes the extracted text, page by page.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { option } from "../../testing/eval-sets/args";
import { checkPolicySet } from "../../testing/eval-sets/policy-set-check";

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Strings whose presence would answer an unanswerable question (lower case, after the normalisation
 * above). For the restricted-document questions asked by someone outside the group they are checked
 * only against the documents that person can read.
 */
const ABSENT: Record<string, string[]> = {
  "th-u01": ["birthday off", "birthday leave", "your birthday", "own birthday", "day of birth", "birthday as a"],
  "th-u02": ["buy extra", "buy additional", "buy annual", "buy leave", "purchase leave", "purchased leave", "purchase annual", "purchase additional", "extra week of annual", "salary sacrifice"],
  "th-u03": ["meal allowance", "overtime meal", "meal money", "supper allowance"],
  "th-u04": ["language allowance", "bilingual", "mandarin", "japanese", "second language", "language skills"],
  "th-u05": ["bonus", "incentive", "profit share", "profit-share"],
  "th-u06": ["staff parking", "staff car park", "parking for staff", "parking permit", "staff carpark"],
  "th-u07": ["health insurance", "medical insurance", "health cover", "medical cover"],
  "th-u08": ["referral", "refer a friend", "introduce a friend", "finder's fee", "recommend a friend"],
  "th-u09": ["japan", "tokyo", "asia", "rest of the world", "other countries", "outside australia"],
  "th-u10": ["smoking", "smokers", "smoke-free", "vape", "vaping", "cigarette"],
  "th-u11": ["tool allowance", "tools allowance", "own tools", "tool reimbursement"],
  "th-u12": ["spa treatment", "day spa", "spa discount", "off treatments"],
  "th-u13": ["two bank accounts", "split pay", "split your pay", "more than one account", "second account", "two accounts"],
  "th-u14": ["licence controller", "lcq", "certificate fee", "application fee", "pays for the manager's certificate", "cost of the manager's certificate"],
  "th-u15": ["jeans", "casual friday", "smart casual", "business attire", "head office dress"],
  "th-u16": ["pay advance", "advance on your pay", "advance of pay", "salary advance", "wage advance", "advance on wages"],
  "th-u17": ["th-staff password", "password for th-staff", "password is", "wi-fi password is"],
  "th-u18": ["cold weather", "winter allowance", "snow allowance", "alpine allowance"],
  "th-g03": ["redundancy compensation", "redundancy pay", "weeks' pay for", "per year of service", "each further full year", "maximum of 20 weeks"],
  "th-g04": ["written warning", "final warning", "warning stays", "stays current", "warnings expire"],
  "th-f06": ["particular brand", "approved brand", "brands", "shoe store", "shoe shop", "stockist", "retailer", "footwear supplier"],
  "th-f07": ["parking included", "includes parking", "free parking", "valet parking", "parking is", "parking at the hotel"],
  "th-f08": ["3.5%", "budget is", "pay increase of", "general increase", "across-the-board", "everyone receives"],
};

await checkPolicySet(here, "th", ABSENT, option("--dump"));
