import type { Element } from "@xmldom/xmldom";
import { HeadingTrail, ListLines, tableText, withOffsets, type ParsedDocument, type RawBlock } from "../document-model";
import { UnprocessableDocumentError } from "../errors";
import { child, children, coreTitle, descendants, openOfficeZip, relId, type OfficeZip } from "./zip-guard";

/** Placeholders that repeat on every slide (date, footer, slide number) say nothing about the slide. */
const SKIP_PLACEHOLDERS = new Set(["dt", "ftr", "sldNum", "hdr", "sldImg"]);

type Item = RawBlock & { isTitle?: boolean };

/**
 * PPTX: slides in presentation order, each a "Slide N: <title>" heading followed by its text
 * frames, tables, charts and picture descriptions, then "Notes: ..." for the speaker notes.
 *
 * For PPTX, `page` means slide: every block carries its slide number (and pageCount the number of
 * slides) so a citation can say "slide N". Slides without any text are left out.
 */
export function parsePptx(bytes: Uint8Array, fallbackTitle: string): ParsedDocument {
  const invalid = (cause?: unknown) => new UnprocessableDocumentError("The file is not a valid PowerPoint (.pptx) presentation.", { cause });
  const zip = openOfficeZip(bytes);
  const presentation = zip.xml("ppt/presentation.xml");
  if (!presentation) throw invalid();
  try {
    return readSlides(zip, presentation, fallbackTitle);
  } catch (err) {
    // Anything but our own verdicts means a structure this parser did not expect: the file is at fault, retrying won't help.
    throw err instanceof UnprocessableDocumentError ? err : invalid(err);
  }
}

function readSlides(zip: OfficeZip, presentation: Element, fallbackTitle: string): ParsedDocument {
  const slides = slideParts(zip, presentation);
  const raw: RawBlock[] = [];
  let firstSlideTitle: string | undefined;
  slides.forEach((part, index) => {
    const page = index + 1;
    const rels = zip.rels(part);
    const items = shapeItems(child(zip.xml(part), "cSld", "spTree"), zip, rels).filter((i) => i.text.trim());
    // The title placeholder, else the first line of text, names the slide.
    const titleItem = items.find((i) => i.isTitle) ?? items.find((i) => i.kind === "paragraph" || i.kind === "list");
    const title = titleItem ? shorten(titleItem.text.split("\n")[0]!.replace(/^\s*(- |\d+\. )/, "")) : "";
    firstSlideTitle ??= title || undefined;
    const notesPart = [...rels.values()].find((r) => r.type.endsWith("/notesSlide"))?.target;
    const notes = notesPart ? notesText(child(zip.xml(notesPart), "cSld", "spTree")) : "";
    if (notes) items.push({ kind: "paragraph", text: `Notes: ${notes}`, headingPath: [] });
    if (items.length === 0) return;
    const heading = title ? `Slide ${page}: ${title}` : `Slide ${page}`;
    const trail = new HeadingTrail();
    raw.push({ kind: "heading", text: heading, level: 1, page, headingPath: trail.enter(1, heading) });
    for (const item of items) {
      // The title is in the heading already; a fallback title's frame stays unless it was only that line.
      if (item.isTitle || (item === titleItem && item.text === title)) continue;
      raw.push({ kind: item.kind, text: item.text, page, headingPath: trail.path });
    }
  });
  return { title: coreTitle(zip) ?? firstSlideTitle ?? fallbackTitle, blocks: withOffsets(raw), pageCount: slides.length };
}

/** Slide parts in the order of presentation.xml's slide list; slides never listed are not shown by PowerPoint either. */
function slideParts(zip: OfficeZip, presentation: Element): string[] {
  const rels = zip.rels("ppt/presentation.xml");
  const listed = children(child(presentation, "sldIdLst"), "sldId")
    .map((s) => rels.get(relId(s) ?? "")?.target)
    .filter((t): t is string => !!t);
  if (listed.length > 0) return listed;
  const number = (name: string) => Number(/(\d+)\.xml$/.exec(name)?.[1] ?? 0);
  return zip.names.filter((n) => /^ppt\/slides\/[^/]+\.xml$/i.test(n)).sort((a, b) => number(a) - number(b));
}

/** Blocks of one shape tree in document (z-)order, recursing into groups. */
function shapeItems(tree: Element | undefined, zip: OfficeZip, rels: ReturnType<OfficeZip["rels"]>): Item[] {
  const items: Item[] = [];
  for (let node = tree?.firstChild; node; node = node.nextSibling) {
    if (node.nodeType !== node.ELEMENT_NODE) continue;
    const el = node as Element;
    switch (el.localName) {
      case "sp": {
        const ph = child(el, "nvSpPr", "nvPr", "ph");
        const type = ph?.getAttribute("type") ?? (ph ? "obj" : undefined);
        if (type && SKIP_PLACEHOLDERS.has(type)) break;
        if (type === "title" || type === "ctrTitle") {
          const text = paragraphs(el).map(paragraphText).filter(Boolean).join(" ");
          if (text) items.push({ kind: "heading", text, headingPath: [], isTitle: true });
        } else {
          items.push(...textFrame(el, type === "obj" || type === "body"));
        }
        break;
      }
      case "grpSp":
        items.push(...shapeItems(el, zip, rels));
        break;
      case "AlternateContent": // newer markup first; its fallback repeats the same content
        items.push(...shapeItems(children(el, "Choice")[0] ?? children(el, "Fallback")[0], zip, rels));
        break;
      case "graphicFrame": {
        const data = child(el, "graphic", "graphicData");
        const table = child(data, "tbl");
        const chart = child(data, "chart");
        if (table) items.push({ kind: "table", text: tableText(tableRows(table)), headingPath: [] });
        const chartPart = chart && rels.get(relId(chart) ?? "")?.target;
        if (chartPart) items.push(...chartItems(zip.xml(chartPart)));
        break;
      }
      case "pic": {
        const description = child(el, "nvPicPr", "cNvPr")?.getAttribute("descr")?.replace(/\s+/g, " ").trim();
        if (description) items.push({ kind: "paragraph", text: `Image: ${description}`, headingPath: [] });
        break;
      }
    }
  }
  return items;
}

