/**
 * The shape of the Larkspur Logistics documents that build.ts renders into PDFs.
 *
 * A document is a list of pages (one PDF page each, with explicit page breaks); a page is a list of
 * blocks. A table is defined once and placed with a "table" block; a table that continues onto the
 * next page is placed twice, with `from`/`to` row ranges and `continued` on the second placement,
 * so its header row is drawn again at the top of the continuation.
 */

export type Align = "left" | "right" | "center";

export interface Column {
  /** Header text, one entry per header line (two or three lines for a multi-line header). */
  header: string[];
  /** Width in points; the columns of a table must fit the 480-point text width. */
  width: number;
  align?: Align;
}

/** A label spanning `span` adjacent columns, drawn in a header row above the column headers. */
export interface ColumnGroup {
  label: string;
  span: number;
}

/**
 * "grid": ruled cells with a shaded header row. "plain": no rules and no shading, columns aligned by
 * whitespace only, header in bold.
 */
export type TableStyle = "grid" | "plain";

export interface Table {
  caption: string;
  style: TableStyle;
  columns: Column[];
  groups?: ColumnGroup[];
  rows: string[][];
  /** Extra space between rows, in points (for tables whose cells wrap). */
  rowGap?: number;
  fontSize?: number;
}

export type Block =
  | { kind: "h1"; text: string }
  | { kind: "h2"; text: string }
  | { kind: "p"; text: string }
  | { kind: "bullet"; text: string }
  | { kind: "note"; text: string }
  | { kind: "table"; table: Table; from?: number; to?: number; continued?: boolean };

export interface DocumentSource {
  file: string;
  title: string;
  /** Short title for the running header. */
  short: string;
  subject: string;
  pages: Block[][];
}

export const h1 = (text: string): Block => ({ kind: "h1", text });
export const h2 = (text: string): Block => ({ kind: "h2", text });
export const p = (text: string): Block => ({ kind: "p", text });
export const bullet = (text: string): Block => ({ kind: "bullet", text });
export const note = (text: string): Block => ({ kind: "note", text });
export const table = (t: Table, range?: { from?: number; to?: number; continued?: boolean }): Block => ({
  kind: "table",
  table: t,
  ...range,
});

export const AUTHOR = "Larkspur Logistics, Inc.";
