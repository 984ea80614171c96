/**
 * `npm run eval:retrieval -- <BEIR folder> [--restrict-by KEY] [--queries N] [--split test]`
 *
 * Ingests the corpus through the product's own pipeline into a fresh embedded database (or
 * DATABASE_URL, which must then be empty), runs every judged query through rankCandidates, the
 * retrieval the chat uses, as an employee, and prints nDCG@10, recall@10, recall@100 and MRR@10
 * for each leg alone and fused, with median and p95 latency. --restrict-by KEY puts each document
 * in the reader group named by its metadata[KEY] and asks each query as a member of its own
 * metadata[KEY] group only: the permission filter does the restricting, as it would for employees.
 * Exits non-zero on a malformed dataset.
 */
import { parseArgs } from "node:util";
import { startEmbeddedServer, type EmbeddedServer } from "@/db/embedded-server";
import { migrateDatabase } from "@/db/migrate";
import { chunkDocumentNames } from "@/db/queries/evaluation";
import { addUserToGroups, ensureGroups } from "@/db/queries/groups";
import { ensureVectorIndex } from "@/db/queries/retrieval";
import { createUser } from "@/db/queries/users";
import { useDatabase } from "@/lib/db";
import { embedder } from "@/lib/embeddings";
import { env } from "@/lib/env";
import { loadBeir, type BeirDataset } from "@/lib/evaluation/beir";
import { mean, percentile, scoreRanking, type QueryScores } from "@/lib/evaluation/metrics";
import { acceptUpload } from "@/lib/ingest/upload";
import { processNextJob } from "@/lib/ingest/worker";
import { rankCandidates } from "@/lib/retrieval/retrieve";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { "restrict-by": { type: "string" }, queries: { type: "string" }, split: { type: "string" } },
});
const folder = positionals[0];
if (!folder) {
  console.error("usage: npm run eval:retrieval -- <BEIR folder> [--restrict-by KEY] [--queries N] [--split test]");
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

let embedded: EmbeddedServer | undefined;
let url = env().DATABASE_URL;
if (!url) {
  embedded = await startEmbeddedServer(null);
  url = embedded.url;
}
const { db, pool } = useDatabase(url);
await migrateDatabase(db);
const model = embedder();
await ensureVectorIndex(db, model.id, model.dimensions);
const owner = (await createUser(db, { email: `eval-admin-${Date.now()}@example.com`, name: "eval", passwordHash: "-" }))!;

console.log(`Ingesting ${data.corpus.length} documents from ${folder}…`);
let started = performance.now();
for (const doc of data.corpus) {
  const group = groupOf(doc.metadata);
  await acceptUpload({ filename: `${doc.id}.txt`, bytes: Buffer.from(`${doc.title}\n\n${doc.text}`.trim()), uploadedBy: owner.id, groups: group ? [group] : undefined });
}
let done = 0;
while (await processNextJob("eval")) if (++done % 1000 === 0) console.log(`  ${done} indexed`);
console.log(`Indexed in ${((performance.now() - started) / 1000).toFixed(0)} s with ${model.id}.`);
const names = await chunkDocumentNames(db);

// Askers: one employee for an open corpus, or one per restriction group.
const askers = new Map<string, { userId: string; isAdmin: false }>();
async function askerFor(group: string | undefined) {
  const key = group ?? "";
  if (!askers.has(key)) {
    const user = (await createUser(db, { email: `eval-${askers.size}-${Date.now()}@example.com`, name: "eval", passwordHash: "-" }))!;
    if (group) await addUserToGroups(db, user.id, await ensureGroups(db, [group]));
    askers.set(key, { userId: user.id, isAdmin: false });
  }
  return askers.get(key)!;
}
const judged = [...data.qrels.keys()].filter((q) => data.queries.has(q)).slice(0, values.queries ? Number(values.queries) : undefined);
const scores = { keyword: [] as QueryScores[], vector: [] as QueryScores[], fused: [] as QueryScores[] };
const latencies: number[] = [];
let keywordRanking = "";
for (const qid of judged) {
  const asker = await askerFor(groupOf(data.queryMetadata.get(qid)));
  started = performance.now();
  const candidates = await rankCandidates(asker, data.queries.get(qid)!, 100);
  latencies.push(performance.now() - started);
  keywordRanking = candidates.keywordRanking;
  const docs = (hits: { chunkId: string }[]) => hits.map((h) => (names.get(h.chunkId) ?? "").replace(/\.txt$/, ""));
  const relevant = data.qrels.get(qid)!;
  scores.keyword.push(scoreRanking(docs(candidates.keyword), relevant));
  scores.vector.push(scoreRanking(docs(candidates.vector), relevant));
  scores.fused.push(scoreRanking(docs(candidates.fused), relevant));
}

console.log(`\n${judged.length} queries; keyword leg: ${keywordRanking === "bm25" ? "BM25 (pg_textsearch)" : "built-in full-text search (ts_rank_cd)"}; vector leg: ${model.id}`);
console.log("leg        nDCG@10  recall@10  recall@100  MRR@10");
for (const [leg, list] of Object.entries(scores)) {
  const m = mean(list);
  console.log(`${leg.padEnd(9)}  ${m.ndcg10.toFixed(3)}    ${m.recall10.toFixed(3)}      ${m.recall100.toFixed(3)}       ${m.mrr10.toFixed(3)}`);
}
console.log(`latency per query (both legs and fusion): median ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms`);
await pool.end();
await embedded?.stop();
process.exit(0);
