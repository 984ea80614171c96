/**
 * Tables in a PDF's text layer. A PDF has no table structure, only text placed on the page, so a
 * table is recognised the way a reader sees one: consecutive lines split into cells by wide gaps,
 * whose cells line up in the same columns. What comes out is rows of cells for `tableText`, so a
 * PDF table reads, renders and is quoted like a Markdown or DOCX one (a row keeps its header).
 *
 * No maintained JavaScript library does this on top of pdf.js's text items (the ones that exist
 * read a second PDF engine's output or need the column names given), so it is done here, on the
 * lines `pdf.ts` already builds.
 */

export interface Cell { text: string; x: number; right: number }
export interface TableLine { cells: Cell[]; y: number; size: number }
export interface FoundTable { start: number; end: number; rows: string[][] }
interface Span { x: number; right: number }

/**
 * A gap this many font sizes wide between two pieces of text on a line separates cells, not words:
 * a space is about a quarter of the size, and Word's cell padding leaves about 11 points.
 */
export const CELL_GAP = 0.8;
// Lines whose baselines differ by less than this many font sizes are one line of the page.
const SAME_BASELINE = 0.3;
// Rows of a padded table sit further apart than lines of prose, but not this far.
const MAX_ROW_GAP = 3;
// A table has a header and at least two rows split into cells (or see `headerAndRow`).
const MIN_SPLIT_LINES = 3;
// A cell's text wrapped onto the next line sits at most this many font sizes below it.
const WRAPPED_LINE_GAP = 1.5;
// One-cell lines in a row inside a table: a section row, or a cell's text wrapped onto more lines.
const MAX_UNSPLIT = 3;
// Text in columns whose cells are all this long is prose set in columns, not a table.
const SHORT_CELL = 25;
// Or columns whose cells, on average, fill no more than this share of the column's width.
const MAX_PROSE_FILL = 0.75;
/** The glyphs a PDF list item starts with; the PDF parser reads a line starting with one as an item. */
export const BULLET_GLYPHS = "[•◦▪▫‣⁃●○■□–*-]";
const LIST_MARK = new RegExp(`^(?:${BULLET_GLYPHS}|\\(?(?:\\d{1,2}|[a-z]|[ivx]+)[.)])$`, "iu");
// A bare figure ("2022", "$1,500", "10.2%") is a value, never a column's name.
const FIGURE = /^[-+$€£¥]?\d[\d.,:/%-]*$/u;

/**
 * A page's lines regrouped as the page shows them: lines that share a baseline become one, their
 * cells left to right, top to bottom. Producers draw a table cell by cell (each cell's wrapped
 * lines, then the next cell's), so the lines in drawing order never hold a row; `sources` gives
 * the lines each one came from.
 */
export function visualLines(lines: TableLine[]): (TableLine & { sources: number[] })[] {
  const order = lines.map((_, i) => i).sort((a, b) => lines[b]!.y - lines[a]!.y || (lines[a]!.cells[0]?.x ?? 0) - (lines[b]!.cells[0]?.x ?? 0));
  const rows: (TableLine & { sources: number[] })[] = [];
  for (const i of order) {
    const line = lines[i]!;
    const last = rows.at(-1);
    if (last && Math.abs(last.y - line.y) <= Math.min(last.size, line.size) * SAME_BASELINE) {
      last.sources.push(i);
      last.cells.push(...line.cells);
      last.size = Math.max(last.size, line.size);
    } else rows.push({ y: line.y, size: line.size, cells: [...line.cells], sources: [i] });
  }
  for (const row of rows) row.cells = joinCloseCells(row.cells.sort((a, b) => a.x - b.x), row.size);
  return rows;
}

/** Pieces of one line drawn separately but closer than a cell gap are one cell. */
function joinCloseCells(cells: Cell[], size: number): Cell[] {
  const joined: Cell[] = [];
  for (const cell of cells) {
    const last = joined.at(-1);
    if (last && cell.x - last.right <= size * CELL_GAP) joined[joined.length - 1] = { text: `${last.text} ${cell.text}`, x: last.x, right: Math.max(last.right, cell.right) };
    else joined.push({ ...cell });
  }
  return joined;
}

