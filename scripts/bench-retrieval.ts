/**
 * `npm run bench:retrieval -- --chunks 100000 [--db pglite|postgres|both] [--runs 3] [--queries 300]
 *   [--index halfvec,vector] [--ef-search 40,100,200] [--m 16] [--ef-construction 64]
 *   [--postings-depth 3000] [--common-depth 300] [--common-share 0.05] [--postings-depths 3000,6000]
 *   [--exact-scan-below 5000,30000] [--split test] [--corpus sentences|windows]`:
 *   one size; its row is added to the cost curve, docs/benchmarks/retrieval-scale.{json,md} (--scale-out).
 * `npm run bench:retrieval -- --sweep 100,1000,3000,5000,10000 [--db pglite|postgres|both]
 *   [--sweep-queries 30] [--out docs/retrieval-sweep]`: the size sweep (sweepSize; docs/retrieval-speed.md).
 *
 * Builds a corpus of --chunks chunks from SciFact text (testing/synthetic-corpus: by default
 * each chunk four sentences of four abstracts, --corpus windows for the replicated windows of
 * before; embedded with the built-in embedder) in a fresh database, in documents spread over
 * 100 reader groups, then measures with two employees: one in every group (reads 100%) and one in
 * a single group (reads 1%) (the sweep adds an admin, who reads everything without an access filter):
 * - full hybrid retrieve() latency, median and p95 per run, the median over --runs runs;
 * - vector leg recall@10 against an exact scan, for the plan the product picks and for the HNSW
 *   index forced, at each --ef-search;
 * - vector leg latency by plan (index, exact) for both askers: the index-or-exact decision;
 * - build times of the keyword and vector indexes;
 * - the keyword leg's latency per asker and, where it is the built-in BM25 (no pg_textsearch), the
 *   recall@10 of its postings walk against the exact BM25 ranking;
 * - the latency the product adds before an answer's first token (issue: streams start fast):
 *   the per-request user re-read, the chat limits, the rewrite, retrieval, prompt assembly and the
 *   built-in model's first word (no artificial delay), through the chat's own answer(), for
 *   --first-token-queries questions per asker.
 * PGlite runs embedded in this process, served over the wire as in production, in a temporary data
 * directory, restarted after the index build so that its buffer cache is sized for the corpus as
 * the app's would be at its next start. PostgreSQL is TEST_DATABASE_URL (or DATABASE_URL), where
 * a database of its own is created and dropped.
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import pg from "pg";
import type { Executor } from "@/db/client";
import type { Asker } from "@/db/queries/access";
import { vacuumAnalyze } from "@/db/queries/bulk-corpus";
import { startEmbeddedServer } from "@/db/embedded-server";
import { vectorSearchDefaults } from "@/db/search-settings";
import { migrateDatabase } from "@/db/migrate";
import { activateEmbeddingModel, registerEmbeddingModel } from "@/db/queries/embedding-models";
import { addUserToGroups, ensureGroups } from "@/db/queries/groups";
import {
  databaseKind, detectKeywordRanking, dropVectorIndexes, ensureVectorIndex, KEYWORD_SEARCH, keywordSearch, postingsSearch, readerScope, VECTOR_INDEX, vectorSearch, type VectorType, vectorIndexType,
} from "@/db/queries/retrieval";
import { createUser } from "@/db/queries/users";
import { activeUser } from "@/lib/auth/active-user";
import { answer } from "@/lib/chat/answer";
import { admitChat } from "@/lib/chat/limits";
import { useDatabase } from "@/lib/db";
import { embedder } from "@/lib/embeddings";
import { env } from "@/lib/env";
import { loadBeir } from "@/lib/evaluation/beir";
import { percentile, type Ranked, recallAgainstExact as recallOf } from "@/lib/evaluation/metrics";
import { memoryOf, processesNamed } from "@/testing/process-tree";
import { buildSyntheticCorpus } from "@/testing/synthetic-corpus";
import { type SweepRow, writeSweep } from "./retrieval-sweep-report";
import { retrieve } from "@/lib/retrieval/retrieve";
import { keywordTerms } from "@/lib/text/terms";

const { values } = parseArgs({
  options: {
    chunks: { type: "string", default: "100000" },
    db: { type: "string", default: "both" },
    runs: { type: "string", default: "3" },
    queries: { type: "string", default: "300" },
    /** Default: the type the product picks for this database (vectorIndexType). */
    index: { type: "string" },
    /** Default: the database's own (db/search-settings.ts). */
    "ef-search": { type: "string" },
    /**
     * Default: the database's own (db/search-settings.ts). Several, to compare: the most readable
     * chunks a reader may have and still be scored exactly (the cost model decides below it).
     */
    "exact-scan-below": { type: "string" },
    m: { type: "string", default: String(VECTOR_INDEX.m) },
    "ef-construction": { type: "string", default: String(VECTOR_INDEX.efConstruction) },
    "maintenance-mb": { type: "string", default: "1024" },
    /** The built-in BM25 walk (db/queries/retrieval.ts KEYWORD_SEARCH), to compare other settings. */
    "postings-depth": { type: "string", default: String(KEYWORD_SEARCH.postingsDepth) },
    "common-depth": { type: "string", default: String(KEYWORD_SEARCH.commonDepth) },
    "common-share": { type: "string", default: String(KEYWORD_SEARCH.commonShare) },
    /** Depths of the built-in BM25 walk to measure the keyword leg at, in one build (e.g. 3000,6000,12000). */
    "postings-depths": { type: "string" },
    /**
     * Above how many postings a common term is deferred in a narrow reader's scope
     * (KEYWORD_SEARCH.scopedCommonPostings); several, to compare in one build (e.g. 50000,100000,max).
     */
    "scoped-common-postings": { type: "string" },
    /** How the synthetic corpus's chunks are made (testing/synthetic-corpus.ts): "sentences" or "windows". */
    corpus: { type: "string", default: "sentences" },
    /** Where the --chunks run writes its row of the cost curve (.json and .md; rows of other sizes are kept). */
    "scale-out": { type: "string", default: path.join("docs", "benchmarks", "retrieval-scale") },
    /** Which SciFact split the questions come from: choose settings on "train", report on "test". */
    split: { type: "string", default: "test" },
    data: { type: "string", default: path.join("..", "shared", "data", "scifact") },
    "recall-queries": { type: "string", default: "100" },
    "leg-queries": { type: "string", default: "50" },
    "first-token-queries": { type: "string", default: "50" },
    /** Corpus sizes for the size sweep (see sweep()), e.g. 100,1000,3000,5000,10000,100000. */
    sweep: { type: "string" },
    "sweep-queries": { type: "string", default: "30" },
    /** Where the sweep writes its CSV and SVG (rows already there for other sizes are kept). */
    out: { type: "string", default: path.join("docs", "retrieval-sweep") },
  },
});
// The first-token figure asks many questions as one user within a minute: lift the per-minute chat limit
// (unless set), which is a product setting for people, not a cost of answering.
process.env.CHAT_MAX_PER_MINUTE ??= "1000000";
const chunkCount = Number(values.chunks);
const runs = Number(values.runs);
const build = { m: Number(values.m), efConstruction: Number(values["ef-construction"]) };
const LEG_DEPTH = 50; // as rankCandidates asks the vector leg
if (!fs.existsSync(values.data)) {
  console.error(`SciFact not found at ${values.data} (see ../shared/data/README.md); pass --data <BEIR folder>.`);
  process.exit(2);
}
Object.assign(KEYWORD_SEARCH, {
  postingsDepth: Number(values["postings-depth"]), commonDepth: Number(values["common-depth"]), commonShare: Number(values["common-share"]),
});
const scifact = loadBeir(values.data, values.split);
// The split's own questions (those it judges): queries.jsonl lists both splits, training first.
const questions = [...scifact.qrels.keys()].map((id) => scifact.queries.get(id)!).slice(0, Number(values.queries));
const model = embedder();

