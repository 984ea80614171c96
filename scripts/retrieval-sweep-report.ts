/**
 * The size sweep's files (npm run bench:retrieval -- --sweep ...): a CSV of every measured
 * database x size x reader x question length, and an SVG of the first token's p95 by size, in
 * wall time and in CPU time.
 * Rows already in the CSV for other sizes or databases are kept, so sizes can be run apart.
 */
import fs from "node:fs";
import path from "node:path";
import { lineChartSvg, type Panel } from "./line-chart";

export interface SweepRow {
  db: string;
  chunks: number;
  reader: string;
  question: string;
  /** How many chunks this reader may read. */
  readable: number;
  queries: number;
  runs: number;
  /** Medians over the runs; the p95's range over them. */
  firstTokenP50: number;
  firstTokenP95: number;
  firstTokenP95Min: number;
  firstTokenP95Max: number;
  hybridP50: number;
  hybridP95: number;
  /**
   * This process's CPU time from the request to the first token, which the machine's other load
   * does not stretch as it does wall time. For PGlite it includes the database (it runs here);
   * for PostgreSQL only the app's side.
   */
  firstTokenCpuP50: number;
  firstTokenCpuP95: number;
}

const COLUMNS: (keyof SweepRow)[] = ["db", "chunks", "reader", "question", "readable", "queries", "runs", "firstTokenP50", "firstTokenP95", "firstTokenP95Min", "firstTokenP95Max", "hybridP50", "hybridP95", "firstTokenCpuP50", "firstTokenCpuP95"];
const TEXT_COLUMNS = new Set<keyof SweepRow>(["db", "reader", "question"]);
/** The goals for the added latency before the first token, p95 (ms). */
const GOALS: Record<string, number> = { PGlite: 60, PostgreSQL: 40 };
const keyOf = (r: SweepRow) => `${r.db}|${r.chunks}|${r.reader}|${r.question}`;

export function readSweep(csvPath: string): SweepRow[] {
  if (!fs.existsSync(csvPath)) return [];
  const [header, ...lines] = fs.readFileSync(csvPath, "utf8").trim().split("\n");
  const names = header!.split(",") as (keyof SweepRow)[];
  return lines.map((line) => Object.fromEntries(line.split(",").map((v, i) => [names[i], TEXT_COLUMNS.has(names[i]!) ? v : Number(v)])) as unknown as SweepRow);
}

/** Merges `rows` into `<out>.csv` and redraws `<out>.svg` from all of it. */
export function writeSweep(out: string, rows: SweepRow[]) {
  const merged = new Map(readSweep(`${out}.csv`).map((r) => [keyOf(r), r]));
  for (const row of rows) merged.set(keyOf(row), row);
  const all = [...merged.values()].sort((a, b) => a.db.localeCompare(b.db) || a.chunks - b.chunks || a.reader.localeCompare(b.reader) || a.question.localeCompare(b.question));
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const format = (r: SweepRow, c: keyof SweepRow) => (typeof r[c] === "number" && !Number.isInteger(r[c]) ? (r[c] as number).toFixed(1) : String(r[c]));
  fs.writeFileSync(`${out}.csv`, [COLUMNS.join(","), ...all.map((r) => COLUMNS.map((c) => format(r, c)).join(","))].join("\n") + "\n");
  fs.writeFileSync(`${out}.svg`, sweepChart(all));
  console.log(`wrote ${out}.csv and ${out}.svg`);
}

/**
 * A panel a database for wall time, and one for CPU time: on a shared machine the wall time is
 * stretched by other load, the CPU time is not (for PostgreSQL it is the app's side only).
 */
function sweepChart(rows: SweepRow[]): string {
  const measures = [["firstTokenP95", "wall"], ["firstTokenCpuP95", "CPU"]] as const;
  const panels: Panel[] = [...new Set(rows.map((r) => r.db))].flatMap((db) => measures.map(([column, measure]) => {
    const mine = rows.filter((r) => r.db === db);
    const series = [...new Set(mine.map((r) => `${r.reader}|${r.question}`))].map((key) => {
      const [reader, question] = key.split("|");
      return {
        name: `reader of ${reader}, ${question} questions`,
        dashed: question !== "short",
        points: mine.filter((r) => r.reader === reader && r.question === question).map((r): [number, number] => [r.chunks, r[column]]),
      };
    });
    const title = measure === "CPU" && db === "PostgreSQL" ? `${db}, CPU (the app's side)` : `${db}, ${measure}`;
    return { title, series, goal: GOALS[db] ? { value: GOALS[db], label: `goal ${GOALS[db]} ms` } : undefined, ownScale: true };
  }));
  return lineChartSvg(panels, { x: "chunks in the corpus", y: "added latency before the first token, p95 (ms)" });
}
