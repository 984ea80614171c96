import { describe, expect, it } from "vitest";
import { parsePlainText } from "./text";

describe("parsePlainText", () => {
  it("splits paragraphs on blank lines and uses the fallback title", () => {
    const doc = parsePlainText("First line\nstill first.\n\n  \nSecond.\n\n\n\nThird.", "notes");
    expect(doc.title).toBe("notes");
    expect(doc.blocks.map((b) => [b.kind, b.text, b.headingPath])).toEqual([
      ["paragraph", "First line\nstill first.", []],
      ["paragraph", "Second.", []],
      ["paragraph", "Third.", []],
    ]);
  });

  it("does not guess headings from line shapes", () => {
    expect(parsePlainText("INTRODUCTION\n\nBody.", "x").blocks.every((b) => b.kind === "paragraph")).toBe(true);
  });

  it("normalizes CRLF and strips control characters except tabs and newlines", () => {
    const doc = parsePlainText("\uFEFFa\u0000b\tc\r\nd\u001b[0m\r\n\r\ne\u0007\rf", "x");
    expect(doc.blocks.map((b) => b.text)).toEqual(["ab\tc\nd[0m", "e\nf"]);
  });

  it("yields no blocks for whitespace-only input", () => {
    expect(parsePlainText(" \n\n\t\n", "x").blocks).toEqual([]);
  });
});
