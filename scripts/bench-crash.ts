/**
 * `npm run bench:crash -- [--trials 50] [--files 16] [--seed N] [--via cli|web]`: 50 kills by default
 *
 * kill -9 trials on the embedded database, then the script counts what must be 0: acknowledged
 * uploads lost, stuck documents or jobs, duplicate documents, versions or chunks, orphaned rows,
 * and failures to reopen.
 * - `--via cli` (the default): a bulk import (`npm run ingest`, which owns the database and runs the
 *   ingest worker in the same process) is killed with SIGKILL at a random moment, the database is
 *   reopened and what it acknowledged is noted; each trial imports a new folder and the previous one
 *   again (so an interrupted import is resumed). A last import of every folder runs to the end.
 * - `--via web`: the production app (`node dist/start.mjs`, `npm run build` first) takes each
 *   trial's files as the documents page sends them (POST /api/documents, two at a time, as an
 *   admin signed in over HTTP), and its launcher, which owns the database, is killed with SIGKILL at
 *   a random moment of the uploads and the indexing after them. An upload is acknowledged when its
 *   response names the version; a file whose upload got no answer is sent again in the next trial,
 *   as a person would. A last start takes what is left and indexes everything.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { spawn } from "node:child_process";
import { sql } from "drizzle-orm";
import { createFirstAdmin, issueSetupToken } from "@/lib/auth/first-admin";
import { openCliDatabase } from "@/lib/cli-database";
import { signIn, waitUntilReady } from "@/testing/app-over-http";
import { processTree } from "@/testing/process-tree";
import { freePort, isAlive } from "@/testing/processes";
import { spawnScript } from "@/testing/worker-process";

const { values } = parseArgs({ options: { trials: { type: "string", default: "50" }, files: { type: "string", default: "16" }, seed: { type: "string", default: "1" }, via: { type: "string", default: "cli" } } });
if (values.via !== "cli" && values.via !== "web") throw new Error("--via is cli or web");
if (values.via === "web" && !fs.existsSync("dist/start.mjs")) {
  console.error("No production build: run `npm run build` first.");
  process.exit(1);
}
const trials = Number(values.trials);
const filesPerTrial = Number(values.files);
let seed = Number(values.seed);
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31); // repeatable kill moments

const work = fs.mkdtempSync(path.join(os.tmpdir(), "groundwork-crash-"));
const dataDir = path.join(work, "data");
process.env.PGLITE_DATA_DIR = dataDir;
process.env.LOG_LEVEL = "error";
// The shortest heartbeat, so a killed import's job comes due again within seconds instead of a minute.
const childEnv = { PGLITE_DATA_DIR: dataDir, INGEST_LEASE_SECONDS: "10", LOG_LEVEL: "error" };

/** A policy-like Markdown file: a few sections of distinct sentences, some dozens of chunks. */
function writeCorpus(trial: number): string {
  const folder = path.join(work, "corpus", `t${String(trial).padStart(2, "0")}`);
  fs.mkdirSync(folder, { recursive: true });
  for (let f = 0; f < filesPerTrial; f++) {
    const sections = Array.from({ length: 6 }, (_, s) => {
      const sentences = Array.from({ length: 40 }, (_, i) => `Rule ${trial}.${f}.${s}.${i} says that item ${(i * 7919 + f * 104729 + trial) % 100_000} needs approval within ${1 + (i % 30)} days.`);
      return `## Section ${s + 1}\n\n${sentences.join(" ")}\n`;
    });
    fs.writeFileSync(path.join(folder, `policy-${trial}-${f}.md`), `# Policy ${trial}-${f}\n\n${sections.join("\n")}`);
  }
  return folder;
}

async function withDatabase<T>(read: (db: Awaited<ReturnType<typeof openCliDatabase>>["db"]) => Promise<T>): Promise<T> {
  const { db, close } = await openCliDatabase();
  try {
    return await read(db);
  } finally {
    await close();
  }
}

