import { sql } from "drizzle-orm";
import { fromDrizzle, PgBoss, type Job, type Queue } from "pg-boss";
import type { Executor } from "@/db/client";
import { databaseUrl } from "../db";
import { env } from "../env";
import { log } from "../log";

/**
 * The one background-work system: pg-boss, in the application's own database (schema `pgboss`).
 * It runs on PostgreSQL and, through the embedded wire server, on PGlite. A queue's retries,
 * backoff and heartbeats are declared here; each kind of work has its handler in its feature
 * folder.
 */
export const queues = {
  /** One job per document version to parse, chunk, embed and store. */
  ingest: "ingest",
  /** Ingest jobs that failed for good, retries spent (a worker killed again and again included). */
  ingestFailed: "ingest-failed",
  /** One job per embedding model switch: re-embed every current chunk, build the index, activate. */
  embeddingSwitch: "embedding-switch",
  /** One job per step of a fine-tune: train it (built-in), submit it, or poll the provider once. */
  fineTune: "fine-tune",
  /** One job per behaviour evaluation run an admin starts from the models page. */
  behaviourEval: "behaviour-eval",
  /** Evaluation runs whose attempts ran out without recording why (their workers kept dying). */
  behaviourEvalFailed: "behaviour-eval-failed",
  /** One job per answers evaluation an admin starts from the answer-quality page. */
  answerEval: "answer-eval",
  /** Answers evaluations whose attempts ran out without recording why (their workers kept dying). */
  answerEvalFailed: "answer-eval-failed",
} as const;

/** Retries of an ingest job after its first attempt: three attempts, 5-10 s then 10-20 s apart. */
export const INGEST_RETRY_LIMIT = 2;

/** Retries of an evaluation run whose worker died: it starts again, up to three times in all. */
export const EVAL_RETRY_LIMIT = 2;

/** How long an answers evaluation may run before it is stopped and failed: a large set on a slow model takes hours. */
export const ANSWER_EVAL_MAX_SECONDS = 6 * 3600;

/** Heartbeat of a running job: a worker that stops beating for this long is presumed dead. */
const heartbeatSeconds = () => env().INGEST_LEASE_SECONDS;

function queueOptions(): Queue[] {
  return [
    { name: queues.ingestFailed, retryLimit: 5, retryDelay: 5, retryBackoff: true, retentionSeconds: 365 * 86_400 },
    {
      name: queues.ingest,
      retryLimit: INGEST_RETRY_LIMIT,
      retryDelay: 5,
      retryBackoff: true,
      heartbeatSeconds: heartbeatSeconds(),
      // Parsing is bounded by PARSE_TIMEOUT_MS, embedding by the provider: the heartbeat, not a
      // wall-clock limit, tells a slow job from a dead one.
      expireInSeconds: 6 * 3600,
      // Waiting uploads are kept until a worker comes, however long that takes.
      retentionSeconds: 365 * 86_400,
      deadLetter: queues.ingestFailed,
    },
    {
      name: queues.embeddingSwitch,
      // A provider outage is waited out: 30 s, doubling to 10 minutes, for about an hour. The
      // error shows on the admin page meanwhile; a switch whose job gave up is queued again by the
      // next worker to start, or cancelled by an admin.
      retryLimit: 10,
      retryDelay: 30,
      retryBackoff: true,
      retryDelayMax: 600,
      heartbeatSeconds: heartbeatSeconds(),
      // Re-embedding a million chunks takes hours; the heartbeat tells a slow switch from a dead one.
      expireInSeconds: 24 * 3600,
      retentionSeconds: 365 * 86_400,
    },
    {
      name: queues.fineTune,
      // At most one step of a fine-tune waits and one runs: a step whose worker died and was
      // retried after it had already queued the next cannot start a second chain of polls.
      policy: "stately",
      retryLimit: 5,
      retryDelay: 30,
      retryBackoff: true,
      heartbeatSeconds: heartbeatSeconds(),
      // Uploading a large training file to a provider can take a while.
      expireInSeconds: 3600,
      retentionSeconds: 365 * 86_400,
    },
    { name: queues.behaviourEvalFailed, retryLimit: 5, retryDelay: 5, retryBackoff: true },
    {
      name: queues.behaviourEval,
      // A retry starts the run again: only a worker that died is retried; a model that fails
      // to answer fails the run with its reason.
      retryLimit: EVAL_RETRY_LIMIT,
      retryDelay: 5,
      heartbeatSeconds: heartbeatSeconds(),
      expireInSeconds: 3 * 3600,
      deadLetter: queues.behaviourEvalFailed,
    },
    { name: queues.answerEvalFailed, retryLimit: 5, retryDelay: 5, retryBackoff: true },
    {
      name: queues.answerEval,
      // As the behaviour evaluation: a retry (the worker died) starts the run again from the first
      // question; a run that fails on its own (a malformed set, a model that cannot answer) is not retried.
      retryLimit: EVAL_RETRY_LIMIT,
      retryDelay: 5,
      heartbeatSeconds: heartbeatSeconds(),
      // The handler stops the run itself at ANSWER_EVAL_MAX_SECONDS and records why; this is the backstop.
      expireInSeconds: ANSWER_EVAL_MAX_SECONDS + 600,
      deadLetter: queues.answerEvalFailed,
    },
  ];
}

