import fs from "node:fs";
import { ANSWERER_DEFAULTS } from "@/lib/ai/extractive-answer";
import { tryAnswerer, type Prepared } from "@/lib/evaluation/answerer-tuning";
const load = (name: string): Prepared[] => (JSON.parse(fs.readFileSync(`/tmp/tune-cache/${name}.json`, "utf8")) as any[]).map((p) => ({ ...p, weights: { chunks: p.weights.chunks, df: new Map(p.weights.df) } }));
const sets = ["18f-handbook", "mtrag-clapnq-fiqa", "policyqa"].map((n) => ({ n, p: load(n) }));
const overrides = JSON.parse(process.argv[2] ?? "{}");
for (const { n, p } of sets) {
  const t = tryAnswerer(n, p, { ...ANSWERER_DEFAULTS, ...overrides, minEvidence: 0 });
  const ans = t.evidence.filter((e) => e.answerable).map((e) => e.evidence);
  const un = t.evidence.filter((e) => !e.answerable).map((e) => e.evidence);
  // AUC: P(evidence answerable > evidence unanswerable)
  let wins = 0, total = 0;
  for (const a of ans) for (const u of un) { total++; wins += a > u ? 1 : a === u ? 0.5 : 0; }
  const r = t.report.answerable;
  console.log(n, "AUC", total ? (wins / total).toFixed(3) : "-", "open: fileHit", r.citationFileHit?.toFixed(3), "recall", r.answerRecall?.toFixed(3), "f1", r.tokenF1?.toFixed(3), "retrievalHit", r.retrievalHit?.toFixed(3));
}
