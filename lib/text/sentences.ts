/**
 * Passages as quotable units: sentences of prose, list items and table rows. The one sentence
 * splitter of the project (answers, knowledge-leak checks), built on Intl.Segmenter with a guard for
 * abbreviations ("e.g. Paris", "Dr. Smith", "J. Smith"), which ICU's rules end a sentence at.
 */

export interface TextUnit {
  text: string;
  kind: "prose" | "item" | "row";
  /** Index of the block (paragraph, list, table) the unit belongs to: items of one list share it. */
  block: number;
  /** Ends with ":" and is followed by the list or table it introduces. */
  leadIn: boolean;
}

const ABBREVIATIONS = new Set(
  "e.g i.e etc vs approx incl excl cf dept mr mrs ms dr prof st no nos fig ref inc ltd co jr sr a.m p.m art sec para min max".split(" "),
);
const LIST_MARKER = /^([-*+•]|\d+[.)]|[a-z][.)])\s+/;
const TABLE_RULE = /^:?-+:?$/;
/** A name closing on its acronym in parentheses: "Competitive Development Program (CDP)". */
const NAMED_ACRONYM = /\p{Lu}[\p{L}-]*\s+\([A-Z][A-Za-z0-9&]{1,9}\)$/u;

const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/**
 * Splits passage text into units. Markdown list items and table rows stand alone (stripped of
 * their markers; a row is labelled with its column headers, "City: London; Nightly limit: £200",
 * since a bare row of values means little on its own). Heading lines are dropped: they label a
 * section rather than state a fact. Lines of a wrapped paragraph are rejoined before splitting.
 */
export function passageUnits(text: string): TextUnit[] {
  const units: TextUnit[] = [];
  let block = 0;
  // The container being filled: a new paragraph, list or table starts a new block.
  let container: "prose" | "list" | "table" | null = null;
  const enter = (kind: "prose" | "list" | "table") => {
    if (container !== kind || kind === "prose") block++;
    container = kind;
  };
  let current: string[] = [];
  let listItem = false;
  let tableHeader: string[] | null = null;
  let pendingHeader: string[] | null = null;

  const flush = () => {
    const joined = current.join(" ").trim();
    // A short line standing alone without closing punctuation is a heading from a PDF or DOCX
    // ("2.1 Company Laptops"): it labels a section rather than states a fact. So is one that closes
    // on the acronym it names ("Competitive Development Program (CDP)").
    const headingLike = !listItem && current.length === 1 && (!/[.!?:;)"”]$/.test(joined) || NAMED_ACRONYM.test(joined)) && joined.split(/\s+/).length <= 6;
    if (joined && !headingLike) {
      if (listItem) {
        enter("list");
        units.push({ text: joined, kind: "item", block, leadIn: false });
      } else {
        enter("prose");
        for (const s of splitProse(joined)) units.push({ text: s, kind: "prose", block, leadIn: false });
      }
    } else if (joined) {
      container = null;
    }
    current = [];
    listItem = false;
  };
  const flushHeaderOnly = () => {
    // A table whose first row was never confirmed as a header by a |---| rule: the row is data.
    if (pendingHeader) units.push(rowUnit(pendingHeader, null, block));
    pendingHeader = null;
  };

  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line.startsWith("|")) {
      flushHeaderOnly();
      tableHeader = null;
    }
    if (line === "" || /^#{1,6}(\s|$)/.test(line)) {
      flush();
      if (line !== "") container = null; // a heading ends the list or table above it
    } else if (line.startsWith("|")) {
      flush();
      const cells = line.replace(/^\||\|$/g, "").split("|").map((c) => c.trim());
      if (cells.every((c) => TABLE_RULE.test(c))) {
        // The |---| row marks the row above as the header.
        tableHeader = pendingHeader;
        pendingHeader = null;
      } else if (!tableHeader && !pendingHeader) {
        enter("table");
        pendingHeader = cells;
      } else {
        flushHeaderOnly();
        units.push(rowUnit(cells, tableHeader, block));
      }
    } else if (LIST_MARKER.test(line)) {
      flush();
      listItem = true;
      current.push(line.replace(LIST_MARKER, ""));
    } else if (listItem && /^\s{2,}/.test(raw)) {
      current.push(line); // an item's wrapped continuation line
    } else {
      if (listItem) flush();
      current.push(line);
    }
  }
  flush();
  flushHeaderOnly();

  // A prose unit ending in ":" right before items or rows introduces them.
  for (let i = 0; i + 1 < units.length; i++) {
    const u = units[i]!;
    const next = units[i + 1]!;
    if (u.kind === "prose" && u.text.endsWith(":") && next.kind !== "prose") u.leadIn = true;
  }
  return units.filter((u) => /[\p{L}\p{N}]/u.test(u.text));
}

