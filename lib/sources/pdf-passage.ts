/**
 * Finds a cited passage among the text items pdf.js reports for a page, so the viewer can draw the
 * highlight over the rendered page. The passage comes from the document model (our parser's
 * reading of the same text items), which joined lines, undid end-of-line hyphens, turned bullets
 * into "- " and dropped page numbers; comparing only letters and digits, lower-cased, makes both
 * sides agree without re-implementing the parser.
 */

/** The slice of one text item that belongs to the passage. */
export interface ItemRange {
  item: number;
  from: number;
  to: number;
}

export interface PageMatch {
  ranges: ItemRange[];
  /** How many characters of the passage key this page accounted for. */
  consumed: number;
}

/** A stretch shorter than this could match by chance (a word repeated elsewhere on the page). */
export const MIN_MATCH_CHARS = 16;

const KEPT = /[\p{L}\p{N}]/u;

/** The comparison key of a text: its letters and digits, lower-cased. */
export function passageKey(text: string): string {
  let key = "";
  for (const ch of text.toLowerCase()) if (KEPT.test(ch)) key += ch;
  return key;
}

/**
 * Matches the start of `key` against the page, greedily: the longest prefix found anywhere on the
 * page, then the longest prefix of what is left, and so on (a table's cells can come in another
 * order than the parser wrote them). Stops at the first stretch shorter than MIN_MATCH_CHARS
 * (unless that is the whole rest); what is left continues on the next page.
 */
export function matchPassage(items: readonly { str: string }[], key: string): PageMatch {
  const chars: { item: number; index: number }[] = [];
  let pageKey = "";
  items.forEach((it, item) => {
    let index = 0;
    for (const ch of it.str.toLowerCase()) {
      if (KEPT.test(ch)) {
        pageKey += ch;
        chars.push({ item, index });
      }
      index += ch.length;
    }
  });

  const hits = new Set<number>();
  let consumed = 0;
  while (consumed < key.length) {
    const rest = key.slice(consumed);
    const length = longestPrefixFound(pageKey, rest);
    if (length === 0 || (length < MIN_MATCH_CHARS && length < rest.length)) break;
    const at = pageKey.indexOf(rest.slice(0, length));
    for (let i = at; i < at + length; i++) hits.add(i);
    consumed += length;
  }
  return { ranges: toRanges([...hits].sort((a, b) => a - b).map((i) => chars[i]!)), consumed };
}

/** Being found is monotone in the prefix length (a found prefix's prefixes are found too): binary search. */
function longestPrefixFound(haystack: string, needle: string): number {
  let lo = 0;
  let hi = needle.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (haystack.includes(needle.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Consecutive characters of the same item become one range, up to the end of its last matched character. */
function toRanges(positions: { item: number; index: number }[]): ItemRange[] {
  const ranges: ItemRange[] = [];
  for (const p of positions) {
    const last = ranges.at(-1);
    if (last && last.item === p.item) last.to = p.index + 1;
    else ranges.push({ item: p.item, from: p.index, to: p.index + 1 });
  }
  return ranges;
}
