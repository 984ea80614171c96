import { withOffsets, type ParsedDocument } from "../document-model";

/**
 * Plain text: paragraphs are separated by blank lines. Headings are deliberately not guessed from
 * line shapes, because a wrong guess would corrupt heading paths for every later block.
 */
export function parsePlainText(source: string, fallbackTitle: string): ParsedDocument {
  const text = normalizeText(source);
  const blocks = text.split(/\n[ \t]*\n/).map((p) => ({ kind: "paragraph" as const, text: p.trim(), headingPath: [] }));
  return { title: fallbackTitle, blocks: withOffsets(blocks) };
}

/**
 * Unifies line endings and removes control characters (NUL, form feeds, escape sequences...) that
 * would break search indexing and rendering; tabs and newlines carry layout and stay.
 */
export function normalizeText(source: string): string {
  return source
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, "");
}
