/** "1.", "2.3", "A.", "Section 4:", "IV." before a heading's words. */
const NUMBERING = /^(?:(?:section|part|chapter)\s+)?(?:\d{1,2}(?:\.\d{1,2})*[.):]?|[a-z][.)]|[ivxlc]+[.)])\s+/i;

/** A heading's words without its number: "4. Submitting a Claim" -> "Submitting a Claim". */
export function headingWords(heading: string): string {
  return heading.trim().replace(NUMBERING, "").trim();
}
