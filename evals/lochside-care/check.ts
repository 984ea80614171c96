/**
 * Checks questions.jsonl against the documents' text:
 *
 *   npx tsx evals/lochside-care/check.ts [--dump DIR]
 *
 * Text comes from the built files as the product gets them (testing/eval-sets/document-text.ts): PDFs
 * page by page with unpdf, DOCX files with mammoth, HTML with style and script blocks and tags removed
 * and entities decoded, Markdown with "**" removed; then whitespace is collapsed, curly quotes
 * straightened and letters lower-cased. It checks (testing/eval-sets/policy-set-check.ts) that ids are
 * unique and prefixed by kind (lc-a answerable, lc-u unanswerable, lc-f follow-up, lc-g asked by or
 * about the managers' group, lc-hr HR-personal, lc-c compliance), that histories alternate
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
  "lc-g06": ["resign", "notice period", "notice the employee gives", "hand in your notice", "handing in your notice", "notice to leave", "weeks' notice of"],
  "lc-g07": ["verbal warning", "written warning", "final warning", "live for", "warning stays", "stays on the personnel file", "taken into account in a later"],
  "lc-g08": ["rural supplement", "rural", "£0.60", "aberfeldy", "60p"],
  "lc-u01": ["ivf", "fertility", "assisted conception", "in vitro"],
  "lc-u02": ["dog", "animal"],
  "lc-u03": ["death in service", "life assurance", "life insurance", "life cover", "times your salary", "times salary"],
  "lc-u04": ["christmas party", "christmas night out", "staff party", "christmas meal", "social event", "night out"],
  "lc-u05": ["redundan", "severance", "branch closure", "week's pay for each"],
  "lc-u06": ["salary advance", "advance on your pay", "advance on your wages", "advance of pay", "pay advance", "wage advance", "paid early", "early payment of"],
  "lc-u07": ["vote", "voting", "election", "polling"],
  "lc-u08": ["tattoo", "piercing", "body art"],
  "lc-u09": ["phone bill", "phone allowance", "mobile allowance", "data allowance", "towards your phone", "airtime"],
  "lc-u10": ["nurses are paid", "nurse rate", "rate for nurses", "nmc", "nurse's hourly", "nurses' pay"],
  "lc-u11": ["staff car park", "car park at head office", "parking at head office", "head office parking", "parking permit", "parking space"],
  "lc-u12": ["flexible working", "compressed hours", "job share", "term-time", "term time", "statutory request"],
  "lc-u13": ["gym", "leisure centre", "fitness centre", "fitness class", "swimming"],
  "lc-u14": ["client's funeral", "clients' funerals", "funeral of a client", "attend the funeral of", "funerals in work time"],
  "lc-u15": ["maximum temperature", "heatwave", "hot weather", "heat", "temperature at work", "too hot"],
  "lc-u16": ["client has died", "client dies", "death of a client", "found dead", "unexpected death", "expected death", "deceased"],
  "lc-u17": ["saturday premium", "saturday rate", "saturday enhancement", "saturdays are paid", "saturday hours"],
  "lc-u18": ["pvg fee", "cost of the pvg", "cost of your pvg", "pays for your pvg", "disclosure fee", "pvg application fee"],
  "lc-u19": ["career break", "sabbatical", "extended leave", "unpaid leave of", "keep your job open"],
  "lc-f09": ["scooter"],
};

await checkPolicySet(here, "lc", ABSENT, option("--dump"));
