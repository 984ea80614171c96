const MARKER = /\[(\d{1,3})\]/g;

/** Every [n] in the text, in order of first appearance, without repeats. */
export function citedNumbers(text: string): number[] {
  return [...new Set([...text.matchAll(MARKER)].map((m) => Number(m[1])))];
}

/**
 * Removes markers that name no source given to this asker in this turn: a model may invent [7]
 * when it was given five sources, and an invented citation is worse than none.
 */
export function removeInvalidMarkers(text: string, valid: Set<number>): string {
  return text.replace(MARKER, (marker, n: string) => (valid.has(Number(n)) ? marker : "")).replace(/ +([.,;:])/g, "$1");
}
