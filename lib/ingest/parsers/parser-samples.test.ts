/**
 * Parsers against public sample files (markitdown's test files, py-pdf's sample PDFs) kept outside
 * the repository. Skipped when they are absent locally; CI must provide them.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { documentText } from "../document-model";
import { detectMime, MIME, parseDocument } from ".";

const SAMPLES = path.resolve(process.cwd(), "../shared/data/parser-samples");
if (!existsSync(SAMPLES) && process.env.CI) throw new Error(`Parser samples are missing: expected them at ${SAMPLES}`);

const read = (...parts: string[]) => new Uint8Array(readFileSync(path.join(SAMPLES, ...parts)));
const parse = (dir: string, filename: string) => {
  const bytes = read(dir, filename);
  return parseDocument({ bytes, filename, mime: detectMime(bytes, filename) ?? "unknown" });
};
// Compares text ignoring line breaks and hyphenation, which legitimately differ between extractors.
const squash = (text: string) => text.replace(/[\s-]+/g, "").toLowerCase();

describe.skipIf(!existsSync(SAMPLES))("public parser samples", () => {
  it("detects formats by content", () => {
    const dir = path.join(SAMPLES, "markitdown");
    expect(detectMime(read("markitdown", "test.pdf"), "test.md")).toBe(MIME.pdf);
    expect(detectMime(read("markitdown", "test.docx"), "test")).toBe(MIME.docx);
    expect(detectMime(read("markitdown", "test.pptx"), "test.pptx")).toBe(MIME.pptx);
    expect(detectMime(read("markitdown", "test.xlsx"), "test.docx")).toBe(MIME.xlsx);
    expect(readdirSync(dir).length).toBeGreaterThan(5);
  });

  it("markitdown test.pdf: all expected text, the section heading, fallback title", async () => {
    const doc = await parse("markitdown", "test.pdf");
    expect(doc.title).toBe("Test");
    expect(doc.pageCount).toBe(1);
    expect(doc.blocks[0]).toMatchObject({ kind: "heading", text: "1 Introduction", level: 1, page: 1 });
    const text = squash(documentText(doc.blocks));
    const expected = readFileSync(path.join(SAMPLES, "markitdown/expected_outputs/test.md"), "utf8");
    for (const line of expected.split("\n").filter((l) => l.trim())) expect(text).toContain(squash(line));
  });

  it("markitdown multi-page and table PDFs keep their identifiers and pages", async () => {
    const repair = await parse("markitdown", "REPAIR-2022-INV-001_multipage.pdf");
    const text = documentText(repair.blocks);
    for (const id of ["EST-1008", "1C4RJFBG2NC123456", "POL-2022-555", "RO-20221108"]) expect(text).toContain(id);
    expect(repair.pageCount).toBeGreaterThan(1);
    expect(Math.max(...repair.blocks.map((b) => b.page ?? 0))).toBe(repair.pageCount);
    const sparse = await parse("markitdown", "SPARSE-2024-INV-1234_borderless_table.pdf");
    expect(sparse.title).toBe("SPARSE 2024 INV 1234 Borderless Table"); // metadata title "(anonymous)" is ignored
    expect(sparse.blocks[0]).toMatchObject({ kind: "heading", text: "INVENTORY RECONCILIATION REPORT" });
  });

  it("markitdown's borderless-table PDF: both tables come out cell for cell as markitdown's expected output has them", async () => {
    const cells = (table: string) => table.split("\n").filter((line, i) => i !== 1).map((line) => line.slice(1, -1).split("|").map((c) => c.trim()));
    const markdown = readFileSync(path.join(SAMPLES, "markitdown", "expected_outputs", "SPARSE-2024-INV-1234_borderless_table.md"), "utf8");
    const expected = (markdown.match(/^\|.*(\n\|.*)*/gm) ?? []).map(cells);
    const doc = await parse("markitdown", "SPARSE-2024-INV-1234_borderless_table.pdf");
    const tables = doc.blocks.filter((b) => b.kind === "table");
    expect(expected).toHaveLength(2);
    expect(tables.map((t) => cells(t.text))).toEqual(expected);
    expect(tables.map((t) => t.page)).toEqual([1, 2]);
  });

  it("markitdown test.docx: title, headings, the table and inline identifiers", async () => {
    const doc = await parse("markitdown", "test.docx");
    expect(doc.title).toBe("AutoGen: Enabling Next-Gen LLM Applications via Multi-Agent Conversation");
    const headings = doc.blocks.filter((b) => b.kind === "heading").map((b) => [b.level, b.text]);
    expect(headings).toEqual(expect.arrayContaining([[1, "Abstract"], [1, "Introduction"], [2, "d666f1f7-46cb-42bd-9a39-9a39cf2a509f"]]));
    const table = doc.blocks.find((b) => b.kind === "table");
    expect(table?.text).toContain("| 13 | 14 | 49e168b7-d2ae-407f-a055-2167576f39a1 | 15 | 16 | 17 |");
    expect(table?.headingPath).toEqual(["Introduction", "d666f1f7-46cb-42bd-9a39-9a39cf2a509f"]);
    expect(documentText(doc.blocks)).toContain("314b0a30-5b04-470b-b9f7-eed2c2bec74a");
  });

  it("other markitdown DOCX files parse", async () => {
    expect(documentText((await parse("markitdown", "rlink.docx")).blocks)).toBe("Testing Linked Images");
    expect(documentText((await parse("markitdown", "test_with_comment.docx")).blocks)).toContain("314b0a30-5b04-470b-b9f7-eed2c2bec74a");
    expect((await parse("markitdown", "equations.docx")).blocks.length).toBeGreaterThan(0);
  });

  it("every py-pdf sample parses with valid pages, except the password-protected one", async () => {
    const dir = "py-pdf-sample-files";
    for (const file of readdirSync(path.join(SAMPLES, dir)).filter((f) => f.endsWith(".pdf"))) {
      if (file.includes("password")) {
        await expect(parse(dir, file), file).rejects.toThrow("The PDF is password-protected");
        continue;
      }
      const doc = await parse(dir, file);
      expect(doc.blocks.length, file).toBeGreaterThan(0);
      for (const b of doc.blocks) expect(b.page! >= 1 && b.page! <= doc.pageCount!, file).toBe(true);
    }
    const outline = await parse(dir, "pdflatex-outline.pdf");
    expect(outline.pageCount).toBe(4);
    expect(outline.blocks.filter((b) => b.kind === "heading").map((b) => b.text)).toContain("1 Foo");
    expect((await parse(dir, "google-doc-document.pdf")).title).toBe("PDF Example Document");
  });
});
