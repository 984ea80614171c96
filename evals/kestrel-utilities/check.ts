/**
 * Checks questions.jsonl against the documents' text:
 *
 *   npx tsx evals/kestrel-utilities/check.ts [--dump DIR]
 *
 * Text comes from the files as the product gets them (testing/eval-sets/document-text.ts): PDFs page by
 * page with unpdf, DOCX files with mammoth, HTML with style and script blocks and tags removed and
 * entities decoded, Markdown with "**" removed; then whitespace is collapsed, curly quotes
 * straightened and letters lower-cased. It checks (testing/eval-sets/policy-set-check.ts) that ids are
 * unique and prefixed by kind (ku-a answerable, ku-u unanswerable, ku-f follow-up, ku-g restricted
 * document, ku-hr HR-personal, ku-c compliance), that histories alternate user/assistant and end with
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
  "ku-u01": ["wedding", "marriage", "getting married", "honeymoon", "marry"],
  "ku-u02": ["donate leave", "donate annual leave", "donated leave", "donating leave", "leave bank", "leave sharing", "leave share", "transfer leave", "transfer annual leave", "transferred to another employee", "another employee's balance"],
  "ku-u03": ["electric vehicle", "electric car", "battery electric", "plug-in", "hybrid", "tesla", "kilowatt", "per kwh", "no engine"],
  "ku-u04": ["wind speed", "windy", "gust", "high winds", "strong winds", "anemometer", "beaufort"],
  "ku-u05": ["hearing test", "audiometr", "hearing check", "hearing assessment"],
  "ku-u06": ["overseas", "abroad", "international", "outside australia", "bali", "roaming", "another country"],
  "ku-u07": ["gym", "fitness", "health club", "wellness subsidy"],
  "ku-u08": ["childcare", "child care", "day care", "daycare", "creche", "before and after school care"],
  "ku-u09": ["warden", "evacuation"],
  "ku-u10": ["higher duties", "acting in", "acting as", "acting role", "acting allowance", "higher grade", "acting up", "relieving"],
  "ku-u11": ["licence renewal", "renewal fee", "licence fee", "renew your licence", "renewing your licence", "cost of renewing", "renewing a licence"],
  "ku-u12": ["work from home", "working from home", "wfh", "days a week at home", "home-based work", "remote working", "telework", "hybrid"],
  "ku-u13": ["bonus", "incentive payment", "performance pay", "profit share"],
  "ku-u14": ["moving house", "move house", "removalist", "relocation", "change of address"],
  "ku-u15": ["dress code", "jeans", "casual friday", "business attire", "business casual", "smart casual"],
  "ku-u16": ["split shift", "broken shift", "split-shift"],
  "ku-u17": ["referral bonus", "referral reward", "referral payment", "employee referral", "refer a friend", "referring a", "finder's fee", "bonus"],
  "ku-u18": ["drone", "uav", "remotely piloted", "unmanned aerial"],
  "ku-f06": ["bump test", "bump-test", "calibrat", "function test"],
  "ku-f07": ["school fees", "private school", "children's education", "education expenses", "tuition for your children"],
  "ku-f08": ["sent home", "send you home", "paid for the rest of the day", "heat stand-down", "stood down because of heat", "lost time because of heat", "paid for the afternoon"],
  "ku-g03": ["final written warning", "written warning", "stays active", "stay active"],
  "ku-g04": ["outside the approved budget", "new position", "position request", "approved budget"],
};

await checkPolicySet(here, "ku", ABSENT, option("--dump"));
