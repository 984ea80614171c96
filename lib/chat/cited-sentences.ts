import { proseRanges, splitProse } from "../text/sentences";
import { snippetOf } from "../sources/snippet";
import { contentTerms } from "../text/terms";
import { MARKER } from "./citations";
import type { SourceRef } from "./types";

/** [start, end) offsets into a chunk's text. */
export type Span = [number, number];

/** Where citation [n] points inside its chunk: the cited sentences, the page the first is on, and the snippet from it. */
export interface CitedPlace {
  page: number | null;
  spans: Span[];
  snippet: string;
}

/** The parts of a chunk a citation is located in (pageStarts null: a chunk stored before pages were kept). */
export interface CitableChunk {
  text: string;
  page: number | null;
  pageStarts: number[] | null;
}

/**
 * A paraphrase is matched to the chunk sentence sharing the largest share of its words; below
 * this share (or with fewer than MIN_SHARED words in common) it is left unlocated rather than
 * pointed at a sentence that merely shares a topic.
 */
export const OVERLAP_FLOOR = 0.5;
const MIN_SHARED = 2;

const LIST_BULLET = /^\s*(?:[-*•]|\d+[.)])\s+/;

/** The answer's sentences that carry marker [n], without markers, list bullets or emphasis. */
export function sentencesCiting(answer: string, n: number): string[] {
  return answer
    .split("\n")
    .flatMap((line) => splitProse(line.replace(LIST_BULLET, "")))
    .filter((s) => [...s.matchAll(MARKER)].some((m) => Number(m[1]) === n))
    .map((s) => s.replace(MARKER, "").replace(/\s+([.,;:!?])/g, "$1").replace(/\*\*|__|[“”"]/g, "").replace(/\s+/g, " ").trim())
    .filter((s) => s.length > 0);
}

/** The page of a chunk character: the chunk's start page plus the page starts at or before it. */
export function pageAt(chunk: Pick<CitableChunk, "page" | "pageStarts">, offset: number): number | null {
  if (chunk.page === null) return null;
  return chunk.page + (chunk.pageStarts ?? []).filter((start) => start <= offset).length;
}

/** Each answer sentence citing [n], located in the chunk; null when none could be. */
export function locateCitation(answer: string, n: number, chunk: CitableChunk): CitedPlace | null {
  const spans: Span[] = [];
  for (const sentence of sentencesCiting(answer, n)) {
    const whole = quotedSpan(chunk.text, sentence);
    const found = whole ? [whole] : (quotedWithLeadIn(chunk.text, sentence) ?? [closestSentence(chunk.text, sentence)]);
    for (const span of found) if (span && !spans.some(([s, e]) => s === span[0] && e === span[1])) spans.push(span);
  }
  const [first] = spans;
  return first ? { page: pageAt(chunk, first[0]), spans, snippet: snippetOf(chunk.text, { cited: first }) } : null;
}

/**
 * An extractive quote: the sentence found verbatim once runs of whitespace are made one space
 * (the chunk keeps the line breaks of its source). Tried with and without its final punctuation,
 * which a model may change when it ends a quote with a marker.
 */
function quotedSpan(text: string, sentence: string): Span | null {
  const { flat, origin } = collapseSpaces(text);
  for (const needle of [sentence, sentence.replace(/[.!?;:,]+$/, "")]) {
    const at = needle.length >= 8 ? flat.indexOf(needle) : -1;
    if (at >= 0) return [origin[at]!, origin[at + needle.length - 1]! + 1];
  }
  return null;
}

/**
 * A list item quoted after its lead-in, in one sentence ("The following are never reimbursed: Gym
 * memberships."): the lead-in and the item, each found verbatim, apart in the chunk.
 */
function quotedWithLeadIn(text: string, sentence: string): Span[] | null {
  for (const colon of sentence.matchAll(/: /g)) {
    const lead = quotedSpan(text, sentence.slice(0, colon.index + 1));
    const item = lead && quotedSpan(text, sentence.slice(colon.index + 2));
    if (lead && item) return [lead, item];
  }
  return null;
}

/** The text with whitespace runs as one space, and for each of its characters the offset it came from. */
function collapseSpaces(text: string): { flat: string; origin: number[] } {
  let flat = "";
  const origin: number[] = [];
  for (const m of text.matchAll(/\s+|\S+/g)) {
    const piece = /^\s/.test(m[0]) ? " " : m[0];
    for (let i = 0; i < piece.length; i++) origin.push(m.index + i);
    flat += piece;
  }
  return { flat, origin };
}

/** A paraphrase: the chunk sentence sharing the most of its words (as stems), if enough. */
function closestSentence(text: string, sentence: string): Span | null {
  const words = new Set(contentTerms(sentence));
  let best: { span: Span; share: number } | null = null;
  for (const span of sentenceSpans(text)) {
    const shared = new Set(contentTerms(text.slice(span[0], span[1])).filter((w) => words.has(w))).size;
    const share = shared / Math.max(1, words.size);
    if (shared >= MIN_SHARED && share >= OVERLAP_FLOOR && share > (best?.share ?? 0)) best = { span, share };
  }
  return best?.span ?? null;
}

/** The chunk's sentences and lines (list items, table rows) as spans. */
function sentenceSpans(text: string): Span[] {
  return [...text.matchAll(/[^\n]+/g)].flatMap((line) => proseRanges(line[0]).map(([start, end]): Span => [line.index + start, line.index + end]));
}

/** The place of every cited number whose source was given and whose sentences were located. */
export function locateCitations(answer: string, cited: number[], chunkOf: (n: number) => CitableChunk | undefined): Map<number, CitedPlace> {
  const places = new Map<number, CitedPlace>();
  for (const n of cited) {
    const chunk = chunkOf(n);
    const place = chunk && locateCitation(answer, n, chunk);
    if (place) places.set(n, place);
  }
  return places;
}

/** The sources as the chat shows them once the answer is complete: at the cited sentence's page, with its marks. */
export function withCitedPlaces(refs: SourceRef[], places: Map<number, CitedPlace>): SourceRef[] {
  return refs.map((ref) => {
    const place = places.get(ref.n);
    return place ? { ...ref, page: place.page ?? ref.page, marks: place.spans, snippet: place.snippet } : ref;
  });
}
