/**
 * `npm run bench:analytics [-- --runs N]`: how long the admin's cited-sources page takes to gather
 * its data, on synthetic history of two sizes (so the ratio shows how it scales), against the
 * embedded database and, when TEST_DATABASE_URL is set, a PostgreSQL server. Medians over N runs
 * (default 5) of the whole report and of each query, for the 30-day window.
 */
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import pg from "pg";
import { createDatabase, type Database } from "@/db/client";
import { startEmbeddedServer } from "@/db/embedded-server";
import { migrateDatabase } from "@/db/migrate";
import { dailyActivity, documentCitations, thumbsDownAnswers, unansweredQuestions } from "@/db/queries/analytics";
import { citedSourcesReport } from "@/lib/analytics/cited-sources";
import { useDatabase } from "@/lib/db";
import { env } from "@/lib/env";

const { values } = parseArgs({ options: { runs: { type: "string" } } });
const runs = Number(values.runs ?? 5);
const SIZES = [5_000, 20_000]; // answers over 120 days; 200 documents, 500 users
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Synthetic history written straight in SQL (generate_series), shaped like real use: a tenth of
 * the answers find nothing and cite nothing, the rest cite one to three chunks, skewed towards a
 * few popular documents; one answer in twenty is rated down.
 */
async function seed(db: Database, answers: number) {
  await db.execute(sql`INSERT INTO users (email, name, password_hash) SELECT 'u' || i || '@bench', 'u' || i, 'x' FROM generate_series(1, 500) i`);
  await db.execute(sql`INSERT INTO documents (title, filename) SELECT 'Policy ' || i, 'policy-' || i || '.md' FROM generate_series(1, 200) i`);
  await db.execute(sql`INSERT INTO document_versions (document_id, number, sha256, filename, mime, size_bytes, original, status)
    SELECT id, 1, md5(id::text), filename, 'text/markdown', 1, '\\x00', 'ready' FROM documents`);
  await db.execute(sql`UPDATE documents d SET current_version_id = v.id FROM document_versions v WHERE v.document_id = d.id`);
  await db.execute(sql`INSERT INTO chunks (version_id, ordinal, text, span_start, span_end, token_count, search_text)
    SELECT v.id, o, 'text', 0, 4, 1, 'text' FROM document_versions v, generate_series(0, 4) o`);
  await db.execute(sql`INSERT INTO conversations (id, user_id, title, created_at)
    SELECT gen_random_uuid(), (SELECT id FROM users ORDER BY random() * i LIMIT 1), 'c' || i, now() - random() * interval '120 days'
    FROM generate_series(1, ${Math.ceil(answers / 4)}) i`);
  await db.execute(sql`
    WITH turns AS (SELECT c.id AS conversation_id, c.created_at + t * interval '1 minute' AS at, c.id::text || '-' || t AS key
                   FROM conversations c, generate_series(1, 4) t)
    INSERT INTO messages (id, conversation_id, role, parts, metadata, created_at)
    SELECT key || '-' || r, conversation_id, r, ${JSON.stringify([{ type: "text", text: "How many days of leave do I get?" }])}::jsonb,
           CASE WHEN r = 'assistant' THEN jsonb_build_object('model', 'bench', 'notFound', random() < 0.1) END,
           at + CASE WHEN r = 'assistant' THEN interval '1 millisecond' ELSE interval '0' END
    FROM turns, (VALUES ('user'), ('assistant')) roles(r)`);
  await db.execute(sql`
    WITH numbered AS (SELECT id, version_id, (row_number() OVER (ORDER BY version_id, ordinal) - 1)::int AS k FROM chunks),
         answers AS (SELECT id, (random() * 2)::int + 1 AS k FROM messages WHERE role = 'assistant' AND metadata->>'notFound' = 'false'),
         picks AS (SELECT a.id, n, floor(power(random(), 3) * 1000)::int AS k FROM answers a, generate_series(1, 3) n WHERE n <= a.k)
    INSERT INTO citations (message_id, n, chunk_id, version_id, document_id)
    SELECT p.id, p.n, c.id, v.id, v.document_id FROM picks p JOIN numbered c ON c.k = p.k JOIN document_versions v ON v.id = c.version_id`);
  await db.execute(sql`INSERT INTO feedback (message_id, user_id, rating, comment, updated_at)
    SELECT m.id, c.user_id, 'down', 'wrong', m.created_at FROM messages m JOIN conversations c ON c.id = m.conversation_id
    WHERE m.role = 'assistant' AND random() < 0.05`);
  await db.execute(sql`ANALYZE`);
}

async function time(fn: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return median(times);
}

async function measure(label: string, url: string, answers: number) {
  const { db, pool } = createDatabase(url, { max: 1 });
  await migrateDatabase(db);
  const seedStarted = performance.now();
  await seed(db, answers);
  const seeded = (performance.now() - seedStarted) / 1000;
  const app = useDatabase(url);
  const queries = {
    documentCitations: () => documentCitations(app.db, 30),
    thumbsDownAnswers: () => thumbsDownAnswers(app.db, 30),
    unansweredQuestions: () => unansweredQuestions(app.db, 30),
    dailyActivity: () => dailyActivity(app.db, 30),
  };
  const report = await time(() => citedSourcesReport(30));
  const each: Record<string, number> = {};
  for (const [name, query] of Object.entries(queries)) each[name] = await time(query);
  await Promise.all([pool.end(), app.pool.end()]);
  console.log(`${label}, ${answers.toLocaleString("en")} answers (seeded in ${seeded.toFixed(1)} s): whole report ${report.toFixed(0)} ms`);
  console.log(`  ${Object.entries(each).map(([k, ms]) => `${k} ${ms.toFixed(0)} ms`).join(", ")}`);
  return report;
}

const results: Record<string, number[]> = {};
for (const answers of SIZES) {
  const embedded = await startEmbeddedServer(null);
  try {
    (results["embedded PGlite"] ??= []).push(await measure("embedded PGlite", embedded.url, answers));
  } finally {
    await embedded.stop();
  }
  const server = env().TEST_DATABASE_URL;
  if (server) {
    const name = `groundwork_bench_${process.pid}_${answers}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const url = new URL(server);
      url.pathname = `/${name}`;
      (results["PostgreSQL server"] ??= []).push(await measure("PostgreSQL server", url.toString(), answers));
    } finally {
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    }
  }
}
for (const [label, [small, large]] of Object.entries(results)) {
  console.log(`${label}: ${SIZES[1]! / SIZES[0]!}x the history takes ${(large! / small!).toFixed(1)}x the time (medians of ${runs})`);
}
process.exit(0);
