import type { Element } from "@xmldom/xmldom";
import { tableText, withOffsets, type ParsedDocument, type RawBlock } from "../document-model";
import { UnprocessableDocumentError } from "../errors";
import { child, children, coreTitle, descendants, openOfficeZip, relId, type OfficeZip } from "./zip-guard";

/** Body rows per table block. Each block repeats the header row, so it is self-describing on its own. */
export const ROWS_PER_BLOCK = 50;

/** The built-in number formats (ECMA-376 18.8.30) this parser renders differently from General. */
const BUILTIN_FORMATS: Record<number, string> = {
  1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00",
  14: "yyyy-mm-dd", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM",
  20: "h:mm", 21: "h:mm:ss", 22: "yyyy-mm-dd h:mm", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mm:ss.0",
};
// East Asian locales' built-in date formats (27-36, 50-58) are dates whatever their exact pattern.
for (const id of [27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]) BUILTIN_FORMATS[id] = "yyyy-mm-dd";

/**
 * XLSX, read straight from the package XML: each sheet is a heading (its name) followed by table
 * blocks of at most ROWS_PER_BLOCK rows, each repeating the sheet's header row (its first non-empty
 * row) so every chunk is self-describing. Empty rows and columns are dropped. Cached formula
 * results are used, never recomputed. Dates render as ISO 8601, percentages and fixed decimals as
 * their number format asks; thousands separators and currency symbols are left out so numbers
 * match as people type them.
 */
export function parseXlsx(bytes: Uint8Array, fallbackTitle: string): ParsedDocument {
  const invalid = (cause?: unknown) => new UnprocessableDocumentError("The file is not a valid Excel (.xlsx) workbook.", { cause });
  const zip = openOfficeZip(bytes);
  const workbookPart = [...zip.rels("").values()].find((r) => r.type.endsWith("/officeDocument"))?.target ?? "xl/workbook.xml";
  const workbook = zip.xml(workbookPart);
  if (!workbook) throw invalid();
  try {
    return readSheets(zip, workbookPart, workbook, fallbackTitle);
  } catch (err) {
    // Anything but our own verdicts means a structure this parser did not expect: the file is at fault, retrying won't help.
    throw err instanceof UnprocessableDocumentError ? err : invalid(err);
  }
}

function readSheets(zip: OfficeZip, workbookPart: string, workbook: Element, fallbackTitle: string): ParsedDocument {
  const rels = zip.rels(workbookPart);
  // By suffix: Strict OOXML files use another namespace URI for the same relationship types.
  const partOf = (type: string) => [...rels.values()].find((r) => r.type.endsWith(`/${type}`))?.target;
  const strings = sharedStrings(zip.text(partOf("sharedStrings") ?? ""));
  const formats = cellFormats(zip.xml(partOf("styles") ?? ""));
  const date1904 = ["1", "true"].includes(child(workbook, "workbookPr")?.getAttribute("date1904") ?? "");

  const raw: RawBlock[] = [];
  for (const sheet of children(child(workbook, "sheets"), "sheet")) {
    const rel = rels.get(relId(sheet) ?? "");
    if (!rel?.type.endsWith("/worksheet")) continue; // chartsheets and dialog sheets hold no cells
    const name = sheet.getAttribute("name") || "Sheet";
    const rows = sheetRows(zip.text(rel.target), (attrs, inner) => cellText(attrs, inner, strings, formats, date1904));
    if (rows.length === 0) continue;
    const [header, ...body] = rows;
    raw.push({ kind: "heading", text: name, level: 1, headingPath: [name] });
    for (let i = 0; i === 0 || i < body.length; i += ROWS_PER_BLOCK) {
      raw.push({ kind: "table", text: tableText([header!, ...body.slice(i, i + ROWS_PER_BLOCK)]), headingPath: [name] });
    }
  }
  return { title: coreTitle(zip) ?? fallbackTitle, blocks: withOffsets(raw) };
}

/*
 * Worksheets and the shared-string table are a workbook's big parts, tens of megabytes in a large
 * one, and a DOM of them does not fit the parse thread's heap (a 45 MB sheet took 3.4 GB and 28 s
 * with xmldom). So these two are scanned with regular expressions. That is sound for them: the
 * guard has refused any DTD, so the only entities are XML's five and character references, and
 * cell text never holds markup (Excel writes no comments or CDATA in these parts).
 */
const ROW_OR_CELL = /<(?:\w+:)?(row)\b[^>]*>|<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const STRING_ITEM = /<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g;
const TEXT = /<(?:\w+:)?t\b[^>]*>([^<]*)<\/(?:\w+:)?t>/g;
const PHONETIC = /<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

const ATTR = { r: /(?:^|\s)r\s*=\s*(["'])(.*?)\1/, s: /(?:^|\s)s\s*=\s*(["'])(.*?)\1/, t: /(?:^|\s)t\s*=\s*(["'])(.*?)\1/ };
const attr = (attrs: string, name: keyof typeof ATTR) => ATTR[name].exec(attrs)?.[2];

function unescapeXml(text: string): string {
  return text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (ref, hex?: string, dec?: string, name?: string) => {
    const code = hex ? parseInt(hex, 16) : dec ? Number(dec) : -1;
    return name ? ENTITIES[name]! : code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ref;
  });
}

