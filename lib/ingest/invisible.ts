import { withOffsets, type ParsedDocument } from "./document-model";

/*
 * Invisible characters are how instructions get smuggled past the people who review documents:
 * Unicode tag characters spell ASCII that no font draws, runs of zero-width characters or variation
 * selectors encode bytes, bidi overrides make the text shown differ from the text read. A model
 * reads all of them; a person reading the viewer sees none. So they are removed at ingestion, once,
 * for every format (parseDocument calls stripDocument), and what is indexed, quoted and shown is
 * exactly what a reader can see.
 *
 * Decisions:
 * - Removed: every format character (\p{Cf}: zero-width space, word joiner, BOM, soft hyphen,
 *   bidi marks, embeddings, overrides and isolates, invisible operators, tag characters
 *   U+E0000-E007F, interlinear annotations...), plus the invisible letters and marks outside \p{Cf}
 *   (Hangul fillers, Khmer inherent vowels, the combining grapheme joiner). Bidi controls go too:
 *   without them mixed-direction text may display in a slightly different order, but says the same.
 *   Emoji subdivision flags (built from tag characters) degrade to a plain black flag.
 * - Kept: a single ZWNJ or ZWJ between two visible characters, which Persian, Indic scripts and
 *   emoji sequences need; one variation selector after a visible character (emoji presentation,
 *   ideographic variants). Runs of them encode data and are removed whole.
 * - Kept: format characters that are visible or structural in their scripts (Arabic number signs,
 *   Egyptian hieroglyph and musical format controls, shorthand format controls).
 * - Line and paragraph separators (U+2028/9), form feeds and vertical tabs become newlines, which
 *   the parsers treat as such.
 * - Other control characters go: they draw nothing, and NUL, which some PDF fonts map characters
 *   to, cannot be stored in PostgreSQL text at all (it would fail the document).
 */

/** Format characters that are part of how their script is written, not hidden payloads. */
const KEPT_FORMAT = /[\u0600-\u0605\u06DD\u070F\u0890\u0891\u08E2\u{110BD}\u{110CD}\u{13430}-\u{1345F}\u{1BCA0}-\u{1BCA3}\u{1D173}-\u{1D17A}]/u;
const JOINERS = "\u200C\u200D";
const VARIATION_SELECTORS = String.raw`\uFE00-\uFE0F\u{E0100}-\u{E01EF}`;
/** Invisible characters that Unicode does not class as format characters. */
const INVISIBLE_OTHER = String.raw`\u034F\u115F\u1160\u17B4\u17B5\u3164\uFFA0`;

// One pass: runs of invisible characters, with what precedes and follows them, decide together.
// eslint-disable-next-line no-misleading-character-class -- combining selectors and joiners are the characters sought
const RUN = new RegExp(String.raw`[\p{Cf}${VARIATION_SELECTORS}${INVISIBLE_OTHER}]+`, "gu");
const SELECTOR = new RegExp(`[${VARIATION_SELECTORS}]`, "u");
// eslint-disable-next-line no-misleading-character-class -- as above
const VISIBLE = new RegExp(String.raw`[^\s\p{Cf}\p{Z}${VARIATION_SELECTORS}${INVISIBLE_OTHER}]`, "u");

export function stripInvisible(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const visible = text.replace(/[\u2028\u2029\v\f]/g, "\n").replace(/[\0-\x08\x0E-\x1F\x7F]/g, "");
  return visible.replace(RUN, (run, offset: number, whole: string) => {
    const chars = [...run];
    const before = [...whole.slice(Math.max(0, offset - 2), offset)].pop() ?? "";
    const after = [...whole.slice(offset + run.length, offset + run.length + 2)][0] ?? "";
    if (chars.length === 1) {
      const c = chars[0]!;
      if (KEPT_FORMAT.test(c)) return c;
      if (JOINERS.includes(c) && VISIBLE.test(before) && VISIBLE.test(after)) return c;
      if (SELECTOR.test(c) && VISIBLE.test(before)) return c;
      return "";
    }
    // A run keeps only the structural format characters inside it; anything else in a run is a payload.
    return chars.filter((c) => KEPT_FORMAT.test(c)).join("");
  });
}

/** The parsed document with invisible characters removed from its title, headings and text; offsets recomputed. */
export function stripDocument(doc: ParsedDocument): ParsedDocument {
  const blocks = withOffsets(
    doc.blocks.map(({ start: _start, end: _end, ...b }) => ({
      ...b,
      text: stripInvisible(b.text),
      headingPath: b.headingPath.map(stripInvisible),
    })),
  );
  return { ...doc, title: stripInvisible(doc.title).trim() || "Untitled document", blocks };
}
