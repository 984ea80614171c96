/**
 * `npm run bench:load -- [--db pglite|postgres|both] [--chunks 30,3000,30000]
 *   [--concurrency 10,50,100,200] [--questions 200] [--rate 20] [--rate-seconds 15] [--out docs/benchmarks]`
 *
 * Many employees asking at once, against the production build (`npm run build` first) started as
 * `npm start` starts it, over HTTP, with the built-in model. For each database and corpus size, a
 * fresh database holds the sample policies (indexed by the worker, as an upload would) topped up to
 * `--chunks` with SciFact text (testing/synthetic-corpus, readable by everyone), and 200 employees
 * signed in through Auth.js. Then:
 *   - closed loop: `--concurrency` employees each ask their next question as soon as the last
 *     answer ends, `--questions` questions in all (at least two each);
 *   - open loop: `--rate` questions a second arrive for `--rate-seconds`, whatever the answers do.
 * Each row reports time to first token p50/p95 (request sent to the first text), answers per
 * second (answers read to the end over the wall time), stored turns against requests, peak memory
 * (PSS of the app's processes, testing/process-tree.ts; on PostgreSQL the server's own beside it)
 * and the CPU time each answer costs in each process (web server, launcher with the embedded
 * database, ingest worker, PostgreSQL server). Every employee is one person under the product's
 * limits (two answers at a time); the per-minute limit is lifted, since one benchmark employee asks
 * far more often than a person does.
 * The questions alternate between the policies' and SciFact's (at 30 chunks, policies' only).
 * Rows go to `<out>/load.json` (kept per database, size and load) and `<out>/load.md`.
 * PostgreSQL is TEST_DATABASE_URL (or DATABASE_URL), where a database of its own is created and
 * dropped per size; each size runs in a process of its own.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { runningEmbeddedServer, startEmbeddedServer } from "@/db/embedded-server";
import { migrateDatabase } from "@/db/migrate";
import { countLiveChunks, vacuumAnalyze } from "@/db/queries/bulk-corpus";
import { countConversationsWithReply } from "@/db/queries/conversations";
import { ensureVectorIndex } from "@/db/queries/retrieval";
import { createUser } from "@/db/queries/users";
import { hashPassword } from "@/lib/auth/password";
import { useDatabase } from "@/lib/db";
import { embedder } from "@/lib/embeddings";
import { env } from "@/lib/env";
import { loadBeir } from "@/lib/evaluation/beir";
import { percentile } from "@/lib/evaluation/metrics";
import { processNextJob } from "@/lib/ingest/worker";
import { stopJobQueue } from "@/lib/jobs/queue";
import { loadSamplePolicies } from "@/lib/samples/load";
import { askOverHttp, type AskedOverHttp, signIn, waitUntilReady } from "@/testing/app-over-http";
import { freePort, stopProcess } from "@/testing/processes";
import { cpuMsOf, memoryOf, type ProcessInfo, processesNamed, processTree } from "@/testing/process-tree";
import { buildSyntheticCorpus } from "@/testing/synthetic-corpus";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "both" },
    chunks: { type: "string", default: "30,3000,30000" },
    concurrency: { type: "string", default: "10,50,100,200" },
    questions: { type: "string", default: "200" },
    rate: { type: "string", default: "20" },
    "rate-seconds": { type: "string", default: "15" },
    data: { type: "string", default: path.join("..", "shared", "data", "scifact") },
    out: { type: "string", default: path.join("docs", "benchmarks") },
    /** Internal: one database and size, run by the parent in a process of its own. */
    one: { type: "string" },
  },
});
const EMPLOYEES = 200;
const PASSWORD = "load-password-not-for-production";
const POLICY_QUESTIONS = [
  "How many days of annual leave do I get?",
  "How much can I claim for client meals?",
  "Which hotels can I book when travelling?",
  "How often must I change my password?",
  "What is the expense claim deadline?",
  "I left my work laptop on the train, what do I do?",
  "Can I carry over unused leave to next year?",
  "Who approves my travel?",
  "Can I work from home?",
  "How do I report a security incident?",
];

interface Row {
  db: string; chunks: number; load: string; requests: number; answered: number; stored: number; rejected: number;
  firstTokenP50: number; firstTokenP95: number; answerP50: number; answersPerSecond: number;
  peakAppMb: number; peakDatabaseServerMb: number | null; cpuMsPerAnswer: Record<string, number>;
}

