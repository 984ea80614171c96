/**
 * Checks questions.jsonl against the documents' text:
 *
 *   npx tsx evals/cedarline-software/check.ts [--dump DIR]
 *
 * Text comes from the files as the product gets them (testing/eval-sets/document-text.ts): PDFs page by
 * page with unpdf, DOCX files with mammoth, HTML with style and script blocks and tags removed and
 * entities decoded, Markdown with "**" removed; then whitespace is collapsed, curly quotes
 * straightened and letters lower-cased. It checks (testing/eval-sets/policy-set-check.ts) that ids are
 * unique and prefixed by kind (cs-a answerable, cs-u unanswerable, cs-f follow-up, cs-g restricted
 * document, cs-hr HR-personal, cs-c compliance), that histories alternate user/assistant and end with
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
  "cs-u01": ["buy vacation", "buy extra", "buy additional", "purchase vacation", "purchased vacation", "purchase additional", "purchase extra", "purchased leave", "purchase leave", "vacation purchase", "extra week of vacation"],
  "cs-u02": ["company car", "car allowance", "vehicle allowance", "auto allowance", "automobile allowance", "leased vehicle", "lease vehicle", "fleet vehicle", "company vehicle"],
  "cs-u03": ["sales commission", "commission plan", "commissions are paid", "commission is paid", "commission payment", "quota", "accelerator"],
  "cs-u04": ["annual bonus", "year-end bonus", "bonus plan", "short-term incentive", "variable pay", "performance bonus", "incentive plan"],
  "cs-u05": ["whitening", "cosmetic"],
  "cs-u06": ["fertility", "ivf", "in vitro", "egg freezing", "surrogacy", "infertility"],
  "cs-u07": ["daycare", "day care", "child care", "childcare subsidy", "childcare allowance", "childcare costs", "childcare benefit", "childcare expenses"],
  "cs-u08": ["conferences per year", "conferences a year", "conference per year", "conference a year", "number of conferences", "one conference", "two conferences"],
  "cs-u09": ["message retention", "retention period", "chat history", "messages are kept", "messages are deleted", "messages are retained", "chat messages", "slack"],
  "cs-u10": ["per passenger", "passenger allowance", "passenger rate", "for each passenger", "passengers are paid", "extra per kilometre"],
  "cs-u11": ["per unit", "premium rate", "monthly premium", "premium for optional", "optional life insurance costs", "cost of optional", "per $1,000", "per $10,000"],
  "cs-u12": ["donation matching", "match donations", "matching gift", "match your donation", "matches donations", "matches your donation", "charitable match", "gift matching"],
  "cs-u13": ["cost of living", "cost-of-living", "location pay", "geographic pay", "geographic differential", "location-based pay", "pay zone"],
  "cs-u14": ["dog", "pets", "pet-friendly", "pet friendly", "animals"],
  "cs-u15": ["awareness training", "security training", "annual training", "training every", "training each year", "mandatory training", "training is required"],
  "cs-u16": ["language premium", "bilingual", "french queue", "french-speaking", "language allowance"],
  "cs-u17": ["birthday", "birth day", "day of birth"],
  "cs-u18": ["in-flight", "inflight", "onboard wi-fi", "airline wi-fi", "wi-fi on board", "wi-fi on the plane", "wi-fi during"],
  "cs-f06": ["stipend is taxable", "stipend is a taxable", "stipend is not taxable", "stipend is tax-free", "tax-free stipend", "taxable stipend", "stipend is not a taxable"],
  "cs-f07": ["seniority premium", "premium increases", "premium goes up", "after a year on nights", "after 12 months on nights", "long-service premium", "higher premium"],
  "cs-f08": ["q1 2027", "first quarter of 2027", "results will be published on", "earnings date", "release date", "april 2027", "may 2027"],
  "cs-g03": ["pip lasts", "a pip", "improvement plan lasts", "plan lasts", "weekly check-in", "60 days. it may be shortened"],
  "cs-g04": ["severance", "weeks of base salary for each", "for each completed year of service", "signed release", "per year of service", "standard package"],
};

await checkPolicySet(here, "cs", ABSENT, option("--dump"));
