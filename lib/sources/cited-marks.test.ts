import { describe, expect, it } from "vitest";
import { marksInDocument, marksParam } from "./cited-marks";

describe("cited sentence marks", () => {
  it("reads a link's marks and ignores a malformed parameter", () => {
    expect(marksParam.parse("12-80,95-140")).toEqual([[12, 80], [95, 140]]);
    expect(marksParam.parse("12-80;drop")).toEqual([]);
    expect(marksParam.parse(undefined)).toEqual([]);
  });

  it("moves marks from the chunk's text to the document, in its span and in its overlap", () => {
    const doc = "First one. Second one.\n\nThird one here.";
    const chunk = { text: "Second one.\nThird one here.", start: 24, end: 39 };
    const marks = marksInDocument(doc, chunk, [[12, 27], [0, 11], [5, 50]]);
    expect(marks.map(([s, e]) => doc.slice(s, e))).toEqual(["Second one.", "Third one here."]);
  });
});
