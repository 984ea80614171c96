/**
 * Retrieval on a real streaming replica of the test database's server, made by pg_basebackup for
 * this file: answers come from the replica, a deletion on the primary stays visible at most for
 * the lag bound, and a stopped replica changes nothing for employees. Skipped (with the reason)
 * where no replica can be made, e.g. on the embedded database; in CI a server run must make one.
 */
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "@/db/client";
import { retrievalTraces } from "@/db/schema";
import { askerOf } from "../auth/user";
import { db, useReadReplicas } from "../db";
import { env } from "../env";
import { deleteDocument } from "../ingest/manage";
import { acceptUpload } from "../ingest/upload";
import { askAndStore } from "@/testing/answers";
import { createTestUser, drainQueue } from "@/testing/fixtures";
import { createStreamingReplica } from "@/testing/streaming-replica";
import { retrieve } from "./retrieve";

const madeIn = performance.now();
const setup = await createStreamingReplica(env().DATABASE_URL!);
if ("replica" in setup) console.log(`streaming replica made and started in ${Math.round(performance.now() - madeIn)} ms`);
if ("skipped" in setup) console.warn(`read-replica tests skipped: ${setup.skipped}`);
const replica = "replica" in setup ? setup.replica : null;

it.runIf("skipped" in setup && setup.primaryIsServer && process.env.CI)("makes a streaming replica of the PostgreSQL server in CI", () => {
  throw new Error(`CI must test read replicas, but ${"skipped" in setup ? setup.skipped : ""}`);
});

it("runs retrieval on the primary, and says so, when no replica is configured", async () => {
  const result = await retrieve(askerOf(await createTestUser("employee")), "How many days of annual leave do I get?");
  expect(result.servedBy).toEqual({ server: "primary" });
});

it("never reads from a server that is not a standby: a primary listed as a replica is passed over, and the trace says why", async () => {
  await useReadReplicas([env().DATABASE_URL!], { maxLagMs: 60_000, checkEveryMs: 60_000 });
  try {
    const result = await retrieve(askerOf(await createTestUser("employee")), "How many days of annual leave do I get?");
    expect(result.servedBy).toMatchObject({ server: "primary", fallback: expect.stringContaining("is not in recovery") });
  } finally {
    await useReadReplicas([], { maxLagMs: 60_000, checkEveryMs: 60_000 });
  }
});

