import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow } from "docx";
import { strToU8, zipSync } from "fflate";

/*
 * One short policy, with a table and lists, written in each format whose structure the source
 * viewer shows as text: so one set of expectations holds for every format. DOCX comes from the docx
 * package (real Word numbering and tables); PPTX and XLSX are Office Open XML packages built here
 * from the parts PowerPoint and Excel write and the parsers read, as their unit tests build them.
 */

export interface PolicyContent {
  title: string;
  intro: string;
  /** The first row is the header. */
  table: string[][];
  lists: PolicyList[];
}

export interface PolicyList {
  /** The paragraph that introduces the list. */
  lead: string;
  ordered: boolean;
  items: { text: string; sub?: { ordered: boolean; items: string[] } }[];
}

export function asMarkdown(content: PolicyContent): string {
  const row = (cells: string[]) => `| ${cells.join(" | ")} |`;
  const [header = [], ...body] = content.table;
  const list = ({ ordered, items }: { ordered: boolean; items: string[] }, indent = "") => items.map((text, i) => `${indent}${ordered ? `${i + 1}.` : "-"} ${text}`);
  const lists = content.lists.flatMap((l) => [
    l.lead,
    "",
    ...l.items.flatMap((item, i) => {
      const marker = l.ordered ? `${i + 1}. ` : "- ";
      // A nested list belongs to the item its lines are indented under: to the item's text.
      return [`${marker}${item.text}`, ...(item.sub ? list(item.sub, " ".repeat(marker.length)) : [])];
    }),
    "",
  ]);
  return [`# ${content.title}`, "", content.intro, "", row(header), row(header.map(() => "---")), ...body.map(row), "", ...lists].join("\n");
}

export function asHtml(content: PolicyContent): string {
  const list = (ordered: boolean, items: string[]) => `<${ordered ? "ol" : "ul"}>${items.join("")}</${ordered ? "ol" : "ul"}>`;
  const li = (text: string, inner = "") => `<li>${escapeXml(text)}${inner}</li>`;
  const cells = (tag: string, row: string[]) => `<tr>${row.map((c) => `<${tag}>${escapeXml(c)}</${tag}>`).join("")}</tr>`;
  const [header = [], ...body] = content.table;
  return `<!doctype html><html><head><title>${escapeXml(content.title)}</title></head><body><main>
    <h1>${escapeXml(content.title)}</h1><p>${escapeXml(content.intro)}</p>
    <table><thead>${cells("th", header)}</thead><tbody>${body.map((r) => cells("td", r)).join("")}</tbody></table>
    ${content.lists
      .map((l) => `<p>${escapeXml(l.lead)}</p>${list(l.ordered, l.items.map((i) => li(i.text, i.sub ? list(i.sub.ordered, i.sub.items.map((s) => li(s))) : "")))}`)
      .join("\n")}
  </main></body></html>`;
}

export function asDocx(content: PolicyContent): Promise<Buffer> {
  // Word numbers a paragraph through a numbering definition; each level says bullet or decimal.
  const levels = (ordered: boolean) => [0, 1].map((level) => ({ level, format: ordered ? LevelFormat.DECIMAL : LevelFormat.BULLET, text: ordered ? `%${level + 1}.` : "\u2022", alignment: AlignmentType.START }));
  const numbering = { config: [{ reference: "bullets", levels: levels(false) }, { reference: "numbers", levels: levels(true) }] };
  const item = (text: string, ordered: boolean, level: number, instance: number) =>
    new Paragraph({ text, numbering: { reference: ordered ? "numbers" : "bullets", level, instance } });
  const table = new Table({ rows: content.table.map((cells) => new TableRow({ children: cells.map((text) => new TableCell({ children: [new Paragraph(text)] })) })) });
  // Each list and sub-list is an instance of its own, so each numbered one counts from 1.
  let instance = 0;
  const lists = content.lists.flatMap((l) => {
    const own = ++instance;
    return [
      new Paragraph(l.lead),
      ...l.items.flatMap((i) => {
        const sub = i.sub && { ...i.sub, instance: ++instance };
        return [item(i.text, l.ordered, 0, own), ...(sub ? sub.items.map((s) => item(s, sub.ordered, 1, sub.instance)) : [])];
      }),
    ];
  });
  return Packer.toBuffer(
    new Document({ numbering, sections: [{ children: [new Paragraph({ text: content.title, heading: HeadingLevel.HEADING_1 }), new Paragraph(content.intro), table, ...lists] }] }),
  );
}

const NS = {
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  p: "http://schemas.openxmlformats.org/presentationml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  sheet: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
};