type Row = Record<string, string>;
/**
 * Scores within this share of the exact 10th's count as ties with it: a search that returns one of
 * them instead of the 10th has not missed (near-copies in a corpus could make many; measured, they do not: docs/retrieval-speed.md).
 */
const TIE_SHARE = 0.001;
const table: Row[] = [];
const ms = (v: number) => v.toFixed(1);
const median = (list: number[]) => percentile(list, 50);

/** `reopen` restarts the database after the index build and returns its URL (PGlite: see below). */
/** A migrated database with the built-in embedding model, 100 reader groups and the two askers. */
async function prepare(url: string) {
  const { db, pool } = useDatabase(url);
  await migrateDatabase(db);
  await registerEmbeddingModel(db, { id: model.id, provider: "builtin", model: model.id, dimensions: model.dimensions });
  await activateEmbeddingModel(db, model.id);
  const groupIds = await ensureGroups(db, Array.from({ length: 100 }, (_, i) => `bench-group-${i}`));
  const user = async (name: string, groups: string[]) => {
    const row = (await createUser(db, { email: `${name}-${Date.now()}@bench.invalid`, name, passwordHash: "-" }))!;
    await addUserToGroups(db, row.id, groups);
    return { userId: row.id, isAdmin: row.role === "admin" };
  };
  // A database's first account is its admin: made first, so that the other two are employees (the
  // chat's answer path reads the role from the account, not from these objects).
  const admin = await user("admin", []);
  return { db, pool, groupIds, admin, wide: await user("wide", groupIds), narrow: await user("narrow", groupIds.slice(0, 1)) };
}

