/**
 * Checks questions.jsonl against the documents' text:
 *
 *   npx tsx evals/ridgeline-clinics/check.ts [--dump DIR]
 *
 * Text comes from the files as the product gets them (testing/eval-sets/document-text.ts): PDFs page by
 * page with unpdf, DOCX files with mammoth, HTML with style and script blocks and tags removed and
 * entities decoded, Markdown with emphasis markers removed; then whitespace is collapsed, curly
 * quotes straightened and letters lower-cased. It checks that ids are unique and prefixed by kind (rc-a
 * answerable, rc-u unanswerable, rc-f follow-up, rc-g restricted document, rc-hr HR-personal, rc-c
 * compliance), that histories alternate user/assistant and end with the assistant, that every cited
 * file (and page) exists and is readable by the asker, that every answerable question has each of its
 * answers on a cited location and every cited location holds one of them, that unanswerable questions
 * have no answers or citations, and that the strings listed in ABSENT occur in no document the asker
 * can read. It also fails if a PDF page's extracted text lacks its running footer (a sign of an
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
  "rc-u01": ["wi-fi", "wifi", "internet access", "in-flight", "inflight", "onboard internet"],
  "rc-u02": ["student loan", "loan repayment", "loan forgiveness", "repay your loans", "education loan"],
  "rc-u03": ["wedding", "honeymoon", "getting married", "marriage leave", "your own marriage"],
  "rc-u04": ["precheck", "global entry", "trusted traveler", "clear membership", "expedited screening"],
  "rc-u05": ["international", "outside the united states", "foreign", "abroad", "overseas", "canada", "toronto"],
  "rc-u06": ["chemotherapy", "hazardous drug", "chemo", "cytotoxic", "antineoplastic"],
  "rc-u07": ["dosimeter", "radiation", "lead apron", "x-ray badge", "exposure badge"],
  "rc-u08": ["retention", "retained for", "records are kept for", "kept for", "years after the last", "destroyed after"],
  "rc-u09": ["stipend", "phone allowance", "phone bill", "toward your monthly", "cell phone reimbursement", "reimburse your phone", "reimbursed for your phone"],
  "rc-u10": ["orthodont", "braces", "aligners"],
  "rc-u11": ["vesting", "vested", "vests", "yours to keep after", "forfeit the match", "match is forfeited"],
  "rc-u12": ["matching gift", "match donations", "match your donation", "donation match", "matches donations", "matches charitable", "charitable match"],
  "rc-u13": ["travel time", "drive time", "driving time", "time spent traveling", "time spent driving", "paid for the time you spend"],
  "rc-u14": ["dress code", "jeans", "casual friday", "business casual", "attire", "what to wear"],
  "rc-u15": ["pet insurance", "pets", "veterinar"],
  "rc-u16": ["holiday on-call", "on-call on a holiday", "on call on a holiday", "on-call pay on a holiday", "on-call during a holiday", "on-call holiday", "holiday on call"],
  "rc-f07": ["toll"],
  "rc-f08": ["pet bereavement", "death of a pet", "loss of a pet", "dog", "animal"],
  "rc-g06": ["18 months", "stays active", "stay active", "remains active", "warning stays", "warnings stay", "warning expires"],
  "rc-g07": ["vice president also approves", "10 or more years of service", "termination review", "approves a termination", "approve a termination", "approval to terminate"],
};

await checkPolicySet(here, "rc", ABSENT, option("--dump"));
