/**
 * `npm run eval:retrieval -- <BEIR folder> [--restrict-by KEY] [--queries N] [--split test] [--runs N]`
 *
 * Ingests the corpus through the product's own pipeline into a fresh embedded database (or
 * DATABASE_URL, which must then be empty), runs every judged query through rankCandidates, the
 * retrieval the chat uses, as an employee, and prints nDCG@10, recall@10, recall@100 and MRR@10
 * for each leg alone and fused, with median and p95 latency per leg. --restrict-by KEY puts each
 * document in the reader group named by its metadata[KEY] and asks each query as a member of its
 * own metadata[KEY] group only: the permission filter does the restricting, as it would for
 * employees. --runs N repeats the queries N times over one ingestion (latency varies between runs on a
 * shared machine; the rankings do not). Exits non-zero on a malformed dataset.
 */
import { parseArgs } from "node:util";
import type { KeywordRanking } from "@/db/queries/retrieval";
import { loadBeir, type BeirDataset } from "@/lib/evaluation/beir";
import { indexBeirCorpus } from "@/lib/evaluation/harness";
import { mean, percentile, scoreRanking, type QueryScores } from "@/lib/evaluation/metrics";
import { describeKeywordRanking, rankCandidates } from "@/lib/retrieval/retrieve";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { "restrict-by": { type: "string" }, queries: { type: "string" }, split: { type: "string" }, runs: { type: "string" } },
});
const folder = positionals[0];
if (!folder) {
  console.error("usage: npm run eval:retrieval -- <BEIR folder> [--restrict-by KEY] [--queries N] [--split test] [--runs N]");
  process.exit(2);
}
let data: BeirDataset;
try {
  data = loadBeir(folder, values.split ?? "test");
} catch (err) {
  console.error(`Malformed dataset: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}
const restrictBy = values["restrict-by"];
const groupOf = (metadata: unknown) => (restrictBy ? `eval:${String((metadata as Record<string, unknown> | undefined)?.[restrictBy] ?? "none")}` : undefined);

const corpus = await indexBeirCorpus(data, groupOf);
const judged = [...data.qrels.keys()].slice(0, values.queries ? Number(values.queries) : undefined);
const legs = ["keyword", "vector", "fused"] as const;
for (let run = 1; run <= Math.max(1, Number(values.runs ?? 1)); run++) {
  const scores = { keyword: [] as QueryScores[], vector: [] as QueryScores[], fused: [] as QueryScores[] };
  const latencies = { keyword: [] as number[], vector: [] as number[], fused: [] as number[] };
  let keywordRanking: KeywordRanking = "fts";
  let embeddingModel = "";
  let withIdentifiers = 0;
  const corrected: string[] = [];
  for (const qid of judged) {
    const asker = await corpus.askerFor(groupOf(data.queryMetadata.get(qid)));
    const candidates = await rankCandidates(asker, data.queries.get(qid)!, 100);
    ({ keywordRanking, embeddingModel } = candidates);
    if (candidates.exact.length > 0) withIdentifiers++;
    if (candidates.corrections.length > 0) corrected.push(candidates.corrections.map((c) => `${c.from} -> ${c.to}`).join(", "));
    latencies.keyword.push(candidates.timings.keywordMs);
    latencies.vector.push(candidates.timings.vectorMs);
    latencies.fused.push(candidates.timings.totalMs);
    const docs = (hits: { chunkId: string }[]) => hits.map((h) => corpus.documentOf(h.chunkId));
    const relevant = data.qrels.get(qid)!;
    scores.keyword.push(scoreRanking(docs(candidates.keyword), relevant));
    scores.vector.push(scoreRanking(docs(candidates.vector), relevant));
    scores.fused.push(scoreRanking(docs(candidates.fused), relevant));
  }

  console.log(`\nRun ${run}: ${judged.length} queries (${withIdentifiers} naming an identifier found verbatim, ${corrected.length} with a spelling correction); keyword leg: ${describeKeywordRanking(keywordRanking)}; vector leg: ${embeddingModel}`);
  if (corrected.length > 0) console.log(`spelling corrections: ${corrected.slice(0, 12).join("; ")}${corrected.length > 12 ? "; ..." : ""}`);
  console.log("leg        nDCG@10  recall@10  recall@100  MRR@10   latency median  p95");
  for (const leg of legs) {
    const m = mean(scores[leg]);
    const ms = (p: number) => `${percentile(latencies[leg], p).toFixed(1)} ms`.padStart(9);
    console.log(`${leg.padEnd(9)}  ${m.ndcg10.toFixed(3)}    ${m.recall10.toFixed(3)}      ${m.recall100.toFixed(3)}       ${m.mrr10.toFixed(3)}   ${ms(50)}     ${ms(95)}`);
  }
}
console.log("(latency: keyword = its SQL query; vector = embedding the query + its SQL query; fused = all legs, run concurrently, and fusion)");
await corpus.close();
process.exit(0);
