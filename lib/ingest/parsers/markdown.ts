import type { Html, List, Nodes, RootContent, Table } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import { HeadingTrail, ListLines, tableText, withOffsets, type ParsedDocument, type RawBlock } from "../document-model";
import { parseHtml } from "./html";
import { renderLiquidAway } from "./liquid";

// YAML front matter must open on the very first line; anything else is ordinary Markdown.
const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** Parses Markdown (with GFM tables, task lists, strikethrough) into the normalized document model. */
export function parseMarkdown(source: string, fallbackTitle: string): ParsedDocument {
  const frontMatter = FRONT_MATTER.exec(source);
  // Front matter marks a static site's page, whose Liquid tags the site would have rendered.
  const body = frontMatter ? renderLiquidAway(source.slice(frontMatter[0].length)) : source;
  const tree = fromMarkdown(body, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });

  const raw: RawBlock[] = [];
  const trail = new HeadingTrail();
  let firstH1: string | undefined;
  const heading = (text: string, level: number) => {
    if (level === 1) firstH1 ??= text;
    raw.push({ kind: "heading", text, level, headingPath: trail.enter(level, text) });
  };

  const walk = (nodes: RootContent[]) => {
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      switch (node.type) {
        case "heading": {
          // A heading is one line, even with a <br> in it.
          const text = inlineText(node).replace(/\s*\n\s*/g, " ").trim();
          if (text) heading(text, node.depth);
          break;
        }
        case "paragraph":
          raw.push({ kind: "paragraph", text: inlineText(node).trim(), headingPath: trail.path });
          break;
        case "list": {
          const lines = new ListLines();
          listLines(node, 0, lines);
          raw.push({ kind: "list", text: lines.text, headingPath: trail.path });
          break;
        }
        case "table":
          raw.push({ kind: "table", text: tableBlockText(node), headingPath: trail.path });
          break;
        case "code":
          raw.push({ kind: "code", text: node.value, headingPath: trail.path });
          break;
        // Containers whose content is ordinary blocks: quotes and footnote bodies.
        case "blockquote":
        case "footnoteDefinition":
          walk(node.children);
          break;
        // A handbook's office addresses or contacts are often an HTML table inside the Markdown:
        // read as HTML is, under the Markdown's headings. An HTML block ends at a blank line, so
        // one table may come in several pieces: they are read together.
        case "html": {
          let html = node.value;
          while (nodes[i + 1]?.type === "html") html += `\n\n${(nodes[++i] as Html).value}`;
          for (const b of parseHtml(html, "").blocks) {
            if (b.kind === "heading") heading(b.text, b.level!);
            else raw.push({ kind: b.kind, text: b.text, headingPath: trail.path });
          }
          break;
        }
        // Link definitions and rules carry no prose worth citing.
        default:
          break;
      }
    }
  };
  walk(tree.children);

  const title = firstH1 ?? (frontMatter?.[1] ? frontMatterTitle(frontMatter[1]) : undefined) ?? fallbackTitle;
  return { title, blocks: withOffsets(raw) };
}

/** Plain text of inline content: formatting dropped, links keep their text, images their alt text. */
function inlineText(node: Nodes): string {
  switch (node.type) {
    case "text":
    case "inlineCode":
      return node.value;
    case "break":
      return "\n";
    case "image":
      return node.alt ?? "";
    // Inline HTML is markup, except a line break, which must not join the words either side.
    case "html":
      return /^<br\b/i.test(node.value) ? "\n" : "";
    case "footnoteReference":
      return "";
    default:
      return "children" in node ? node.children.map((c) => inlineText(c as Nodes)).join("") : "";
  }
}

/** One line per item ("- text", "3. text"), nested lists indented under their item's text. */
function listLines(list: List, depth: number, out: ListLines): void {
  list.children.forEach((item, i) => {
    const marker = list.ordered ? `${(list.start ?? 1) + i}.` : "-";
    const task = item.checked == null ? "" : item.checked ? "[x] " : "[ ] ";
    let first = true;
    for (const child of item.children) {
      if (child.type === "list") {
        // An item that starts with a nested list still gets its own marker line.
        if (first) out.item(depth, marker, "");
        first = false;
        listLines(child, depth + 1, out);
        continue;
      }
      const text = (child.type === "code" ? child.value : inlineText(child)).trim().replace(/\n+/g, " ");
      if (!text) continue;
      // Later paragraphs of the same item continue it, aligned under the first line's text.
      if (first) out.item(depth, marker, `${task}${text}`);
      else out.continuation(depth, text);
      first = false;
    }
  });
}

function tableBlockText(table: Table): string {
  return tableText(table.children.map((row) => row.children.map((cell) => inlineText(cell))));
}

function frontMatterTitle(yaml: string): string | undefined {
  const match = /^title:[ \t]*(.+?)[ \t]*$/m.exec(yaml);
  const value = match?.[1]?.replace(/^(["'])(.*)\1$/, "$2").trim();
  return value || undefined;
}