/**
 * Writes `chunks` synthetic chunks; the keyword indexes are built once after the load, as a bulk
 * import would, and their build is timed too.
 */
async function loadCorpus(db: Executor, label: string, chunks: number, groupIds: string[]) {
  const keywordIndexes = await db.execute<{ indexname: string; indexdef: string }>(sql`
    SELECT indexname, indexdef FROM pg_indexes WHERE indexname IN ('chunks_bm25_idx', 'chunks_tsv_idx')`);
  for (const { indexname } of keywordIndexes.rows) await db.execute(sql.raw(`DROP INDEX ${indexname}`));
  let started = performance.now();
  let lastReport = 0;
  await buildSyntheticCorpus(db, {
    chunks, groups: groupIds, sources: scifact.corpus.map((d) => ({ title: d.title, text: d.text })), embedder: model,
    composition: values.corpus as "sentences" | "windows",
    onProgress: (n) => {
      if (n - lastReport >= 10_000 || n === chunks) {
        lastReport = n;
        console.log(`  [${label}] ${n} chunks written, ${((performance.now() - started) / 1000).toFixed(0)} s`);
      }
    },
  });
  const loadSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  for (const { indexdef } of keywordIndexes.rows) await db.execute(sql.raw(indexdef));
  return { loadSeconds, keywordIndexSeconds: (performance.now() - started) / 1000 };
}

