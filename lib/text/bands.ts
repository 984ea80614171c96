/**
 * Numbers a text gives as a band ("2 to 5 years", "Under 30", "70 and over", "10 to less than 15
 * years", "up to $1,000"), so that an employee's own figure ("I'm 52", "after 12 years") or amount
 * ("around $3,200") finds the row of a table that covers it, though the row never writes that number.
 */

/** Bounds of a band, inclusive; an open end is infinite, a strict one nudged inwards. */
export interface Band {
  low: number;
  high: number;
  /** Written as money ("$1,000.01 to $5,000", "more than £25"): the band an amount of money falls in, not an age's or a shift's. */
  money?: boolean;
  /** The unit of length or weight written after it ("more than 800 kilometres": "km"), for a measure the asker states. */
  unit?: string;
}

/** Units of length and weight, each spelling to one key: "kilometres" and "km" are the same unit. */
const UNITS: Record<string, string> = Object.fromEntries(
  Object.entries({ km: "km kms kilometre kilometres kilometer kilometers", mi: "mile miles", kg: "kg kgs kilo kilos kilogram kilograms", lb: "lb lbs pound pounds" })
    .flatMap(([key, words]) => words.split(" ").map((w) => [w, key])),
);
const unitAfter = (text: string, end: number) => UNITS[(/^\s*(\p{L}+)/u.exec(text.slice(end))?.[1] ?? "").toLowerCase()];