if (!fs.existsSync("dist/start.mjs")) {
  console.error("No production build: run `npm run build` first.");
  process.exit(1);
}
if (!values.one) {
  const dbs = values.db === "both" ? ["pglite", "postgres"] : [values.db];
  for (const db of dbs) {
    for (const size of values.chunks.split(",").map(Number)) {
      const file = path.join(os.tmpdir(), `groundwork-load-${process.pid}-${db}-${size}.json`);
      const args = process.argv.slice(2).filter((a, i, all) => !["--db", "--chunks"].includes(a) && !["--db", "--chunks"].includes(all[i - 1]!));
      const child = spawn(process.execPath, [...process.execArgv, process.argv[1]!, ...args, "--one", `${db}:${size}:${file}`], { stdio: "inherit" });
      const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
      if (code !== 0 || !fs.existsSync(file)) {
        console.error(`${db} at ${size} chunks failed (exit ${code})`);
        process.exit(1);
      }
      // Written after each size, so a long run that fails later keeps what it measured.
      writeReport(JSON.parse(fs.readFileSync(file, "utf8")) as Row[]);
      fs.rmSync(file);
    }
  }
  process.exit(0);
}

const [which, sizeText, resultFile] = values.one.split(":") as ["pglite" | "postgres", string, string];
const size = Number(sizeText);
const label = which === "pglite" ? "PGlite" : "PostgreSQL";
const work = fs.mkdtempSync(path.join(os.tmpdir(), "groundwork-load-"));
const dataDir = path.join(work, "data");
const serverUrl = env().TEST_DATABASE_URL ?? env().DATABASE_URL;
if (which === "postgres" && !serverUrl) {
  console.error("PostgreSQL: set TEST_DATABASE_URL (a server where this may create a database).");
  process.exit(2);
}
const scratchName = `groundwork_load_${process.pid}`;
let scifactData: ReturnType<typeof loadBeir> | undefined;
const admin = which === "postgres" ? new pg.Client({ connectionString: serverUrl }) : null;
let app: ChildProcess | undefined;
try {
  const url = await prepareDatabase();
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  app = spawn(process.execPath, ["dist/start.mjs"], {
    env: {
      ...process.env, PORT: String(port), PGLITE_DATA_DIR: dataDir, DATABASE_URL: which === "postgres" ? url : "",
      AUTH_SECRET: "load-secret-not-for-production", CHAT_MAX_PER_MINUTE: "1000000", LOG_LEVEL: "error",
      // Throughput of the server, not of reading: answers are sent without the pace people see.
      BUILTIN_MODEL_DELAY_MS: "0",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await waitUntilReady(origin, app, 300_000);
  const appDb = useDatabase(which === "postgres" ? url : runningEmbeddedServer(dataDir)!);
  const cookies: string[] = [];
  // One after another: sign-ins in flight from one address count against its throttle until they succeed.
  for (let i = 0; i < EMPLOYEES; i++) cookies.push(await signIn(origin, emailOf(i), PASSWORD));
  const questions = await questionList();
  let asked = 0;
  const nextQuestion = () => questions[asked++ % questions.length]!;
  // Warm-up, not counted: the first requests load code and fill caches.
  await Promise.all(cookies.slice(0, 10).map(async (cookie) => {
    for (let i = 0; i < 3; i++) await askOverHttp(origin, cookie, nextQuestion());
  }));

  const rows: Row[] = [];
  const measure = async (load: string, run: () => Promise<AskedOverHttp[]>) => {
    const roles = rolesOf(app!);
    const cpuBefore = cpuByRole(roles);
    let peakApp = 0;
    let peakServer = 0;
    const sample = () => {
      peakApp = Math.max(peakApp, memoryOf(roles().flatMap(([, ps]) => (ps === "server" ? [] : ps))).pssMb);
      if (which === "postgres") peakServer = Math.max(peakServer, memoryOf(processesNamed("postgres")).pssMb);
    };
    const sampler = setInterval(sample, 500);
    const started = performance.now();
    const results = await run();
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    sample();
    const cpuAfter = cpuByRole(roles);
    const answered = results.filter((r) => r.status === 200 && r.wordsReceived > 0);
    const stored = await storedReplies(results.filter((r) => r.status === 200).map((r) => r.conversationId));
    const firstTokens = answered.map((r) => r.firstTokenMs!);
    const row: Row = {
      db: label, chunks: size, load, requests: results.length, answered: answered.length, stored, rejected: results.filter((r) => r.status !== 200).length,
      firstTokenP50: percentile(firstTokens, 50), firstTokenP95: percentile(firstTokens, 95), answerP50: percentile(answered.map((r) => r.totalMs), 50),
      answersPerSecond: answered.length / seconds,
      peakAppMb: peakApp, peakDatabaseServerMb: which === "postgres" ? peakServer : null,
      cpuMsPerAnswer: Object.fromEntries([...cpuAfter].map(([role, ms]) => [role, (ms - (cpuBefore.get(role) ?? 0)) / Math.max(1, answered.length)])),
    };
    console.log(`[${label}, ${size} chunks, ${load}] ${row.answered}/${row.requests} answered, ${row.stored} stored, first token p50/p95 ${row.firstTokenP50.toFixed(0)}/${row.firstTokenP95.toFixed(0)} ms, ${row.answersPerSecond.toFixed(1)} answers/s, peak ${row.peakAppMb} MB, CPU ms/answer ${JSON.stringify(Object.fromEntries(Object.entries(row.cpuMsPerAnswer).map(([k, v]) => [k, Math.round(v)])))}`);
    rows.push(row);
  };

  for (const concurrency of values.concurrency.split(",").map(Number)) {
    const total = Math.max(Number(values.questions), 2 * concurrency);
    await measure(`${concurrency} concurrent`, async () => {
      const results: AskedOverHttp[] = [];
      let started = 0;
      await Promise.all(cookies.slice(0, concurrency).map(async (cookie) => {
        while (started < total) {
          started++;
          results.push(await askOverHttp(origin, cookie, nextQuestion()));
        }
      }));
      return results;
    });
  }
  const rate = Number(values.rate);
  const count = rate * Number(values["rate-seconds"]);
  await measure(`${rate} questions/s arriving`, async () => {
    const start = performance.now();
    const pending: Promise<AskedOverHttp>[] = [];
    for (let i = 0; i < count; i++) {
      const due = start + (i * 1000) / rate;
      if (due > performance.now()) await new Promise((resolve) => setTimeout(resolve, due - performance.now()));
      pending.push(askOverHttp(origin, cookies[i % cookies.length]!, nextQuestion()));
    }
    return Promise.all(pending);
  });
  await appDb.pool.end();
  fs.writeFileSync(resultFile, JSON.stringify(rows));

  /** Turns are stored when their stream ends: waits until the count stops growing. */
  async function storedReplies(conversationIds: string[]) {
    let last = -1;
    for (let i = 0; i < 20; i++) {
      const n = await countConversationsWithReply(appDb.db, conversationIds);
      if (n === conversationIds.length || n === last) return n;
      last = n;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return last;
  }
} finally {
  if (app) await stopProcess(app);
  if (admin) {
    await admin.query(`DROP DATABASE IF EXISTS ${scratchName} WITH (FORCE)`);
    await admin.end();
  }
  fs.rmSync(work, { recursive: true, force: true });
}
process.exit(0);

/** A migrated database with the sample policies indexed, topped up to `size` chunks, and the employees. */
async function prepareDatabase(): Promise<string> {
  let url: string;
  let embedded: Awaited<ReturnType<typeof startEmbeddedServer>> | undefined;
  if (admin) {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${scratchName}`);
    const u = new URL(serverUrl!);
    u.pathname = `/${scratchName}`;
    url = u.toString();
  } else {
    embedded = await startEmbeddedServer(dataDir);
    url = embedded.url;
  }
  const { db, pool } = useDatabase(url);
  await migrateDatabase(db);
  const passwordHash = await hashPassword(PASSWORD);
  const owner = await createUser(db, { email: "admin@load.invalid", name: "Load Admin", passwordHash });
  await loadSamplePolicies(owner!.id);
  while (await processNextJob()) {
    // index the samples as the worker does
  }
  await stopJobQueue();
  const samples = await countLiveChunks(db);
  if (size > samples) {
    const model = embedder();
    const started = performance.now();
    await buildSyntheticCorpus(db, { chunks: size - samples, groups: [null], sources: scifact().corpus.map((d) => ({ title: d.title, text: d.text })), embedder: model });
    await ensureVectorIndex(db, model.id, model.dimensions);
    console.log(`[${label}] ${size - samples} SciFact chunks added to the ${samples} of the sample policies in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  await vacuumAnalyze(db);
  for (let i = 0; i < EMPLOYEES; i++) await createUser(db, { email: emailOf(i), name: `Employee ${i}`, passwordHash });
  await pool.end();
  // The app's launcher owns the embedded database; it sizes its buffer cache for this corpus at start.
  await embedded?.stop();
  return url;
}

async function questionList(): Promise<string[]> {
  if (size <= 100) return POLICY_QUESTIONS;
  const { qrels, queries } = scifact();
  const claims = [...qrels.keys()].map((id) => queries.get(id)!).slice(0, 90);
  return claims.flatMap((claim, i) => [POLICY_QUESTIONS[i % POLICY_QUESTIONS.length]!, claim]);
}

/** SciFact's corpus and test questions, read once for the corpus and the questions both. */
function scifact() {
  scifactData ??= loadBeir(values.data, "test");
  return scifactData;
}

function emailOf(i: number) {
  return `employee-${i}@load.invalid`;
}

/** The app's processes by role, read again at each call (the launcher restarts a child that dies). */
function rolesOf(root: ChildProcess): () => [string, ProcessInfo[] | "server"][] {
  return () => {
    const tree = processTree(root.pid!);
    const role = (p: ProcessInfo) =>
      p.pid === root.pid ? (which === "pglite" ? "launcher + embedded database" : "launcher")
        : p.command.includes("next-server") || p.command.includes("server.js") ? "web server" : p.command.includes("worker.mjs") ? "ingest worker" : "other";
    const byRole = new Map<string, ProcessInfo[]>();
    for (const p of tree) byRole.set(role(p), [...(byRole.get(role(p)) ?? []), p]);
    const roles: [string, ProcessInfo[] | "server"][] = [...byRole];
    if (which === "postgres") roles.push(["PostgreSQL server", "server"]);
    return roles;
  };
}

/**
 * CPU used so far by each role. A child's own time goes to its role, not the launcher's; the
 * PostgreSQL server's is its postmaster's with the connections it has reaped, and those still open.
 */
function cpuByRole(roles: () => [string, ProcessInfo[] | "server"][]): Map<string, number> {
  const cpu = ([, ps]: [string, ProcessInfo[] | "server"]) => {
    if (ps !== "server") return ps.reduce((sum, p) => sum + cpuMsOf(p.pid), 0);
    const server = processesNamed("postgres");
    return server.reduce((sum, p) => sum + cpuMsOf(p.pid, { reapedChildren: !server.some((parent) => parent.pid === p.ppid) }), 0);
  };
  return new Map(roles().map((role) => [role[0], cpu(role)]));
}

function writeReport(rows: Row[]) {
  fs.mkdirSync(values.out, { recursive: true });
  const jsonFile = path.join(values.out, "load.json");
  const key = (r: Row) => `${r.db}|${r.chunks}|${r.load}`;
  const kept = fs.existsSync(jsonFile) ? (JSON.parse(fs.readFileSync(jsonFile, "utf8")) as Row[]).filter((r) => !rows.some((n) => key(n) === key(r))) : [];
  const all = [...kept, ...rows].sort((a, b) => a.db.localeCompare(b.db) || a.chunks - b.chunks);
  fs.writeFileSync(jsonFile, `${JSON.stringify(all, null, 1)}\n`);
  const roles = [...new Set(all.flatMap((r) => Object.keys(r.cpuMsPerAnswer)))].filter((r) => r !== "other");
  const lines = [
    "# Load",
    "",
    `Written by \`npm run bench:load\` (scripts/bench-load.ts), ${new Date().toISOString().slice(0, 10)}, on ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "unknown"}).`,
    "Production build, built-in model, over HTTP; first token from sending the request; CPU per answer by process.",
    "",
    `| database | chunks | load | answered / requests | stored | first token p50 / p95 | answer p50 | answers/s | peak memory | ${roles.map((r) => `CPU ${r}`).join(" | ")} |`,
    `|---|---|---|---|---|---|---|---|---|${roles.map(() => "---").join("|")}|`,
    ...all.map((r) => `| ${r.db} | ${r.chunks.toLocaleString("en")} | ${r.load} | ${r.answered} / ${r.requests} | ${r.stored} | ${Math.round(r.firstTokenP50)} / ${Math.round(r.firstTokenP95)} ms | ${Math.round(r.answerP50)} ms | ${r.answersPerSecond.toFixed(1)} | ${r.peakAppMb} MB${r.peakDatabaseServerMb === null ? "" : ` + server ${r.peakDatabaseServerMb} MB`} | ${roles.map((role) => (r.cpuMsPerAnswer[role] === undefined ? "" : `${r.cpuMsPerAnswer[role]!.toFixed(1)} ms`)).join(" | ")} |`),
    "",
  ];
  fs.writeFileSync(path.join(values.out, "load.md"), lines.join("\n"));
}
