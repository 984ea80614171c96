import fs from "node:fs";
import { ANSWERER_DEFAULTS } from "@/lib/ai/extractive-answer";
import { tryAnswerer, type Prepared } from "@/lib/evaluation/answerer-tuning";
const load = (name: string): Prepared[] => (JSON.parse(fs.readFileSync(`/tmp/tune-cache/${name}.json`, "utf8")) as any[]).map((p) => ({ ...p, weights: { chunks: p.weights.chunks, df: new Map(p.weights.df) } }));
const sets = ["18f-handbook", "mtrag-clapnq-fiqa", "policyqa"].map((n) => ({ n, p: load(n) }));
for (const m of [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6]) {
  const cells = sets.map(({ n, p }) => {
    const r = tryAnswerer(n, p, { ...ANSWERER_DEFAULTS, minEvidence: m }).report;
    return `${((r.unanswerable.declineRate ?? NaN) * 100).toFixed(0).padStart(3)} ${(r.answerable.falseRefusalRate! * 100).toFixed(0).padStart(3)} ${(r.answerable.citationFileHit! * 100).toFixed(0).padStart(3)} ${r.answerable.answerRecall!.toFixed(2)}`;
  });
  console.log(m.toFixed(2), cells.join(" | "));
}
