import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { documentText } from "../document-model";
import { detectMime, MIME, parseDocument } from ".";
import { formatNumber, parseXlsx, ROWS_PER_BLOCK } from "./xlsx";

const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const rels = (...targets: [id: string, type: string, target: string][]) =>
  `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${targets.map(([id, type, target]) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`).join("")}</Relationships>`;

type Cell = string | number | { v: string; t?: string; s?: number } | { inline: string };
/** A worksheet with cells at explicit A1 references: rows is a map of row number to cells by column letter. */
function worksheet(rows: Record<number, Record<string, Cell>>): string {
  const cell = (ref: string, c: Cell) => {
    if (typeof c === "number") return `<c r="${ref}"><v>${c}</v></c>`;
    if (typeof c === "string") return `<c r="${ref}" t="inlineStr"><is><t>${c}</t></is></c>`;
    if ("inline" in c) return `<c r="${ref}" t="inlineStr"><is><r><t>${c.inline.slice(0, 3)}</t></r><r><t>${c.inline.slice(3)}</t></r></is></c>`;
    return `<c r="${ref}"${c.t ? ` t="${c.t}"` : ""}${c.s !== undefined ? ` s="${c.s}"` : ""}><v>${c.v}</v></c>`;
  };
  const body = Object.entries(rows).map(([n, cells]) => `<row r="${n}">${Object.entries(cells).map(([col, c]) => cell(`${col}${n}`, c)).join("")}</row>`);
  return `<worksheet ${MAIN}><sheetData>${body.join("")}</sheetData></worksheet>`;
}

const STYLES = `<styleSheet ${MAIN}><numFmts count="3"><numFmt numFmtId="164" formatCode="d/m/yyyy"/><numFmt numFmtId="165" formatCode="0.0%"/><numFmt numFmtId="166" formatCode="[$-409]h:mm\\ AM/PM;@"/></numFmts>
  <cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="4"/><xf numFmtId="166"/><xf numFmtId="22"/></cellXfs></styleSheet>`;

function workbook(sheets: Record<string, string>, extra: Record<string, string> = {}): Uint8Array {
  const names = Object.keys(sheets);
  const files: Record<string, string> = {
    "_rels/.rels": rels(["rId1", "officeDocument", "xl/workbook.xml"]),
    "xl/workbook.xml": `<workbook ${MAIN}><sheets>${names.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": rels(
      ...names.map((_, i): [string, string, string] => [`rId${i + 1}`, "worksheet", `worksheets/sheet${i + 1}.xml`]),
      ["rIdS", "sharedStrings", "sharedStrings.xml"],
      ["rIdT", "styles", "styles.xml"],
    ),
    "xl/sharedStrings.xml": `<sst ${MAIN}><si><t>Item</t></si><si><t>Due</t></si><si><r><t>Sh</t></r><r><t>are</t></r><rPh><t>ignored</t></rPh></si><si><t>Line_x000D_break</t></si></sst>`,
    "xl/styles.xml": STYLES,
    ...Object.fromEntries(Object.values(sheets).map((xml, i) => [`xl/worksheets/sheet${i + 1}.xml`, xml])),
    ...extra,
  };
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
}