/**
 * Finds the tables among a page's lines (`visualLines`, top to bottom). A table is a run of lines going down
 * the page, starting and ending with lines split into at least two cells; a few lines of one cell
 * may sit between split lines (a section row, or a cell's wrapped text). Its columns are where the
 * cells of the split lines overlap, and it ends before a split line whose cells do not fit them.
 */
export function findTables(lines: TableLine[]): FoundTable[] {
  const tables: FoundTable[] = [];
  let i = 0;
  while (i < lines.length) {
    const table = tableFrom(lines, i);
    if (table) {
      const above = lines[i - 1];
      const free = i - 1 >= (tables.at(-1)?.end ?? 0);
      if (above && free && groupsColumns(above, lines[i]!, table.columns)) {
        table.rows[0] = withGroupLabels(table.rows[0]!, above, table.columns);
        table.start = i - 1;
      }
      tables.push({ start: table.start, end: table.end, rows: table.rows });
    }
    i = table?.end ?? i + 1;
  }
  return tables;
}

/**
 * A line just above a table's first row whose cells each stand over one or more of its columns,
 * but not one cell per column: labels that group columns ("Plan A" over "In network" and "Out of
 * network").
 */
function groupsColumns(above: TableLine, first: TableLine, columns: Span[]): boolean {
  const gap = above.y - first.y;
  if (gap <= 0 || gap > Math.max(above.size, first.size) * MAX_ROW_GAP) return false;
  const spanned = (cell: Cell) => columns.filter((col) => overlap(col, cell) > 0).length;
  // Labels stand right of the first column, which names the rows; a line reaching into it is the
  // table's own header set too tightly to split into its columns, not labels over them.
  if (above.cells.some((cell) => cell.x <= columns[0]!.right)) return false;
  // One label alone must stand over several columns.
  if (above.cells.length === 1) return spanned(above.cells[0]!) >= 2;
  return above.cells.every((cell) => spanned(cell) > 0);
}

/** The header with each column's group label before its own name. */
function withGroupLabels(header: string[], above: TableLine, columns: Span[]): string[] {
  return header.map((name, c) => {
    const group = above.cells.find((cell) => overlap(columns[c]!, cell) > 0);
    return [group?.text, name].filter(Boolean).join(" ");
  });
}

const overlap = (a: Span, b: Span) => Math.min(a.right, b.right) - Math.max(a.x, b.x);

/** The table whose first row is `lines[start]`, if one starts there. */
function tableFrom(lines: TableLine[], start: number): (FoundTable & { columns: Span[] }) | undefined {
  if ((lines[start]?.cells.length ?? 0) < 2) return undefined;
  const split = [lines[start]!];
  let columns = columnsFor(split);
  if (!columns) return undefined;
  let end = start + 1;
  let unsplit = 0;
  for (let j = start + 1; j < lines.length; j++) {
    const [prev, line] = [lines[j - 1]!, lines[j]!];
    const gap = prev.y - line.y;
    if (gap <= 0 || gap > Math.max(prev.size, line.size) * MAX_ROW_GAP) break;
    if (line.cells.length < 2) {
      // A line in a larger font than the rows is a heading: the next table's, or the text's.
      if (++unsplit > MAX_UNSPLIT || line.size > split.at(-1)!.size * 1.1) break;
      continue;
    }
    const grown = columnsFor([...split, line]);
    if (!grown) break;
    split.push(line);
    [columns, end, unsplit] = [grown, j + 1, 0];
  }
  // A header and one row make a table only when both have the same three or more cells.
  const headerAndRow = split.length === 2 && split[0]!.cells.length >= 3 && split[0]!.cells.length === split[1]!.cells.length;
  if (split.length < MIN_SPLIT_LINES && !headerAndRow) return undefined;
  // The last row's cell may wrap onto lines of their own, closely below and inside its column.
  for (let wrapped = 0; wrapped < MAX_UNSPLIT && end < lines.length; wrapped++, end++) {
    const [prev, line] = [lines[end - 1]!, lines[end]!];
    const cell = line.cells[0]!;
    const gap = prev.y - line.y;
    const inColumn = columns.some((col) => cell.x >= col.x - 1 && cell.right <= col.right + 1);
    if (line.cells.length !== 1 || gap <= 0 || gap > Math.max(prev.size, line.size) * WRAPPED_LINE_GAP || !inColumn) break;
  }
  const rows = toRows(lines.slice(start, end), split, columns);
  return rows && { start, end, rows, columns };
}

