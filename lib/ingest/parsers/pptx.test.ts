import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { documentText } from "../document-model";
import { detectMime, MIME, parseDocument } from ".";
import { parsePptx } from "./pptx";

const NS = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const rels = (...targets: [id: string, type: string, target: string][]) =>
  `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${targets.map(([id, type, target]) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`).join("")}</Relationships>`;

const para = (text: string, pPr = "") => `<a:p>${pPr}<a:r><a:t>${text}</a:t></a:r></a:p>`;
const shape = (ph: string, ...paragraphs: string[]) =>
  `<p:sp><p:nvSpPr><p:cNvPr id="2" name="s"/><p:cNvSpPr/><p:nvPr>${ph}</p:nvPr></p:nvSpPr><p:txBody><a:bodyPr/>${paragraphs.join("")}</p:txBody></p:sp>`;
const slide = (...shapes: string[]) => `<p:sld ${NS}><p:cSld><p:spTree>${shapes.join("")}</p:spTree></p:cSld></p:sld>`;
const table = (...rows: string[][]) =>
  `<p:graphicFrame><a:graphic><a:graphicData><a:tbl>${rows.map((r) => `<a:tr>${r.map((c) => `<a:tc><a:txBody>${para(c)}</a:txBody></a:tc>`).join("")}</a:tr>`).join("")}</a:tbl></a:graphicData></a:graphic></p:graphicFrame>`;

/** A presentation whose slide list puts slide2.xml first, so the order comes from presentation.xml, not file names. */
function presentation(parts: Record<string, string> = {}, title?: string): Uint8Array {
  const files: Record<string, string> = {
    "ppt/presentation.xml": `<p:presentation ${NS}><p:sldIdLst><p:sldId id="256" r:id="rId2"/><p:sldId id="257" r:id="rId1"/><p:sldId id="258" r:id="rId3"/><p:sldId id="259" r:id="rId4"/></p:sldIdLst></p:presentation>`,
    "ppt/_rels/presentation.xml.rels": rels(["rId1", "slide", "slides/slide1.xml"], ["rId2", "slide", "slides/slide2.xml"], ["rId3", "slide", "/ppt/slides/slide3.xml"], ["rId4", "slide", "slides/slide4.xml"]),
    "ppt/slides/slide2.xml": slide(
      shape('<p:ph type="ctrTitle"/>', para("Quarterly"), para("Review")),
      shape('<p:ph type="subTitle" idx="1"/>', para("Finance team")),
      shape('<p:ph type="sldNum" idx="12"/>', para("1")),
    ),
    "ppt/slides/_rels/slide2.xml.rels": rels(["rId9", "notesSlide", "../notesSlides/notesSlide1.xml"]),
    "ppt/notesSlides/notesSlide1.xml": `<p:notes ${NS}><p:cSld><p:spTree>${shape('<p:ph type="sldImg"/>')}${shape('<p:ph type="body" idx="1"/>', para("Mention the audit."), para("Keep it short."))}</p:spTree></p:cSld></p:notes>`,
    "ppt/slides/slide1.xml": slide(
      shape('<p:ph type="title"/>', para("Results")),
      shape('<p:ph idx="1"/>', para("Revenue up"), para("Costs down", '<a:pPr lvl="1"/>'), para("Plain remark", "<a:pPr><a:buNone/></a:pPr>")),
      `<p:grpSp>${shape("", para("Grouped text box"))}</p:grpSp>`,
      table(["Region", "Sales"], ["", ""], ["North", "12"]),
    ),
    "ppt/slides/slide3.xml": slide(), // nothing to say: left out, but still counted as slide 3
    "ppt/slides/slide4.xml": slide(shape("", para("Untitled slide text"), para("More text"))),
    ...parts,
  };
  if (title !== undefined) files["docProps/core.xml"] = `<cp:coreProperties xmlns:cp="x" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${title}</dc:title></cp:coreProperties>`;
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
}

const shape_ = (blocks: { kind: string; text: string; page?: number }[]) => blocks.map(({ kind, text, page }) => ({ kind, text, page }));

describe("parsePptx", () => {
  it("reads slides in presentation order with titles, lists, tables and notes, page = slide number", async () => {
    const file = presentation();
    expect(detectMime(file, "deck")).toBe(MIME.pptx);
    const doc = await parseDocument({ bytes: file, filename: "deck.pptx", mime: MIME.pptx });
    expect(doc.pageCount).toBe(4);
    expect(shape_(doc.blocks)).toEqual([
      { kind: "heading", text: "Slide 1: Quarterly Review", page: 1 },
      { kind: "paragraph", text: "Finance team", page: 1 },
      { kind: "paragraph", text: "Notes: Mention the audit.\nKeep it short.", page: 1 },
      { kind: "heading", text: "Slide 2: Results", page: 2 },
      { kind: "list", text: "- Revenue up\n  - Costs down", page: 2 },
      { kind: "paragraph", text: "Plain remark", page: 2 },
      { kind: "paragraph", text: "Grouped text box", page: 2 },
      { kind: "table", text: "| Region | Sales |\n| --- | --- |\n| North | 12 |", page: 2 },
      { kind: "heading", text: "Slide 4: Untitled slide text", page: 4 },
      { kind: "paragraph", text: "Untitled slide text\nMore text", page: 4 },
    ]);
    expect(doc.blocks[4]?.headingPath).toEqual(["Slide 2: Results"]);
    // No core title: the first slide's title names the document.
    expect(doc.title).toBe("Quarterly Review");
  });

  it("nests sub-items under a numbered item's text, numbering them afresh under each item", () => {
    const step = (text: string, level: number, bullet = "<a:buAutoNum type=\"arabicPeriod\"/>") => para(text, `<a:pPr lvl="${level}">${bullet}</a:pPr>`);
    const steps = slide(
      shape('<p:ph idx="1"/>', step("Open the portal", 0), step("Sign in", 1), step("Choose Claims", 1), step("Submit", 0), step("Attach receipts", 1), step("Scans are fine", 2, '<a:buChar char="-"/>')),
    );
    const doc = parsePptx(presentation({ "ppt/slides/slide4.xml": steps }), "deck");
    expect(doc.blocks.filter((b) => b.page === 4).map((b) => [b.kind, b.text])).toEqual([
      ["heading", "Slide 4: Open the portal"],
      ["list", "1. Open the portal\n   1. Sign in\n   2. Choose Claims\n2. Submit\n   1. Attach receipts\n      - Scans are fine"],
    ]);
  });

  it("takes the title from docProps/core.xml when it has one, else falls back to the file name", () => {
    expect(parsePptx(presentation({}, "Board Deck 2025"), "deck").title).toBe("Board Deck 2025");
    expect(parsePptx(presentation({}, "  "), "deck").title).toBe("Quarterly Review");
    const untitled = presentation({ "ppt/slides/slide2.xml": slide(), "ppt/slides/slide1.xml": slide(), "ppt/slides/slide4.xml": slide(table(["a"], ["b"])) });
    const doc = parsePptx(untitled, "deck");
    expect(doc.title).toBe("deck");
    // A slide with nothing but speaker notes keeps them, under a heading without a title.
    expect(shape_(doc.blocks).slice(0, 3)).toEqual([
      { kind: "heading", text: "Slide 1", page: 1 },
      { kind: "paragraph", text: "Notes: Mention the audit.\nKeep it short.", page: 1 },
      { kind: "heading", text: "Slide 4", page: 4 },
    ]);
  });

  it("rejects a zip that is not a presentation", () => {
    expect(() => parsePptx(zipSync({ "a.txt": strToU8("hi") }), "x")).toThrow("The file is not a valid PowerPoint (.pptx) presentation.");
  });

  it("never resolves an external entity in slide XML, whatever its encoding", () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${slide(shape('<p:ph type="title"/>', para("&xxe;")))}`;
    expect(() => parsePptx(presentation({ "ppt/slides/slide1.xml": xxe }), "x")).toThrow(/its part "ppt\/slides\/slide1.xml" declares a DTD/);
    // UTF-16 hides the DOCTYPE from the guard's byte scan of the zip; the XML parser still refuses it.
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(xxe.replace('version="1.0"', 'version="1.0" encoding="UTF-16"'), "utf16le")]);
    const files = { ...unzipSync(presentation()), "ppt/slides/slide1.xml": utf16 };
    expect(() => parsePptx(zipSync(files), "x")).toThrow(/its part "ppt\/slides\/slide1.xml" declares a DTD/);
  });
});

