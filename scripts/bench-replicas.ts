/**
 * `npm run bench:replicas [-- --chunks N --rounds N]`: hybrid retrieve() latency served by a
 * streaming read replica against the same questions served by the primary, on TEST_DATABASE_URL's
 * server (a scratch database there, and a replica of it made as the read-replica test makes one).
 * Alternating blocks of 20 questions (a reader of everything and a 10% reader), each after a
 * warm-up block; the medians per block and their ratio, median over the rounds.
 */
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import pg from "pg";
import { createDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { ensureVectorIndex } from "@/db/queries/retrieval";
import { db, useDatabase, useReadReplicas } from "@/lib/db";
import { embedder } from "@/lib/embeddings";
import { env } from "@/lib/env";
import { retrieve } from "@/lib/retrieval/retrieve";
import { restrictedCorpus } from "@/testing/test-corpus";
import { createStreamingReplica } from "@/testing/streaming-replica";

const { values } = parseArgs({ options: { chunks: { type: "string" }, rounds: { type: "string" } } });
const chunks = Number(values.chunks ?? 5000);
const rounds = Number(values.rounds ?? 5);
const QUESTIONS = [
  "How many days of annual leave do I get?", "Can I carry over unused leave?", "What is the per diem for travel abroad?",
  "Who approves business class flights?", "How do I request parental leave?", "Is sick leave paid?", "What hotel rate is allowed?",
  "How early must I book train tickets?", "Do contractors get holidays?", "Receipts for taxi rides",
];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const settings = { maxLagMs: 5000, checkEveryMs: 2000 };

const serverUrl = env().TEST_DATABASE_URL;
if (!serverUrl) throw new Error("Set TEST_DATABASE_URL to a PostgreSQL server (as in the README's test set-up).");
const name = `groundwork_bench_replicas_${process.pid}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(serverUrl);
url.pathname = `/${name}`;
try {
  const scratch = createDatabase(url.toString(), { max: 1 });
  await migrateDatabase(scratch.db);
  await scratch.pool.end();
  useDatabase(url.toString());
  const corpus = await restrictedCorpus(chunks, 10);
  await ensureVectorIndex(db(), embedder().id, embedder().dimensions);
  await db().execute(sql`ANALYZE`);
  const setup = await createStreamingReplica(url.toString());
  if (!("replica" in setup)) throw new Error(setup.skipped);
  try {
    const block = async () => {
      const times: number[] = [];
      const served = new Set<string>();
      for (const asker of [corpus.wide, corpus.narrow]) {
        for (const question of QUESTIONS) {
          const start = performance.now();
          served.add((await retrieve(asker, question)).servedBy.server);
          times.push(performance.now() - start);
        }
      }
      return { ms: median(times), served: [...served].join("+") };
    };
    const ratios: number[] = [];
    for (let round = 1; round <= rounds; round++) {
      await useReadReplicas([setup.replica.url], settings);
      await block();
      const replica = await block();
      await useReadReplicas([], settings);
      await block();
      const primary = await block();
      ratios.push(replica.ms / primary.ms);
      console.log(`round ${round}: ${replica.served} ${replica.ms.toFixed(1)} ms, ${primary.served} ${primary.ms.toFixed(1)} ms (median of ${QUESTIONS.length * 2})`);
    }
    console.log(`${chunks} chunks: replica / primary, median over ${rounds} rounds: ${median(ratios).toFixed(2)}`);
  } finally {
    await useReadReplicas([], settings);
    await setup.replica.destroy();
  }
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
  // The process's pools would keep it alive.
  process.exit();
}