/**
 * The columns of these split lines, or undefined when they do not line up: every cell of a line
 * must fall in a column of its own (two cells of one line in one column mean the lines' cells
 * overlap across each other's gaps, so they are not one table).
 */
function columnsFor(split: TableLine[]): Span[] | undefined {
  const columns = columnSpans(split.flatMap((l) => l.cells));
  const fits = (l: TableLine) => new Set(l.cells.map((cell) => nearestColumn(columns, cell))).size === l.cells.length;
  return columns.length >= 2 && split.every(fits) ? columns : undefined;
}

/** The run's rows of cells by column, or undefined when its columns hold prose, not a table. */
function toRows(run: TableLine[], split: TableLine[], columns: Span[]): string[][] | undefined {
  const columnOf = (cell: Cell) => nearestColumn(columns, cell);
  const cellsOf = (c: number) => split.flatMap((l) => l.cells.filter((cell) => columnOf(cell) === c));
  // Prose set side by side fills its columns line after line with long text; a table has a column
  // of short cells, or cells that leave much of their column empty.
  const tableLike = columns.some((col, c) => {
    const cells = cellsOf(c);
    return median(cells.map((cell) => cell.text.length)) <= SHORT_CELL || mean(cells.map((cell) => (cell.right - cell.x) / (col.right - col.x))) <= MAX_PROSE_FILL;
  });
  if (!tableLike) return undefined;
  // A first column of bullets or item numbers is a list set with a hanging indent.
  if (split.every((l) => LIST_MARK.test(l.cells[0]!.text))) return undefined;

  const rows = rowGroups(run, columnOf).map((group) => {
    const row = columns.map(() => [] as string[]);
    for (const line of group) for (const cell of line.cells) row[columnOf(cell)]!.push(cell.text);
    // A word broken at a hyphen across a cell's lines ("full-" / "time") is one word.
    return row.map((texts) => texts.reduce((text, part) => (!text ? part : /\p{L}-$/u.test(text) ? text + part : `${text} ${part}`), ""));
  });
  // A first row with a bare figure is data (a form's fields, a contents page): the header is empty.
  return rows[0]!.some((cell) => FIGURE.test(cell)) ? [columns.map(() => ""), ...rows] : rows;
}

/** Columns are the horizontal spans where cells overlap one another. */
function columnSpans(cells: Cell[]): Span[] {
  const spans: Span[] = [];
  for (const cell of [...cells].sort((a, b) => a.x - b.x)) {
    const last = spans.at(-1);
    if (last && cell.x <= last.right) last.right = Math.max(last.right, cell.right);
    else spans.push({ x: cell.x, right: cell.right });
  }
  return spans;
}

/** The column a cell overlaps most, or the nearest one (a one-cell line's cell may overlap none). */
function nearestColumn(columns: Span[], cell: Cell): number {
  let best = 0;
  let bestScore = -Infinity;
  columns.forEach((col, c) => {
    const score = overlap(col, cell);
    if (score > bestScore) [best, bestScore] = [c, score];
  });
  return best;
}

/**
 * Lines grouped into rows. Where a table's rows are padded further apart than the lines of a
 * wrapped cell, the lines at the tightest spacing continue the row above; when every gap is about
 * the same (or only one or two stand out, such as below the header), each line is a row, except a
 * line that leaves the first column empty and whose every cell goes on in lower case ("per month",
 * "(one-time)"): the rest of the cells above it.
 */
function rowGroups(run: TableLine[], columnOf: (cell: Cell) => number): TableLine[][] {
  const gaps = run.slice(1).map((line, i) => run[i]!.y - line.y);
  const tightest = Math.min(...gaps);
  const wide = gaps.filter((g) => g >= tightest * 1.4).length;
  const wraps = wide >= 3 && wide >= gaps.length / 4;
  const goesOn = (line: TableLine) => line.cells.every((cell) => columnOf(cell) > 0 && /^[\p{Ll}(]/u.test(cell.text));
  const groups: TableLine[][] = [];
  run.forEach((line, i) => {
    if (i > 0 && ((wraps && gaps[i - 1]! <= tightest * 1.15) || goesOn(line))) groups.at(-1)!.push(line);
    else groups.push([line]);
  });
  return groups;
}

const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Infinity;
}