/** The units' texts: sentences, list items and table rows. */
export function splitSentences(text: string): string[] {
  return passageUnits(text).map((u) => u.text);
}

/**
 * The sentences of a message typed in a chat, where a sentence may open in lower case ("lost my
 * receipt. can i still claim it?"): ICU, and the splitter of documents after it, take a full stop
 * before a lower-case word for an abbreviation's, and read the two as one sentence. An abbreviation
 * or an initial still does not end one ("approx. 5 days").
 */
export function typedSentences(text: string): string[] {
  return splitSentences(text).flatMap((sentence) => {
    const parts: string[] = [];
    let start = 0;
    for (const m of sentence.matchAll(/[.!?]+\s+(?=\p{Ll})/gu)) {
      const end = m.index + m[0].trimEnd().length;
      if (endsWithAbbreviation(sentence.slice(start, end).trim())) continue;
      parts.push(sentence.slice(start, end).trim());
      start = m.index + m[0].length;
    }
    parts.push(sentence.slice(start).trim());
    return parts.filter(Boolean);
  });
}

function rowUnit(cells: string[], header: string[] | null, block: number): TextUnit {
  const labelled = header?.length === cells.length;
  const parts = cells.map((c, i) => (labelled && header![i] ? `${header![i]}: ${c}` : c)).filter((c) => c.replace(/[:\s]/g, ""));
  return { text: parts.join("; "), kind: "row", block, leadIn: false };
}

/** [start, end) offsets into a text. */
export type Range = [number, number];

/** Prose into sentences: ICU's sentence boundaries, rejoined where one ends at an abbreviation or an initial. */
export function splitProse(paragraph: string): string[] {
  return proseRanges(paragraph).map(([start, end]) => paragraph.slice(start, end));
}

/**
 * Where each sentence of a prose text is, trimmed of surrounding whitespace. A line break inside
 * the text is read as a space (a wrapped line does not end a sentence); citation markers after a
 * sentence's full stop ("... at cost. [2] Taxis ...") stay with the sentence they follow.
 */
export function proseRanges(text: string): Range[] {
  // Segments keep their trailing whitespace, so rejoining them restores the text exactly: a URL
  // with a "?" in it ("collect?q=...") comes back whole, not with a space where ICU broke it.
  const ranges: Range[] = [];
  for (const { segment, index } of segmenter.segment(text.replace(/[\r\n]/g, " "))) {
    const previous = ranges.at(-1);
    const lead = segment.length - segment.trimStart().length;
    const markers = previous ? (LEADING_MARKERS.exec(segment.slice(lead))?.[0].length ?? 0) : 0;
    const start = index + lead + markers;
    const rest = segment.slice(lead + markers);
    const joins = previous && (endsWithAbbreviation(text.slice(previous[0], previous[1]).trim()) || !SENTENCE_START.test(rest) || /\S$/.test(text.slice(previous[0], previous[1])));
    if (previous && (markers > 0 || joins)) previous[1] = joins ? index + segment.length : start;
    if (!joins && rest.trim()) ranges.push([start, index + segment.length]);
  }
  return ranges.map(([start, end]) => trimmed(text, start, end)).filter(([start, end]) => end > start);
}

const LEADING_MARKERS = /^(?:\[\d{1,3}\]\s*)+/;
/** A sentence opens with a capital or a digit, perhaps after an opening quote or bracket. */
const SENTENCE_START = /^["'“‘([]?[\p{Lu}\p{N}]/u;

function trimmed(text: string, start: number, end: number): Range {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return [start, end];
}

function endsWithAbbreviation(sentence: string): boolean {
  if (!sentence.endsWith(".")) return false;
  const lastWord = sentence.split(/\s+/).pop() ?? "";
  const bare = lastWord.toLowerCase().replace(/^[("'“‘[]+/, "").replace(/\.$/, "");
  // A listed abbreviation, an initial ("J."), or letters with dots between ("U.S.", "e.g.").
  return ABBREVIATIONS.has(bare) || /^\p{L}(?:\.\p{L})*$/u.test(bare);
}
