/**
 * `npm run tune:answerer -- <set folder>... [--limit N] [--cache DIR]`
 *
 * Tunes the built-in answerer on development sets: gathers once what it sees for every question
 * (retrieval's sources and the index's statistics, lib/evaluation/answerer-tuning.ts), then scores
 * a grid of its settings with the metrics of `npm run eval:answers`, and prints the trade-off of
 * the answer-or-decline threshold: unanswerable questions declined against answerable ones refused.
 * --cache keeps the gathered questions as JSON, so a rerun skips the ingestion; --plot FILE writes
 * the trade-off as an SVG (declined unanswerable questions against refused answerable ones).
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { ANSWERER_DEFAULTS, type AnswererSettings } from "@/lib/ai/extractive-answer";
import { loadAnswerSet } from "@/lib/evaluation/answer-set";
import { prepareSet, tryAnswerer, type Prepared } from "@/lib/evaluation/answerer-tuning";
import { lineChartSvg } from "./line-chart";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { limit: { type: "string" }, cache: { type: "string" }, plot: { type: "string" } } });
if (positionals.length === 0) {
  console.error("usage: npm run tune:answerer -- <set folder>... [--limit N] [--cache DIR] [--plot FILE]");
  process.exit(2);
}

const sets: { name: string; prepared: Prepared[] }[] = [];
for (const folder of positionals) {
  const set = loadAnswerSet(folder);
  const cacheFile = values.cache ? path.join(values.cache, `${set.name}.json`) : undefined;
  let prepared: Prepared[];
  if (cacheFile && fs.existsSync(cacheFile)) {
    prepared = (JSON.parse(fs.readFileSync(cacheFile, "utf8")) as (Omit<Prepared, "weights"> & { weights: { chunks: number; df: [string, number][] } })[])
      .map((p) => ({ ...p, weights: { chunks: p.weights.chunks, df: new Map(p.weights.df) } }));
  } else {
    prepared = await prepareSet(set, values.limit ? Number(values.limit) : undefined);
    if (cacheFile) {
      fs.mkdirSync(values.cache!, { recursive: true });
      fs.writeFileSync(cacheFile, JSON.stringify(prepared.map((p) => ({ ...p, weights: { chunks: p.weights.chunks, df: [...p.weights.df] } }))));
    }
  }
  sets.push({ name: set.name, prepared });
}

const pct = (x: number | null) => (x === null ? "  -  " : `${(100 * x).toFixed(1)}`.padStart(5));
function line(label: string, settings: AnswererSettings) {
  const cells = sets.map(({ name, prepared }) => {
    const { report: r } = tryAnswerer(name, prepared, settings);
    return `${pct(r.unanswerable.n ? r.unanswerable.declineRate : null)} ${pct(r.answerable.falseRefusalRate)} ${pct(r.answerable.citationFileHit)} ${pct(r.answerable.citationPageHit)} ${pct(r.answerable.answerRecall)}`;
  });
  console.log(`${label.padEnd(40)} ${cells.join(" | ")}`);
}
const header = () => console.log(`${"".padEnd(40)} ${sets.map((s) => `${s.name}: declined refused fileHit pageHit recall`).join(" | ")}`);

// The answer-or-decline trade-off at the other settings' defaults.
console.log("\nThreshold (minEvidence): unanswerable declined, answerable refused, cited a supporting file, cited a supporting page, answer recall (%)");
header();
const thresholds = Array.from({ length: 10 }, (_, i) => 0.2 + i * 0.05);
for (const m of thresholds) line(`minEvidence ${m.toFixed(2)}${Math.abs(m - ANSWERER_DEFAULTS.minEvidence) < 1e-9 ? " (default)" : ""}`, { ...ANSWERER_DEFAULTS, minEvidence: m });
if (values.plot) {
  // One line per set with unanswerable questions: each point a threshold, lower ones to the left.
  const series = sets.flatMap(({ name, prepared }) => {
    const points = thresholds.map((m): [number, number] => {
      const { report: r } = tryAnswerer(name, prepared, { ...ANSWERER_DEFAULTS, minEvidence: m });
      return [100 * r.answerable.falseRefusalRate!, 100 * (r.unanswerable.declineRate ?? NaN)];
    });
    return points.some(([, y]) => Number.isNaN(y)) ? [] : [{ name, points }];
  });
  const goal = { value: 85, label: "goal: 85% declined (with at most 10% refused)" };
  fs.writeFileSync(values.plot, lineChartSvg([{ title: `Threshold ${thresholds[0]!.toFixed(2)}-${thresholds.at(-1)!.toFixed(2)}`, series, goal }], {
    x: "answerable questions refused (%)", y: "unanswerable questions declined (%)", xScale: "linear", yMax: 100,
  }));
}

// Each other setting moved alone from its default, at the default threshold.
console.log("\nOne setting at a time, at the default threshold");
header();
const alternatives: Partial<Record<keyof AnswererSettings, number[]>> = {
  unknownShare: [0, 0.5, 1], unknownNameFactor: [1, 2], carriedShare: [0.25, 0.5, 0.75], contextShare: [0, 0.3, 0.8], phraseShare: [0, 0.5],
  rankDecay: [0.03, 0.2], noFigureFactor: [0.25, 0.35, 1], maxSentences: [1, 3, 5], minRelativeScore: [0.5, 0.7],
  referenceShare: [0, 0.25, 1], derivedShare: [0, 1], everydayShare: [0, 0.5], nameFactor: [1, 2], minTermWeight: [0, 1.5], situationUnknownShare: [0.5, 1],
  missingNameFactor: [0.7, 1], sentenceTerms: [5, 6, 8, 10, 1000],
};
for (const [key, options] of Object.entries(alternatives)) {
  for (const value of options!) line(`${key} ${value}`, { ...ANSWERER_DEFAULTS, [key]: value });
}
process.exit(0);