/** `reopen` restarts the database after the index build and returns its URL (PGlite: see below). */
async function benchmark(label: string, url: string, reopen?: () => Promise<string>) {
  const prepared = await prepare(url);
  const { groupIds, wide, narrow } = prepared;
  let { db, pool } = prepared;
  const { loadSeconds, keywordIndexSeconds } = await loadCorpus(db, label, chunkCount, groupIds);
  let started: number;
  // The state autovacuum leaves a bulk load in shortly after (insert-triggered vacuum, PostgreSQL
  // 13+): visibility maps set, so index-only scans (the keyword postings) skip the heap.
  await vacuumAnalyze(db);
  const sizes = await db.execute<{ heap: string }>(sql`SELECT pg_size_pretty(pg_total_relation_size('chunk_embeddings')) AS heap`);
  console.log(`  [${label}] loaded in ${loadSeconds.toFixed(0)} s; keyword indexes built in ${keywordIndexSeconds.toFixed(1)} s; chunk_embeddings ${sizes.rows[0]!.heap}`);

  const query = async (question: string) => ({ model: model.id, dimensions: model.dimensions, embedding: (await model.embed([question]))[0]!, limit: LEG_DEPTH, minSimilarity: -1 });
  // Exact scans of the whole corpus are slow by nature (that is the point): recall and the vector
  // leg's timings use the first --recall-queries questions, the keyword leg's --leg-queries, hybrid
  // latency all of them.
  const queries = await Promise.all(questions.slice(0, Number(values["recall-queries"])).map(query));
  // The exact plan is timed here, once: it reads neither the graph nor any setting.
  const exact = new Map<string, { lists: Ranked[]; ms: number[] }>();
  for (const [name, asker] of [["wide", wide], ["narrow", narrow]] as const) {
    const lists: Ranked[] = [];
    const ms: number[] = [];
    for (const q of queries) {
      const t = performance.now();
      lists.push(await vectorSearch(db, asker, q, { plan: "exact" }));
      ms.push(performance.now() - t);
    }
    exact.set(name, { lists, ms });
  }

  // The cap decides the plan of both legs for a reader under it; the reader of everything is above any.
  const vectorDefaults = vectorSearchDefaults(await databaseKind(db));
  const caps = values["exact-scan-below"]?.split(",").map(Number) ?? [vectorDefaults.exactScanBelow];
  const keywordRows = new Map<number, Row>();
  for (const cap of caps) {
    Object.assign(vectorDefaults, { exactScanBelow: cap });
    const first = keywordRows.get(caps[0]!);
    keywordRows.set(cap, first ? { ...first, ...(await keywordLeg(db, { narrow })) } : await keywordLeg(db, { wide, narrow }));
    console.log(`  [${label}] keyword leg, exact scan below ${cap}`, keywordRows.get(cap));
  }

  const indexTypes = (values.index?.split(",") ?? [await vectorIndexType(db)]) as VectorType[];
  for (const type of indexTypes) {
    await dropVectorIndexes(db, model.id);
    await db.execute(sql`CHECKPOINT`);
    started = performance.now();
    await ensureVectorIndex(db, model.id, model.dimensions, { type, ...build, maintenanceWorkMemMb: Number(values["maintenance-mb"]) });
    const indexSeconds = (performance.now() - started) / 1000;
    const indexSize = await db.execute<{ size: string }>(sql`SELECT pg_size_pretty(pg_relation_size(indexrelid)) AS size FROM pg_index
      WHERE indexrelid::regclass::text LIKE 'chunk_embeddings_hnsw%'`);
    Object.assign(VECTOR_INDEX, { type, ...build });
    console.log(`  [${label}] ${type} HNSW (m=${build.m}, ef_construction=${build.efConstruction}) built in ${indexSeconds.toFixed(1)} s, ${indexSize.rows[0]?.size}`);
    if (reopen) {
      await pool.end();
      ({ db, pool } = useDatabase(await reopen()));
    }
    const sharedBuffers = (await db.execute<{ shared_buffers: string }>(sql`SHOW shared_buffers`)).rows[0]!.shared_buffers;

    const settings = (values["ef-search"]?.split(",").map(Number) ?? [vectorDefaults.efSearch]).flatMap((efSearch) => caps.map((exactScanBelow) => ({ efSearch, exactScanBelow })));
    for (const { efSearch, exactScanBelow } of settings) {
      Object.assign(vectorDefaults, { efSearch, exactScanBelow });
      const keywordRow = keywordRows.get(exactScanBelow)!;
      const row: Row = {
        db: label, chunks: String(chunkCount), corpus: values.corpus!, shared_buffers: sharedBuffers, index: `${type} m${build.m} efc${build.efConstruction}`, ef_search: String(efSearch),
        "exact scan below": String(exactScanBelow),
        "load s": loadSeconds.toFixed(0), "keyword index build s": keywordIndexSeconds.toFixed(1), "index build s": indexSeconds.toFixed(1), "vector index size": indexSize.rows[0]?.size ?? "",
        "database size": (await db.execute<{ size: string }>(sql`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`)).rows[0]!.size,
        ...keywordRow,
      };
      for (const [name, asker] of [["wide", wide], ["narrow", narrow]] as const) {
        const { lists: truth, ms: exactMs } = exact.get(name)!;
        const suffix = name === "wide" ? "" : " 1%";
        const legLatency = { index: [] as number[], exact: exactMs, auto: [] as number[] };
        const got = { index: [] as string[][], auto: [] as string[][] };
        for (const q of queries) {
          for (const plan of ["index", "auto"] as const) {
            const t = performance.now();
            const hits = await vectorSearch(db, asker, q, plan === "auto" ? {} : { plan });
            legLatency[plan].push(performance.now() - t);
            got[plan].push(hits.slice(0, 10).map((h) => h.chunkId));
          }
        }
        const p50s: number[] = [];
        const p95s: number[] = [];
        for (let r = 0; r < runs; r++) {
          const latencies: number[] = [];
          for (const question of questions) {
            const t = performance.now();
            await retrieve(asker, question);
            latencies.push(performance.now() - t);
          }
          p50s.push(median(latencies));
          p95s.push(percentile(latencies, 95));
        }
        const firstToken = (await timeToFirstToken(asker.userId, questions.slice(0, Number(values["first-token-queries"])))).wall;
        row[`first token p50${suffix}`] = ms(median(firstToken));
        row[`first token p95${suffix}`] = ms(percentile(firstToken, 95));
        row[`hybrid p50${suffix}`] = ms(median(p50s));
        row[`hybrid p95${suffix}`] = ms(median(p95s));
        row[`recall@10${suffix}`] = recallOf(truth, got.auto).toFixed(3);
        row[`recall@10 ties counted${suffix}`] = recallOf(truth, got.auto, TIE_SHARE).toFixed(3);
        row[`recall@10 index-only${suffix}`] = recallOf(truth, got.index).toFixed(3);
        row[`vector leg ms index/exact/auto${suffix}`] = `${ms(median(legLatency.index))}/${ms(median(legLatency.exact))}/${ms(median(legLatency.auto))}`;
      }
      row["database memory MB"] = String(databaseMemoryMb(label));
      console.log(row);
      table.push(row);
    }
  }
  await pool.end();
}

