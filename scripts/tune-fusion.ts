/**
 * `npm run tune:fusion -- [BEIR folder] [--split train]`
 *
 * Chooses the fusion constants (and the BM25 parameters) on TRAINING judgements, never on the
 * split that is reported: ingests the corpus through the product's pipeline, runs every training
 * query through rankCandidates (the chat's retrieval), then prints nDCG@10 for a grid of BM25
 * k1/b, weighted reciprocal rank fusion (k, vector weight) and a convex combination of min-max
 * normalized scores (keyword share). The chosen values are fixed in lib/retrieval/fusion.ts
 * and drizzle/ (BM25 index) with the figures that justified them.
 */
import { parseArgs } from "node:util";
import { type LegHit, keywordSearch, rebuildBm25Index } from "@/db/queries/retrieval";
import { loadBeir } from "@/lib/evaluation/beir";
import { indexBeirCorpus } from "@/lib/evaluation/harness";
import { mean, scoreRanking } from "@/lib/evaluation/metrics";
import { fuse, FUSION } from "@/lib/retrieval/fusion";
import { rankCandidates } from "@/lib/retrieval/retrieve";
import { keywordTerms } from "@/lib/text/terms";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { split: { type: "string" }, queries: { type: "string" } } });
const folder = positionals[0] ?? "../shared/data/scifact";
const split = values.split ?? "train";
if (split === "test") {
  console.error("Tuning on the test split would make its figures meaningless: use a training split.");
  process.exit(2);
}
const data = loadBeir(folder, split);
const corpus = await indexBeirCorpus(data, () => undefined);
const asker = await corpus.askerFor(undefined);
const qids = [...data.qrels.keys()].slice(0, values.queries ? Number(values.queries) : undefined);

interface Lists { keyword: LegHit[]; vector: LegHit[]; exact: LegHit[] }
const lists = new Map<string, Lists>();
let keywordRanking = "";
for (const qid of qids) {
  const c = await rankCandidates(asker, data.queries.get(qid)!, 100);
  keywordRanking = c.keywordRanking;
  lists.set(qid, { keyword: c.keyword, vector: c.vector, exact: c.exact });
}

const ndcg = (rank: (l: Lists) => { chunkId: string }[], of = lists) =>
  mean([...of].map(([qid, l]) => scoreRanking(rank(l).map((h) => corpus.documentOf(h.chunkId)), data.qrels.get(qid)!))).ndcg10;

function fusionGrid(of: Map<string, Lists>) {
  console.log(`  keyword alone ${ndcg((l) => l.keyword, of).toFixed(3)}, vector alone ${ndcg((l) => l.vector, of).toFixed(3)}`);
  const ks = [5, 10, 20, 40, 60, 100];
  const weights = [0, 0.1, 0.2, 0.3, 0.5, 0.7, 1];
  console.log(`  weighted RRF, nDCG@10 (rows: k; columns: vector weight, keyword weight 1)\n  k     ${weights.map((w) => w.toFixed(1).padStart(6)).join("")}`);
  let best = { score: 0, k: 0, vectorWeight: 0 };
  for (const k of ks) {
    const row = weights.map((vectorWeight) => {
      const score = ndcg((l) => fuse({ keyword: l.keyword, vector: l.vector }, { method: "rrf", k, keywordWeight: 1, vectorWeight }), of);
      if (score > best.score) best = { score, k, vectorWeight };
      return score.toFixed(3).padStart(6);
    });
    console.log(`  ${String(k).padEnd(6)}${row.join("")}`);
  }
  const shares = [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 1];
  const convex = (keywordShare: number) => ndcg((l) => fuse({ keyword: l.keyword, vector: l.vector }, { method: "convex", keywordShare }), of);
  console.log(`  convex combination of min-max normalized scores, by keyword share: ${shares.map((a) => `${a}: ${convex(a).toFixed(3)}`).join(", ")}`);
  console.log(`  best weighted RRF: k=${best.k}, vector weight ${best.vectorWeight}: ${best.score.toFixed(3)}`);
  console.log(`  in code (${JSON.stringify(FUSION)}): without identifier leg ${ndcg((l) => fuse({ keyword: l.keyword, vector: l.vector }), of).toFixed(3)}, with ${ndcg((l) => fuse(l), of).toFixed(3)}`);
}

console.log(`\n${qids.length} ${split} queries; keyword leg ${keywordRanking}`);
console.log("BM25 index as migrated:");
fusionGrid(lists);

if (keywordRanking === "bm25") {
  for (const [k1, b] of [[1.2, 0.75], [0.9, 0.4], [1.2, 0.5], [1.2, 0.9], [1.5, 0.75], [0.9, 0.75], [2.0, 0.75]] as const) {
    await rebuildBm25Index(corpus.db, k1, b);
    const rebuilt = new Map<string, Lists>();
    for (const [qid, l] of lists) {
      rebuilt.set(qid, { ...l, keyword: await keywordSearch(corpus.db, asker, "bm25", keywordTerms(data.queries.get(qid)!), 100) });
    }
    console.log(`BM25 k1=${k1} b=${b}:`);
    fusionGrid(rebuilt);
  }
}
await corpus.close();
process.exit(0);
