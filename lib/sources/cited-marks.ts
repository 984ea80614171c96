import { z } from "zod";

/** [start, end) offsets: into a chunk's text in a link, into the document text in the viewer. */
export type Range = [number, number];

/** The `mark` parameter of a viewer link ("12-80,95-140"); anything malformed marks nothing. */
export const marksParam = z
  .string()
  .regex(/^\d{1,6}-\d{1,6}(,\d{1,6}-\d{1,6}){0,19}$/)
  .transform((s) => s.split(",").map((r) => r.split("-").map(Number) as Range).filter(([a, b]) => a < b))
  .catch([]);

/**
 * Moves marks from the chunk's text into the document text. The chunk's text is its span,
 * preceded by a prefix and a line break when it repeats text from before the span (the previous
 * chunk's last sentences, or a table's header): a mark in the prefix is placed where that text
 * last stood before the span.
 */
export function marksInDocument(docText: string, chunk: { text: string; start: number; end: number }, marks: Range[]): Range[] {
  const prefixLength = chunk.text.length - (chunk.end - chunk.start);
  const prefixAt = prefixLength > 0 ? docText.lastIndexOf(chunk.text.slice(0, prefixLength - 1), chunk.start) : -1;
  return marks.flatMap(([s, e]): Range[] => {
    if (e > chunk.text.length) return [];
    if (s >= prefixLength) return [[chunk.start + s - prefixLength, chunk.start + e - prefixLength]];
    return prefixAt >= 0 && e < prefixLength ? [[prefixAt + s, prefixAt + e]] : [];
  }).sort((a, b) => a[0] - b[0]);
}