const holder = globalThis as unknown as { groundworkJobs?: { url: string; boss: Promise<PgBoss> } };

/**
 * This process's queue client, started on first use against the database `db()` uses. Every
 * process that has one also supervises (pg-boss lets many do so at once): a command-line import
 * with no worker running must still see a job whose importer was killed come due again.
 */
export function jobQueue(): Promise<PgBoss> {
  const url = databaseUrl();
  if (holder.groundworkJobs?.url !== url) {
    const previous = holder.groundworkJobs?.boss;
    void previous?.then((boss) => boss.stop({ graceful: false })).catch(() => {});
    holder.groundworkJobs = { url, boss: startQueue(url) };
  }
  return holder.groundworkJobs.boss;
}

async function startQueue(url: string) {
  const boss = new PgBoss({
    connectionString: url,
    max: 3,
    schedule: false,
    // Expired heartbeats are noticed within a quarter of the heartbeat, not pg-boss's default minute.
    superviseIntervalSeconds: Math.max(1, Math.round(heartbeatSeconds() / 4)),
    monitorIntervalSeconds: Math.max(1, Math.round(heartbeatSeconds() / 4)),
    registerInstance: false,
    persistWarnings: false,
  });
  boss.on("error", (err: unknown) => log().error({ err }, "job queue error"));
  try {
    await boss.start();
    // Created once, by whichever process starts first; a job carries its own heartbeat (below).
    for (const { name, ...options } of queueOptions()) if (!(await boss.getQueue(name))) await boss.createQueue(name, options);
  } catch (err) {
    holder.groundworkJobs = undefined;
    await boss.stop({ graceful: false }).catch(() => {});
    throw err;
  }
  return boss;
}

/**
 * A sender for `queue` whose jobs are written in the caller's transaction: a job exists if and only
 * if its transaction commits. Awaited before the transaction opens, because starting the client
 * inside one would wait on itself on the embedded database, which serves one transaction at a time.
 * A job's heartbeat is the one configured when it is sent.
 */
export async function transactionalSender<T extends object>(queue: string) {
  const boss = await jobQueue();
  return (tx: Executor, data: T, options: { startAfterSeconds?: number; singletonKey?: string } = {}) =>
    boss.send(queue, data, {
      heartbeatSeconds: heartbeatSeconds(),
      singletonKey: options.singletonKey,
      startAfter: options.startAfterSeconds,
      db: fromDrizzle(tx, sql),
    });
}

/** Stops this process's queue client (tests, and command-line tools that are done). */
export async function stopJobQueue() {
  const current = holder.groundworkJobs;
  holder.groundworkJobs = undefined;
  if (current) await (await current.boss.catch(() => null))?.stop({ graceful: true, timeout: 5000 });
}

/**
 * Runs one due job of `queue` in this process, renewing its heartbeat meanwhile, and settles it:
 * completed when `handle` returns, failed (retried while retries remain) when it throws. For
 * command-line imports and tests that work the queue themselves; workers use `boss.work`.
 * Returns whether there was a job.
 */
export async function runOneJob<T extends object>(queue: string, handle: (job: Job<T>) => Promise<unknown>): Promise<boolean> {
  const boss = await jobQueue();
  const [job] = await boss.fetch<T>(queue);
  if (!job) return false;
  const beat = job.heartbeatSeconds ? setInterval(() => void boss.touch(queue, job).catch(() => {}), (job.heartbeatSeconds * 1000) / 2) : null;
  try {
    const output = await handle(job);
    await boss.complete(queue, job, output && typeof output === "object" ? output : null);
  } catch (err) {
    await boss.fail(queue, job, { message: err instanceof Error ? err.message : String(err) });
  } finally {
    if (beat) clearInterval(beat);
  }
  return true;
}
