/** "1.", "2.3", "A.", "Section 4:", "IV." before a heading's words. */
const NUMBERING = /^(?:(?:section|part|chapter)\s+)?(?:\d{1,2}(?:\.\d{1,2})*[.):]?|[a-z][.)]|[ivxlc]+[.)])\s+/i;

/** A heading's words without its number: "4. Submitting a Claim" -> "Submitting a Claim". */
export function headingWords(heading: string): string {
  return heading.trim().replace(NUMBERING, "").trim();
}

/**
 * Whether a line of a passage is one of these headings, in any case and with or without its number:
 * a passage opens with the headings it sits under, and a numbered one ("5. Unpaid Leave") reads as
 * a list item without its number.
 */
export function isOneOf(headings: string[]): (line: string) => boolean {
  const key = (h: string) => headingWords(h).toLowerCase();
  const keys = new Set(headings.map(key));
  return (line) => keys.has(key(line));
}