/**
 * The keyword leg alone: its latency for each asker over --leg-queries questions (as rankCandidates
 * asks it) and, for the built-in BM25, how many of the exact BM25 top 10 the postings walk finds.
 */
async function keywordLeg(db: Executor, askers: { wide?: Asker; narrow?: Asker }): Promise<Row> {
  const ranking = await detectKeywordRanking(db);
  const row: Row = { "keyword ranking": ranking };
  const termLists = questions.slice(0, Number(values["leg-queries"])).map(keywordTerms);
  // The built-in BM25's walk at each --postings-depths depth, fixed (no share of the corpus), common
  // terms scaled alike; by default the shipped walk only.
  const fixed = ranking === "fts" && values["postings-depths"] !== undefined;
  const depths = fixed ? values["postings-depths"]!.split(",").map(Number) : [KEYWORD_SEARCH.postingsDepth];
  const shipped = { ...KEYWORD_SEARCH };
  // "max": no term deferred, every posting of the scope read.
  const deferAbove = (values["scoped-common-postings"] ?? String(shipped.scopedCommonPostings)).split(",")
    .map((v) => (v === "max" ? Number.MAX_SAFE_INTEGER : Number(v)));
  for (const [name, asker] of Object.entries(askers)) {
    const everything = ranking === "fts" ? await readerScope(db, asker, Number.MAX_SAFE_INTEGER) : null;
    const truth: Ranked[] = [];
    // The truth reads every posting in the scope of all readable chunks: exact BM25.
    Object.assign(KEYWORD_SEARCH, { scopedCommonPostings: Number.MAX_SAFE_INTEGER });
    if (everything) for (const terms of termLists) truth.push(await postingsSearch(db, asker, terms, LEG_DEPTH, everything));
    Object.assign(KEYWORD_SEARCH, shipped);
    const variants = depths.flatMap((depth) => (name === "wide" ? [shipped.scopedCommonPostings] : deferAbove).map((above) => ({ depth, above })));
    for (const { depth, above } of variants) {
      Object.assign(KEYWORD_SEARCH, { scopedCommonPostings: above });
      if (fixed) Object.assign(KEYWORD_SEARCH, { postingsDepth: depth, depthShare: 0, commonDepth: Math.round((shipped.commonDepth * depth) / shipped.postingsDepth) });
      const deferred = name !== "wide" && deferAbove.length > 1 ? ` common deferred above ${above === Number.MAX_SAFE_INTEGER ? "max" : above}` : "";
      const suffix = `${name === "wide" ? "" : " 1%"}${depths.length > 1 ? ` depth ${depth}` : ""}${deferred}`;
      const latencies: number[] = [];
      const got: string[][] = [];
      for (const terms of termLists) {
        const t = performance.now();
        const hits = await keywordSearch(db, asker, ranking, terms, LEG_DEPTH);
        latencies.push(performance.now() - t);
        got.push(hits.slice(0, 10).map((h) => h.chunkId));
      }
      row[`keyword leg p50/p95${suffix}`] = `${ms(median(latencies))}/${ms(percentile(latencies, 95))}`;
      if (everything) {
        row[`keyword recall@10 vs exact BM25${suffix}`] = recallOf(truth, got).toFixed(3);
        row[`keyword recall@10 ties counted${suffix}`] = recallOf(truth, got, TIE_SHARE).toFixed(3);
      }
    }
  }
  Object.assign(KEYWORD_SEARCH, shipped);
  return row;
}