/**
 * Runs the import; kills it `killAfterMs` after it has opened the database and begun importing
 * (start-up is the same every time and not what is tried), unless it finished first.
 */
function importRun(folders: string[], killAfterMs: number | null): Promise<{ killed: boolean; code: number | null; importMs: number; output: string }> {
  const child = spawnScript("scripts/ingest.ts", folders, childEnv);
  let output = "";
  let importing = 0;
  let timer: NodeJS.Timeout | undefined;
  child.stdout!.on("data", (d: Buffer) => {
    output += d;
    if (importing || !output.includes("Importing ")) return;
    importing = Date.now();
    if (killAfterMs !== null) timer = setTimeout(() => child.kill("SIGKILL"), killAfterMs);
  });
  child.stderr!.on("data", (d: Buffer) => (output += d));
  return new Promise((resolve) =>
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({ killed: signal === "SIGKILL", code, importMs: importing ? Date.now() - importing : 0, output });
    }),
  );
}

await withDatabase(async () => {
  const token = await issueSetupToken();
  if (token) await createFirstAdmin(token, { name: "Crash bench", email: "bench@example.com", password: "a long bench password" });
});

const folders: string[] = [];
const acknowledged = new Set<string>();
let reopenFailures = 0;
let killedMidway = 0;
// A run that finishes before its kill moment is not a trial: runs continue until `trials` kills landed mid-way.
let t = 0;
const lastFinished = values.via === "web" ? await webTrials() : await cliTrials();

/** The CLI's trials; whether the last import, left alone, finished. */
async function cliTrials(): Promise<boolean> {
  // How long one trial's import takes when left alone: kill moments are drawn across it.
  folders.push(writeCorpus(0));
  const calm = await importRun(folders, null);
  if (calm.code !== 0) throw new Error(`the uninterrupted import failed:\n${calm.output}`);
  console.log(`uninterrupted import of ${filesPerTrial} files: ${calm.importMs} ms after start-up`);
  while (killedMidway < trials && t < trials * 3) {
    t++;
    folders.push(writeCorpus(t));
    // The previous folder is mostly indexed already: the run does about one folder's work.
    const killAt = Math.round(random() * calm.importMs);
    const run = await importRun(folders.slice(-2), killAt);
    if (run.killed) killedMidway++;
    try {
      const ids = await withDatabase(async (db) => (await db.execute<{ id: string }>(sql`SELECT id FROM document_versions`)).rows.map((r) => r.id));
      ids.forEach((id) => acknowledged.add(id));
    } catch (err) {
      reopenFailures++;
      console.log(`trial ${t}: the database did not reopen: ${(err as Error).message}`);
    }
    process.stdout.write(`run ${t}, kill ${killedMidway}/${trials}: ${run.killed ? `killed at ${killAt} ms` : `finished before ${killAt} ms`}, ${acknowledged.size} versions acknowledged so far\n`);
  }
  return (await importRun(folders, null)).code === 0;
}

/** The web's trials; whether the last start, left alone, indexed everything. */
async function webTrials(): Promise<boolean> {
  const unsent: string[] = [];
  const take = (folder: string) => unsent.push(...fs.readdirSync(folder).map((f) => path.join(folder, f)));
  folders.push(writeCorpus(0));
  take(folders[0]!);
  // How long one trial takes when left alone (uploads, then indexing): kill moments are drawn across it.
  const calm = await webRun(unsent, null);
  if (!calm.indexed) throw new Error("the uninterrupted run did not index its files");
  console.log(`uninterrupted upload and indexing of ${filesPerTrial} files: ${calm.ms} ms after sign-in`);
  while (killedMidway < trials && t < trials * 3) {
    t++;
    folders.push(writeCorpus(t));
    take(folders.at(-1)!);
    const killAt = Math.round(random() * calm.ms);
    const run = await webRun(unsent, killAt);
    if (run.killed) killedMidway++;
    if (run.reopenFailed) reopenFailures++;
    process.stdout.write(`run ${t}, kill ${killedMidway}/${trials}: ${run.killed ? `killed at ${killAt} ms` : `finished before ${killAt} ms`}, ${acknowledged.size} uploads acknowledged so far, ${unsent.length} to send again\n`);
  }
  return (await webRun(unsent, null)).indexed;
}

