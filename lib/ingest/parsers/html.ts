import type { Element, ElementContent, Nodes, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { HeadingTrail, ListLines, tableText, withOffsets, type ParsedDocument, type RawBlock } from "../document-model";

/** Elements that never hold document prose: code, styling, navigation, embedded media. */
const SKIP = new Set(["script", "style", "nav", "noscript", "template", "head", "svg", "iframe", "object", "button", "select"]);

/**
 * Elements that start a new block. Anything else (spans, links, emphasis, bare text) is inline and
 * gathered into a paragraph, so text sitting directly inside a <div> is not lost.
 */
const BLOCK = new Set([
  "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "div", "dl", "dt",
  "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
  "hr", "html", "li", "main", "ol", "p", "pre", "section", "summary", "table", "ul", "caption", "legend",
]);

/** Parses HTML (web pages, and DOCX after mammoth's conversion) into the normalized document model. */
export function parseHtml(html: string, fallbackTitle: string): ParsedDocument {
  const tree = fromHtml(html);
  const raw: RawBlock[] = [];
  const trail = new HeadingTrail();
  let firstH1: string | undefined;

  const block = (el: Element) => {
    const tag = el.tagName;
    if (SKIP.has(tag) || tag === "hr") return;
    const level = /^h([1-6])$/.exec(tag)?.[1];
    if (level) {
      const text = inlineText(el.children).replace(/\n+/g, " ");
      if (!text) return;
      if (level === "1") firstH1 ??= text;
      raw.push({ kind: "heading", text, level: Number(level), headingPath: trail.enter(Number(level), text) });
    } else if (tag === "p") {
      raw.push({ kind: "paragraph", text: inlineText(el.children), headingPath: trail.path });
    } else if (tag === "ul" || tag === "ol") {
      const lines = new ListLines();
      listLines(el, 0, lines);
      raw.push({ kind: "list", text: lines.text, headingPath: trail.path });
    } else if (tag === "table") {
      raw.push({ kind: "table", text: tableText(tableRows(el)), headingPath: trail.path });
    } else if (tag === "pre") {
      raw.push({ kind: "code", text: rawText(el).replace(/^\n|\s+$/g, ""), headingPath: trail.path });
    } else {
      walk(el.children);
    }
  };

  // Runs of inline content between blocks become paragraphs of their own.
  const walk = (children: (ElementContent | Root["children"][number])[]) => {
    let inline: ElementContent[] = [];
    const flush = () => {
      const text = inlineText(inline);
      if (text) raw.push({ kind: "paragraph", text, headingPath: trail.path });
      inline = [];
    };
    for (const child of children) {
      if (child.type === "element" && BLOCK.has(child.tagName)) {
        flush();
        block(child);
      } else if (child.type === "text" || child.type === "element") {
        inline.push(child);
      }
    }
    flush();
  };
  walk(tree.children);

  const titleEl = findElement(tree, "title");
  const title = (titleEl && inlineText(titleEl.children)) || firstH1 || fallbackTitle;
  return { title, blocks: withOffsets(raw) };
}

/**
 * Visible text with HTML whitespace collapsed; <br> and nested blocks become line breaks so that
 * two paragraphs inside one list item or cell do not run together.
 */
function inlineText(nodes: ElementContent[]): string {
  const parts: string[] = [];
  const visit = (node: ElementContent) => {
    if (node.type === "text") parts.push(node.value.replace(/\s+/g, " "));
    if (node.type !== "element" || SKIP.has(node.tagName)) return;
    if (node.tagName === "br") return void parts.push("\n");
    const isBlock = BLOCK.has(node.tagName);
    if (isBlock) parts.push("\n");
    node.children.forEach(visit);
    if (isBlock) parts.push("\n");
  };
  nodes.forEach(visit);
  return parts
    .join("")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .join("\n");
}

/** Text exactly as written, for <pre> where whitespace is meaningful. */
function rawText(node: Nodes): string {
  if (node.type === "text") return node.value;
  if (node.type === "element" && node.tagName === "br") return "\n";
  return "children" in node ? node.children.map(rawText).join("") : "";
}

function listLines(list: Element, depth: number, out: ListLines): void {
  const start = list.properties.start;
  let number = typeof start === "number" ? start : 1;
  const isList = (node: ElementContent) => node.type === "element" && (node.tagName === "ul" || node.tagName === "ol");
  for (const child of list.children) {
    if (child.type !== "element") continue;
    // A list nested directly in a list (invalid, but common in generated HTML) is still a sub-list.
    if (isList(child)) {
      listLines(child, depth + 1, out);
      continue;
    }
    if (child.tagName !== "li") continue;
    const marker = list.tagName === "ol" ? `${number++}.` : "-";
    out.item(depth, marker, inlineText(child.children.filter((c) => !isList(c))).replace(/\n+/g, " "));
    for (const sub of child.children.filter((c): c is Element => isList(c))) listLines(sub, depth + 1, out);
  }
}

/**
 * Rows in document order through thead/tbody/tfoot, laid on a grid (rows of nested tables stay
 * inside their cell's text). A cell spanning rows is repeated in each row it covers, so every row
 * keeps its label; a body cell spanning columns fills the first of them. Header rows (in <thead>, or
 * leading rows of <th> only) whose cells span become one header row, a column's names joined
 * ("Plan A In network"), so every column keeps its name; a header cell spanning columns names each.
 */
function tableRows(table: Element): string[][] {
  const trs: { cells: Element[]; head: boolean }[] = [];
  const visit = (el: Element, inHead: boolean) => {
    for (const child of el.children) {
      if (child.type !== "element") continue;
      if (child.tagName === "tr") {
        const cells = child.children.filter((c): c is Element => c.type === "element" && (c.tagName === "td" || c.tagName === "th"));
        trs.push({ cells, head: inHead || (cells.length > 0 && cells.every((c) => c.tagName === "th")) });
      } else if (child.tagName === "thead" || child.tagName === "tbody" || child.tagName === "tfoot") {
        visit(child, child.tagName === "thead");
      }
    }
  };
  visit(table, false);

  const below: { text: string; rows: number }[] = [];
  // The last header row holding a cell that spans: the rows of a grouped header end below it.
  let lastSpanning = -1;
  const grid = trs.map(({ cells, head }, r) => {
    const row: string[] = [];
    let col = 0;
    const carry = () => {
      while (below[col]?.rows) {
        row[col] = below[col]!.text;
        below[col]!.rows--;
        col++;
      }
    };
    for (const cell of cells) {
      carry();
      const text = inlineText(cell.children).replace(/\n+/g, " ");
      const [colspan, rowspan] = [span(cell, "colSpan"), span(cell, "rowSpan")];
      if (head && colspan * rowspan > 1) lastSpanning = r;
      for (let k = 0; k < colspan; k++, col++) {
        row[col] = head || k === 0 ? text : "";
        if (rowspan > 1) below[col] = { text: row[col]!, rows: rowspan - 1 };
      }
    }
    carry();
    return { row: Array.from(row, (c) => c ?? ""), head };
  });

  // Header rows are one header only down to the row below the last one whose cells span (a group
  // over its columns): mammoth marks every row after a repeated header row as a header too.
  const leading = grid.findIndex((r) => !r.head);
  const heads = grid.slice(0, Math.min(leading < 0 ? grid.length : leading, lastSpanning + 2)).map((r) => r.row);
  const body = grid.slice(heads.length).map((r) => r.row).filter((row) => row.some(Boolean));
  if (heads.length < 2) return [...heads, ...body].filter((row) => row.some(Boolean));
  const width = Math.max(...heads.map((r) => r.length));
  const header = Array.from({ length: width }, (_, c) => heads.map((r) => r[c] ?? "").filter((t, i, all) => t && t !== all[i - 1]).join(" "));
  return [header, ...body];
}

/** A cell's colspan or rowspan: at least 1, and at most a sane table's size. */
function span(cell: Element, name: "colSpan" | "rowSpan"): number {
  const n = Number(cell.properties[name] ?? 1);
  return Number.isInteger(n) && n > 1 ? Math.min(n, 100) : 1;
}

function findElement(node: Nodes, tagName: string): Element | undefined {
  if (node.type === "element" && node.tagName === tagName) return node;
  if (!("children" in node)) return undefined;
  for (const child of node.children) {
    const found = findElement(child, tagName);
    if (found) return found;
  }
  return undefined;
}