/** Text of a string item (<si>, <is>): plain or rich-text runs, without phonetic guides. */
function richText(inner: string): string {
  const text = unescapeXml([...inner.replace(PHONETIC, "").matchAll(TEXT)].map((m) => m[1]).join(""));
  // Excel escapes characters XML cannot hold as _xHHHH_.
  return text.replace(/_x([0-9a-f]{4})_/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function sharedStrings(xml: string | undefined): string[] {
  return xml ? [...xml.matchAll(STRING_ITEM)].map((m) => richText(m[1] ?? "")) : [];
}

/** Rows of cell texts with empty rows and columns removed; cells are placed by their A1 reference. */
function sheetRows(xml: string | undefined, text: (attrs: string, inner: string) => string): string[][] {
  const grid: Map<number, string>[] = [];
  const scan = new RegExp(ROW_OR_CELL);
  scan.lastIndex = Math.max(0, xml?.search(/<(?:\w+:)?sheetData\b/) ?? 0);
  let cells = new Map<number, string>();
  let column = -1;
  for (let m = xml && scan.exec(xml); m; m = scan.exec(xml!)) {
    if (m[1]) {
      grid.push((cells = new Map()));
      column = -1;
      continue;
    }
    column = columnIndex(attr(m[2]!, "r")) ?? column + 1;
    const value = text(m[2]!, m[3] ?? "").trim();
    if (value) cells.set(column, value);
  }
  const rows = grid.filter((r) => r.size > 0);
  const used = [...new Set(rows.flatMap((r) => [...r.keys()]))].sort((a, b) => a - b);
  return rows.map((r) => used.map((c) => r.get(c) ?? ""));
}

function columnIndex(ref: string | undefined): number | undefined {
  const letters = ref && /^([A-Z]+)\d*$/i.exec(ref)?.[1];
  return letters ? [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1 : undefined;
}

/** Number format code of each cell style (the cell's s attribute indexes cellXfs). */
function cellFormats(styles: Element | undefined): string[] {
  const custom = new Map(descendants(child(styles, "numFmts"), "numFmt").map((f) => [Number(f.getAttribute("numFmtId")), f.getAttribute("formatCode") ?? ""]));
  return children(child(styles, "cellXfs"), "xf").map((xf) => {
    const id = Number(xf.getAttribute("numFmtId") ?? 0);
    return custom.get(id) ?? BUILTIN_FORMATS[id] ?? "General";
  });
}

function cellText(attrs: string, inner: string, strings: string[], formats: string[], date1904: boolean): string {
  const value = unescapeXml(/<(?:\w+:)?v>([^<]*)</.exec(inner)?.[1] ?? "");
  switch (attr(attrs, "t")) {
    case "s": return strings[Number(value)] ?? "";
    case "inlineStr": return richText(/<(?:\w+:)?is>([\s\S]*?)<\/(?:\w+:)?is>/.exec(inner)?.[1] ?? "");
    case "b": return value === "1" ? "TRUE" : value === "0" ? "FALSE" : value;
    case "d": return value.replace(/T00:00:00(\.0+)?Z?$/, "").replace("T", " "); // ISO 8601 already
    case "str": case "e": return value; // formula text result; error such as #DIV/0!
  }
  if (value === "") return "";
  const number = Number(value);
  return Number.isFinite(number) ? formatNumber(number, formats[Number(attr(attrs, "s") ?? 0)] ?? "General", date1904) : value;
}

/** Renders a number the way its format asks where that matters for reading: dates, percentages, decimals. */
export function formatNumber(value: number, format: string, date1904 = false): string {
  // Quoted literals, escapes, padding/fill characters and [colour]/[$locale] tags are not pattern letters.
  const pattern = (format.split(";")[0] ?? "").replace(/"[^"]*"|\\.|[_*]./g, "").replace(/\[(?![hms]+\])[^\]]*\]/gi, "");
  // 2958465 is 9999-12-31, the last date Excel can show.
  if (/[dmyhs]/i.test(pattern) && value >= 0 && value <= 2958465) return formatDate(value, pattern, date1904);
  const decimals = /\.([0#?]+)/.exec(pattern)?.[1]?.length;
  if (pattern.includes("%")) return `${trimFloat(value * 100, decimals)}%`;
  if (/E[+-]/i.test(pattern)) return value.toExponential(decimals ?? 2).toUpperCase();
  return trimFloat(value, decimals);
}

/** Fixed decimals when the format has them, otherwise at most 15 significant digits (what Excel shows). */
function trimFloat(value: number, decimals: number | undefined): string {
  return decimals !== undefined && Math.abs(value) < 1e15 ? value.toFixed(decimals) : String(Number(value.toPrecision(15)));
}

/** Excel serial dates: days since 1899-12-30 (1900 system, which counts a 29 Feb 1900 that never was) or 1904-01-01. */
function formatDate(serial: number, pattern: string, date1904: boolean): string {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : serial < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const date = new Date(epoch + Math.round(serial * 86400) * 1000);
  const iso = date.toISOString();
  const hasTime = /[hs]/i.test(pattern);
  const hasDate = /[dy]/i.test(pattern) || (/m/i.test(pattern) && !hasTime);
  const time = /s/i.test(pattern) ? iso.slice(11, 19) : iso.slice(11, 16);
  if (!hasDate) return /\[h+\]/i.test(pattern) ? `${Math.floor(serial * 24)}${time.slice(2)}` : time;
  return hasTime ? `${iso.slice(0, 10)} ${time}` : iso.slice(0, 10);
}