/**
 * From the request's arrival to the first answer token, as the chat route does it: re-read the
 * user (every request does), admit the request (rate and stream limits), then answer() until the
 * first text delta. The rest of the stream is drained so each answer is stored as usual.
 */
async function timeToFirstToken(userId: string, questionList: string[]): Promise<{ wall: number[]; cpu: number[] }> {
  const times: number[] = [];
  const cpu: number[] = [];
  for (const question of questionList) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const user = (await activeUser(userId))!;
    const release = await admitChat(user);
    try {
      const stream = await answer({ user, conversationId: randomUUID(), message: { id: randomUUID(), role: "user", parts: [{ type: "text", text: question }] }, unpaced: true });
      const reader = stream.getReader();
      let first = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (!first && value.type === "text-delta") {
          first = performance.now() - started;
          const used = process.cpuUsage(cpuStarted);
          cpu.push((used.user + used.system) / 1000);
        }
      }
      times.push(first);
    } finally {
      await release();
    }
  }
  return { wall: times, cpu };
}

/** A question as asked (SciFact claims cut to 8 words) or a long one (claims run on to 20 words). */
function questionsOf(length: "short" | "20 words", count: number): string[] {
  const words = questions.flatMap((q) => q.split(/\s+/));
  if (length === "short") return questions.slice(0, count).map((q) => q.split(/\s+/).slice(0, 8).join(" "));
  return Array.from({ length: count }, (_, i) => words.slice(i * 20, i * 20 + 20).join(" "));
}

/**
 * One size of the sweep (--sweep): a corpus of `size` chunks built as the product indexes one,
 * then for the reader of everything, the 1% reader and an admin, short and 20-word questions, the latency
 * the product adds before an answer's first token (timeToFirstToken) and that of hybrid
 * retrieval alone, over --sweep-queries questions each, one at a time.
 */
