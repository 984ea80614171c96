import { ASKING_STEMS, contentTerms, snowballStem } from "../text/terms";

/**
 * What kind of figure a question asks for, and whether a sentence carries one of that kind.
 *
 * "How much does the company pay toward the premium?" is not answered by "within 31 days", nor
 * "how many counselling sessions?" by "$25 copay": a sentence with some number is not a sentence
 * with the asked one. Near-miss questions, whose topic the documents cover but whose figure they
 * lack, are exactly where an extractive answerer quotes a wrong figure.
 */
export type AskedFigure =
  | { kind: "money" }
  | { kind: "percent" }
  | { kind: "duration" }
  /** "How often": a frequency ("every 2 years", "twice a month", "quarterly", "each autumn"). */
  | { kind: "frequency" }
  /** "how many <unit>": a number counting one of these stems (any time unit stands for another). */
  | { kind: "count"; units: readonly string[] }
  | { kind: "any" };

const FIGURE_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|half";
const FREQUENCIES = "daily|weekly|monthly|annually|yearly";
/** What may stand before a unit it counts: "6", "six", "a", "several" (sessions). */
const NUMBER = String.raw`(?:\d[\d,.]*|${FIGURE_WORDS}|sixty|thousand|a|an|single|several|multiple)`;
const ANY_FIGURE = new RegExp(String.raw`\d|\b(?:${FIGURE_WORDS}|twice|once|${FREQUENCIES})\b`, "i");
const TIME_UNITS = ["second", "minut", "hour", "day", "week", "fortnight", "month", "quarter", "year", "semest", "term"];
const TIME_UNIT_WORDS = String.raw`(?:business |working |calendar |consecutive |full |school |fiscal |academic )?(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|semesters?)`;
// "How long" asks for a length as well as a duration: "how long must passwords be?".
const LENGTH_UNIT_WORDS = String.raw`(?:characters?|words?|pages?|lines?|digits?|letters?|feet|foot|inch(?:es)?|met(?:re|er)s?|miles?|kilomet(?:re|er)s?|km|cm|mm)`;
const DURATION = new RegExp(
  String.raw`\b${NUMBER}[\s-]+(?:\S+[\s-]+)?(?:${TIME_UNIT_WORDS}|${LENGTH_UNIT_WORDS})\b|\b(?:${FREQUENCIES}|indefinitely|permanently)\b`,
  "i",
);
/** "Every 4 years", "twice a month", "each autumn", "quarterly" (DURATION has "daily" ... "yearly"). */
const FREQUENCY = new RegExp(
  String.raw`\b(?:once|twice|(?:\d+|${FIGURE_WORDS}) times|hourly|each|every|per|a)\s+(?:\S+\s+)?(?:${TIME_UNIT_WORDS}|spring|summer|autumn|fall|winter|shift|trip|visit|pay period)\b|\b(?:quarterly|biweekly|fortnightly)\b`,
  "i",
);
const MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december";
export const WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
/** A deadline answers "how long do I have to ...", "how soon" as a length of time does: "by 31 March", "before the end of the month". */
const DEADLINE = new RegExp(
  String.raw`\b(?:by|before|until|till|no later than)\s+(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:${MONTHS})\b|(?:${MONTHS})\s+\d{1,2}\b|(?:${WEEKDAYS})\b|(?:end|close|start|beginning) of\b|\d{1,2}[/.-]\d{1,2}\b)`,
  "i",
);
const MONEY = /[$£€¥₹]\s?\d|\d\s?(?:k\b|dollars?|usd|eur|gbp|pounds?|euros?|cents?)|\d\s?%|\bper\s?cent\b|\bpercent\b|\bfree\b|\bno (?:cost|charge|fee)\b|\bat no\b|\bin full\b|\bfully (?:paid|covered|reimbursed)\b|\bnothing\b/i;
const PERCENT = /\d\s?%|\bper\s?cent(?:age)?\b|\bpercent(?:age)?\b|\bhalf\b|\bin full\b|\bfull (?:pay|salary)\b/i;

