import fs from "node:fs";
import { ANSWERER_DEFAULTS, composeExtractiveAnswer } from "@/lib/ai/extractive-answer";
import { bestTokenScores } from "@/lib/evaluation/answer-metrics";
import type { Prepared } from "@/lib/evaluation/answerer-tuning";
const name = process.argv[2]!;
const p: Prepared[] = (JSON.parse(fs.readFileSync(`/tmp/tune-cache/${name}.json`, "utf8")) as any[]).map((p) => ({ ...p, weights: { chunks: p.weights.chunks, df: new Map(p.weights.df) } }));
const overrides = JSON.parse(process.argv[3] ?? "{}");
let shown = 0;
for (const q of p) {
  if (!q.question.answers?.length) continue;
  const r = composeExtractiveAnswer(q.asked, q.sources, { notFound: "NF", weights: q.weights, settings: { ...ANSWERER_DEFAULTS, minEvidence: 0, ...overrides } });
  const s = bestTokenScores(r.text, q.question.answers, false)!;
  if (s.recall >= 0.5) continue;
  if (shown++ >= Number(process.argv[4] ?? 8)) break;
  console.log(`\n## ${q.question.id} Q: ${q.asked.replace(/\n/g, " / ")}\n  GOLD: ${q.question.answers[0]}\n  GOT (${r.evidence.toFixed(2)}, recall ${s.recall.toFixed(2)}): ${r.text.slice(0, 400).replace(/\n/g, " ")}`);
  const inSources = q.sources.some((src) => src.text.toLowerCase().includes(q.question.answers![0]!.toLowerCase().slice(0, 40)));
  console.log(`  gold in sources: ${inSources}`);
}