const paragraphs = (shape: Element) => children(child(shape, "txBody"), "p");

function paragraphText(p: Element): string {
  const parts: string[] = [];
  for (let node = p.firstChild; node; node = node.nextSibling) {
    const el = node as Element;
    if (el.localName === "r" || el.localName === "fld") parts.push(child(el, "t")?.textContent ?? "");
    else if (el.localName === "br") parts.push("\n");
  }
  return parts.join("").replace(/[^\S\n]+/g, " ").replace(/ ?\n ?/g, "\n").trim();
}

/**
 * A text frame's paragraphs, consecutive bulleted ones as a list. Bullets are explicit on the
 * paragraph or in the frame's list style; body placeholders inherit them from the master unless
 * they say buNone. (Reading the master itself is not worth it for text extraction.)
 */
function textFrame(shape: Element, placeholderBullets: boolean): Item[] {
  const listStyle = child(shape, "txBody", "lstStyle");
  const lines = paragraphs(shape).flatMap((p) => {
    const text = paragraphText(p);
    if (!text) return [];
    const level = Number(child(p, "pPr")?.getAttribute("lvl") ?? 0);
    const props = [child(p, "pPr"), child(listStyle, `lvl${level + 1}pPr`)];
    const explicit = props.map((pr) => pr && (child(pr, "buNone") ? "none" : child(pr, "buAutoNum") ? "number" : child(pr, "buChar") ? "bullet" : undefined)).find(Boolean);
    const bullet = explicit ?? (placeholderBullets ? "bullet" : "none");
    return [{ text, level, bullet }];
  });
  const items: Item[] = [];
  let list: ListLines | undefined;
  let numbers: number[] = [];
  for (const line of lines) {
    const last = items.at(-1);
    if (line.bullet === "none") {
      list = undefined;
      if (last?.kind === "paragraph") last.text += `\n${line.text}`;
      else items.push({ kind: "paragraph", text: line.text, headingPath: [] });
      continue;
    }
    if (!list) [list, numbers] = [new ListLines(), []];
    // Numbering restarts under each item of a higher level, as PowerPoint numbers sub-items.
    numbers = numbers.slice(0, line.level + 1);
    const marker = line.bullet === "number" ? `${(numbers[line.level] = (numbers[line.level] ?? 0) + 1)}.` : "-";
    list.item(line.level, marker, line.text.replace(/\n/g, " "));
    // A paragraph ends a list, so the last item is this list's block from its second line on.
    if (last?.kind === "list") last.text = list.text;
    else items.push({ kind: "list", text: list.text, headingPath: [] });
  }
  return items;
}

function tableRows(table: Element): string[][] {
  return children(table, "tr")
    .map((tr) => children(tr, "tc").map((tc) => paragraphs(tc).map(paragraphText).filter(Boolean).join(" ")))
    .filter((row) => row.some(Boolean));
}

/** A chart's title and its cached data (what the chart shows), as a table of categories by series. */
function chartItems(chartSpace: Element | undefined): Item[] {
  const chart = child(chartSpace, "chart");
  if (!chart) return [];
  const title = descendants(child(chart, "title"), "t").map((t) => t.textContent ?? "").join("").trim();
  const series = descendants(child(chart, "plotArea"), "ser");
  const points = (el: Element | undefined) => new Map(descendants(el, "pt").map((pt) => [pt.getAttribute("idx") ?? "", child(pt, "v")?.textContent ?? ""]));
  const categories = points(child(series[0], "cat") ?? child(series[0], "xVal"));
  const header = ["", ...series.map((s, i) => descendants(child(s, "tx"), "v")[0]?.textContent ?? `Series ${i + 1}`)];
  const values = series.map((s) => points(child(s, "val") ?? child(s, "yVal")));
  const indexes = [...new Set([...categories.keys(), ...values.flatMap((v) => [...v.keys()])])].sort((a, b) => Number(a) - Number(b));
  const rows = indexes.map((idx) => [categories.get(idx) ?? "", ...values.map((v) => v.get(idx) ?? "")]);
  if (!title && rows.length === 0) return [];
  const items: Item[] = [{ kind: "paragraph", text: title ? `Chart: ${title}` : "Chart", headingPath: [] }];
  if (rows.length > 0) items.push({ kind: "table", text: tableText([header, ...rows]), headingPath: [] });
  return items;
}

/** The notes page's body placeholder holds the speaker notes; the others are the slide image and number. */
function notesText(tree: Element | undefined): string {
  const body = descendants(tree, "sp").filter((sp) => child(sp, "nvSpPr", "nvPr", "ph")?.getAttribute("type") === "body");
  return body.flatMap((sp) => paragraphs(sp).map(paragraphText)).filter(Boolean).join("\n");
}

function shorten(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117).replace(/\s+\S*$/, "")}…` : text;
}
