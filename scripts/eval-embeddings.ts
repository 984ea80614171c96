/**
 * `npx tsx scripts/eval-embeddings.ts [BEIR folder]`: measures the offline hashing embedder's
 * configurations on a BEIR dataset (exact cosine search, no database), to choose the shipped one.
 */
import path from "node:path";
import { hashingEmbedding, HASHING_DEFAULTS, type HashingOptions } from "@/lib/embeddings/hashing-embedder";
import { loadBeir, ndcgAt } from "@/lib/evaluation/beir";

const folder = process.argv[2] ?? path.resolve("../shared/data/scifact");
const data = loadBeir(folder);
const queries = [...data.qrels.keys()].filter((q) => data.queries.has(q));

const variants: [string, HashingOptions][] = [
  ["v1 words, 512", { dimensions: 512, version: 1, bigramWeight: 0, trigramWeight: 0.5 }],
  ["v1 words + trigrams (0.5), 1024", { ...HASHING_DEFAULTS, version: 1 }],
  ["v2 words only, 1024", { ...HASHING_DEFAULTS, version: 2, trigramWeight: 0 }],
  ["v2 words + pairs + trigrams (0.5), 1024", { ...HASHING_DEFAULTS, version: 2, bigramWeight: 0.5 }],
  ["v2 words + trigrams (0.25), 1024", { ...HASHING_DEFAULTS, version: 2, trigramWeight: 0.25 }],
  ["v2 words + trigrams (1.0), 1024", { ...HASHING_DEFAULTS, version: 2, trigramWeight: 1 }],
  ["v2 words + trigrams (0.5), 2048", { ...HASHING_DEFAULTS, version: 2, dimensions: 2048 }],
  ["v2 words + trigrams (0.5), 512", { ...HASHING_DEFAULTS, version: 2, dimensions: 512 }],
  ["v2 words + trigrams (0.5), 1024 (shipped)", { ...HASHING_DEFAULTS, version: 2 }],
];

console.log(`${path.basename(folder)}: ${data.corpus.length} documents, ${queries.length} queries with judgements`);
for (const [name, options] of variants) {
  const docs = data.corpus.map((d) => ({ id: d.id, v: Float32Array.from(hashingEmbedding(`${d.title}\n${d.text}`, options)) }));
  let total = 0;
  for (const qid of queries) {
    const q = hashingEmbedding(data.queries.get(qid)!, options);
    const scored = docs.map((d) => {
      let dot = 0;
      for (let i = 0; i < q.length; i++) dot += q[i]! * d.v[i]!;
      return { id: d.id, dot };
    });
    scored.sort((a, b) => b.dot - a.dot);
    total += ndcgAt(10, scored.slice(0, 10).map((s) => s.id), data.qrels.get(qid)!);
  }
  console.log(`${name.padEnd(42)} nDCG@10 ${(total / queries.length).toFixed(3)}`);
}
