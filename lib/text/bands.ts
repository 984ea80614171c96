/**
 * Numbers a text gives as a band ("2 to 5 years", "Under 30", "70 and over", "10 to less than 15
 * years"), so that an employee's own figure ("I'm 52", "after 12 years") finds the row of a table
 * that covers it, though the row never writes that number.
 */

/** Bounds of a band, inclusive; an open end is infinite, a strict one nudged inwards. */
export interface Band {
  low: number;
  high: number;
}

const NUMBER = String.raw`\$?(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
// Not inside a code or phone number ("SKU-12", "1-800-555-0110").
const BEFORE = String.raw`(?<![\w$.,-])`;
const AFTER = String.raw`(?![\w.,-]*\d)`;
const STRICT = 1e-9;

const RANGE = new RegExp(`${BEFORE}${NUMBER}\\s*(?:-|–|—|to|through|thru)\\s*(less than\\s+|under\\s+)?${NUMBER}${AFTER}`, "gi");
const BETWEEN = new RegExp(`\\bbetween\\s+${NUMBER}\\s+and\\s+${NUMBER}${AFTER}`, "gi");
const BELOW = new RegExp(`\\b(?:under|less than|below|fewer than|younger than)\\s+${NUMBER}${AFTER}`, "gi");
// "70 and over", "15 years or more": a unit word may come between.
const ABOVE_AFTER = new RegExp(`${BEFORE}${NUMBER}(?:\\s+\\p{L}+)?\\s*(?:\\+|(?:or|and)\\s+(?:more|over|older|longer|above|greater)\\b)`, "giu");
const ABOVE_BEFORE = new RegExp(`\\b(?:over|more than|above|older than|longer than|greater than)\\s+${NUMBER}${AFTER}`, "gi");

const value = (digits: string) => Number(digits.replace(/,/g, ""));

/** The bands a text states. */
export function bandsIn(text: string): Band[] {
  const bands: Band[] = [];
  for (const m of text.matchAll(RANGE)) bands.push({ low: value(m[1]!), high: value(m[3]!) - (m[2] ? STRICT : 0) });
  for (const m of text.matchAll(BETWEEN)) bands.push({ low: value(m[1]!), high: value(m[2]!) });
  // The end of a range ("10 to less than 15") is not a band of its own.
  text = text.replace(RANGE, " ").replace(BETWEEN, " ");
  for (const m of text.matchAll(BELOW)) bands.push({ low: -Infinity, high: value(m[1]!) - STRICT });
  for (const m of text.matchAll(ABOVE_AFTER)) bands.push({ low: value(m[1]!), high: Infinity });
  for (const m of text.matchAll(ABOVE_BEFORE)) bands.push({ low: value(m[1]!) + STRICT, high: Infinity });
  return bands.filter((b) => b.low <= b.high);
}

/**
 * Whole numbers a question states on their own ("I'm 52", "after 12 years"), not amounts or parts
 * of one ("$5,000", "1.5", "2027-01"): the figures a band could cover.
 */
export function plainNumbers(text: string): number[] {
  return [...text.matchAll(/(?<![\w$.,/-])\d+(?![\w.,/%-]*\d|%)/g)].map((m) => Number(m[0]));
}

export function inBand(n: number, bands: Band[]): boolean {
  return bands.some((b) => n >= b.low && n <= b.high);
}