async function sweepSize(label: string, size: number, url: string, reopen?: () => Promise<string>): Promise<SweepRow[]> {
  const prepared = await prepare(url);
  const { groupIds, admin, wide, narrow } = prepared;
  let { db, pool } = prepared;
  await loadCorpus(db, label, size, groupIds);
  await ensureVectorIndex(db, model.id, model.dimensions, { maintenanceWorkMemMb: Number(values["maintenance-mb"]) });
  if (reopen) {
    await pool.end();
    ({ db, pool } = useDatabase(await reopen()));
  } else {
    await vacuumAnalyze(db);
  }
  const count = Number(values["sweep-queries"]);
  const rows: SweepRow[] = [];
  for (const [reader, asker] of [["everything", wide], ["1%", narrow], ["admin", admin]] as const) {
    const readable = (await readerScope(db, asker, Number.MAX_SAFE_INTEGER))!.length;
    for (const length of ["short", "20 words"] as const) {
      const list = questionsOf(length, count + 1);
      await retrieve(asker, list[0]!); // warm-up, not counted
      // --runs runs; each figure is the median of the runs' figures, with the p95s' range.
      const runFigures: number[][] = [];
      for (let r = 0; r < runs; r++) {
        const hybrid: number[] = [];
        for (const question of list.slice(1)) {
          const t = performance.now();
          await retrieve(asker, question);
          hybrid.push(performance.now() - t);
        }
        const timed = await timeToFirstToken(asker.userId, list);
        const [firstToken, cpu] = [timed.wall.slice(1), timed.cpu.slice(1)]; // the first: warm-up
        runFigures.push([median(firstToken), percentile(firstToken, 95), median(hybrid), percentile(hybrid, 95), median(cpu), percentile(cpu, 95)]);
      }
      const [firstTokenP50, firstTokenP95, hybridP50, hybridP95, cpuP50, cpuP95] = [0, 1, 2, 3, 4, 5].map((i) => median(runFigures.map((f) => f[i]!)));
      const p95s = runFigures.map((f) => f[1]!);
      const row: SweepRow = {
        db: label, chunks: size, reader, question: length, readable, queries: count, runs,
        firstTokenP50: firstTokenP50!, firstTokenP95: firstTokenP95!, firstTokenP95Min: Math.min(...p95s), firstTokenP95Max: Math.max(...p95s),
        hybridP50: hybridP50!, hybridP95: hybridP95!, firstTokenCpuP50: cpuP50!, firstTokenCpuP95: cpuP95!,
      };
      console.log(`  [${label}] ${size} chunks, reader of ${reader} (${readable}), ${length}: first token p50/p95 ${ms(row.firstTokenP50)}/${ms(row.firstTokenP95)} ms (p95 ${ms(row.firstTokenP95Min)}-${ms(row.firstTokenP95Max)}), hybrid ${ms(row.hybridP50)}/${ms(row.hybridP95)} ms, CPU to first token ${ms(row.firstTokenCpuP50)}/${ms(row.firstTokenCpuP95)} ms`);
      rows.push(row);
    }
  }
  await pool.end();
  return rows;
}

/**
 * The database's memory after the measurements, in MB: PostgreSQL's processes (their proportional
 * set sizes, so the shared buffer cache is counted once; the server must run on this machine), or
 * for PGlite, this process, which holds the embedded database (and the benchmark's own few hundred MB).
 */
function databaseMemoryMb(label: string): number {
  return Math.round(label === "PGlite" ? process.memoryUsage().rss / 2 ** 20 : memoryOf(processesNamed("postgres")).pssMb);
}

/** Rows as a Markdown table, with every column any row has. */
function markdownTable(rows: Row[]): string[] {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return [`| ${columns.join(" | ")} |`, `|${columns.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${columns.map((c) => r[c] ?? "").join(" | ")} |`)];
}

