/**
 * `npx tsx scripts/corpus-ties.ts --chunks 1000000 [--corpus sentences|windows] [--questions 30]`
 *
 * How near-tied a synthetic benchmark corpus (testing/synthetic-corpus.ts) makes a question's exact
 * top 10, with no database: the corpus is embedded in memory with the built-in embedder and each
 * SciFact test question's exact cosine ranking is read from it. Prints, over the questions:
 * - the mean gap between the exact 10th and 11th scores;
 * - how many chunks below the 10th score within 0.1% of it (ties, as bench:retrieval counts them);
 * - how many of the top 10 share a sentence with another of them (near-copies).
 * Holds the corpus's vectors in memory: 4 GB at a million chunks (NODE_OPTIONS=--max-old-space-size).
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { embedder } from "@/lib/embeddings";
import { loadBeir } from "@/lib/evaluation/beir";
import { syntheticDocuments } from "@/testing/synthetic-corpus";

const { values } = parseArgs({
  options: {
    chunks: { type: "string", default: "100000" },
    corpus: { type: "string", default: "sentences" },
    questions: { type: "string", default: "30" },
    data: { type: "string", default: path.join("..", "shared", "data", "scifact") },
  },
});
const size = Number(values.chunks);
const scifact = loadBeir(values.data, "test");
const questions = [...scifact.qrels.keys()].map((id) => scifact.queries.get(id)!).slice(0, Number(values.questions));
const model = embedder();
const dims = model.dimensions;
const vectors = new Float32Array(size * dims);
const sentences: string[][] = [];
for (const batch of syntheticDocuments({ chunks: size, groups: [null], sources: scifact.corpus.map((d) => ({ title: d.title, text: d.text })), composition: values.corpus as "sentences" | "windows" })) {
  const chunks = batch.flatMap((d) => d.chunks);
  (await model.embed(chunks.map((c) => c.searchText))).forEach((v, i) => vectors.set(v, (sentences.length + i) * dims));
  for (const chunk of chunks) sentences.push(chunk.text.split(/(?<=[.!?])\s+/));
}

let gap = 0, ties = 0, copies = 0;
for (const q of await model.embed(questions)) {
  const scores = new Float32Array(size);
  for (let i = 0; i < size; i++) {
    let s = 0;
    for (let d = 0, o = i * dims; d < dims; d++) s += vectors[o + d]! * q[d]!;
    scores[i] = s;
  }
  const top = topIndexes(scores, 200);
  const tenth = scores[top[9]!]!;
  gap += tenth - scores[top[10]!]!;
  ties += top.slice(10).filter((i) => scores[i]! >= tenth - Math.abs(tenth) * 0.001).length;
  const seen = new Map<string, number>();
  for (const i of top.slice(0, 10)) for (const s of new Set(sentences[i])) seen.set(s, (seen.get(s) ?? 0) + 1);
  copies += top.slice(0, 10).filter((i) => sentences[i]!.some((s) => seen.get(s)! > 1)).length;
}
const n = questions.length;
console.log(JSON.stringify({ chunks: size, corpus: values.corpus, meanGap10to11: +(gap / n).toFixed(5), tiesBelow10th: +(ties / n).toFixed(2), top10SharingASentence: +(copies / n).toFixed(2) }));

/** The indexes of the k highest scores, best first. */
function topIndexes(scores: Float32Array, k: number): number[] {
  const threshold = [...scores].sort((a, b) => b - a)[k - 1]!;
  const kept: number[] = [];
  scores.forEach((s, i) => s >= threshold && kept.push(i));
  return kept.sort((a, b) => scores[b]! - scores[a]!).slice(0, k);
}