const SAMPLES = path.resolve(process.cwd(), "../shared/data/parser-samples");
if (!existsSync(SAMPLES) && process.env.CI) throw new Error(`Parser samples are missing: expected them at ${SAMPLES}`);

describe.skipIf(!existsSync(SAMPLES))("markitdown test.pptx", () => {
  it("detects and parses every slide with markitdown's expected strings", async () => {
    const bytes = new Uint8Array(readFileSync(path.join(SAMPLES, "markitdown/test.pptx")));
    expect(detectMime(bytes, "test")).toBe(MIME.pptx);
    const doc = await parseDocument({ bytes, filename: "test.pptx", mime: MIME.pptx });
    expect(doc.title).toBe("AutoGen: Enabling Next-Gen LLM Applications via Multi-Agent Conversation");
    expect(doc.pageCount).toBe(6);
    expect(doc.blocks.filter((b) => b.kind === "heading").map((b) => b.text)).toEqual([
      "Slide 1: AutoGen: Enabling Next-Gen LLM Applications via Multi-Agent Conversation",
      "Slide 2: 2cdda5c8-e50e-4db4-b5f0-9722a649f455",
      "Slide 3: A table to test parsing:",
      "Slide 4: A chart to test parsing:",
      "Slide 5: A Nested Shape parsing",
      "Slide 6: These Test Strings are in the Image!",
    ]);
    // The strings markitdown's own tests require of this file: body text, picture alt text, the table, the chart.
    const text = documentText(doc.blocks);
    for (const s of ["2cdda5c8-e50e-4db4-b5f0-9722a649f455", "04191ea8-5c73-4215-a1d3-1cfb43aaaf12", "44bf7d06-5e7a-4a40-a2e1-a2e42ef28c8a",
      "1b92870d-e3b5-4e65-8153-919f4ff45592", "AutoGen: Enabling Next-Gen LLM Applications via Multi-Agent Conversation",
      "a3f6004b-6f4f-4ea8-bee3-3741f4dc385f", "2003"]) expect(text).toContain(s);
    const table = doc.blocks.find((b) => b.kind === "table");
    expect(table).toMatchObject({ page: 3, headingPath: ["Slide 3: A table to test parsing:"] });
    expect(table?.text).toContain("| 7 | 8 | 9 | 1b92870d-e3b5-4e65-8153-919f4ff45592 | 11 | 12 |");
    expect(doc.blocks.find((b) => b.text.startsWith("Chart:"))).toMatchObject({ page: 4, text: "Chart: a3f6004b-6f4f-4ea8-bee3-3741f4dc385f" });
    expect(doc.blocks.find((b) => b.kind === "list")?.text).toBe("- Comment 1\n- Comment 2:\n  - Sub comment 2");
  });
});
