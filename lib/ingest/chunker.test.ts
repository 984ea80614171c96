import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { listSamplePolicies } from "../samples";
import { countTokens } from "../text/tokens";
import { chunkDocument, type Chunk } from "./chunker";
import { documentText, tableText, withOffsets, type ParsedDocument, type RawBlock } from "./document-model";
import { parseDocument } from "./parsers";
import { parseMarkdown } from "./parsers/markdown";
import { parsePdf } from "./parsers/pdf";
import { makePdf } from "@/testing/pdf";

const SAMPLES = path.resolve(process.cwd(), "../shared/data/parser-samples");
if (!existsSync(SAMPLES) && process.env.CI) throw new Error(`Parser samples are missing: expected them at ${SAMPLES}`);

/** Invariants every chunking must satisfy. */
function expectValidChunks(doc: ParsedDocument, chunks: Chunk[], maxTokens = 350) {
  const text = documentText(doc.blocks);
  let previousEnd = 0;
  chunks.forEach((chunk, i) => {
    expect(chunk.ordinal).toBe(i);
    expect(chunk.start).toBeGreaterThanOrEqual(previousEnd);
    expect(chunk.end).toBeGreaterThan(chunk.start);
    expect(chunk.text).toContain(text.slice(chunk.start, chunk.end));
    expect(chunk.tokenCount).toBe(countTokens(chunk.text));
    expect(chunk.tokenCount).toBeLessThanOrEqual(maxTokens);
    previousEnd = chunk.end;
  });
  // Every non-space character of the document lies in some chunk's span.
  const covered = new Uint8Array(text.length);
  for (const c of chunks) covered.fill(1, c.start, c.end);
  // By UTF-16 index, as spans are (spreading the text into code points would shift past an emoji).
  const missed = Array.from({ length: text.length }, (_, i) => i).find((i) => !covered[i] && /\S/.test(text[i]!)) ?? -1;
  expect(missed, `uncovered text at ${missed}: ${text.slice(missed, missed + 40)}`).toBe(-1);
}

const doc = (raw: RawBlock[]): ParsedDocument => ({ title: "t", blocks: withOffsets(raw) });
const sentence = (i: number) => `Sentence number ${i} explains one specific rule of the policy in some detail.`;