const NUMBER = String.raw`[$£€]?(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
// Not inside a code or phone number ("SKU-12", "1-800-555-0110").
const BEFORE = String.raw`(?<![\w$.,-])`;
const AFTER = String.raw`(?![\w.,-]*\d)`;
const STRICT = 1e-9;

const RANGE = new RegExp(`${BEFORE}${NUMBER}\\s*(?:-|–|—|to|through|thru)\\s*(less than\\s+|under\\s+)?${NUMBER}${AFTER}`, "gi");
const BETWEEN = new RegExp(`\\bbetween\\s+${NUMBER}\\s+and\\s+${NUMBER}${AFTER}`, "gi");
const BELOW = new RegExp(`\\b(?:under|less than|below|fewer than|younger than)\\s+${NUMBER}${AFTER}`, "gi");
// "More than 6 hours and up to 9 hours", "over $1,000 but under $5,000": one band, both bounds.
const BOTH = new RegExp(
  `\\b(more than|over|above|at least)\\s+${NUMBER}(?:\\s+\\p{L}+)?\\s+(?:and|but)\\s+(up to|not more than|no more than|at most|less than|under|below)\\s+${NUMBER}${AFTER}`,
  "giu",
);
// "Up to $1,000", "no more than £25": the bound is in the band.
const UP_TO = new RegExp(`\\b(?:up to|no more than|not more than|at most)\\s+${NUMBER}${AFTER}`, "gi");
// "70 and over", "15 years or more": a unit word may come between.
const ABOVE_AFTER = new RegExp(`${BEFORE}${NUMBER}(?:\\s+\\p{L}+)?\\s*(?:\\+|(?:or|and)\\s+(?:more|over|older|longer|above|greater)\\b)`, "giu");
const ABOVE_BEFORE = new RegExp(`\\b(?:over|more than|above|older than|longer than|greater than)\\s+${NUMBER}${AFTER}`, "gi");

const value = (digits: string) => Number(digits.replace(/,/g, ""));

/** The bands a text states. */
export function bandsIn(text: string): Band[] {
  const bands: Band[] = [];
  const add = (m: RegExpMatchArray, low: number, high: number) => {
    const unit = unitAfter(text, m.index! + m[0].length);
    bands.push({ low, high, ...(/[$£€]/.test(m[0]) && { money: true }), ...(unit && { unit }) });
  };
  for (const m of text.matchAll(RANGE)) add(m, value(m[1]!), value(m[3]!) - (m[2] ? STRICT : 0));
  for (const m of text.matchAll(BETWEEN)) add(m, value(m[1]!), value(m[2]!));
  for (const m of text.matchAll(BOTH)) {
    const inclusive = /up to|not more than|no more than|at most/i.test(m[3]!);
    add(m, value(m[2]!) + (m[1]!.toLowerCase() === "at least" ? 0 : STRICT), value(m[4]!) - (inclusive ? 0 : STRICT));
  }
  // The end of a range ("10 to less than 15") is not a band of its own.
  text = text.replace(RANGE, " ").replace(BETWEEN, " ").replace(BOTH, " ");
  for (const m of text.matchAll(BELOW)) add(m, -Infinity, value(m[1]!) - STRICT);
  for (const m of text.matchAll(UP_TO)) add(m, -Infinity, value(m[1]!));
  for (const m of text.matchAll(ABOVE_AFTER)) add(m, value(m[1]!), Infinity);
  for (const m of text.matchAll(ABOVE_BEFORE)) add(m, value(m[1]!) + STRICT, Infinity);
  return bands.filter((b) => b.low <= b.high);
}

/**
 * Whole numbers a question states on their own ("I'm 52", "after 12 years", "6,200 km"), not
 * amounts or parts of one ("$5,000", "1.5", "2027-01"): the figures a band could cover.
 */
export function plainNumbers(text: string): number[] {
  return [...text.matchAll(PLAIN_NUMBER)].map((m) => Number(m[0].replace(/,/g, "")));
}

const PLAIN_NUMBER = /(?<![\w$£€.,/-])(?:\d{1,3}(?:,\d{3})+|\d+)(?![\w.,/%-]*\d|%)/g;

/** `text` with each number written with thousands separators as the one number it is ("6,200" -> "6200"). */
export function wholeThousands(text: string): string {
  return text.replace(/(?<![\w.,])\d{1,3}(?:,\d{3})+(?!\d|,\d)/g, (n) => n.replace(/,/g, ""));
}

/**
 * `text` with a number glued to its unit set apart ("4500km" -> "4500 km", "401k" -> "401 k", "3yrs"
 * -> "3 yrs", "22kV" -> "22 kV"): glued, the two are one word, which the other way of writing them
 * never matches. Read so on both sides, question and sentence.
 */
export function spacedUnits(text: string): string {
  return text.replace(/(?<![\w$£€.,/-])(\d+)(k|kms?|kgs?|lbs?|mi|mph|kv|hrs?|yrs?|wks?)\b/gi, "$1 $2");
}

/** Lengths and weights a question states ("about 2,500 km", "a 40 lb box"), each with its unit's key. */
export function measuresIn(text: string): { value: number; unit: string }[] {
  return [...text.matchAll(MEASURE)].flatMap((m) => {
    const unit = UNITS[m[2]!.toLowerCase()];
    return unit ? [{ value: Number(m[1]!.replace(/,/g, "")), unit }] : [];
  });
}

const MEASURE = /(?<![\w$£€.,/-])(\d{1,3}(?:,\d{3})+|\d+)\s*([a-z]+)\b/gi;

/**
 * Amounts of money a text states ("$3,200", "£40", "$18k", "€1,500.50"), with where each is written
 * and its value: a sum the asker names ("my expense report is around $3,200") is a figure a table's
 * bands place ("$1,000.01 to $5,000: your manager and your director"), not a pair of words "3" and
 * "200".
 */
export function amountsIn(text: string): { text: string; index: number; value: number }[] {
  return [...text.matchAll(AMOUNT)].map((m) => {
    const thousands = /k$/i.test(m[0]) ? 1_000 : 1;
    return { text: m[0], index: m.index, value: Math.round(Number(m[1]!.replace(/,/g, "")) * thousands * 100) / 100 };
  });
}

const AMOUNT = /(?<![\w.,])[$£€]\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:k\b)?/gi;

export function inBand(n: number, bands: Band[]): boolean {
  return bands.some((b) => n >= b.low && n <= b.high);
}