const MAX_LAG_MS = 2000;
const CHECK_EVERY_MS = 200;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.runIf(replica)("retrieval on a streaming read replica", () => {
  const replicaDb = replica ? createDatabase(replica.url, { max: 1 }) : null;
  let employee: Awaited<ReturnType<typeof createTestUser>>;

  beforeAll(async () => {
    await useReadReplicas([replica!.url], { maxLagMs: MAX_LAG_MS, checkEveryMs: CHECK_EVERY_MS });
    employee = await createTestUser("employee");
  }, 60_000);
  afterAll(async () => {
    await useReadReplicas([], { maxLagMs: MAX_LAG_MS, checkEveryMs: CHECK_EVERY_MS });
    await replicaDb?.pool.end();
    await replica?.destroy();
  });

  /** A document for everyone about a word no other test uses, ingested on the primary. */
  async function document() {
    const admin = await createTestUser("admin");
    const word = `zr${randomUUID().slice(0, 6)}`;
    const text = `# ${word} allowance\n\nEvery employee may claim the ${word} allowance of 40 euros a month for home office costs.\n`;
    const upload = await acceptUpload({ filename: `${word}.md`, bytes: Buffer.from(text), uploadedBy: admin.id });
    await drainQueue();
    return { admin, word, documentId: upload.documentId, question: `How much is the ${word} allowance?` };
  }

  /** Retrieves until `done` holds for the result, and says how long that took. */
  async function retrieveUntil(question: string, done: (r: Awaited<ReturnType<typeof retrieve>>) => boolean, timeoutMs = 10_000) {
    const start = Date.now();
    for (;;) {
      const result = await retrieve(askerOf(employee), question);
      if (done(result)) return { result, ms: Date.now() - start };
      if (Date.now() - start > timeoutMs) throw new Error(`retrieval never reached the expected state: ${JSON.stringify(result.servedBy)}`);
      await sleep(20);
    }
  }
  /** A commit on the primary that the replica has replayed: its lag is counted from now on. */
  async function replayedCommit() {
    await createTestUser("employee");
    const { rows: [primary] } = await db().execute<{ lsn: string }>(sql`SELECT pg_current_wal_lsn()::text AS lsn`);
    for (let i = 0; i < 500; i++) {
      const { rows: [replayed] } = await replicaDb!.db.execute<{ done: boolean }>(sql`SELECT pg_last_wal_replay_lsn() >= ${primary!.lsn}::pg_lsn AS done`);
      if (replayed!.done) return;
      await sleep(10);
    }
    throw new Error("the replica did not replay the primary's last commit");
  }
  const finds = (documentId: string) => (r: Awaited<ReturnType<typeof retrieve>>) => r.sources.some((s) => s.documentId === documentId);

  it("serves retrieval and the chat's answers from the replica, and says so in the trace", async () => {
    const { documentId, question } = await document();
    const { result, ms } = await retrieveUntil(question, (r) => finds(documentId)(r) && r.servedBy.server === "replica");
    console.log(`replica found a new document ${ms} ms after the primary's ingest finished`);
    expect(result.servedBy).toEqual({ server: "replica", name: expect.stringContaining(":5433") });

    const messageId = await askAndStore(employee, question);
    const [trace] = await db().select().from(retrievalTraces).where(eq(retrievalTraces.messageId, messageId));
    expect(trace!.servedBy).toMatchObject({ server: "replica" });
    expect(trace!.results.length).toBeGreaterThan(0);
  });

  it("keeps finding a document deleted on the primary only within the lag bound", async () => {
    const { admin, documentId, question } = await document();
    await retrieveUntil(question, (r) => finds(documentId)(r) && r.servedBy.server === "replica");
    await replayedCommit();
    // Replay paused: the replica stops applying the primary's changes and falls behind from now on.
    await replicaDb!.db.execute(sql`SELECT pg_wal_replay_pause()`);
    try {
      const deletedAt = Date.now();
      await deleteDocument(documentId, admin);
      const stale = await retrieve(askerOf(employee), question);
      expect(stale.servedBy.server).toBe("replica");
      expect(finds(documentId)(stale)).toBe(true); // the replica's view, up to the bound behind

      const { result } = await retrieveUntil(question, (r) => !finds(documentId)(r));
      const staleFor = Date.now() - deletedAt;
      console.log(`paused replica: deleted document retrievable for ${staleFor} ms (bound ${MAX_LAG_MS} ms, checked every ${CHECK_EVERY_MS} ms)`);
      expect(result.servedBy).toMatchObject({ server: "primary", fallback: expect.stringMatching(/lags .* \(bound 2000 ms\)/) });
      expect(staleFor).toBeLessThan(MAX_LAG_MS + CHECK_EVERY_MS + 1500);
    } finally {
      await replicaDb!.db.execute(sql`SELECT pg_wal_replay_resume()`);
    }
    // Replaying again, the replica is current and answers again, without the document.
    const { result: caughtUp } = await retrieveUntil(question, (r) => r.servedBy.server === "replica");
    expect(finds(documentId)(caughtUp)).toBe(false);

    // Streaming normally, a deletion reaches retrieval on the replica within its (small) lag.
    const next = await document();
    await retrieveUntil(next.question, (r) => finds(next.documentId)(r) && r.servedBy.server === "replica");
    await deleteDocument(next.documentId, next.admin);
    const { result: gone, ms } = await retrieveUntil(next.question, (r) => !finds(next.documentId)(r));
    console.log(`streaming replica: deleted document left retrieval after ${ms} ms, served by ${gone.servedBy.server}`);
    expect(ms).toBeLessThan(MAX_LAG_MS + CHECK_EVERY_MS);
  });

  it("answers employees from the primary, with the same sources, once the replica is stopped", async () => {
    const { documentId, question } = await document();
    const before = (await retrieveUntil(question, (r) => finds(documentId)(r) && r.servedBy.server === "replica")).result;
    await replica!.stop();

    const after = await retrieve(askerOf(employee), question);
    expect(after.servedBy).toMatchObject({ server: "primary", fallback: expect.stringMatching(/5433 (failed|unreachable)/) });
    expect(after.sources.map((s) => s.chunkId)).toEqual(before.sources.map((s) => s.chunkId));

    const messageId = await askAndStore(employee, question);
    const [trace] = await db().select().from(retrievalTraces).where(eq(retrievalTraces.messageId, messageId));
    expect(trace!.servedBy).toMatchObject({ server: "primary", fallback: expect.stringContaining("5433") });
    expect(trace!.results).toHaveLength(before.sources.length);
  });
});