describe("parseXlsx", () => {
  it("renders each sheet as a heading and a table headed by its first non-empty row, skipping empty rows and columns", () => {
    const sheet = worksheet({
      // Row 1 and column B are empty; row 2 is the header.
      2: { A: { v: "0", t: "s" }, C: { v: "1", t: "s" }, D: "Share", E: "Done", F: "When" },
      3: { A: { v: "2", t: "s" }, C: { v: "45366", s: 1 }, D: { v: "0.125", s: 2 }, E: { v: "1", t: "b" }, F: { v: "0.75", s: 4 } },
      4: { A: { v: "3", t: "s" }, C: { v: "45366.5", s: 5 }, D: { v: "1234.5", s: 3 }, E: { v: "#DIV/0!", t: "e" }, F: { inline: "rich text" } },
      6: { A: 0.30000000000000004, D: { v: "Total", t: "str" } },
    });
    const doc = parseXlsx(workbook({ Plan: sheet, Empty: worksheet({}) }), "plan");
    expect(doc.title).toBe("plan");
    expect(doc.blocks.map(({ kind, text, headingPath }) => ({ kind, text, headingPath }))).toEqual([
      { kind: "heading", text: "Plan", headingPath: ["Plan"] },
      {
        kind: "table",
        headingPath: ["Plan"],
        text: [
          "| Item | Due | Share | Done | When |",
          "| --- | --- | --- | --- | --- |",
          "| Share | 2024-03-15 | 12.5% | TRUE | 18:00 |",
          "| Line break | 2024-03-15 12:00 | 1234.50 | #DIV/0! | rich text |",
          "| 0.3 |  | Total |  |  |",
        ].join("\n"),
      },
    ]);
  });

  it("splits large sheets into blocks that each repeat the header row", () => {
    const rows: Record<number, Record<string, Cell>> = { 1: { A: "Id", B: "Name" } };
    for (let n = 2; n <= 121; n++) rows[n] = { A: n - 1, B: `name ${n - 1}` };
    const doc = parseXlsx(workbook({ People: worksheet(rows) }), "people");
    const tables = doc.blocks.filter((b) => b.kind === "table");
    expect(tables).toHaveLength(Math.ceil(120 / ROWS_PER_BLOCK));
    for (const t of tables) expect(t.text.split("\n").slice(0, 2)).toEqual(["| Id | Name |", "| --- | --- |"]);
    expect(tables.map((t) => t.text.split("\n").length - 2)).toEqual([50, 50, 20]);
    expect(tables[1]!.text.split("\n")[2]).toBe("| 51 | name 51 |");
  });

  it("takes the title from docProps/core.xml and reads the 1904 date system", () => {
    const core = `<cp:coreProperties xmlns:cp="x" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Budget 2025</dc:title></cp:coreProperties>`;
    const file = workbook({ S: worksheet({ 1: { A: "Date" }, 2: { A: { v: "0", s: 1 } } }) }, {
      "docProps/core.xml": core,
      "xl/workbook.xml": `<workbook ${MAIN}><workbookPr date1904="1"/><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    });
    const doc = parseXlsx(file, "x");
    expect(doc.title).toBe("Budget 2025");
    expect(doc.blocks[1]?.text).toContain("| 1904-01-01 |");
  });

  it("rejects a zip that is not a workbook, and an external entity in any part", async () => {
    expect(() => parseXlsx(zipSync({ "a.txt": strToU8("hi") }), "x")).toThrow("The file is not a valid Excel (.xlsx) workbook.");
    const xxe = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&xxe;</t></si></sst>';
    const file = workbook({ S: worksheet({ 1: { A: { v: "0", t: "s" } } }) }, { "xl/sharedStrings.xml": xxe });
    expect(detectMime(file, "x.xlsx")).toBe(MIME.xlsx);
    await expect(parseDocument({ bytes: file, filename: "x.xlsx", mime: MIME.xlsx })).rejects.toThrow(/its part "xl\/sharedStrings.xml" declares a DTD/);
  });
});

describe("formatNumber", () => {
  it("shows numbers as Excel would without its float noise", () => {
    expect(formatNumber(0.1 + 0.2, "General")).toBe("0.3");
    expect(formatNumber(42, "General")).toBe("42");
    expect(formatNumber(1234.5, "#,##0.00")).toBe("1234.50");
    expect(formatNumber(-3, '0.0 "kg"')).toBe("-3.0");
    expect(formatNumber(0.0425, "0.00%")).toBe("4.25%");
    expect(formatNumber(12345, "0.00E+00")).toBe("1.23E+4");
  });

  it("renders date, time and elapsed-time formats as ISO 8601", () => {
    expect(formatNumber(45366, "yyyy-mm-dd")).toBe("2024-03-15");
    expect(formatNumber(45366.75, "m/d/yy h:mm")).toBe("2024-03-15 18:00");
    expect(formatNumber(0.5, "h:mm:ss")).toBe("12:00:00");
    expect(formatNumber(1.5, "[h]:mm")).toBe("36:00");
    expect(formatNumber(1, "d-mmm-yy")).toBe("1900-01-01");
    expect(formatNumber(61, "d-mmm-yy")).toBe("1900-03-01");
    expect(formatNumber(0, "d/m/yyyy", true)).toBe("1904-01-01");
    expect(formatNumber(45366, '[$-F800]dddd, mmmm dd, yyyy')).toBe("2024-03-15");
    expect(formatNumber(-5, "yyyy-mm-dd")).toBe("-5"); // not a date Excel can show
  });
});

const SAMPLES = path.resolve(process.cwd(), "../shared/data/parser-samples");
if (!existsSync(SAMPLES) && process.env.CI) throw new Error(`Parser samples are missing: expected them at ${SAMPLES}`);

describe.skipIf(!existsSync(SAMPLES))("markitdown test.xlsx", () => {
  it("detects and parses both sheets with markitdown's expected strings", async () => {
    const bytes = new Uint8Array(readFileSync(path.join(SAMPLES, "markitdown/test.xlsx")));
    expect(detectMime(bytes, "test.docx")).toBe(MIME.xlsx);
    const doc = await parseDocument({ bytes, filename: "test.xlsx", mime: MIME.xlsx });
    expect(doc.title).toBe("Test");
    expect(doc.blocks.filter((b) => b.kind === "heading").map((b) => b.text)).toEqual(["Sheet1", "09060124-b5e7-4717-9d07-3c046eb"]);
    const [first, second] = doc.blocks.filter((b) => b.kind === "table");
    expect(first?.text.split("\n")[0]).toBe("| Alpha | Beta | Gamma | Delta |");
    expect(first?.text).toContain("| 58 | 6ff4173b-42a5-4784-9b19-f49caff4d93d | 22 | 9 |");
    expect(first?.text.split("\n")).toHaveLength(2 + 23);
    expect(second).toMatchObject({ headingPath: ["09060124-b5e7-4717-9d07-3c046eb"] });
    expect(second?.text).toContain("| 13 | 14 | 15 | affc7dad-52dc-4b98-9b5d-51e65d8a8ad0 |");
    expect(documentText(doc.blocks)).not.toMatch(/undefined|NaN/);
  });
});