describe("chunkDocument", () => {
  it("starts a new chunk at every level 1-2 heading and keeps headings with their content", () => {
    const d = parseMarkdown("# Title\n\n## A\n\nAlpha text.\n\n### A.1\n\nAlpha one.\n\n## B\n\nBeta text.", "x");
    const chunks = chunkDocument(d);
    expect(chunks.map((c) => c.text)).toEqual(["Title\n\nA\n\nAlpha text.\n\nA.1\n\nAlpha one.", "B\n\nBeta text."]);
    expect(chunks[0]!.headingPath).toEqual(["Title", "A"]);
    expect(chunks[1]!.headingPath).toEqual(["Title", "B"]);
    expectValidChunks(d, chunks);
  });

  it("sizes chunks in real tokens: dense text (figures, identifiers, other scripts) gets fewer characters", () => {
    const dense = Array.from({ length: 80 }, (_, i) => `Code EXP-${1000 + i}/${(i * 7919) % 9973} costs €${(i * 37.5).toFixed(2)}; 経費精算 ${i}.`).join(" ");
    const prose = Array.from({ length: 80 }, (_, i) => sentence(i)).join(" ");
    const d = parseMarkdown(`## Dense\n\n${dense}\n\n## Prose\n\n${prose}`, "x");
    const chunks = chunkDocument(d, { maxTokens: 120, overlapTokens: 10 });
    expectValidChunks(d, chunks, 120);
    const charsPerToken = (title: string) => {
      const own = chunks.filter((c) => c.headingPath.at(-1) === title);
      return own.reduce((n, c) => n + c.text.length, 0) / own.reduce((n, c) => n + c.tokenCount, 0);
    };
    expect(charsPerToken("Dense")).toBeLessThan(3);
    expect(charsPerToken("Prose")).toBeGreaterThan(4);
    // Each chunk is filled close to the budget, not cut short by a characters-per-token guess.
    expect(Math.min(...chunks.slice(0, -1).filter((c) => c.headingPath.at(-1) === "Prose").map((c) => c.tokenCount))).toBeGreaterThan(90);
  });

  it("never leaves a heading alone unless its section is empty", () => {
    const body = Array.from({ length: 6 }, (_, i) => sentence(i)).join(" ");
    const d = parseMarkdown(`## A\n\n${body}\n\n### A.1\n\n${body}\n\n## Empty\n\n## C\n\nLast words.`, "x");
    const chunks = chunkDocument(d, { maxTokens: 150, overlapTokens: 20 });
    const headingOnly = chunks.filter((c) => d.blocks.every((b) => b.kind === "heading" || b.end <= c.start || b.start >= c.end));
    // Only the empty section stands alone: it has no room in the full chunk before it and must not
    // be pulled into the next section.
    expect(headingOnly.map((c) => c.text)).toEqual(["Empty"]);
    expect(chunks.at(-1)!.text).toBe("C\n\nLast words.");
    expectValidChunks(d, chunks, 150);
  });

  it("splits oversized paragraphs at sentence boundaries and overlaps trailing sentences", () => {
    const d = doc([{ kind: "paragraph", text: Array.from({ length: 40 }, (_, i) => sentence(i)).join(" "), headingPath: ["S"] }]);
    const chunks = chunkDocument(d, { maxTokens: 100, overlapTokens: 25 });
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks) expect(documentText(d.blocks).slice(c.start, c.end)).toMatch(/^Sentence number \d+ .*\.$/);
    // The second chunk begins with the last sentence of the first (the overlap), outside its own span.
    const lastOfFirst = chunks[0]!.text.split(/(?<=\.) /).at(-1)!;
    expect(chunks[1]!.text.startsWith(lastOfFirst)).toBe(true);
    expect(documentText(d.blocks).slice(chunks[1]!.start, chunks[1]!.end)).not.toContain(lastOfFirst);
    expectValidChunks(d, chunks, 100);
  });

  it("keeps a list whole when it fits, and splits a long one between items", () => {
    const short = doc([{ kind: "list", text: "- one\n- two\n  - nested\n- three", headingPath: [] }]);
    expect(chunkDocument(short).map((c) => c.text)).toEqual(["- one\n- two\n  - nested\n- three"]);
    const items = Array.from({ length: 30 }, (_, i) => `- Item ${i}: ${sentence(i)}`).join("\n");
    const long = doc([{ kind: "list", text: items, headingPath: [] }]);
    const chunks = chunkDocument(long, { maxTokens: 120, overlapTokens: 10 });
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.text.split("\n").every((line) => line.startsWith("- Item"))).toBe(true);
    expectValidChunks(long, chunks, 120);
  });

  it("splits a large table by rows and repeats the header row", () => {
    const rows = [["Grade", "Limit", "Approver"], ...Array.from({ length: 60 }, (_, i) => [`G${i}`, `${i * 10} USD`, `Manager level ${i}`])];
    const d = doc([{ kind: "table", text: tableText(rows), headingPath: ["Limits"] }]);
    const chunks = chunkDocument(d, { maxTokens: 100, overlapTokens: 10 });
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks) {
      expect(c.text.startsWith("| Grade | Limit | Approver |\n| --- | --- | --- |\n")).toBe(true);
      expect(c.headingPath).toEqual(["Limits"]);
    }
    expectValidChunks(d, chunks, 100);
  });

  it("cuts a single enormous word so no chunk exceeds the limit", () => {
    const d = doc([{ kind: "paragraph", text: `Token: ${"x".repeat(3000)} end.`, headingPath: [] }]);
    expectValidChunks(d, chunkDocument(d, { maxTokens: 100, overlapTokens: 10 }), 100);
  });

  it("carries the page of the chunk's first block", () => {
    const d = doc([
      { kind: "paragraph", text: "On page one.", headingPath: [], page: 1 },
      { kind: "paragraph", text: "On page two.", headingPath: [], page: 2 },
    ]);
    expect(chunkDocument(d)[0]!.page).toBe(1);
    expect(chunkDocument(parseMarkdown("text", "x"))[0]).toMatchObject({ page: null, pageEnd: null, pageStarts: [] });
  });

  it("keeps the pages a chunk of a real PDF spans and where each starts in its text", async () => {
    const bytes = await makePdf((pdf) => {
      pdf.fontSize(11).text("Travel is booked through the portal. Receipts are kept for six years.").moveDown(1);
      pdf.addPage().text("Hotels are capped at 150 pounds a night. Upgrades are paid by the traveller.");
      pdf.addPage().rect(50, 50, 200, 200).fill("#333"); // a scanned page: no text
      pdf.addPage().fillColor("black").text("Mileage is paid at 45 pence a mile.");
    });
    const [chunk, ...rest] = chunkDocument(await parsePdf(bytes, "travel"));
    expect(rest).toEqual([]);
    expect(chunk).toMatchObject({ page: 1, pageEnd: 4 });
    const at = (s: string) => chunk!.text.indexOf(s);
    // Page 3 has no text: it and page 4 start where the page-4 text does.
    expect(chunk!.pageStarts).toEqual([at("Hotels are capped"), at("Mileage is paid"), at("Mileage is paid")]);
    expect(at("Hotels are capped")).toBeGreaterThan(at("six years"));
  });

  it("counts a chunk's overlap as on its first page, shifting the page starts past it", () => {
    const long = (n: number) => Array.from({ length: 12 }, (_, i) => `Sentence ${n}-${i} carries some words.`).join(" ");
    const d = doc([
      { kind: "paragraph", text: long(1), headingPath: [], page: 1 },
      { kind: "paragraph", text: "Short one on page two.", headingPath: [], page: 2 },
    ]);
    const [before, last] = chunkDocument(d, { maxTokens: 80, overlapTokens: 20 }).slice(-2) as [Chunk, Chunk];
    const overlap = before.text.slice(before.text.lastIndexOf("Sentence 1-"));
    expect(last.text.startsWith(`${overlap}\nSentence 1-`)).toBe(true); // the overlap
    expect(last).toMatchObject({ page: 1, pageEnd: 2, pageStarts: [last.text.indexOf("Short one")] });
  });

  it("rejects options that leave no room for content", () => {
    expect(() => chunkDocument(doc([]), { maxTokens: 100, overlapTokens: 60 })).toThrow(/overlapTokens/);
  });

  it("chunks every shipped sample policy within the limits", async () => {
    for (const sample of await listSamplePolicies()) {
      const parsed = await parseDocument(sample);
      for (const maxTokens of [350, 120]) {
        const chunks = chunkDocument(parsed, { maxTokens, overlapTokens: 30 });
        expect(chunks.length, sample.filename).toBeGreaterThan(maxTokens === 350 ? 2 : 6);
        expectValidChunks(parsed, chunks, maxTokens);
      }
    }
  });

  it.skipIf(!existsSync(SAMPLES))("chunks the public parser samples within the limits", async () => {
    const dirs = ["markitdown", "py-pdf-sample-files"].map((d) => path.join(SAMPLES, d));
    const files = dirs.flatMap((dir) => readdirSync(dir).map((f) => path.join(dir, f))).filter((f) => /\.(pdf|docx)$/.test(f));
    let chunked = 0;
    for (const file of files) {
      if (file.includes("password")) continue;
      const bytes = new Uint8Array(readFileSync(file));
      const mime = file.endsWith(".pdf") ? "application/pdf" : "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
      const parsed = await parseDocument({ bytes, filename: path.basename(file), mime });
      expectValidChunks(parsed, chunkDocument(parsed, { maxTokens: 200, overlapTokens: 30 }), 200);
      chunked++;
    }
    expect(chunked).toBeGreaterThan(15);
  });
});