/**
 * One start of the production app on the bench's database: the files in `unsent` are uploaded two
 * at a time (each acknowledged one leaves the list), then the run waits until nothing is queued or
 * processing. With `killAfterMs`, the launcher is killed that long after sign-in, unless it finished.
 */
async function webRun(unsent: string[], killAfterMs: number | null) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const app = spawn(process.execPath, ["dist/start.mjs"], {
    env: { ...process.env, ...childEnv, PORT: String(port), DATABASE_URL: "", AUTH_SECRET: "bench-secret-not-for-production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitUntilReady(origin, app);
  } catch {
    app.kill("SIGKILL");
    return { killed: false, reopenFailed: true, indexed: false, ms: 0 };
  }
  const pids = processTree(app.pid!).map((p) => p.pid);
  const cookie = await signIn(origin, "bench@example.com", "a long bench password");
  const started = Date.now();
  let killed = false;
  const timer = killAfterMs === null ? undefined : setTimeout(() => ((killed = true), app.kill("SIGKILL")), killAfterMs);
  const lane = async () => {
    for (let file = unsent[0]; file && !killed; file = unsent[0]) {
      unsent.shift();
      const versionId = await uploadOverHttp(origin, cookie, file);
      if (versionId) acknowledged.add(versionId);
      else if (killed) unsent.push(file); // no answer: sent again later, as a person would
      else throw new Error(`the upload of ${file} failed with no kill`);
    }
  };
  await Promise.all([lane(), lane()]);
  let indexed = false;
  // A stuck version would keep a run waiting for good: past the deadline the run ends and the counts say so.
  for (const deadline = Date.now() + 600_000; !killed && !indexed && Date.now() < deadline; ) {
    indexed = await withDatabase(async (db) => Number((await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM document_versions WHERE status IN ('queued', 'processing')`)).rows[0]!.n) === 0).catch(() => false);
    if (!indexed) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const ms = Date.now() - started;
  clearTimeout(timer);
  if (!killed) app.kill("SIGTERM");
  await new Promise<void>((resolve) => (app.exitCode !== null || app.signalCode !== null ? resolve() : app.once("exit", () => resolve())));
  // The launcher's children end when it does (watch-parent); the next start waits for them.
  for (const deadline = Date.now() + 15_000; pids.some(isAlive) && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 100));
  return { killed, reopenFailed: false, indexed: indexed && !killed, ms };
}

/** POST /api/documents as the documents page sends a file; the version it names, or null when there was no answer. */
async function uploadOverHttp(origin: string, cookie: string, file: string): Promise<string | null> {
  const form = new FormData();
  form.set("file", new File([fs.readFileSync(file)], path.basename(file), { type: "text/markdown" }));
  const response = await fetch(`${origin}/api/documents`, { method: "POST", headers: { Cookie: cookie, Origin: origin }, body: form }).catch(() => null);
  if (!response?.ok) return null;
  return ((await response.json().catch(() => ({}))) as { versionId?: string }).versionId ?? null;
}

/** Acknowledged versions whose document is gone, or has no ready version. */
async function lostUploads(db: Awaited<ReturnType<typeof openCliDatabase>>["db"], versionIds: string[]): Promise<number> {
  if (versionIds.length === 0) return 0;
  const { rows } = await db.execute<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM unnest(${`{${versionIds.join(",")}}`}::uuid[]) AS a(id)
    WHERE NOT EXISTS (
      SELECT 1 FROM document_versions v JOIN documents d ON d.id = v.document_id
      JOIN document_versions r ON r.document_id = d.id AND r.status = 'ready'
      WHERE v.id = a.id AND d.deleted_at IS NULL)`);
  return Number(rows[0]!.n);
}

const expectedFiles = folders.length * filesPerTrial;
const counts = await withDatabase(async (db) => {
  const one = async (query: ReturnType<typeof sql>) => Number((await db.execute<{ n: number }>(query)).rows[0]!.n);
  return {
    "files imported": expectedFiles,
    "live documents": await one(sql`SELECT count(*)::int AS n FROM documents WHERE deleted_at IS NULL`),
    "documents with a ready version": await one(sql`SELECT count(DISTINCT document_id)::int AS n FROM document_versions WHERE status = 'ready'`),
    "acknowledged versions": acknowledged.size,
    // Document by document: a version parked as failed after repeated crashes is indexed anew by the next import of its file.
    "acknowledged uploads lost (document has no ready version)": await lostUploads(db, [...acknowledged]),
    "versions parked as failed (crashed every attempt), then indexed anew": await one(sql`SELECT count(*)::int AS n FROM document_versions WHERE status = 'failed' AND error LIKE 'Ingestion stopped responding repeatedly%'`),
    "stuck versions (queued or processing)": await one(sql`SELECT count(*)::int AS n FROM document_versions WHERE status IN ('queued', 'processing')`),
    "stuck jobs (created, retry or active)": await one(sql`SELECT count(*)::int AS n FROM pgboss.job WHERE name LIKE 'ingest%' AND state IN ('created', 'retry', 'active')`),
    "versions failed for another reason": await one(sql`SELECT count(*)::int AS n FROM document_versions WHERE status = 'failed' AND error NOT LIKE 'Ingestion stopped responding repeatedly%'`),
    "duplicate documents (same file name, live)": await one(sql`SELECT count(*)::int AS n FROM (SELECT filename FROM documents WHERE deleted_at IS NULL GROUP BY filename HAVING count(*) > 1) x`),
    "duplicate versions (same content indexed twice in a document)": await one(sql`SELECT count(*)::int AS n FROM (SELECT document_id, sha256 FROM document_versions WHERE status <> 'failed' GROUP BY 1, 2 HAVING count(*) > 1) x`),
    "ingest jobs per version other than one": await one(sql`SELECT count(*)::int AS n FROM document_versions v WHERE (SELECT count(*) FROM pgboss.job j WHERE j.name = 'ingest' AND j.data->>'versionId' = v.id::text) <> 1`),
    "chunks of versions not ready (orphaned)": await one(sql`SELECT count(*)::int AS n FROM chunks c JOIN document_versions v ON v.id = c.version_id WHERE v.status <> 'ready'`),
    "ready versions without chunks": await one(sql`SELECT count(*)::int AS n FROM document_versions v WHERE v.status = 'ready' AND NOT EXISTS (SELECT 1 FROM chunks c WHERE c.version_id = v.id)`),
    "chunks without exactly one embedding per model": await one(sql`SELECT count(*)::int AS n FROM chunks c WHERE (SELECT count(*) FROM chunk_embeddings e WHERE e.chunk_id = c.id) <> (SELECT count(DISTINCT model) FROM chunk_embeddings)`),
  };
});
console.log(`\n${t} runs (${values.via}), ${killedMidway} killed mid-way, the last run ${lastFinished ? "finished" : "did not finish"}; failures to reopen: ${reopenFailures}\n`);
for (const [what, n] of Object.entries(counts)) console.log(`${what.padEnd(68)} ${n}`);
fs.rmSync(work, { recursive: true, force: true });
const bad = reopenFailures + counts["acknowledged uploads lost (document has no ready version)"] + counts["stuck versions (queued or processing)"] + counts["stuck jobs (created, retry or active)"] +
  counts["versions failed for another reason"] + counts["duplicate documents (same file name, live)"] + counts["duplicate versions (same content indexed twice in a document)"] + counts["ingest jobs per version other than one"] +
  counts["chunks of versions not ready (orphaned)"] + counts["ready versions without chunks"] + counts["chunks without exactly one embedding per model"] +
  (counts["documents with a ready version"] === expectedFiles ? 0 : 1) + (lastFinished ? 0 : 1);
process.exit(bad === 0 ? 0 : 1);
