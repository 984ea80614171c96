import { isOneOf } from "../text/headings";
import { passageUnits, type TextUnit } from "../text/sentences";

const SNIPPET_CHARS = 280;

/**
 * A cited passage as a source list or a hover card shows it: from the cited sentence when it is
 * known (`cited`, offsets into the text), else from the start, as readable text. The headings the
 * passage opens with are left out (the card names its section), and list items and table rows are
 * set apart by a middle dot, a row read as its labelled cells ("Category: Client meals; Limit
 * (USD): 85 per person") rather than Markdown's pipes.
 */
export function snippetOf(text: string, options: { cited?: [number, number]; headings?: string[] } = {}): string {
  const heading = isOneOf(options.headings ?? []);
  const all = passageUnits(text).filter((u) => !heading(u.text));
  const { cited } = options;
  const at = cited ? unitOf(all, text.slice(cited[0], cited[1])) : 0;
  // A cited sentence no unit holds whole: the text from it, as it reads there.
  const units = at >= 0 ? all.slice(at) : passageUnits(text.slice(cited![0]));
  const readable = units.map((u, i) => (i === 0 ? "" : separator(units[i - 1]!, u)) + u.text).join("") || text.replace(/\s+/g, " ").trim();
  if (readable.length <= SNIPPET_CHARS) return readable;
  const cut = readable.slice(0, SNIPPET_CHARS + 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > SNIPPET_CHARS / 2 ? cut.slice(0, space) : cut.slice(0, SNIPPET_CHARS)).trimEnd()}…`;
}

/**
 * The unit a cited sentence became: the first holding all of its words (a table row's cells gain
 * their column labels as a unit, and a list item loses its marker). -1 when none does.
 */
function unitOf(units: TextUnit[], sentence: string): number {
  const cited = words(sentence);
  return cited.length === 0 ? -1 : units.findIndex((u) => { const has = new Set(words(u.text)); return cited.every((w) => has.has(w)); });
}

const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Sentences run on; an item or a row stands apart, except right after the lead-in that introduces it. */
function separator(before: TextUnit, unit: TextUnit): string {
  return (before.kind === "prose" && unit.kind === "prose") || before.text.endsWith(":") ? " " : " · ";
}
