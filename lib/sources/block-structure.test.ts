import { describe, expect, it } from "vitest";
import { tableText } from "@/lib/ingest/document-model";
import { parseHtml } from "@/lib/ingest/parsers/html";
import { parseMarkdown } from "@/lib/ingest/parsers/markdown";
import { blockParts, unescapeCell, type BlockPart, type Span } from "./block-structure";

const at = (text: string, [s, e]: Span) => text.slice(s, e);

/** The block's parts with their spans read back as text, to compare with what a reader should see. */
function shown(text: string, parts: BlockPart[]): unknown[] {
  return parts.map((p) => {
    if (p.kind === "text") return at(text, p.span);
    if (p.kind === "table") return { head: p.head.map((s) => at(text, s)), rows: p.rows.map((r) => r.map((s) => at(text, s))) };
    return { ordered: p.ordered, start: p.start, items: p.items.map((i) => ({ checked: i.checked, parts: shown(text, i.parts) })) };
  });
}

describe("blockParts", () => {
  it("reads the rows of a table block as the parsers write it, an escaped pipe included", () => {
    const text = tableText([
      ["Plan", "Cover"],
      ["Basic", "80% | capped"],
      ["Plus", ""],
    ]);
    const parts = blockParts(text);
    expect(shown(text, parts)).toEqual([{ head: ["Plan", "Cover"], rows: [["Basic", "80% \\| capped"], ["Plus", ""]] }]);
    expect(unescapeCell("80% \\| capped")).toBe("80% | capped");
  });

  it("reads nested, ordered and task lists from a parsed Markdown list block", () => {
    const { blocks } = parseMarkdown("- one\n- two *stressed*\n  1. sub a\n  2. sub b\n- [x] done\n- [ ] open\n", "t");
    const text = blocks[0]!.text;
    expect(shown(text, blockParts(text))).toEqual([
      {
        ordered: false,
        start: 1,
        items: [
          { checked: null, parts: ["one"] },
          { checked: null, parts: ["two stressed", { ordered: true, start: 1, items: [{ checked: null, parts: ["sub a"] }, { checked: null, parts: ["sub b"] }] }] },
          { checked: true, parts: ["done"] },
          { checked: false, parts: ["open"] },
        ],
      },
    ]);
  });

  it("reads a list nested in a numbered item as part of that item, so the numbered list goes on after it", () => {
    // HTML, and DOCX and PPTX lists, which are written the same way; "10." is a wider marker than "9.".
    const { blocks } = parseHtml("<ol start=\"9\"><li>Nine<ul><li>nine a</li></ul></li><li>Ten<ol><li>ten a</li></ol></li><li>Eleven</li></ol>", "t");
    const text = blocks[0]!.text;
    const sub = (ordered: boolean, item: string) => ({ ordered, start: 1, items: [{ checked: null, parts: [item] }] });
    expect(shown(text, blockParts(text))).toEqual([
      {
        ordered: true,
        start: 9,
        items: [
          { checked: null, parts: ["Nine", sub(false, "nine a")] },
          { checked: null, parts: ["Ten", sub(true, "ten a")] },
          { checked: null, parts: ["Eleven"] },
        ],
      },
    ]);
  });

  it("keeps every character of the block that is not Markdown syntax, so no cited text can go missing", () => {
    const text = "Intro line that is no list\n- first item\n  continued\n\n<b>not html</b>";
    const covered = blockParts(text).flatMap(function spans(p): Span[] {
      if (p.kind === "text") return [p.span];
      if (p.kind === "table") return [...p.head, ...p.rows.flat()];
      return p.items.flatMap((i) => i.parts.flatMap(spans));
    });
    const kept = covered.map((s) => at(text, s)).join(" ");
    for (const word of ["Intro", "first", "continued", "<b>not", "html</b>"]) expect(kept).toContain(word);
  });
});