/** Adds this run's rows to the cost curve (--scale-out .json), replacing rows of the same database, size and setting, and rewrites its table (.md). */
function writeScale(out: string, rows: Row[]) {
  const key = (r: Row) => [r.db, r.chunks, r.corpus, r.index, r.ef_search, r["exact scan below"]].join("|");
  const previous: Row[] = fs.existsSync(`${out}.json`) ? JSON.parse(fs.readFileSync(`${out}.json`, "utf8")) : [];
  const all = [...previous.filter((r) => !rows.some((n) => key(n) === key(r))), ...rows]
    .sort((a, b) => String(a.db).localeCompare(String(b.db)) || Number(a.chunks) - Number(b.chunks));
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(`${out}.json`, `${JSON.stringify(all, null, 2)}\n`);
  const lines = [
    "# Retrieval by corpus size: the cost curve",
    "",
    `Written by \`npm run bench:retrieval -- --chunks N --db pglite|postgres\` (scripts/bench-retrieval.ts) on ${os.cpus().length} CPUs; one row per run, the last run of each database, size and setting. What the columns mean and what the figures say: [retrieval-speed.md](../retrieval-speed.md#the-cost-curve).`,
    "",
    ...markdownTable(all),
  ];
  fs.writeFileSync(`${out}.md`, `${lines.join("\n")}\n`);
}

/**
 * A fresh PGlite in a data directory of its own, served over the wire as in production. `reopen`
 * restarts it and returns its new URL: PGlite sizes its buffer cache from the data when it starts
 * (db/embedded-server.ts), so a benchmark that builds and then reopens measures what the app
 * serves once it has restarted with this corpus (the build runs with an empty install's cache).
 */
async function withPglite<T>(run: (url: string, reopen: () => Promise<string>) => Promise<T>): Promise<T> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "groundwork-bench-"));
  let embedded = await startEmbeddedServer(dataDir);
  try {
    return await run(embedded.url, async () => {
      await embedded.stop();
      embedded = await startEmbeddedServer(dataDir);
      return embedded.url;
    });
  } finally {
    await embedded.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A database of its own on TEST_DATABASE_URL's (or DATABASE_URL's) server, dropped afterwards. */
async function withPostgres<T>(run: (url: string) => Promise<T>): Promise<T> {
  const serverUrl = env().TEST_DATABASE_URL ?? env().DATABASE_URL;
  if (!serverUrl) {
    console.error("PostgreSQL: set TEST_DATABASE_URL (a server where this may create a database).");
    return process.exit(2);
  }
  const name = `groundwork_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return await run(url.toString());
  } finally {
    // pg-pool's end() resolves before its connections have said goodbye; FORCE would cut them off
    // mid-way, and each would log an error. Wait (up to 5 s) until they are gone.
    for (let tries = 0; tries < 50; tries++) {
      const { rows } = await admin.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1", [name]);
      if (rows[0]!.n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

const which = values.db;
if (which === "both") {
  // One process per database: module-level state (the keyword ranking detected, cached counts) is per database.
  for (const one of ["pglite", "postgres"]) {
    const args = process.argv.slice(2).filter((a, i, all) => a !== "--db" && all[i - 1] !== "--db");
    const child = spawn(process.execPath, [...process.execArgv, process.argv[1]!, ...args, "--db", one], { stdio: "inherit" });
    await new Promise((resolve) => child.on("exit", resolve));
  }
  process.exit(0);
}
if (values.sweep) {
  const label = which === "pglite" ? "PGlite" : "PostgreSQL";
  for (const size of values.sweep.split(",").map(Number)) {
    // A new database per size, built as an install grows to it: the embedded one restarted after
    // the build (it then analyzes what changed: db/embedded-statistics.ts), a server after the
    // VACUUM ANALYZE its autovacuum would run.
    const rows = which === "pglite"
      ? await withPglite((url, reopen) => sweepSize(label, size, url, reopen))
      : await withPostgres((url) => sweepSize(label, size, url));
    writeSweep(values.out, rows);
  }
  process.exit(0);
}
if (which === "pglite") await withPglite((url, reopen) => benchmark("PGlite", url, reopen));
if (which === "postgres") await withPostgres((url) => benchmark("PostgreSQL", url));

writeScale(values["scale-out"]!, table);
console.log(`\n${markdownTable(table).join("\n")}`);
process.exit(0);
