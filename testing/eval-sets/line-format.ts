/**
 * The line format of ./types.ts, parsed into blocks, so that the PDF layouts (which differ per set)
 * and the DOCX writer (which does not) read it the same way.
 */
export type Block =
  | { kind: "title" | "heading" | "subheading" | "bullet" | "note" | "paragraph"; text: string }
  | { kind: "gap" }
  /** Consecutive "| a | b |" lines; the first row is the header. */
  | { kind: "table"; rows: string[][] };

const PREFIXES = [
  ["# ", "title"],
  ["## ", "heading"],
  ["### ", "subheading"],
  ["- ", "bullet"],
  ["> ", "note"],
] as const;

function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split("|")
    .map((c) => c.trim());
}

export function parseLines(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? "";
    if (line.startsWith("|")) {
      const rows: string[][] = [];
      while (i < lines.length && (lines[i] ?? "").startsWith("|")) rows.push(cells(lines[i++] ?? ""));
      blocks.push({ kind: "table", rows });
      continue;
    }
    i++;
    const prefix = PREFIXES.find(([p]) => line.startsWith(p));
    if (line === "") blocks.push({ kind: "gap" });
    else if (prefix) blocks.push({ kind: prefix[1], text: line.slice(prefix[0].length) });
    else blocks.push({ kind: "paragraph", text: line });
  }
  return blocks;
}
