/**
 * Checks questions.jsonl against the documents' text:
 *
 *   npx tsx evals/corrib-retail/check.ts [--dump DIR]
 *
 * Text comes from the built files as the product gets them (testing/eval-sets/document-text.ts): PDFs
 * page by page with unpdf, DOCX files with mammoth, HTML with style and script blocks and tags removed
 * and entities decoded, Markdown with "**" removed; then whitespace is collapsed, curly quotes
 * straightened and letters lower-cased. It checks (testing/eval-sets/policy-set-check.ts) that ids are
 * unique and prefixed by kind (cr-a answerable, cr-u unanswerable, cr-f follow-up, cr-g asked by or
 * about the managers' group, cr-hr HR-personal, cr-c compliance), that histories alternate
 * user/assistant and end with the assistant, that every cited file (and page) exists and is readable by
 * the asker, that every answerable question has each of its answers on a cited location and every
 * cited location holds one of them, that unanswerable questions have no answers or citations, and that
 * the strings listed in ABSENT occur in no document the asker can read. It also fails if a PDF page's
 * extracted text lacks its running footer (a sign of an overflowed or shifted page). Exits non-zero on
 * any problem. --dump DIR writes the extracted text, page by page.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { option } from "../../testing/eval-sets/args";
import { checkPolicySet } from "../../testing/eval-sets/policy-set-check";

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Strings whose presence would answer an unanswerable question (lower case, after the normalisation
 * above). For the managers'-guide questions asked by someone outside the group they are checked only
 * against the documents that person can read.
 */
const ABSENT: Record<string, string[]> = {
  "cr-g06": ["written warning", "verbal warning", "stays live", "stay live", "warning expires", "warning has expired", "on your record", "on file for"],
  "cr-g07": ["pay review", "salary increase", "strong", "4.5%", "merit increase", "rating of"],
  "cr-g08": ["resign", "notice period", "notice of resignation", "give notice", "handing in", "notice to leave"],
  "cr-u01": ["cold allowance", "chill allowance", "freezer allowance", "cold store allowance", "freezer premium", "cold premium"],
  "cr-u02": ["motorbike", "motorcycle", "scooter", "two-wheeler"],
  "cr-u03": ["security guard", "security officer", "security staff are paid", "security rate"],
  "cr-u04": ["overnight allowance of", "night-out allowance", "night out allowance", "sleeper allowance", "drivers' overnight allowance is", "per night away"],
  "cr-u05": ["redundan", "severance", "weeks' pay for each year", "lump sum"],
  "cr-u06": ["dog", "pets", "animals"],
  "cr-u07": ["delivery charge", "delivery fee", "delivery pass", "online orders", "home delivery"],
  "cr-u08": ["on-call", "on call", "standby", "stand-by", "call-out payment"],
  "cr-u09": ["christmas party", "staff party", "party budget", "per head"],
  "cr-u10": ["vote", "voting", "election", "polling"],
  "cr-u11": ["trousers", "skirt", "clothing allowance", "uniform allowance"],
  "cr-u12": ["salary band", "pay band", "pay scale", "salary range", "salary scale", "grade h4 salary"],
  "cr-u13": ["graduation", "conferring"],
  "cr-u14": ["saturday premium", "saturday rate", "saturdays are paid", "saturday hours are paid", "weekend premium"],
  "cr-u15": ["hot holding", "hot-holding", "63°c", "63 °c", "75°c", "kept hot"],
  "cr-u16": ["advance on", "salary advance", "pay advance", "advance of pay", "wage advance", "advance of wages", "loan to staff"],
  "cr-u17": ["newry", "12 july", "12th of july", "twelfth", "northern ireland public holiday", "northern ireland stores"],
  "cr-u18": ["ivf", "fertility", "assisted human reproduction", "assisted reproduction"],
  "cr-u19": ["sales target", "store bonus", "bonus scheme", "incentive", "commission on sales"],
  "cr-f07": ["outlet", "kildare village"],
};

await checkPolicySet(here, "cr", ABSENT, option("--dump"));
