/**
 * Checks questions.jsonl against the documents' text:
 *
 *   npx tsx evals/alderbrook-manufacturing/check.ts [--dump DIR]
 *
 * Text comes from the files as the product gets them (testing/eval-sets/document-text.ts): PDFs page by
 * page with unpdf, DOCX files with mammoth, HTML with style and script blocks and tags removed and
 * entities decoded, Markdown with "**" removed; then whitespace is collapsed, curly quotes
 * straightened and letters lower-cased. It checks (testing/eval-sets/policy-set-check.ts) that ids are
 * unique and prefixed by kind (am-a answerable, am-u unanswerable, am-f follow-up, am-g restricted
 * document, am-hr HR-personal, am-c compliance), that histories alternate user/assistant and end with
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
  "am-u01": ["birthday off", "birthday holiday", "day off for your birthday", "birthday as a holiday", "floating birthday", "your birthday is"],
  "am-u02": ["donate pto", "donated pto", "pto donation", "donating pto", "leave donation", "leave sharing", "shared leave", "leave bank", "pto bank", "transfer pto", "give pto to", "donate hours", "donated hours"],
  "am-u03": ["germany", "stuttgart", "europe", "international per diem", "foreign per diem", "other countries", "any other country"],
  "am-u04": ["perfect attendance", "attendance bonus", "attendance award", "attendance incentive", "attendance pay"],
  "am-u05": ["profit sharing", "profit-sharing", "gainsharing", "gain sharing", "annual bonus", "year-end bonus", "bonus plan", "incentive plan", "holiday bonus"],
  "am-u06": ["donning", "doffing", "changing time", "time spent putting on", "putting on ppe", "changing into", "paid to change"],
  "am-u07": ["uniform service", "uniforms are provided", "uniforms are issued", "uniform allowance", "work pants", "clothing allowance", "rental uniforms", "shirts are provided", "uniform rental"],
  "am-u08": ["pet insurance", "veterinary", "vet bills"],
  "am-u09": ["home internet", "internet allowance", "internet stipend", "internet reimbursement", "internet bill", "broadband"],
  "am-u10": ["minors", "minor employees", "under 18", "under age 18", "16-year-old", "17-year-old", "child labor", "summer student", "summer jobs"],
  "am-u11": ["work from home", "working from home", "remote work", "hybrid", "telework", "telecommut", "days in the office", "days a week in the office"],
  "am-u12": ["pension", "defined benefit", "retiree medical", "retiree health"],
  "am-u13": ["personnel file", "retention period", "records are kept for", "record retention", "retained for", "kept on file for"],
  "am-u14": ["lasik", "laser eye", "vision correction surgery", "refractive surgery", "laser vision"],
  "am-u15": ["bring your child", "take your child", "kids to work", "children to work", "bring your kid", "family day", "take your kid"],
  "am-u16": ["dress code", "business casual", "jeans", "casual friday", "attire", "dress for"],
  "am-u17": ["severance", "separation pay", "layoff pay", "weeks of pay for each", "week of pay for each", "notice of layoff"],
  "am-u18": ["windsor", "other canadian cities", "other cities in canada", "elsewhere in canada", "anywhere else in canada", "any other city in canada"],
  "am-f06": ["true-up", "true up", "trueup", "year-end match", "match is adjusted", "make-up match", "annual adjustment", "missed match"],
  "am-f07": ["differential increases", "differential goes up", "longevity", "years on nights", "years on third shift", "seniority premium", "higher differential", "differential rises"],
  "am-f08": ["taxable", "tax-free", "non-taxable", "nontaxable", "reported as income", "w-2", "income tax", "tax free"],
  "am-g03": ["2.5% to 4%", "merit increase", "meets expectations", "merit budget", "3.5% of base pay", "annual raise", "pay raise"],
  "am-g04": ["spot award", "up to $500 for one employee", "spot bonus"],
};

await checkPolicySet(here, "am", ABSENT, option("--dump"));