/** Slide 1 holds the intro and the table, slide 2 the lists, in the body placeholder as bullets and numbers. */
export function asPptx(content: PolicyContent): Uint8Array {
  const run = (text: string) => `<a:r><a:t>${escapeXml(text)}</a:t></a:r>`;
  const para = (text: string, pPr: string) => `<a:p>${pPr}${run(text)}</a:p>`;
  const bullet = (ordered: boolean, level: number) => `<a:pPr lvl="${level}">${ordered ? '<a:buAutoNum type="arabicPeriod"/>' : '<a:buChar char="&#8226;"/>'}</a:pPr>`;
  const shape = (id: number, placeholder: string, paragraphs: string[]) =>
    `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="Shape ${id}"/><p:cNvSpPr/><p:nvPr>${placeholder}</p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/>${paragraphs.join("")}</p:txBody></p:sp>`;
  const title = (text: string) => shape(2, '<p:ph type="title"/>', [para(text, "")]);
  const body = (paragraphs: string[]) => shape(3, '<p:ph idx="1"/>', paragraphs);
  const cell = (text: string) => `<a:tc><a:txBody><a:bodyPr/>${para(text, "")}</a:txBody></a:tc>`;
  const table = `<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="4" name="Table"/><p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr><p:xfrm/><a:graphic><a:graphicData uri="${NS.a.replace("main", "table")}"><a:tbl>${content.table
    .map((row) => `<a:tr h="370840">${row.map(cell).join("")}</a:tr>`)
    .join("")}</a:tbl></a:graphicData></a:graphic></p:graphicFrame>`;
  const slide = (...shapes: string[]) => `<p:sld xmlns:a="${NS.a}" xmlns:p="${NS.p}" xmlns:r="${NS.r}"><p:cSld><p:spTree>${shapes.join("")}</p:spTree></p:cSld></p:sld>`;
  const lists = content.lists.flatMap((l) => [
    para(l.lead, "<a:pPr><a:buNone/></a:pPr>"),
    ...l.items.flatMap((i) => [para(i.text, bullet(l.ordered, 0)), ...(i.sub?.items.map((s) => para(s, bullet(i.sub!.ordered, 1))) ?? [])]),
  ]);
  return officeZip({
    "[Content_Types].xml": contentTypes("presentationml.presentation.main", "/ppt/presentation.xml", ["presentationml.slide", "/ppt/slides/slide1.xml"], ["presentationml.slide", "/ppt/slides/slide2.xml"]),
    "_rels/.rels": relationships(["officeDocument", "ppt/presentation.xml"], ["metadata/core-properties", "docProps/core.xml"]),
    "docProps/core.xml": coreProperties(content.title),
    "ppt/presentation.xml": `<p:presentation xmlns:p="${NS.p}" xmlns:r="${NS.r}"><p:sldIdLst><p:sldId id="256" r:id="rId1"/><p:sldId id="257" r:id="rId2"/></p:sldIdLst></p:presentation>`,
    "ppt/_rels/presentation.xml.rels": relationships(["slide", "slides/slide1.xml"], ["slide", "slides/slide2.xml"]),
    "ppt/slides/slide1.xml": slide(title(content.title), body([para(content.intro, "<a:pPr><a:buNone/></a:pPr>")]), table),
    "ppt/slides/slide2.xml": slide(title("How to ask"), body(lists)),
  });
}

/** One worksheet, named after the title, holding the table from A1 as inline strings. */
export function asXlsx(content: PolicyContent): Uint8Array {
  const column = (i: number) => String.fromCharCode(65 + i);
  const rows = content.table.map(
    (row, r) => `<row r="${r + 1}">${row.map((text, c) => `<c r="${column(c)}${r + 1}" t="inlineStr"><is><t>${escapeXml(text)}</t></is></c>`).join("")}</row>`,
  );
  return officeZip({
    "[Content_Types].xml": contentTypes("spreadsheetml.sheet.main", "/xl/workbook.xml", ["spreadsheetml.worksheet", "/xl/worksheets/sheet1.xml"]),
    "_rels/.rels": relationships(["officeDocument", "xl/workbook.xml"], ["metadata/core-properties", "docProps/core.xml"]),
    "docProps/core.xml": coreProperties(content.title),
    "xl/workbook.xml": `<workbook xmlns="${NS.sheet}" xmlns:r="${NS.r}"><sheets><sheet name="${escapeXml(content.title.slice(0, 31))}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": relationships(["worksheet", "worksheets/sheet1.xml"]),
    "xl/worksheets/sheet1.xml": `<worksheet xmlns="${NS.sheet}"><sheetData>${rows.join("")}</sheetData></worksheet>`,
  });
}

function officeZip(parts: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(parts).map(([name, xml]) => [name, strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${xml}`)])));
}

/** Relationships numbered rId1, rId2, ... in order; the core properties' type lives under package/. */
function relationships(...targets: [type: string, target: string][]): string {
  const type = (t: string) => (t.startsWith("metadata/") ? `http://schemas.openxmlformats.org/package/2006/relationships/${t}` : `${NS.r}/${t}`);
  return `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${targets
    .map(([t, target], i) => `<Relationship Id="rId${i + 1}" Type="${type(t)}" Target="${target}"/>`)
    .join("")}</Relationships>`;
}

function contentTypes(main: string, mainPart: string, ...parts: [type: string, name: string][]): string {
  const override = (type: string, name: string) => `<Override PartName="${name}" ContentType="application/vnd.openxmlformats-officedocument.${type}+xml"/>`;
  return `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${override(main, mainPart)}${parts
    .map(([t, n]) => override(t, n))
    .join("")}<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`;
}

function coreProperties(title: string): string {
  return `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${escapeXml(title)}</dc:title></cp:coreProperties>`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