/** Question words that ask for an amount of money when "how much" asks about them. */
const MONEY_STEMS = new Set(
  ("cost costs pay paid pays payment premium premiums price fee fees charge charges reimburse reimbursed reimbursement allowance " +
    "salary spend spent worth budget dollar dollars contribute contribution deductible copay copayment coinsurance reward stipend " +
    "bonus refund compensation per diem rate wage wages afford expense expenses match matching owe").split(" ").map(snowballStem),
);

/**
 * The figures a question may name after "what's the": "what's the per diem lodging rate", "what is
 * the yearly cap on tuition", "what's the employer match percentage". Each asks the kind it is
 * listed under; the regex's named groups carry the kind.
 */
const NAMED_FIGURES = {
  money: "rates? costs? prices? fees? allowances? stipend match premium deductible copay reimbursement",
  percent: "percentage",
  any: "limits? caps? maximum minimum amounts? deadline number",
} as const;
const NAMED_FIGURE = new RegExp(
  String.raw`\bwhat(?:'s|s| is| are|'re) (?:the|my|our|your) (?:[\p{L}-]+ ){0,3}(?:` +
    Object.entries(NAMED_FIGURES).map(([kind, nouns]) => `(?<${kind}>${nouns.replaceAll(" ", "|")})`).join("|") +
    String.raw`)\b`,
  "u",
);

export function askedFigure(question: string): AskedFigure | undefined {
  const q = question.toLowerCase();
  if (/\bwhat (?:percentage|percent|proportion|share)\b|\bwhat % /.test(q)) return { kind: "percent" };
  // "How many days", and "the maximum number of hours": both count a thing.
  const many = /\bhow many\b|\bnumber of\b/.exec(q);
  if (many) {
    // The counted thing: the words after "how many" up to its verb ("how many sick days can I ...").
    const counted = wordsAfter(q, many.index + many[0].length, 4);
    const end = counted.findIndex((w) => CLAUSE_WORDS.has(w));
    // What is counted is the phrase's head noun: its last word, or the word before "of", "a" or
    // "per" ("days of annual leave", "visits a year"). Its modifiers are not units: "paid federal
    // holidays" are not counted by "1 year of federal service".
    const phrase = counted.slice(0, end < 0 ? undefined : end);
    const after = phrase.findIndex((w) => HEAD_ENDS.has(w));
    const nouns = contentTerms(phrase.slice(0, after < 0 ? undefined : after).join(" ")).filter((t) => !ASKING_STEMS.has(t));
    // A unit of time is what is counted wherever it stands: "how many days bereavement do I get",
    // typed without its "of", counts days.
    const head = nouns.find((t) => TIME_UNITS.includes(t)) ?? nouns.at(-1);
    return head ? { kind: "count", units: [head] } : { kind: "any" };
  }
  if (/\bhow long\b|\bhow soon\b|\bhow far in advance\b|\bhow (?:early|late|quickly|fast)\b|\bby when\b/.test(q)) return { kind: "duration" };
  // "What would the PPO cost me per paycheck?", "what does parking cost?": a price.
  if (/\bin dollars\b|\bwhat (?:would|will|does|do|did)\b[^?.!]*\bcost(?:\s*$|\s*[?.!,]|\s+(?:me|us|you|them|per|each|a|an|in|for|at)\b)/.test(q)) return { kind: "money" };
  const much = /\bhow much\b/.exec(q);
  if (much) {
    // "How much does it cost", "how much of it is reimbursed", "how much is the voucher": money;
    // "how much leave": any figure.
    const after = wordsAfter(q, much.index + much[0].length, 6);
    if (/^(?:is|are|was|were|will|would)$/.test(after[0] ?? "")) return { kind: "money" };
    return contentTerms(after.join(" ")).some((t) => MONEY_STEMS.has(t)) ? { kind: "money" } : { kind: "any" };
  }
  if (/\bhow (?:often|frequently)\b/.test(q)) return { kind: "frequency" };
  if (/\bhow (?:far|old)\b/.test(q)) return { kind: "any" };
  const named = NAMED_FIGURE.exec(q)?.groups;
  if (named) return { kind: named.money ? "money" : named.percent ? "percent" : "any" };
  // "Is there a time limit for reporting it?", "is there a deadline to enrol?": a yes that needs its
  // figure, a length of time, or for a deadline any figure (a date is one).
  const deadline = IS_THERE_DEADLINE.exec(q);
  if (deadline) return { kind: deadline[1]!.startsWith("time") ? "duration" : "any" };
  return undefined;
}

