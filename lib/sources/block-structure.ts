import type { List, Node, RootContent, Table } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";

/*
 * The structure of a table or list block, for the source viewer. Every parser writes these blocks
 * as Markdown (tables as GFM rows, lists as "- " and "1. " lines; see lib/ingest/document-model),
 * so the same Markdown parser the ingester uses reads their structure back. The parts point at
 * offsets into the block's text rather than copying it: the viewer then marks a cited passage on
 * exactly the characters the chunker's span covers, and shows the stored text as stored (it is
 * plain text already, so a "*" in it is a star, not emphasis).
 */

/** [start, end) offsets into a block's text. */
export type Span = [number, number];

export type BlockPart =
  | { kind: "text"; span: Span }
  | { kind: "list"; ordered: boolean; start: number; items: ListItemParts[] }
  | { kind: "table"; head: Span[]; rows: Span[][] };

export interface ListItemParts {
  /** A task list item's box: null when the item is not a task. */
  checked: boolean | null;
  parts: BlockPart[];
}

/** The parts of a table or list block's text; text the parser reads as neither stays text. */
export function blockParts(text: string): BlockPart[] {
  const tree = fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  return partsOf(tree.children);
}

function partsOf(nodes: RootContent[]): BlockPart[] {
  return nodes.flatMap((node): BlockPart[] => {
    if (node.type === "list") return [listParts(node)];
    if (node.type === "table") return [tableParts(node)];
    const span = contentSpan(node);
    return span ? [{ kind: "text", span }] : [];
  });
}

function listParts(list: List): BlockPart {
  return {
    kind: "list",
    ordered: list.ordered === true,
    start: list.start ?? 1,
    items: list.children.map((item) => ({ checked: item.checked ?? null, parts: partsOf(item.children) })),
  };
}

function tableParts(table: Table): BlockPart {
  const cells = table.children.map((row) => row.children.map((cell) => contentSpan(cell) ?? emptyAt(cell)));
  const [head = [], ...rows] = cells;
  return { kind: "table", head, rows };
}

/**
 * From the first to the last character of a node's content. A paragraph's own position can start
 * before its content (a task item's "[x] " box), so its leaves decide.
 */
function contentSpan(node: Node): Span | null {
  const leaves = leavesOf(node);
  const start = leaves[0]?.position?.start.offset;
  const end = leaves.at(-1)?.position?.end.offset;
  return start === undefined || end === undefined ? null : [start, end];
}

function leavesOf(node: Node): Node[] {
  const children = (node as { children?: Node[] }).children;
  if (!children) return [node];
  return children.flatMap(leavesOf);
}

function emptyAt(node: Node): Span {
  const at = node.position?.start.offset ?? 0;
  return [at, at];
}

/** Table rows escape a pipe inside a cell as "\|" (document-model's tableText); the reader sees "|". */
export function unescapeCell(text: string): string {
  return text.replace(/\\\|/g, "|");
}