const IS_THERE_DEADLINE = /\b(?:is|are) there (?:a|an|any) (time limits?|time frames?|timeframes?|deadlines?|window)\b/;

/** Words after the counted noun: "visits a year", "days of leave", "hours per week". */
const HEAD_ENDS = new Set("of a an per each every in for at on with from to".split(" "));

/** Words that end the phrase naming what is counted: the question's verb or its subject. */
const CLAUSE_WORDS = new Set("can could do does did will would should must may might are is am was were have has had i we you they he she it there".split(" "));

function wordsAfter(text: string, at: number, count: number): string[] {
  return (text.slice(at).split(/[?.!;]/)[0]!.match(/[\p{L}\p{N}'-]+/gu) ?? []).slice(0, count);
}

/**
 * A section's number at the start of its first sentence ("5.4 Fuel cards Each vehicle has a fuel
 * card."): it numbers the heading and is no figure of what the sentence says.
 */
const SECTION_NUMBER = /^\s*\d+(?:\.\d+)+\.?\s+(?=\p{Lu})/u;

/**
 * Numbers that name rather than measure: a phone number ("1-800-555-0191", "+44 20 7946 0000"), a
 * document's code ("FIN-410", "HR-210"). "What's the credit limit on the card?" is not answered by
 * the card line's phone number.
 */
const IDENTIFIERS = /(?:\+\d{1,3}[\s.-]?)?(?:\b1[\s.-])?\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b|\+\d{1,3}(?:[\s.-]\d{2,5}){2,4}\b|\b\p{Lu}{2,5}-\d{2,4}\b/gu;

/** Whether a sentence carries a figure of the kind asked for. */
export function carriesFigure(text: string, asked: AskedFigure): boolean {
  const sentence = text.replace(SECTION_NUMBER, "").replace(IDENTIFIERS, " ");
  switch (asked.kind) {
    case "money":
      return MONEY.test(sentence);
    case "percent":
      return PERCENT.test(sentence);
    case "duration":
      return DURATION.test(sentence) || DEADLINE.test(sentence);
    case "count":
      return countsUnit(sentence, asked.units);
    case "frequency":
      return FREQUENCY.test(sentence) || DURATION.test(sentence);
    case "any":
      return ANY_FIGURE.test(sentence);
  }
}

/** A number followed, within two words, by one of the units ("up to 6 free sessions", "12 weeks"). */
function countsUnit(sentence: string, units: readonly string[]): boolean {
  if (units.includes("time") && /\b(?:once|twice|thrice)\b/i.test(sentence)) return true;
  const timeAsked = units.some((u) => TIME_UNITS.includes(u));
  const words = sentence.toLowerCase().match(/[\p{L}\p{N}$%.,-]+/gu) ?? [];
  const isNumber = new RegExp(`^(?:${NUMBER}|\\$?\\d[\\d,.]*%?)$`);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!.replace(/[.,]+$/, "");
    if (!isNumber.test(word) || word === "a" || word === "an") continue;
    for (const next of words.slice(i + 1, i + 4)) {
      const stem = snowballStem(next.replace(/[^\p{L}]/gu, ""));
      if (units.includes(stem) || (timeAsked && TIME_UNITS.includes(stem))) return true;
    }
  }
  return false;
}
